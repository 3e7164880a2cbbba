/**
 * The person estimate as first written, over strings: distinct values and `scope\u0001index` record names per
 * type. The oracle of the tests that check the estimate made from value and scope numbers (persons.ts).
 */
import type { PersonHits } from '../../src/appi/person-hits.js';

export function oracleEstimate(hits: PersonHits, which: readonly number[]): number {
  const values = new Map<string, Set<string>>();
  const records = new Map<string, Set<string>>();
  const lined = new Map<string, boolean>();
  for (const k of which) {
    const type = hits.type(k);
    if (!values.has(type)) {
      values.set(type, new Set());
      records.set(type, new Set());
      lined.set(type, true);
    }
    values.get(type)?.add(hits.value(k));
    if (hits.index(k) === 0) lined.set(type, false);
    records.get(type)?.add(`${hits.scope(k)}\u0001${hits.index(k)}`);
  }
  let best = 0;
  for (const [type, v] of values) {
    const r = records.get(type)?.size ?? 0;
    const contact = type === 'phone' || type === 'email';
    best = Math.max(best, contact && lined.get(type) && r >= 2 && v.size > r * 1.5 ? r : v.size);
  }
  return best;
}
