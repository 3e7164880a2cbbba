/**
 * How many distinct people a file holds data on. Pure.
 * For each identifying type (names, personal e-mails and phones, identifier codes, card numbers), the number of
 * distinct values; when a contact type has clearly more values than records holding it (a roster with a mobile
 * and a home number per row), the number of records instead. The estimate is the largest of these: a roster's rows,
 * the attendees of minutes, the customers of a log (a customer on 40 lines is one person).
 * Known limits (docs/appi.md): two people with the same name count once unless another column tells them
 * apart; one person written with two names (kanji and kana) in separate records counts twice.
 */
import { grown } from '../scan/value-table.js';
import type { PersonHits } from './person-hits.js';

/** Values per record above which a contact type counts records instead of values. */
const VALUES_PER_RECORD = 1.5;
/**
 * Contact types: one person often has two (a mobile and a home number on one row). Names and identifier
 * codes are one per person, so several on one line are several people (attendees of a meeting).
 */
const CONTACT_TYPES: ReadonlySet<string> = new Set(['phone', 'email']);

/**
 * The distinct record indexes of one type in one scope. Hits come in file order, so indexes mostly arrive
 * ascending: those are kept in one growing array of numbers (8 bytes a record); an index below the last is
 * looked up there (binary search) and, when new, kept in a Set. As a Set of numbers, a roster's 86,000 rows
 * per type cost ≈ 3 MB of heap each, and its rehashes more, in the burst at the end of every file that was
 * the main thread's memory peak.
 */
class RecordSet {
  private ascending = new Float64Array(64);
  private count = 0;
  private others: Set<number> | undefined;

  /** Adds the index; true when it was not there yet. */
  add(index: number): boolean {
    const n = this.count;
    const last = n === 0 ? -Infinity : (this.ascending[n - 1] as number);
    if (index > last) {
      if (n === this.ascending.length) this.ascending = grown(this.ascending, n * 2);
      this.ascending[this.count++] = index;
      return true;
    }
    if (index === last || this.holds(index)) return false;
    this.others ??= new Set();
    const before = this.others.size;
    this.others.add(index);
    return this.others.size !== before;
  }

  private holds(index: number): boolean {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.ascending[mid] as number) < index) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.count && this.ascending[lo] === index;
  }
}

/** What estimatePersons counts of one type. */
interface TypeCount {
  /** Per value number: 1 once counted. */
  seen: Uint8Array;
  values: number;
  /** Per scope number, the record indexes seen in it. */
  records: Map<number, RecordSet>;
  recordCount: number;
  /** Whether every hit of the type had a line or row (index > 0). */
  lined: boolean;
}

/**
 * `which`: indexes of the hits that count (people's values of counting types). Values and records are
 * compared by their numbers in `hits` (equal numbers ⇔ equal values, equal scopes), per type by its number:
 * no string per hit, and records as small integers (a record made one number of scope and index was a
 * heap-allocated double per hit).
 */
export function estimatePersons(hits: PersonHits, which: ArrayLike<number>): number {
  const byType: (TypeCount | undefined)[] = [];
  for (let i = 0; i < which.length; i++) {
    const k = which[i] as number;
    const t = hits.typeNumber(k);
    const count = (byType[t] ??= { seen: new Uint8Array(hits.distinctValues(t)), values: 0, records: new Map(), recordCount: 0, lined: true });
    const id = hits.valueId(k);
    if (count.seen[id] === 0) {
      count.seen[id] = 1;
      count.values++;
    }
    const index = hits.index(k);
    if (index === 0) count.lined = false;
    const scope = hits.scopeId(k);
    let records = count.records.get(scope);
    if (!records) count.records.set(scope, (records = new RecordSet()));
    if (records.add(index)) count.recordCount++;
  }
  let best = 0;
  byType.forEach((count, t) => {
    if (!count) return;
    const r = count.recordCount;
    const v = count.values;
    const estimate = CONTACT_TYPES.has(hits.typeName(t)) && count.lined && r >= 2 && v > r * VALUES_PER_RECORD ? r : v;
    best = Math.max(best, estimate);
  });
  return best;
}
