/**
 * settleOverlaps sorts candidates by numeric keys instead of a comparator (score/confidence.ts). The oracle is
 * the comparator version written out: a stable sort by start, longest first, then the same clusters. Generated
 * candidates include equal spans (stability decides), long spans and far starts (the comparator fallback).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveOverlaps, settleOverlaps, type Scored } from '../../src/score/confidence.js';

function oracle(scored: readonly Scored[], limit: number, pending: Scored[]): Scored[] {
  const sorted = [...scored].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Scored[] = [];
  let cluster: Scored[] = [];
  let clusterEnd = -1;
  const flush = (): void => {
    if (cluster.length === 1) return void kept.push(cluster[0] as Scored);
    const ranked = [...cluster].sort((a, b) => b.confidence - a.confidence || b.end - b.start - (a.end - a.start) || a.start - b.start);
    const chosen: Scored[] = [];
    for (const s of ranked) if (!chosen.some((k) => s.start < k.end && k.start < s.end)) chosen.push(s);
    chosen.sort((a, b) => a.start - b.start || a.type.localeCompare(b.type));
    kept.push(...chosen);
  };
  for (const s of sorted) {
    if (s.start >= clusterEnd && cluster.length) {
      flush();
      cluster = [];
    }
    cluster.push(s);
    clusterEnd = Math.max(clusterEnd, s.end);
  }
  if (cluster.length && clusterEnd <= limit) flush();
  else pending.push(...cluster);
  return kept;
}

const candidate = fc
  .record({
    type: fc.constantFrom('phone', 'my-number', 'postal-code', 'bank-account'),
    start: fc.oneof(fc.nat(60), fc.constant(2 ** 24 + 3)),
    length: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.constant(5000)),
    confidence: fc.constantFrom(0.3, 0.5, 0.5, 0.9),
    id: fc.nat(1000),
  })
  .map(({ type, start, length, confidence, id }): Scored => ({ type, start, end: start + length, value: `v${id}`, bonus: 0, confidence }));

describe('settleOverlaps', () => {
  it('keeps what the comparator sort kept, in the same order, and leaves the same candidates pending', () => {
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 80 }), fc.constantFrom(Infinity, 30, 45), (scored, limit) => {
        const pending: Scored[] = [];
        const expectedPending: Scored[] = [];
        expect(settleOverlaps(scored, limit, pending)).toEqual(oracle(scored, limit, expectedPending));
        expect(pending).toEqual(expectedPending);
      }),
      { numRuns: 3000, seed: 20261206 },
    );
  });

  it('hands a cluster that reaches past the limit on in order of start, the longest first', () => {
    const short: Scored = { type: 'phone', start: 40, end: 43, value: 's', bonus: 0, confidence: 0.5 };
    const long: Scored = { ...short, end: 50, value: 'l' };
    const earlier: Scored = { ...short, start: 39, end: 41, value: 'e' };
    const pending: Scored[] = [];
    expect(settleOverlaps([short, long, earlier], 45, pending)).toEqual([]);
    expect(pending.map((s) => s.value)).toEqual(['e', 'l', 's']);
  });

  it('keeps equal candidates in their order (the first of two identical spans wins a tie)', () => {
    const a: Scored = { type: 'phone', start: 3, end: 13, value: 'a', bonus: 0, confidence: 0.5 };
    const b: Scored = { ...a, value: 'b' };
    expect(resolveOverlaps([a, b]).map((s) => s.value)).toEqual(['a']);
    expect(resolveOverlaps([b, a]).map((s) => s.value)).toEqual(['b']);
  });
});
