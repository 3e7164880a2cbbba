/**
 * The occurrence tally as it was written first (a Map of every distinct value to an object): the oracle the
 * compact tally (src/scan/occurrences.ts, distinct-values.ts) is checked against. Kept as it was on purpose.
 */
import type { Level, Occurrence, OccurrenceWhere } from '../../src/model.js';
import { placeFingerprint, setFingerprint, valueLanes } from '../../src/score/fingerprint.js';
import type { PlaceFields } from '../../src/scan/occurrences.js';

interface Group {
  occ: Occurrence & { byLevel: Record<Level, number> };
  place: string;
  /** Order-free sum of the values' hash lanes (mod 2^32): the multiset digest behind `setFingerprint`. */
  lane0: number;
  lane1: number;
}

interface ValueSeen {
  /** Occurrences of the value in the file so far (suppressed ones included: fingerprints number them all). */
  n: number;
  /** The groups the value was counted in (one for almost every value). */
  groups: Group | Group[] | undefined;
  /** valueLanes of the value, kept as two numbers (one object per distinct value, no array). */
  lane0: number;
  lane1: number;
}

function placeOf(column: string | undefined, at: PlaceFields): string {
  return `${column ?? ''}\u0000${at.sheet ?? ''}\u0000${at.page ?? ''}\u0000${at.slide ?? ''}\u0000${at.part ?? ''}\u0000${at.entry ?? ''}`;
}

function whereOf(column: string | undefined, at: PlaceFields): OccurrenceWhere {
  const where: OccurrenceWhere = {};
  if (column !== undefined) where.column = column;
  if (at.sheet !== undefined) where.sheet = at.sheet;
  if (at.page !== undefined) where.page = at.page;
  if (at.slide !== undefined) where.slide = at.slide;
  if (at.part !== undefined) where.part = at.part;
  if (at.entry !== undefined) where.entry = at.entry;
  return where;
}

const RANK: Record<Level, number> = { low: 0, medium: 1, high: 2 };

/** Counts a file's occurrences as its hits go by; decides which are listed. */
export class OracleTally {
  private readonly groups = new Map<string, Group>();
  private readonly values = new Map<string, Map<string, ValueSeen>>();
  /** Set by count(): whether the occurrence just counted is listed, and its place. */
  listed = false;
  where: OccurrenceWhere = {};

  /** `limit`: occurrences listed per type and place (Infinity: all). */
  constructor(private readonly limit: number) {}

  /** Counts one more occurrence of a value toward its number in the file (every kept hit, suppressed too). */
  number(type: string, value: string): number {
    return this.seen(type, value).n;
  }

  private seen(type: string, value: string): ValueSeen {
    let byValue = this.values.get(type);
    if (!byValue) this.values.set(type, (byValue = new Map()));
    let seen = byValue.get(value);
    if (!seen) {
      const [lane0, lane1] = valueLanes(value);
      byValue.set(value, (seen = { n: 0, groups: undefined, lane0, lane1 }));
    }
    seen.n++;
    return seen;
  }

  /** Counts one unsuppressed occurrence and returns its value's occurrence number; sets `listed` and `where`. */
  count(type: string, value: string, level: Level, column: string | undefined, at: PlaceFields): number {
    const seen = this.seen(type, value);
    const place = placeOf(column, at);
    const key = `${type}\u0000${place}`;
    let group = this.groups.get(key);
    if (!group) {
      const occ = { type, count: 0, distinct: 0, level, where: whereOf(column, at), listed: 0, byLevel: { high: 0, medium: 0, low: 0 } };
      this.groups.set(key, (group = { occ, place, lane0: 0, lane1: 0 }));
    }
    const { occ } = group;
    occ.count++;
    occ.byLevel[level]++;
    if (RANK[level] > RANK[occ.level]) occ.level = level;
    if (firstIn(seen, group)) occ.distinct++;
    group.lane0 = (group.lane0 + seen.lane0) >>> 0;
    group.lane1 = (group.lane1 + seen.lane1) >>> 0;
    this.listed = occ.listed < this.limit;
    if (this.listed) occ.listed++;
    this.where = occ.where;
    return seen.n;
  }

  /** Occurrences not listed so far. */
  get unlisted(): number {
    let n = 0;
    for (const g of this.groups.values()) n += g.occ.count - g.occ.listed;
    return n;
  }

  /** The occurrences in order of first appearance, with their keyed hashes. */
  occurrences(key: string, path: string): Occurrence[] {
    return [...this.groups.values()].map((g) => {
      const digest = `${g.lane0.toString(16)}.${g.lane1.toString(16)}`;
      return {
        ...g.occ,
        fingerprint: placeFingerprint(key, path, g.occ.type, g.place),
        setFingerprint: setFingerprint(key, path, g.occ.type, g.place, g.occ.count, digest),
      };
    });
  }
}

/** True the first time a value is counted in this group. */
function firstIn(seen: ValueSeen, group: Group): boolean {
  const gs = seen.groups;
  if (gs === undefined) {
    seen.groups = group;
    return true;
  }
  if (gs === group) return false;
  if (!Array.isArray(gs)) {
    seen.groups = [gs, group];
    return true;
  }
  if (gs.includes(group)) return false;
  gs.push(group);
  return true;
}
