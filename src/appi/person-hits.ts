/**
 * The part of a file's hits an APPI verdict reads, kept compactly: a roster of 86,000 rows has 700,000 hits,
 * and keeping them as objects until the verdict (the verdict needs all of them: whose values are an
 * organisation's is known only at the end of the file) held 260 MB of a 17 MB file's scan.
 * Kept: hits of the types that identify a person or are identifier codes, not suppressed — the only ones the
 * verdict looks at — as a type number, the value's number among the file's distinct values of its type and
 * its record (scope number and index, records.ts), all in typed arrays; each distinct value is kept once, in
 * the type's ValueTable (shared with the occurrence tally), not as a string per hit.
 * Input: hits in file order. Output: the same hits, read back by index.
 */
import type { Location } from '../model.js';
import { grown, ValueTables, type ValueTable } from '../scan/value-table.js';
import { recordIndexOf, scopeOf } from './records.js';

/** 個人識別符号 among the detectors (施行令1条, 施行規則2条–4条). */
export const IDENTIFIER_CODE_TYPES: ReadonlySet<string> = new Set(['my-number', 'passport', 'drivers-license', 'residence-card', 'pension-number', 'insurer-number']);
/** Types that identify a person on their own (besides identifier codes). */
export const IDENTIFYING_TYPES: ReadonlySet<string> = new Set(['person-name', 'email', 'phone', 'credit-card']);
/** Types the verdict reads: an address, a postal code, a birth date, an account alone identify no one. */
const VERDICT_TYPES: ReadonlySet<string> = new Set([...IDENTIFIER_CODE_TYPES, ...IDENTIFYING_TYPES]);

const INITIAL = 16;

/** A hit as the verdict reads it. */
export class PersonHits {
  private readonly typeNames: string[] = [];
  private readonly typeIds = new Map<string, number>();
  /** The value table of each type, by type number. */
  private readonly typeValues: ValueTable[] = [];
  private readonly scopeNames: string[] = [];
  private readonly scopeIds = new Map<string, number>();
  // Small at first: one is made per file, and most files have a few hits (three 1,024-entry arrays per file
  // were 1 % of a scan of 10,000 small files, in zeroing and garbage); grow() doubles them.
  private types = new Uint8Array(INITIAL);
  private scopes = new Int32Array(INITIAL);
  private indexes = new Int32Array(INITIAL);
  private valueIds = new Int32Array(INITIAL);
  private count = 0;

  /** `values`: where values are numbered (a FindingsBuilder shares its tally's). */
  constructor(private readonly values = new ValueTables()) {}

  get size(): number {
    return this.count;
  }

  /** Adds a hit the verdict reads; any other is ignored. */
  add(type: string, value: string, location: Location): void {
    this.addNumbered(type, value, undefined, location);
  }

  /**
   * add() for a caller that already numbered the value in the shared tables (`valueId`: what
   * `values.of(type).id(value)` gave it): the value is not hashed and looked up a second time.
   */
  addNumbered(type: string, value: string, valueId: number | undefined, location: Location): void {
    if (VERDICT_TYPES.has(type)) this.addInRecord(type, value, valueId, scopeOf(location), recordIndexOf(location));
  }

  /**
   * addNumbered() of a hit whose record is known without its location (`scope`: scopeOf, `index`:
   * recordIndexOf): packed hits give a cell's row as a number, not as a reference to read back.
   */
  addInRecord(type: string, value: string, valueId: number | undefined, scope: string, index: number): void {
    if (!VERDICT_TYPES.has(type)) return;
    const n = this.count++;
    if (n === this.types.length) this.grow();
    const t = idOf(type, this.typeIds, this.typeNames);
    this.typeValues[t] ??= this.values.of(type);
    this.types[n] = t;
    this.scopes[n] = idOf(scope, this.scopeIds, this.scopeNames);
    this.indexes[n] = index;
    this.valueIds[n] = valueId ?? this.typeValues[t].id(value);
  }

  type(k: number): string {
    return this.typeNames[this.types[k] ?? 0] ?? '';
  }

  /** Hit k's type as a number (0, 1, … in order of first sight): typeName() names it. */
  typeNumber(k: number): number {
    return this.types[k] ?? 0;
  }

  /** How many types the hits have: their numbers are below this. */
  get typeCount(): number {
    return this.typeNames.length;
  }

  typeName(t: number): string {
    return this.typeNames[t] ?? '';
  }

  /** How many distinct values the type numbered `t` has: its value numbers are below this. */
  distinctValues(t: number): number {
    return this.typeValues[t]?.size ?? 0;
  }

  /** The value numbered `id` among the type numbered `t`'s, as a new string. */
  valueOf(t: number, id: number): string {
    return this.typeValues[t]?.key(id) ?? '';
  }

  /** The value of hit k, as a new string (callers that compare values use valueId). */
  value(k: number): string {
    return k < this.count ? this.valueOf(this.types[k] as number, this.valueIds[k] as number) : '';
  }

  /** A number per distinct value of a type: two hits of one type have the same value ⇔ equal numbers. */
  valueId(k: number): number {
    return this.valueIds[k] ?? -1;
  }

  scope(k: number): string {
    return this.scopeNames[this.scopes[k] ?? 0] ?? '';
  }

  /** A number per scope: two hits are in the same scope exactly when their numbers are equal. */
  scopeId(k: number): number {
    return this.scopes[k] ?? -1;
  }

  index(k: number): number {
    return this.indexes[k] ?? 0;
  }

  /** Whether any hit is of one of these types. */
  hasAny(types: ReadonlySet<string>): boolean {
    return this.typeNames.some((t) => types.has(t));
  }

  private grow(): void {
    const size = this.types.length * 2;
    this.types = grown(this.types, size);
    this.scopes = grown(this.scopes, size);
    this.indexes = grown(this.indexes, size);
    this.valueIds = grown(this.valueIds, size);
  }
}

function idOf(name: string, ids: Map<string, number>, names: string[]): number {
  let id = ids.get(name);
  if (id === undefined) {
    id = names.length;
    ids.set(name, id);
    names.push(name);
  }
  return id;
}
