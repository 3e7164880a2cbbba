/**
 * pdf-lines: the text items of one PDF page (pdf.js `getTextContent`) → lines of cells, rebuilt from the items'
 * positions, because the order of a content stream is the writer's, not the reader's: items on the same
 * baseline form one line, ordered by x; a horizontal gap wider than CELL_GAP ems starts a new cell (a table
 * column, a form's value beside its label); narrower gaps are spaces or nothing.
 * Input: pdf.js text items. Output: lines top to bottom, and the text of items not written left to right
 * (vertical or rotated text) in stream order, which is the best order known for them, joined as pdf.js
 * reads them (a new line only where pdf.js marks one, so a number written in two runs stays whole).
 * Never drops text: every non-blank item ends up in a cell or in `other`.
 */
import { joinJapaneseDigitSpaces } from './pdf-join.js';

/** The fields of a pdf.js text item read here (pdf.js's typings are not loaded by this build). */
export interface RawTextItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
  dir?: string;
  hasEOL?: boolean;
}

export interface Placed {
  text: string;
  x: number;
  y: number;
  x1: number;
  size: number;
}

export interface PdfCell {
  x0: number;
  x1: number;
  text: string;
  /** The items of the cell, left to right (a table may split a cell at a column edge, pdf-layout.ts). */
  items: Placed[];
}

export interface PdfLine {
  /** Baseline, in PDF units (up is larger). */
  y: number;
  /** Largest font size on the line. */
  size: number;
  cells: PdfCell[];
}

/** Baselines closer than this fraction of the font size are one line (subscripts and ruby are not). */
const BASELINE = 0.35;
/** A gap of this many ems starts a new cell; a space between words is 0.25–0.5 em, a column gutter more. */
export const CELL_GAP = 1.5;
/** Gaps narrower than this many ems are kerning or a font switch: no space. */
const SPACE_GAP = 0.15;

function place(item: RawTextItem): Placed | 'other' | undefined {
  const text = item.str ?? '';
  if (text.trim() === '') return undefined;
  const [a = 1, b = 0, c = 0, d = 1, x = 0, y = 0] = item.transform ?? [];
  const horizontal = a > 0 && Math.abs(b) < 1e-3 * a && Math.abs(c) < 1e-3 * a && item.dir !== 'ttb';
  if (!horizontal) return 'other';
  const size = Math.abs(d) || item.height || 10;
  return { text, x, y, x1: x + Math.max(0, item.width ?? 0), size };
}

/** Items grouped by baseline, top to bottom, each line's items left to right. */
function groupLines(items: Placed[]): Placed[][] {
  const sorted = [...items].sort((p, q) => q.y - p.y || p.x - q.x);
  const lines: Placed[][] = [];
  let current: Placed[] = [];
  let y = Number.NaN;
  let size = 0;
  for (const item of sorted) {
    if (current.length && Math.abs(item.y - y) <= BASELINE * Math.max(size, item.size)) {
      current.push(item);
      size = Math.max(size, item.size);
      continue;
    }
    if (current.length) lines.push(current);
    current = [item];
    y = item.y;
    size = item.size;
  }
  if (current.length) lines.push(current);
  return lines.map((line) => line.sort((p, q) => p.x - q.x));
}

/** A cell of items already known to belong together: spaces where the gap is wider than kerning. */
export function cellOf(items: Placed[]): PdfCell {
  let text = '';
  let x1 = Number.NEGATIVE_INFINITY;
  for (const item of items) {
    if (text && item.x - x1 >= SPACE_GAP * item.size) text += ' ';
    text += item.text;
    x1 = Math.max(x1, item.x1);
  }
  return { x0: items[0]?.x ?? 0, x1, text: joinJapaneseDigitSpaces(text.replace(/ {2,}/g, ' ').trim()), items };
}

/** One line's items → cells. The same text printed twice at the same place (fake bold) is kept once. */
function cellsOf(line: readonly Placed[]): PdfCell[] {
  const groups: Placed[][] = [];
  let prev: Placed | undefined;
  let x1 = Number.NEGATIVE_INFINITY;
  for (const item of line) {
    if (prev && item.text === prev.text && Math.abs(item.x - prev.x) < 0.5 * item.size) continue;
    const em = Math.max(item.size, prev?.size ?? 0);
    // Measured from the cell's right edge so far: items may overlap (kerning, a run written twice).
    if (!groups.length || item.x - x1 >= CELL_GAP * em) groups.push([]);
    groups[groups.length - 1]!.push(item);
    x1 = groups[groups.length - 1]!.length === 1 ? item.x1 : Math.max(x1, item.x1);
    prev = item;
  }
  return groups.map(cellOf);
}

export function pageLines(items: readonly RawTextItem[]): { lines: PdfLine[]; other: string } {
  const placed: Placed[] = [];
  let other = '';
  for (const item of items) {
    const p = place(item);
    if (p === 'other') other += `${item.str ?? ''}${item.hasEOL ? '\n' : ''}`;
    else if (p) placed.push(p);
  }
  const lines = groupLines(placed).map((line) => ({
    y: line[0]?.y ?? 0,
    size: line.reduce((max, p) => Math.max(max, p.size), 0),
    cells: cellsOf(line),
  }));
  return { lines, other: other.trim() };
}
