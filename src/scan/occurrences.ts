/**
 * Occurrences (CONTRACT.md `occurrences`): a file's kept hits counted per type and place — column, sheet,
 * page, slide, document part, archive entry — with the exact count, the distinct values, the count per level
 * and a keyed hash of the values, while only the first `limit` of each are listed as findings.
 * Input: a file's kept hits in file order. Output: per hit, "listed or not" and its value's occurrence number
 * in the file; at the end, the Occurrence[]. Never: masks or builds findings — the caller does that for the
 * listed ones only, which is what keeps a roster of 86,000 rows cheap.
 */
import { UNLABELLED_TYPE, type FileResult, type Level, type Occurrence, type OccurrenceWhere } from '../model.js';
import { placeFingerprint, setFingerprint } from '../score/fingerprint.js';
import { DistinctValues } from './distinct-values.js';
import { ValueTables } from './value-table.js';

/** Occurrences listed per type and place without --all-findings (Amazon Macie lists 15 per type per object). */
export const DEFAULT_LISTED = 15;

/** Where a hit sits, as far as places go (a Location's keys; `column` is the header's name, not a number). */
export interface PlaceFields {
  sheet?: string;
  page?: number;
  slide?: number;
  part?: string;
  entry?: string;
}

interface Group {
  occ: Occurrence & { byLevel: Record<Level, number> };
  place: string;
  /** Its number in the tally (what DistinctValues records of the places a value was counted in). */
  index: number;
  /** Order-free sum of the values' hash lanes (mod 2^32): the multiset digest behind `setFingerprint`. */
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
export class OccurrenceTally {
  /** In order of first appearance. */
  private readonly groups: Group[] = [];
  /** Groups by type and place key (placeOf), for hits with a sheet, page, slide, part or entry. */
  private readonly placed = new Map<string, Group>();
  /**
   * Groups by type and column, for hits with nothing else to their place (every hit of a CSV): no place key
   * is built per hit (two strings for each of a roster's 700,000 hits).
   */
  private readonly columns = new Map<string, Map<string, Group>>();
  /** Likewise for hits whose place is a sheet and a column (every hit of a workbook's cells): sheet → type → column. */
  private readonly sheets = new Map<string, Map<string, Map<string, Group>>>();
  private readonly values = new Map<string, DistinctValues>();
  /** Set by count(): whether the occurrence just counted is listed, and its place. */
  listed = false;
  where: OccurrenceWhere = {};
  /** Set by count(): the value's number in its type's table (`tables.of(type).id(value)`). */
  valueId = -1;

  /** `limit`: occurrences listed per type and place (Infinity: all); `tables`: where values are numbered. */
  constructor(
    private readonly limit: number,
    private readonly tables = new ValueTables(),
  ) {}

  /** Counts one more occurrence of a value toward its number in the file (every kept hit, suppressed too). */
  number(type: string, value: string): number {
    const values = this.valuesOf(type);
    return values.occurrences(values.see(value));
  }

  private valuesOf(type: string): DistinctValues {
    let values = this.values.get(type);
    if (!values) this.values.set(type, (values = new DistinctValues(this.tables.of(type))));
    return values;
  }

  /** Counts one unsuppressed occurrence and returns its value's occurrence number; sets `listed` and `where`. */
  count(type: string, value: string, level: Level, column: string | undefined, at: PlaceFields): number {
    const values = this.valuesOf(type);
    const id = values.see(value);
    const group = this.groupOf(type, column, at, level);
    const { occ } = group;
    occ.count++;
    occ.byLevel[level]++;
    if (RANK[level] > RANK[occ.level]) occ.level = level;
    if (values.firstIn(id, group.index)) occ.distinct++;
    group.lane0 = (group.lane0 + values.lane0(id)) >>> 0;
    group.lane1 = (group.lane1 + values.lane1(id)) >>> 0;
    this.listed = occ.listed < this.limit;
    if (this.listed) occ.listed++;
    this.where = occ.where;
    this.valueId = id;
    return values.occurrences(id);
  }

  private groupOf(type: string, column: string | undefined, at: PlaceFields, level: Level): Group {
    // The place key writes an empty string and a missing field alike: so does this test.
    const byColumn = !at.sheet && at.page === undefined && at.slide === undefined && !at.part && !at.entry;
    if (byColumn) return this.inColumns(this.columns, type, column, at, level);
    if (at.page === undefined && at.slide === undefined && !at.part && !at.entry) {
      const sheet = at.sheet as string;
      let ofSheet = this.sheets.get(sheet);
      if (!ofSheet) this.sheets.set(sheet, (ofSheet = new Map()));
      return this.inColumns(ofSheet, type, column, at, level);
    }
    const key = `${type}\u0000${placeOf(column, at)}`;
    const group = this.placed.get(key);
    if (group) return group;
    const made = this.newGroup(type, column, at, level);
    this.placed.set(key, made);
    return made;
  }

  /** The group of a type and column among `byType`'s (a place's groups), made when new. */
  private inColumns(byType: Map<string, Map<string, Group>>, type: string, column: string | undefined, at: PlaceFields, level: Level): Group {
    let ofType = byType.get(type);
    if (!ofType) byType.set(type, (ofType = new Map()));
    const group = ofType.get(column ?? '');
    if (group) return group;
    const made = this.newGroup(type, column, at, level);
    ofType.set(column ?? '', made);
    return made;
  }

  private newGroup(type: string, column: string | undefined, at: PlaceFields, level: Level): Group {
    const occ = { type, count: 0, distinct: 0, level, where: whereOf(column, at), listed: 0, byLevel: { high: 0, medium: 0, low: 0 } };
    const group = { occ, place: placeOf(column, at), index: this.groups.length, lane0: 0, lane1: 0 };
    this.groups.push(group);
    return group;
  }

  /** Occurrences not listed so far. */
  get unlisted(): number {
    let n = 0;
    for (const g of this.groups) n += g.occ.count - g.occ.listed;
    return n;
  }

  /** The occurrences in order of first appearance, with their keyed hashes. */
  occurrences(key: string, path: string): Occurrence[] {
    return this.groups.map((g) => {
      const digest = `${g.lane0.toString(16)}.${g.lane1.toString(16)}`;
      return {
        ...g.occ,
        fingerprint: placeFingerprint(key, path, g.occ.type, g.place),
        setFingerprint: setFingerprint(key, path, g.occ.type, g.place, g.occ.count, digest),
      };
    });
  }
}

/**
 * A result whose findings are all listed (a scan with the limit off), narrowed by a filter (--diff's added
 * lines, a baseline), counted again and listed to `limit`. Findings keep their fingerprints. Values must be
 * there (a cached result has none: its distinct counts then fall to the masked values').
 */
export function relisted(file: FileResult, limit: number, key: string): FileResult {
  if (!file.occurrences) return file;
  const tally = new OccurrenceTally(limit);
  const findings = file.findings.filter((f) => {
    if (f.suppressed || f.type === UNLABELLED_TYPE) return true;
    tally.count(f.type, f.value || f.masked, f.level, f.where?.column, f.where ?? f.location);
    if (tally.listed) f.where = tally.where;
    return tally.listed;
  });
  return { ...file, findings, occurrences: tally.occurrences(key, file.path) };
}
