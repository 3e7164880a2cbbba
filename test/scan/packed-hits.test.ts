/**
 * A chunk's hits cross from a worker as columns (packed-hits.ts): unpacked, they must be the hits that were
 * packed — same fields, same key order (reports serialize them), same order — whatever they carry.
 */
import { describe, expect, it } from 'vitest';
import type { SegmentHit } from '../../src/scan/analyze-segment.js';
import { packHits, unpackHits } from '../../src/scan/packed-hits.js';
import { HitPacker } from '../../src/scan/hit-packer.js';
import { FindingsBuilder } from '../../src/scan/analyze-file.js';
import { buildAnalyzer } from '../../src/scan/analyzer.js';
import { appiVerdict } from '../../src/appi/verdict.js';
import { seededRandom } from '../properties/generators.js';

const TYPES = ['phone', 'email', 'postal-code', 'person-name', 'address'];
const VALUES = ['09012345678', 'a.b@example.jp', '', '山田 太郎', '東京都港区六本木3-14-3', '𠮷野家', '1000001'];
const LABELS = [undefined, '電話番号', 'C', 'メールアドレス'];
const SHEETS = ['Sheet1', '顧客一覧', '電話番号'];
const CELLS = ['A', 'B', 'Z', 'AA', 'XFD', 'AZ'];
/** References the columns cannot give back as written: these hits travel whole. */
const ODD_CELLS = ['a1', 'A01', 'A0', '$A$1', 'AAAA1', 'A', '1', '', 'A1B', 'Ａ1', 'A99999999999'];

function hitOf(rnd: () => number, line: number): SegmentHit {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const column = 1 + Math.floor(rnd() * 80);
  const r = rnd();
  const location: SegmentHit['location'] = r < 0.6 ? { line, column } : r < 0.65 ? { column, line } : r < 0.7 ? { line } : r < 0.95 ? { sheet: pick(SHEETS), cell: pick(CELLS) + String(line) } : { cell: pick(CELLS) + String(line), sheet: 'Sheet1' };
  if (rnd() < 0.05) Object.assign(location, { sheet: 'Sheet1' });
  if (rnd() < 0.02) location.cell = pick(ODD_CELLS);
  const hit: SegmentHit = { type: pick(TYPES), value: pick(VALUES) + (rnd() < 0.5 ? String(line) : ''), confidence: Math.round(rnd() * 99) / 100, location };
  const label = pick(LABELS);
  if (label !== undefined) hit.column = label;
  if (rnd() < 0.03) hit.suppressed = rnd() < 0.5 ? {} : { reason: 'test data' };
  if (rnd() < 0.03) Object.assign(hit, { ocr: true });
  return hit;
}

describe('packed hits', () => {
  it('pack a plain hit given as its fields (addPlain) as they pack the hit (add)', () => {
    const rnd = seededRandom(17);
    for (const count of [0, 1, 300, 3000]) {
      const hits = Array.from({ length: count }, (_, i) => hitOf(rnd, i + 1));
      const byHit = new HitPacker();
      const byFields = new HitPacker();
      let plain = 0;
      for (const h of hits) {
        byHit.add(h);
        const keys = Object.keys(h.location).join();
        if (keys === 'line,column' && h.suppressed === undefined && h.ocr === undefined) {
          plain++;
          byFields.addPlain(h.type, h.value, h.confidence, h.column, h.location.line as number, h.location.column as number);
        } else byFields.add(h);
      }
      if (count >= 300) expect(plain).toBeGreaterThan(count / 3);
      expect(byFields.done()).toEqual(byHit.done());
    }
  });

  it('unpack to the packed hits, in order and key order, whatever the batch size', () => {
    const rnd = seededRandom(13);
    for (const [count, batch] of [[0, 5], [1, 1], [7, 3], [2000, 512], [1500, 1]] as const) {
      const hits = Array.from({ length: count }, (_, i) => hitOf(rnd, i + 1));
      const batches: SegmentHit[][] = [];
      unpackHits(structuredClone(packHits(hits)), (b) => batches.push(b), batch);
      expect(batches.every((b) => b.length <= batch && b.length > 0)).toBe(true);
      expect(JSON.stringify(batches.flat())).toBe(JSON.stringify(hits));
    }
  });

  it('send values as strings of a few thousand characters at most (young-generation size on the main thread), read back exactly', () => {
    const rnd = seededRandom(11);
    const long = (i: number): string => `東京都港区六本木${'三丁目'.repeat(1 + (i % 40))}${i}`;
    const hits = Array.from({ length: 3000 }, (_, i) => ({ ...hitOf(rnd, i + 1), value: i % 3 === 0 ? long(i) : `0901234${i}` }));
    const packed = packHits(hits);
    expect(packed.values.length).toBeGreaterThan(3);
    expect(Math.max(...packed.values.map((v) => v.length))).toBeLessThan(16 * 1024 + 200);
    expect(packed.values.join('').length).toBe(packed.valueEnd[2999]);
    const back: SegmentHit[] = [];
    unpackHits(structuredClone(packed), (b) => back.push(...b), 256);
    expect(JSON.stringify(back)).toBe(JSON.stringify(hits));
  });

  it('columns are cut to the count: a worker sends no grown, half-empty buffers', () => {
    const rnd = seededRandom(7);
    const packed = packHits(Array.from({ length: 300 }, (_, i) => hitOf(rnd, i + 1)));
    for (const column of [packed.type, packed.label, packed.confidence, packed.line, packed.column, packed.sheet, packed.cellRow, packed.cellCol, packed.valueEnd]) {
      expect(column.length).toBe(300);
      expect(column.buffer.byteLength).toBe(300 * column.BYTES_PER_ELEMENT);
    }
  });

  it('send one object per hit only for hits the columns cannot hold', () => {
    const plain: SegmentHit = { type: 'phone', value: '0312345678', confidence: 0.9, location: { line: 3, column: 5 }, column: '電話番号' };
    const waived: SegmentHit = { ...plain, suppressed: { reason: 'sample' } };
    const packed = packHits([plain, plain, waived, plain]);
    expect(packed.whole.map((w) => w.at)).toEqual([2]);
    expect(packed.names).toEqual(['phone', '電話番号']);
  });

  it('make no place columns when no hit has a sheet or cell; a first one among others fills them in', () => {
    const line = (n: number): SegmentHit => ({ type: 'phone', value: `0312345${n}`, confidence: 0.9, location: { line: n, column: 1 } });
    const text = packHits([line(1), line(2), line(3)]);
    expect([text.sheet.length, text.cellRow.length, text.cellCol.length]).toEqual([0, 0, 0]);
    const mixed = [line(1), line(2), { ...line(3), location: { sheet: 'S', cell: 'B7' } }, line(4)];
    const packed = packHits(mixed);
    expect([...packed.sheet]).toEqual([-1, -1, packed.names.indexOf('S'), -1]);
    expect([...packed.cellRow]).toEqual([-1, -1, 7, -1]);
    for (const hits of [[line(1), line(2), line(3)], mixed]) {
      const back: SegmentHit[] = [];
      unpackHits(structuredClone(packHits(hits)), (b) => back.push(...b));
      expect(JSON.stringify(back)).toBe(JSON.stringify(hits));
    }
  });

  it('hold a sheet cell as its sheet and reference; a reference written otherwise travels whole', () => {
    const at = (cell: string, sheet = '名簿'): SegmentHit => ({ type: 'phone', value: '0312345678', confidence: 0.9, location: { sheet, cell } });
    const hits = [at('A1'), at('XFD1048576'), at('a1'), at('A01'), at('$B$2'), at('B2', 'Sheet2'), { ...at('C3'), location: { cell: 'C3', sheet: '名簿' } }];
    const packed = packHits(hits);
    expect(packed.whole.map((w) => w.at)).toEqual([2, 3, 4, 6]);
    expect([...packed.cellRow.slice(0, 2)]).toEqual([1, 1048576]);
    expect([...packed.cellCol.slice(0, 2)]).toEqual([0, 16383]);
    const back: SegmentHit[] = [];
    unpackHits(structuredClone(packed), (b) => back.push(...b));
    expect(JSON.stringify(back)).toBe(JSON.stringify(hits));
  });
});

describe('FindingsBuilder.addPacked', () => {
  const opts = buildAnalyzer({ minConfidence: 0.5, listed: 3 });
  const withAllowlist = buildAnalyzer({ minConfidence: 0.5, listed: 3, allowPatterns: ['^0901'] });

  /** The builder's whole state as the file result reads it: findings, occurrences, risk, verdict hits. */
  function state(b: FindingsBuilder): string {
    b.finish();
    const verdict = appiVerdict({ findings: b.persons });
    const p = b.persons;
    const records = Array.from({ length: p.size }, (_, k) => `${p.type(k)} ${p.value(k)} ${p.scope(k)} ${p.index(k)}`);
    return JSON.stringify({ findings: b.findings, occurrences: b.occurrences(), risk: b.risk.risk, verdict, records });
  }

  it.each([
    ['a file whose first hit vouches for its postal codes', 1, true, opts],
    ['a file whose postal codes are held at first (object path, then columns)', 2, false, opts],
    ['a file with an allowlist (object path throughout)', 3, true, withAllowlist],
  ])('gives what add() of the unpacked hits gives: %s', (_name, seed, vouchFirst, o) => {
    const rnd = seededRandom(seed);
    for (const count of [0, 1, 2, 5, 50, 3000]) {
      const hits = Array.from({ length: count }, (_, i) => hitOf(rnd, i + 1));
      if (vouchFirst) hits.unshift({ type: 'person-name', value: '山田 太郎', confidence: 0.9, location: { line: 1, column: 1 } });
      else hits.unshift({ type: 'postal-code', value: '1000001', confidence: 0.8, location: { line: 1, column: 1 } });
      // The first hit in a chunk of its own: the columns are read from the second chunk on when it vouched.
      const chunks = [hits.slice(0, 1), hits.slice(1, 1 + (count >> 1)), hits.slice(1 + (count >> 1))];
      const byObjects = new FindingsBuilder('a/roster.csv', o);
      const byColumns = new FindingsBuilder('a/roster.csv', o);
      for (const chunk of chunks) {
        const packed = packHits(chunk);
        unpackHits(structuredClone(packed), (b) => byObjects.add(b));
        byColumns.addPacked(structuredClone(packed));
      }
      expect(state(byColumns)).toBe(state(byObjects));
    }
  });
});
