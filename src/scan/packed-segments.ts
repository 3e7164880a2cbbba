/**
 * A block of a workbook's cell segments as a few columns (typed arrays, joined strings, one table of names)
 * instead of one object graph per cell: cloned between threads as objects, the bench workbook's 700,000 cells
 * took 3 s to deserialize, more than their analysis. A segment of another shape (a page header, a comment,
 * anything with lines, a table or OCR text) travels as it is. `unpackSegments` gives back segments equal to
 * the packed ones, with their keys in the same order (a hit's location is a copy of its segment's origin).
 */
import type { CellStructure, Segment } from '../model.js';

export interface PackedSegments {
  count: number;
  /** Sheet names, headers and labels, each once; the columns below index it (-1: none). */
  names: string[];
  /** Header lists of columns (a column's cells share one list), indexed by `headers`. */
  lists: string[][];
  sheet: Int32Array;
  header: Int32Array;
  table: Int32Array;
  row: Int32Array;
  col: Int32Array;
  headers: Int32Array;
  label: Int32Array;
  /** Bit 1: has a cell structure; bit 2: label zone. */
  flags: Uint8Array;
  /** Texts and cell references, one after the other; item i ends at textEnd[i] / refEnd[i]. */
  texts: string;
  textEnd: Uint32Array;
  refs: string;
  refEnd: Uint32Array;
  /** Segments of another shape, with their position in the order. */
  whole: { at: number; seg: Segment }[];
}

const HAS_CELL = 1;
const LABEL_ZONE = 2;
const SEGMENT_KEYS: Record<string, number> = { text: 1, origin: 2, header: 3, cell: 4, labelZone: 5 };
const CELL_KEYS: Record<string, number> = { table: 1, row: 2, col: 3, headers: 4, label: 5 };

/** Keys of `o` are a subsequence of the ranked ones, in rank order, and include every rank up to `required`. */
function inOrder(o: object, ranks: Record<string, number>, required: number): boolean {
  let seen = 0;
  for (const k in o) {
    const rank = ranks[k];
    if (rank === undefined || rank <= seen || (rank <= required && rank !== seen + 1)) return false;
    seen = rank;
  }
  return seen >= required;
}

/** A spreadsheet cell's shape: `{text, origin: {sheet, cell}, header?, cell?: {table, row, col, headers?, label?}, labelZone?: true}`. */
function packable(seg: Segment): boolean {
  if (!inOrder(seg, SEGMENT_KEYS, 2) || typeof seg.text !== 'string' || seg.labelZone === false) return false;
  if (seg.header !== undefined && typeof seg.header !== 'string') return false;
  const o = seg.origin;
  let keys = 0;
  for (const k in o) if (++keys > 2 || k !== (keys === 1 ? 'sheet' : 'cell')) return false;
  if (keys !== 2 || typeof o.sheet !== 'string' || typeof o.cell !== 'string') return false;
  const c = seg.cell;
  if (c === undefined) return true;
  if (!inOrder(c, CELL_KEYS, 3) || !Number.isInteger(c.table) || !Number.isInteger(c.row) || !Number.isInteger(c.col)) return false;
  if (c.label !== undefined && typeof c.label !== 'string') return false;
  return c.headers === undefined || (Array.isArray(c.headers) && c.headers.every((h) => typeof h === 'string'));
}

export class SegmentPacker {
  private n = 0;
  private readonly names: string[] = [];
  private readonly nameIndex = new Map<string, number>();
  private readonly lists: string[][] = [];
  private readonly listIndex = new Map<string[], number>();
  private readonly cols: Record<'sheet' | 'header' | 'table' | 'row' | 'col' | 'headers' | 'label', Int32Array>;
  private readonly flags: Uint8Array;
  private readonly textEnd: Uint32Array;
  private readonly refEnd: Uint32Array;
  private readonly texts: string[] = [];
  private readonly refs: string[] = [];
  private textAt = 0;
  private refAt = 0;
  private readonly whole: PackedSegments['whole'] = [];

  /** `capacity`: the most segments this block will hold. */
  constructor(private readonly capacity: number) {
    const col = (): Int32Array => new Int32Array(capacity);
    this.cols = { sheet: col(), header: col(), table: col(), row: col(), col: col(), headers: col(), label: col() };
    this.flags = new Uint8Array(capacity);
    this.textEnd = new Uint32Array(capacity);
    this.refEnd = new Uint32Array(capacity);
  }

  get count(): number {
    return this.n;
  }

  add(seg: Segment): void {
    const i = this.n++;
    if (i >= this.capacity) throw new Error('segment block over capacity');
    const { cols } = this;
    if (!packable(seg)) {
      this.whole.push({ at: i, seg });
      this.textEnd[i] = this.textAt;
      this.refEnd[i] = this.refAt;
      return;
    }
    this.texts.push(seg.text);
    this.textEnd[i] = this.textAt += seg.text.length;
    const cell = seg.origin.cell as string;
    this.refs.push(cell);
    this.refEnd[i] = this.refAt += cell.length;
    cols.sheet[i] = this.name(seg.origin.sheet);
    cols.header[i] = this.name(seg.header);
    const c = seg.cell;
    this.flags[i] = (c ? HAS_CELL : 0) | (seg.labelZone ? LABEL_ZONE : 0);
    if (!c) return;
    cols.table[i] = c.table;
    cols.row[i] = c.row;
    cols.col[i] = c.col;
    cols.headers[i] = this.list(c.headers);
    cols.label[i] = this.name(c.label);
  }

  done(): PackedSegments {
    const n = this.n;
    const cut = <T extends Int32Array | Uint8Array | Uint32Array>(a: T): T => a.slice(0, n) as T;
    const { cols } = this;
    return {
      count: n, names: this.names, lists: this.lists,
      sheet: cut(cols.sheet), header: cut(cols.header), table: cut(cols.table), row: cut(cols.row), col: cut(cols.col), headers: cut(cols.headers), label: cut(cols.label),
      flags: cut(this.flags), texts: this.texts.join(''), textEnd: cut(this.textEnd), refs: this.refs.join(''), refEnd: cut(this.refEnd), whole: this.whole,
    };
  }

  private name(s: string | undefined): number {
    if (s === undefined) return -1;
    let i = this.nameIndex.get(s);
    if (i === undefined) this.nameIndex.set(s, (i = this.names.push(s) - 1));
    return i;
  }

  private list(l: string[] | undefined): number {
    if (l === undefined) return -1;
    let i = this.listIndex.get(l);
    if (i === undefined) this.listIndex.set(l, (i = this.lists.push(l) - 1));
    return i;
  }
}

/** The segments, in order, equal to those packed. */
export function unpackSegments(p: PackedSegments): Segment[] {
  const out: Segment[] = new Array<Segment>(p.count);
  let w = 0;
  for (let i = 0; i < p.count; i++) {
    const whole = p.whole[w];
    if (whole !== undefined && whole.at === i) {
      out[i] = whole.seg;
      w++;
      continue;
    }
    const text = p.texts.slice(i === 0 ? 0 : (p.textEnd[i - 1] as number), p.textEnd[i] as number);
    const cell = p.refs.slice(i === 0 ? 0 : (p.refEnd[i - 1] as number), p.refEnd[i] as number);
    const seg: Segment = { text, origin: { sheet: p.names[p.sheet[i] as number] as string, cell } };
    const header = p.header[i] as number;
    if (header >= 0) seg.header = p.names[header] as string;
    const flags = p.flags[i] as number;
    if (flags & HAS_CELL) seg.cell = structureAt(p, i);
    if (flags & LABEL_ZONE) seg.labelZone = true;
    out[i] = seg;
  }
  return out;
}

function structureAt(p: PackedSegments, i: number): CellStructure {
  const c: CellStructure = { table: p.table[i] as number, row: p.row[i] as number, col: p.col[i] as number };
  const headers = p.headers[i] as number;
  if (headers >= 0) c.headers = p.lists[headers] as string[];
  const label = p.label[i] as number;
  if (label >= 0) c.label = p.names[label] as string;
  return c;
}

/** The sheet and cell of segment `i`'s origin (its other origin fields, if any, are not read). */
export function originAt(p: PackedSegments, i: number): { sheet: string | undefined; cell: string | undefined } {
  if (p.whole.length > 0) {
    const whole = p.whole.find((w) => w.at === i);
    if (whole) return { sheet: whole.seg.origin.sheet, cell: whole.seg.origin.cell };
  }
  return { sheet: p.names[p.sheet[i] as number] as string, cell: p.refs.slice(i === 0 ? 0 : (p.refEnd[i - 1] as number), p.refEnd[i] as number) };
}
