/**
 * EvidenceCollector read hit by hit (`hit`, as a chunk's hits are made: scan/chunk-analysis.ts) gathers what
 * it gathers from the same hits given at once (`segment`): the same organisations' numbers in the same order,
 * the same triggers and file words.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/normalize/normalize.js';
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

  // Lines with and without an organisation's word, some only after NFKC (ＦＡＸ, ㈱, ｾﾝﾀｰ) or among dashes and
  // ー between digits (which normalize.ts makes '-'), each with a phone number: more than a segment checks line
  // by line, so most are read from the lines marked in one pass over the analyzed text.
  const piece = fc.constantFrom('代表', 'ＦＡＸ', 'fax', '㈱サンプル', 'ｾﾝﾀｰ', 'センター', '０３ー１２３４', '03−1234', '山田 太郎', '備考', 'セン', 'ター', ' ', '、', 'ｶﾞ');
  const line = fc.tuple(fc.array(piece, { maxLength: 4 }), fc.constantFrom('0312345678', '09012345678', '0661200958', '0455551234'), fc.nat(20));
  it('marks lines in one pass with the answers of reading each line', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 40, maxLength: 90 }), fc.boolean(), (rows, crlf) => {
        const text = rows.map(([words, , n]) => `${words.join('')} 0${n}-555-0${n}`).join(crlf ? '\r\n' : '\n');
        const s: Segment = { text, origin: { line: 3, column: 1 } };
        // Every row's own number, so that each row's answer shows (a number marked once stays marked); a mobile
        // number is a person's whatever its line says.
        const rowHits: EvidenceHit[] = rows.map(([, phone, n], i) => ({ type: 'phone', value: phone.startsWith('090') ? `090555${i}` : `0${n}555${i}`, location: { line: 3 + i } }));
        const byLine = new EvidenceCollector(vocab);
        for (const h of rowHits) byLine.hit(s, h);
        const marked = new EvidenceCollector(vocab);
        marked.analyzed(s, normalize(text).text);
        for (const h of rowHits) marked.hit(s, h);
        expect(marked.done().organisation).toEqual(byLine.done().organisation);
      }),
      { numRuns: 300, seed: 20261207 },
    );
  });

  it('marks the lines of an organisation after more numbers than are read line by line', () => {
    const rows = Array.from({ length: 60 }, (_, i) => (i % 7 === 3 ? `ＦＡＸ 03-555-${1000 + i}` : `山田 03-555-${1000 + i}`));
    const s: Segment = { text: rows.join('\n'), origin: { line: 1, column: 1 } };
    const c = new EvidenceCollector(vocab);
    c.analyzed(s, normalize(s.text).text);
    rows.forEach((_, i) => c.hit(s, { type: 'phone', value: `03555${1000 + i}`, location: { line: 1 + i } }));
    expect(c.done().organisation).toEqual(rows.flatMap((_, i) => (i % 7 === 3 ? [`phone\u000003555${1000 + i}`] : [])));
  });
});
