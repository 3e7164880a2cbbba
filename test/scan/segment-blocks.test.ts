/**
 * analyzeSegmentInto analyzes a long text in blocks of whole lines (BLOCK_CHARS); the block size is a cost,
 * never a result: candidates, contexts and overlaps that cross a block's end must come out as one pass over
 * the whole text gives them. Checked on the repository's text fixtures and a generated roster, with blocks of
 * one line, of a few hundred characters and the default, against one block.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tableOf, textFormatOf } from '../../src/extract/text.js';
import type { Segment, SegmentHit } from '../../src/model.js';
import { loadBuiltinRules } from '../../src/patterns/load.js';
import { analyzeSegmentInto, BLOCK_CHARS, blockCharsFor, LONG_TABLE_CHARS, TABLE_BLOCK_CHARS, type HitFields } from '../../src/scan/analyze-segment.js';
import { seededRandom } from '../properties/generators.js';

const rules = loadBuiltinRules();
const ruleMap = new Map(rules.map((r) => [r.id, r]));

function hitsOf(seg: Segment, blockChars?: number): SegmentHit[] {
  const hits: SegmentHit[] = [];
  analyzeSegmentInto(seg, rules, ruleMap, 0.3, (h) => hits.push(h), blockChars);
  return hits;
}

function segmentOf(text: string, name: string): Segment {
  const table = tableOf(text, textFormatOf(name));
  return table ? { text, table, origin: { line: 1, column: 1 } } : { text, origin: { line: 1, column: 1 } };
}

function roster(rows: number): string {
  const rnd = seededRandom(20261209);
  const d = (n: number): string => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');
  const lines = ['社員名簿（社外秘）', '', '氏名,生年月日,郵便番号,住所,電話番号,携帯電話,メール,備考'];
  for (let i = 0; i < rows; i++) {
    const note = rnd() < 0.3 ? `"連絡先
TEL 06-${d(4)}-${d(4)}"` : `注文番号 ${d(7)}`;
    lines.push(`山田 太郎,19${d(2)}/0${1 + (i % 9)}/1${i % 10},${d(3)}-${d(4)},東京都港区芝公園${1 + (i % 4)}-${1 + (i % 9)}-${i % 20},03-${d(4)}-${d(4)},090-${d(4)}-${d(4)},user${i}@example.co.jp,${note}`);
  }
  return lines.join('\n');
}

describe('a segment analyzed block by block', () => {
  it('gives the hits of one pass over a generated roster, whatever the block size', () => {
    const seg = segmentOf(roster(400), 'roster.csv');
    const whole = hitsOf(seg, Infinity);
    expect(whole.length).toBeGreaterThan(2000);
    for (const size of [1, 97, 1000, BLOCK_CHARS]) expect(hitsOf(seg, size)).toEqual(whole);
  });

  it('takes 1 K blocks for a long table only, and they give the hits of one pass', () => {
    const origin = { line: 1, column: 1 };
    expect(blockCharsFor(segmentOf('a,b\n1,2\n', 'x.csv'), LONG_TABLE_CHARS)).toBe(TABLE_BLOCK_CHARS);
    expect(blockCharsFor(segmentOf('a,b\n1,2\n', 'x.csv'), LONG_TABLE_CHARS - 1)).toBe(BLOCK_CHARS);
    expect(blockCharsFor({ text: 'prose', origin }, 10 * LONG_TABLE_CHARS)).toBe(BLOCK_CHARS);
    const seg = segmentOf(roster(2600), 'roster.csv');
    expect(seg.text.length).toBeGreaterThanOrEqual(LONG_TABLE_CHARS);
    const whole = hitsOf(seg, Infinity);
    expect(whole.length).toBeGreaterThan(15_000);
    expect(hitsOf(seg)).toEqual(whole);
  });

  it('gives the hits of one pass on every text fixture, with blocks of one line and of 300 characters', () => {
    const files = readdirSync('fixtures', { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(txt|csv|tsv|log|md|json|ya?ml|sql|env|ini)$/.test(f))
      .map((f) => join('fixtures', f))
      .filter((f) => statSync(f).isFile());
    expect(files.length).toBeGreaterThan(100);
    let hits = 0;
    for (const file of files) {
      const bytes = readFileSync(file);
      if (bytes.length > 200_000) continue;
      const text = new TextDecoder('utf-8').decode(bytes);
      const seg = segmentOf(text, file);
      const whole = hitsOf(seg, Infinity);
      hits += whole.length;
      for (const size of [1, 300]) {
        const blocks = hitsOf(seg, size);
        if (JSON.stringify(blocks) !== JSON.stringify(whole)) expect({ file, size, blocks }).toEqual({ file, size, blocks: whole });
      }
    }
    expect(hits).toBeGreaterThan(1000);
  });

  it('hands a HitFields sink the same hits: plain ones as their fields, the others (suppressed, OCR, other origins) as objects', () => {
    /** The hits as a HitFields sink gets them, each plain one made back into the object analyzeSegment makes. */
    const fieldsOf = (seg: Segment): { hits: SegmentHit[]; plain: number } => {
      const hits: SegmentHit[] = [];
      let plain = 0;
      const sink: HitFields = {
        plain: (type, value, confidence, label, line, column) => {
          plain++;
          const hit: SegmentHit = { type, value, confidence, location: { line, column } };
          if (label !== undefined) hit.column = label;
          hits.push(hit);
        },
        hit: (h) => hits.push(h),
      };
      analyzeSegmentInto(seg, rules, ruleMap, 0.3, sink);
      return { hits, plain };
    };
    const text = roster(300)
      .split('\n')
      .map((line, i) => (i % 17 === 5 ? `${line} # jpii-ignore` : i % 23 === 7 ? `# jpii-ignore-next-line\n${line}` : line))
      .join('\n');
    const table = segmentOf(text, 'roster.csv');
    const cases: Segment[] = [
      table,
      { ...table, origin: { line: 40, column: 7 } },
      { text: 'ご担当 山田 太郎 様\n電話 03-1234-5678 # jpii-ignore\nTEL 06-6120-0958', origin: { line: 3, column: 5 } },
      // Not a line and a column: every hit goes as an object.
      { ...table, origin: { column: 1, line: 1 } },
      { ...table, origin: { line: 1, column: 1, page: 2 } },
      { text: 'TEL 03-1234-5678', origin: { line: 1, column: 1 }, ocr: true },
      { text: '090-1234-5678', origin: { sheet: 'S', cell: 'B2' } },
    ];
    const plainCounts: number[] = [];
    for (const seg of cases) {
      const { hits, plain } = fieldsOf(seg);
      plainCounts.push(plain);
      expect(JSON.stringify(hits)).toBe(JSON.stringify(hitsOf(seg)));
    }
    expect(hitsOf(table).some((h) => h.suppressed)).toBe(true);
    // On the segment's first line a column counts from the origin's column; on the others from 1.
    expect(hitsOf(cases[2] as Segment).map((h) => [h.type, h.location, h.suppressed !== undefined])).toEqual([
      ['person-name', { line: 3, column: 9 }, false],
      ['phone', { line: 4, column: 4 }, true],
      ['phone', { line: 5, column: 5 }, false],
    ]);
    expect(plainCounts[0]).toBeGreaterThan(1000);
    expect(plainCounts[0]).toBeLessThan(hitsOf(table).length);
    expect(plainCounts[2]).toBe(2);
    expect(plainCounts.slice(3)).toEqual([0, 0, 0, 0]);
  });
});
