/**
 * One type's distinct values in a file, as the occurrence tally reads them: per value, how often it was seen
 * (occurrence numbers), its two hash lanes (the set fingerprint's multiset digest) and the places (groups) it
 * was counted in (distinct counts). In typed arrays indexed by the value's number in a ValueTable, not one
 * object per value: 300,000 distinct values per roster file were 40 MB of objects and Map entries.
 */
import { valueLanes } from '../score/fingerprint.js';
import { grown, ValueTable } from './value-table.js';

export class DistinctValues {
  private seenCount = new Int32Array(16);
  private lanes0 = new Uint32Array(16);
  private lanes1 = new Uint32Array(16);
  /** Group number + 1 of the first group a value was counted in; 0: none yet. */
  private firstGroup = new Int32Array(16);
  /** The further groups of values counted in more than one place (rare: a value in two columns). */
  private readonly moreGroups = new Map<number, number[]>();

  /** `table` may be shared with other keepers of the same type's values: it numbers values, nothing more. */
  constructor(private readonly table: ValueTable = new ValueTable()) {}

  /** Counts one more occurrence of `value`; returns its number (see `occurrences` and `lane0`). */
  see(value: string): number {
    const id = this.table.id(value);
    if (id >= this.seenCount.length) this.grow();
    if (this.seenCount[id] === 0) this.first(id, value);
    this.seenCount[id] = (this.seenCount[id] as number) + 1;
    return id;
  }

  /** Occurrences of the value so far. */
  occurrences(id: number): number {
    return this.seenCount[id] as number;
  }

  lane0(id: number): number {
    return this.lanes0[id] as number;
  }

  lane1(id: number): number {
    return this.lanes1[id] as number;
  }

  /** True the first time the value is counted in `group` (a number ≥ 0). */
  firstIn(id: number, group: number): boolean {
    const first = this.firstGroup[id] as number;
    if (first === 0) {
      this.firstGroup[id] = group + 1;
      return true;
    }
    if (first === group + 1) return false;
    const more = this.moreGroups.get(id);
    if (!more) {
      this.moreGroups.set(id, [group]);
      return true;
    }
    if (more.includes(group)) return false;
    more.push(group);
    return true;
  }

  /** Room for every number the table has given (others may have added values to it since). */
  private grow(): void {
    let size = this.seenCount.length * 2;
    while (size < this.table.size) size *= 2;
    this.seenCount = grown(this.seenCount, size);
    this.firstGroup = grown(this.firstGroup, size);
    this.lanes0 = grown(this.lanes0, size);
    this.lanes1 = grown(this.lanes1, size);
  }

  /** A value seen here for the first time: its hash lanes, once. */
  private first(id: number, value: string): void {
    const [lane0, lane1] = valueLanes(value);
    this.lanes0[id] = lane0;
    this.lanes1[id] = lane1;
  }
}
