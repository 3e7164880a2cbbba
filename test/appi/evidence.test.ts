/**
 * EvidenceCollector read hit by hit (`hit`, as a chunk's hits are made: scan/chunk-analysis.ts) gathers what
 * it gathers from the same hits given at once (`segment`): the same organisations' numbers in the same order,
 * the same triggers and file words.
 */
import { describe, expect, it } from 'vitest';
import { EvidenceCollector, type EvidenceHit } from '../../src/appi/evidence.js';
import { readVocabularyFile } from '../../src/appi/load-vocabulary.js';
import { compileVocabulary } from '../../src/appi/vocabulary.js';
import type { Segment } from '../../src/model.js';

const vocab = compileVocabulary(readVocabularyFile());

const lines = [
  '会社概要',
  '代表 03-1234-5678（受付時間 9:00-17:00）',
  '氏名：山田 太郎 携帯 090-1234-5678',
  '株式会社サンプル 本社 06-6120-0958',
  '既往歴：糖尿病',
  '担当 佐藤 花子 03-9876-5432',
  'お問い合わせ 0120-123-456',
  '代表 03-1234-5678',
];
// The text starts at line 5 of its file, as a chunk does; hits carry file lines.
const seg: Segment = { text: lines.join('\n'), origin: { line: 5, column: 1 } };
const hits: EvidenceHit[] = [
  { type: 'person-name', value: '山田太郎', location: { line: 7 } },
  { type: 'phone', value: '0312345678', location: { line: 6 } },
  { type: 'phone', value: '09012345678', location: { line: 7 } },
  { type: 'phone', value: '0661200958', location: { line: 8 } },
  { type: 'phone', value: '0398765432', location: { line: 10 } },
  { type: 'phone', value: '0120123456', location: { line: 11 } },
  { type: 'phone', value: '0312345678', location: { line: 12 } },
];

describe('evidence, hit by hit', () => {
  it('is the evidence of the same hits given with their segment', () => {
    const atOnce = new EvidenceCollector(vocab);
    atOnce.segment(seg, hits);
    const byHit = new EvidenceCollector(vocab);
    for (const h of hits) byHit.hit(seg, h);
    byHit.segment(seg, []);
    const expected = atOnce.done();
    expect(expected.organisation.length).toBeGreaterThanOrEqual(2);
    expect(expected.triggers.length).toBeGreaterThan(0);
    expect(byHit.done()).toEqual(expected);
  });

  it('reads each segment by its own lines when hits of several segments come one after another', () => {
    const other: Segment = { text: 'メモ\n代表 06-6120-0958', origin: { line: 1, column: 1 } };
    const c = new EvidenceCollector(vocab);
    c.hit(seg, { type: 'phone', value: '09012345678', location: { line: 7 } });
    c.hit(other, { type: 'phone', value: '0661200958', location: { line: 2 } });
    expect(c.done().organisation).toEqual(['phone\u00000661200958']);
  });
});
