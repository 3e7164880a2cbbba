/**
 * PackedHits (packed-hits.ts) built one hit at a time, so a chunk's hits need not all live as objects until
 * it is packed: a 2 MB roster chunk's 80,000 hit objects (with their locations) outlived the young generation
 * and were copied and promoted by the garbage collector, a fifth of a worker's time. Each hit is dropped as
 * soon as it is written into the columns. The columns grow by doubling and are cut to size at the end.
 */
import type { SegmentHit } from './analyze-segment.js';
import type { PackedHits } from './packed-hits.js';

/**
 * A hit fits the columns when it has nothing but these fields, its location's in the order unpacking writes
 * them (line, column, sheet, cell) and its cell, if any, a reference the columns give back exactly.
 */
function plain(h: SegmentHit, cell: { row: number; col: number }): boolean {
  if (h.suppressed !== undefined || h.ocr !== undefined) return false;
  let seen = 0;
  for (const k in h.location) {
    const rank = k === 'line' ? 1 : k === 'column' ? 2 : k === 'sheet' ? 3 : k === 'cell' ? 4 : 5;
    if (rank <= seen || rank === 5) return false;
    seen = rank;
  }
  return h.location.cell === undefined || readCell(h.location.cell, cell);
}

/**
 * `B12` → row 12, column 1: only a reference that cellName() writes back the same (upper-case letters, a row
 * without leading zeros), so what is unpacked is what was packed.
 */
function readCell(ref: string, out: { row: number; col: number }): boolean {
  let i = 0;
  let col = 0;
  for (let c = ref.charCodeAt(0); c >= 0x41 && c <= 0x5a && i < 3; c = ref.charCodeAt(++i)) col = col * 26 + (c - 0x40);
  if (i === 0 || i === ref.length || ref.charCodeAt(i) === 0x30) return false;
  let row = 0;
  for (let j = i; j < ref.length; j++) {
    const d = ref.charCodeAt(j) - 0x30;
    if (d < 0 || d > 9) return false;
    row = row * 10 + d;
  }
  if (row > 0x7fffffff) return false;
  out.row = row;
  out.col = col - 1;
  return true;
}

/** The place columns of a packer none of whose hits has a sheet or cell (packed-hits.ts reads them as -1). */
const NONE = new Int32Array(0);

const JOIN_RUN = 1024;
/**
 * A run of values ends at this many characters too: each run crosses to the main thread as its own string,
 * small enough to be made in its young generation and freed with the batch that used it. One string of a
 * chunk's values (a megabyte) went to the large-object space, where only a full collection frees it: at the
 * roster set's peak the main thread held 34–36 MB of them, dead.
 */
const RUN_CHARS = 16 * 1024;

export class HitPacker {
  private n = 0;
  private readonly index = new Map<string, number>();
  private readonly names: string[] = [];
  private type = new Uint16Array(256);
  private label = new Int32Array(256);
  private confidence = new Float64Array(256);
  private line = new Int32Array(256);
  private column = new Int32Array(256);
  /**
   * Made at the first hit with a sheet or cell (-1 filled in for the hits before): a text's chunks have none,
   * and three more columns grown by doubling for each of a roster's chunks were 17,000 page faults a scan.
   */
  private sheet = NONE;
  private cellRow = NONE;
  private cellCol = NONE;
  private readonly cell = { row: 0, col: 0 };
  private valueEnd = new Uint32Array(256);
  /** Values not yet joined, and the joined runs: one join of 80,000 short strings took 4× as long as 80 of 1,000. */
  private values: string[] = [];
  private readonly runs: string[] = [];
  /** Per run: the index of the hit after its last value. */
  private readonly runEnds: number[] = [];
  private end = 0;
  /** `end` where the current run started. */
  private runStart = 0;
  private readonly whole: PackedHits['whole'] = [];

  add(h: SegmentHit): void {
    const { cell } = this;
    cell.row = -1;
    const whole = !plain(h, cell);
    const i = this.fields(h.type, h.value, h.confidence, h.column, h.location.line ?? -1, h.location.column ?? -1);
    if (whole) this.whole.push({ at: i, hit: h });
    const sheet = h.location.sheet === undefined ? -1 : this.nameOf(h.location.sheet);
    if (sheet >= 0 || cell.row >= 0 || this.sheet !== NONE) {
      if (this.sheet === NONE) this.placesFrom(i);
      this.sheet[i] = sheet;
      this.cellRow[i] = cell.row;
      this.cellCol[i] = cell.row < 0 ? -1 : cell.col;
    }
  }

  /**
   * add() of a hit with nothing but a type, value, confidence, column label, line and column (what `plain`
   * accepts with no sheet or cell), from its fields: no hit or location object to make and read.
   */
  addPlain(type: string, value: string, confidence: number, label: string | undefined, line: number, column: number): void {
    const i = this.fields(type, value, confidence, label, line, column);
    if (this.sheet !== NONE) {
      this.sheet[i] = -1;
      this.cellRow[i] = -1;
      this.cellCol[i] = -1;
    }
  }

  /** The next hit's columns other than its place (sheet, cell); returns its index. */
  private fields(type: string, value: string, confidence: number, label: string | undefined, line: number, column: number): number {
    const i = this.n++;
    if (i === this.type.length) this.grow();
    this.type[i] = this.nameOf(type);
    this.label[i] = label === undefined ? -1 : this.nameOf(label);
    this.confidence[i] = confidence;
    this.line[i] = line;
    this.column[i] = column;
    this.values.push(value);
    this.valueEnd[i] = this.end += value.length;
    if (this.values.length === JOIN_RUN || this.end - this.runStart >= RUN_CHARS) this.endRun();
    return i;
  }

  /** The place columns, made now, for the hits before `i` too (which had neither sheet nor cell). */
  private placesFrom(i: number): void {
    const size = this.type.length;
    this.sheet = new Int32Array(size).fill(-1, 0, i);
    this.cellRow = new Int32Array(size).fill(-1, 0, i);
    this.cellCol = new Int32Array(size).fill(-1, 0, i);
  }

  private endRun(): void {
    this.runs.push(this.values.join(''));
    this.runEnds.push(this.n);
    this.values = [];
    this.runStart = this.end;
  }

  done(): PackedHits {
    const n = this.n;
    if (this.values.length > 0) this.endRun();
    const { names, whole } = this;
    return {
      count: n,
      names,
      type: this.type.slice(0, n),
      label: this.label.slice(0, n),
      confidence: this.confidence.slice(0, n),
      line: this.line.slice(0, n),
      column: this.column.slice(0, n),
      sheet: this.sheet.slice(0, n),
      cellRow: this.cellRow.slice(0, n),
      cellCol: this.cellCol.slice(0, n),
      values: this.runs,
      runEnds: Uint32Array.from(this.runEnds),
      valueEnd: this.valueEnd.slice(0, n),
      whole,
    };
  }

  private nameOf(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) this.index.set(s, (i = this.names.push(s) - 1));
    return i;
  }

  private grow(): void {
    const size = this.type.length * 2;
    const grown = <T extends Uint16Array | Int32Array | Float64Array | Uint32Array>(a: T, make: new (n: number) => T): T => {
      const b = new make(size);
      b.set(a);
      return b;
    };
    this.type = grown(this.type, Uint16Array);
    this.label = grown(this.label, Int32Array);
    this.confidence = grown(this.confidence, Float64Array);
    this.line = grown(this.line, Int32Array);
    this.column = grown(this.column, Int32Array);
    if (this.sheet !== NONE) {
      this.sheet = grown(this.sheet, Int32Array);
      this.cellRow = grown(this.cellRow, Int32Array);
      this.cellCol = grown(this.cellCol, Int32Array);
    }
    this.valueEnd = grown(this.valueEnd, Uint32Array);
  }
}
