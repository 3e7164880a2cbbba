/**
 * How many distinct people a file holds data on. Pure.
 * For each identifying type (names, personal e-mails and phones, identifier codes, card numbers), the number of
 * distinct values; when a contact type has clearly more values than records holding it (a roster with a mobile
 * and a home number per row), the number of records instead. The estimate is the largest of these: a roster's rows,
 * the attendees of minutes, the customers of a log (a customer on 40 lines is one person).
 * Known limits (docs/appi.md): two people with the same name count once unless another column tells them
 * apart; one person written with two names (kanji and kana) in separate records counts twice.
 */
import type { PersonHits } from './person-hits.js';

/** Values per record above which a contact type counts records instead of values. */
const VALUES_PER_RECORD = 1.5;
/**
 * Contact types: one person often has two (a mobile and a home number on one row). Names and identifier
 * codes are one per person, so several on one line are several people (attendees of a meeting).
 */
const CONTACT_TYPES: ReadonlySet<string> = new Set(['phone', 'email']);

/** Scope numbers are far below 2^20 and record indexes below 2^31: one exact double names a record. */
const SCOPE_STRIDE = 2 ** 32;

/**
 * `which`: indexes of the hits that count (people's values of counting types). Values and records are
 * compared by their numbers in `hits` (equal numbers ⇔ equal values, equal scopes): no string per hit.
 */
export function estimatePersons(hits: PersonHits, which: readonly number[]): number {
  const values = new Map<string, Set<number>>();
  const records = new Map<string, Set<number>>();
  const lined = new Map<string, boolean>();
  for (const k of which) {
    const type = hits.type(k);
    let v = values.get(type);
    if (!v) {
      values.set(type, (v = new Set()));
      records.set(type, new Set());
      lined.set(type, true);
    }
    v.add(hits.valueId(k));
    const index = hits.index(k);
    if (index === 0) lined.set(type, false);
    records.get(type)?.add(hits.scopeId(k) * SCOPE_STRIDE + index);
  }
  let best = 0;
  for (const [type, v] of values) {
    const r = records.get(type)?.size ?? 0;
    const estimate = CONTACT_TYPES.has(type) && lined.get(type) && r >= 2 && v.size > r * VALUES_PER_RECORD ? r : v.size;
    best = Math.max(best, estimate);
  }
  return best;
}
