/**
 * How many distinct people a file holds data on. Pure.
 * For each identifying type (names, personal e-mails and phones, identifier codes, card numbers), the number of
 * distinct values; when a contact type has clearly more values than records holding it (a roster with a mobile
 * and a home number per row), the number of records instead. The estimate is the largest of these: a roster's rows,
 * the attendees of minutes, the customers of a log (a customer on 40 lines is one person).
 * Known limits (docs/appi.md): two people with the same name count once unless another column tells them
 * apart; one person written with two names (kanji and kana) in separate records counts twice.
 */
import { recordId, recordOf } from './records.js';
import type { Location } from '../model.js';

export interface PersonFinding {
  type: string;
  value: string;
  location: Location;
}

/** Values per record above which a contact type counts records instead of values. */
const VALUES_PER_RECORD = 1.5;
/**
 * Contact types: one person often has two (a mobile and a home number on one row). Names and identifier
 * codes are one per person, so several on one line are several people (attendees of a meeting).
 */
const CONTACT_TYPES: ReadonlySet<string> = new Set(['phone', 'email']);

export function estimatePersons(findings: readonly PersonFinding[]): number {
  const values = new Map<string, Set<string>>();
  const records = new Map<string, Set<string>>();
  const lined = new Map<string, boolean>();
  for (const f of findings) {
    let v = values.get(f.type);
    if (!v) {
      values.set(f.type, (v = new Set()));
      records.set(f.type, new Set());
      lined.set(f.type, true);
    }
    v.add(f.value);
    const key = recordOf(f.location);
    if (key.index === 0) lined.set(f.type, false);
    records.get(f.type)?.add(recordId(key));
  }
  let best = 0;
  for (const [type, v] of values) {
    const r = records.get(type)?.size ?? 0;
    const estimate = CONTACT_TYPES.has(type) && lined.get(type) && r >= 2 && v.size > r * VALUES_PER_RECORD ? r : v.size;
    best = Math.max(best, estimate);
  }
  return best;
}
