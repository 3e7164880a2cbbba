/**
 * A chunk's hits as a few columns (typed arrays, one string of values, one table of names) instead of one
 * object per hit: a 2 MB roster chunk has 35,000 hits, and cloning them as objects from a worker cost more
 * than a tenth of the main thread's time, plus the garbage that grew its heap to 500 MB. Hits that carry
 * more than a type, value, confidence, column label and line/column or sheet/cell (suppressed, OCR, other
 * location fields) travel as they are. Unpacked in batches, in the original order, each batch dropped when used.
 */
import type { SegmentHit } from './analyze-segment.js';
import { HitPacker } from './hit-packer.js';
import { columnName } from '../extract/office/sheet-cells.js';

export interface PackedHits {
  count: number;
  /** Types and column labels, each once; the columns below index it. */
  names: string[];
  type: Uint16Array;
  /** Column label's index in `names`, -1: none. */
  label: Int32Array;
  confidence: Float64Array;
  /** location.line and location.column, -1: none. */
  line: Int32Array;
  column: Int32Array;
  /** location.sheet's index in `names`, -1: none; empty when no hit has a sheet or cell (sheetOf, cellRowOf). */
  sheet: Int32Array;
  /** location.cell as its row (-1: none) and 0-based column: `B12` is 12, 1 (cellName); empty likewise. */
  cellRow: Int32Array;
  cellCol: Int32Array;
  /**
   * Every value, one after the other, in runs (strings of at most a few thousand values each); value i ends
   * at valueEnd[i], counted from the start of the first run.
   */
  values: string[];
  /** Per run: the index of the hit after its last value. */
  runEnds: Uint32Array;
  valueEnd: Uint32Array;
  /** Hits that do not fit the columns, with their position in the order. */
  whole: { at: number; hit: SegmentHit }[];
}

/** All of `hits` packed at once (HitPacker packs them as they come). */
export function packHits(hits: readonly SegmentHit[]): PackedHits {
  const packer = new HitPacker();
  for (const h of hits) packer.add(h);
  return packer.done();
}

/** Hands the hits to `use` in order, `batch` at a time, as the objects packHits was given (equal, not the same). */
export function unpackHits(p: PackedHits, use: (hits: SegmentHit[]) => void, batch = 512): void {
  let out: SegmentHit[] = [];
  eachPacked(p, (i, whole, run, base) => {
    out.push(whole ?? hitAt(p, i, run, base));
    if (out.length >= batch) {
      use(out);
      out = [];
    }
  });
  if (out.length) use(out);
}

/**
 * Visits the hits in order: a hit that travels whole is given as it is; any other as its index, the run of
 * values holding its value and where that run starts in the values' numbering (valueAt, hitAt read it).
 */
export function eachPacked(p: PackedHits, visit: (i: number, whole: SegmentHit | undefined, run: string, base: number) => void): void {
  let w = 0;
  let run = 0;
  let base = 0;
  for (let i = 0; i < p.count; i++) {
    while (i >= (p.runEnds[run] as number)) base = p.valueEnd[(p.runEnds[run++] as number) - 1] as number;
    const whole = p.whole[w];
    if (whole !== undefined && whole.at === i) {
      w++;
      visit(i, whole.hit, '', base);
    } else visit(i, undefined, p.values[run] as string, base);
  }
}

/** Hit i's value, in `run`, a string that starts at value offset `base`. */
export function valueAt(p: PackedHits, i: number, run: string, base: number): string {
  return run.slice((i === 0 ? 0 : (p.valueEnd[i - 1] as number)) - base, (p.valueEnd[i] as number) - base);
}

/** Hit i, whose value is in `run`, a string that starts at value offset `base`. */
export function hitAt(p: PackedHits, i: number, run: string, base: number): SegmentHit {
  const location: SegmentHit['location'] = {};
  const line = p.line[i] as number;
  const column = p.column[i] as number;
  if (line >= 0) location.line = line;
  if (column >= 0) location.column = column;
  const sheet = sheetOf(p, i);
  if (sheet >= 0) location.sheet = p.names[sheet] as string;
  const row = cellRowOf(p, i);
  if (row >= 0) location.cell = cellName(p, i, row);
  const hit: SegmentHit = { type: p.names[p.type[i] as number] as string, value: valueAt(p, i, run, base), confidence: p.confidence[i] as number, location };
  const label = p.label[i] as number;
  if (label >= 0) hit.column = p.names[label] as string;
  return hit;
}

/** Hit i's cell reference, whose row (≥ 0) is `row`. */
export function cellName(p: PackedHits, i: number, row: number): string {
  return `${columnName(p.cellCol[i] as number)}${row}`;
}

/** Hit i's sheet (its index in `names`), -1: none. */
export function sheetOf(p: PackedHits, i: number): number {
  return p.sheet.length === 0 ? -1 : (p.sheet[i] as number);
}

/** Hit i's cell row, -1: none. */
export function cellRowOf(p: PackedHits, i: number): number {
  return p.cellRow.length === 0 ? -1 : (p.cellRow[i] as number);
}
