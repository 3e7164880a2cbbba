/**
 * Blocks of cell segments cross threads as columns (src/scan/packed-segments.ts) and their hits as columns
 * located by segment (src/scan/block-hits.ts): unpacked, both must be what was packed — the same JSON, keys in
 * the same order, shared header lists kept — for spreadsheet cells and for segments of any other shape.
 */
import { describe, expect, it } from 'vitest';
import type { Segment } from '../../src/model.js';
import type { SegmentHit } from '../../src/scan/analyze-segment.js';
import { BlockHitPacker, unpackBlockHits } from '../../src/scan/block-hits.js';
import { SegmentPacker, unpackSegments } from '../../src/scan/packed-segments.js';
import { seededRandom } from '../properties/generators.js';

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

const HEADERS = [['氏名'], ['連絡先', '電話番号'], ['E-mail']];

function segment(random: () => number, i: number): Segment {
  const shape = Math.floor(random() * 8);
  const text = pick(random, ['試験 太郎', '090-1234-5678', '', '糖尿病', `値${i}`]);
  const cell = `${pick(random, ['A', 'B', 'AA'])}${i + 1}`;
  if (shape === 0) return { text, origin: { line: i + 1, column: 1 } };
  if (shape === 1) return { text, origin: { sheet: 'S', part: 'header' }, labelZone: true };
  if (shape === 2) return { text, origin: { cell, sheet: 'S' } }; // keys in another order: travels whole
  if (shape === 3) return { text, origin: { sheet: 'S', cell }, ocr: true };
  const seg: Segment = { text, origin: { sheet: pick(random, ['S1', '名簿']), cell } };
  const headers = random() < 0.7 ? pick(random, HEADERS) : undefined;
  if (headers && random() < 0.8) seg.header = headers[headers.length - 1] as string;
  if (shape !== 4) {
    seg.cell = { table: 1 + Math.floor(random() * 2), row: i, col: Math.floor(random() * 30) };
    if (headers) seg.cell.headers = headers;
    if (random() < 0.2) seg.cell.label = pick(random, ['氏名', '住所']);
  }
  if (random() < 0.3) seg.labelZone = true;
  return seg;
}

function hitsOf(random: () => number, seg: Segment): SegmentHit[] {
  return Array.from({ length: Math.floor(random() * 3) }, () => {
    const hit: SegmentHit = { type: pick(random, ['phone', 'person-name']), value: seg.text || 'x', confidence: random(), location: { ...seg.origin } };
    if (random() < 0.5) hit.column = pick(random, ['A', '電話番号']);
    if (random() < 0.1) hit.suppressed = {};
    if (random() < 0.1) hit.location = { ...seg.origin, line: 3 };
    return hit;
  });
}

describe('packed segments and block hits', () => {
  it.each([1, 2, 3, 4])('unpack to what was packed (seed %i)', (seed) => {
    const random = seededRandom(20261206 + seed);
    const segments = Array.from({ length: 300 }, (_, i) => segment(random, i));
    const packer = new SegmentPacker(segments.length);
    for (const s of segments) packer.add(s);
    const packed = structuredClone(packer.done());
    expect(packed.whole.length).toBeGreaterThan(10);
    expect(packed.whole.length).toBeLessThan(200);
    const back = unpackSegments(packed);
    expect(JSON.stringify(back)).toBe(JSON.stringify(segments));
    // Cells of one column share one header list, as the layout made them.
    const lists = new Set(back.map((s) => s.cell?.headers).filter((h) => h !== undefined));
    expect(lists.size).toBeLessThanOrEqual(HEADERS.length);

    const hits = segments.map((s) => hitsOf(random, s));
    const hitPacker = new BlockHitPacker();
    back.forEach((s, at) => hits[at]?.forEach((h) => hitPacker.add(h, at, s)));
    const packedHits = structuredClone(hitPacker.done());
    expect(packedHits.whole.length).toBeGreaterThan(0);
    expect(packedHits.whole.length).toBeLessThan(packedHits.count * 0.8);
    expect(JSON.stringify(unpackBlockHits(packedHits, packed))).toBe(JSON.stringify(hits.flat()));
  });
});
