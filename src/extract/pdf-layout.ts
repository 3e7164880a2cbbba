/**
 * pdf-layout: the rebuilt lines of one PDF page (pdf-lines.ts) → segments carrying the same table and form
 * structure (CellStructure) that docx and xlsx fill, so a value keeps the label beside or above it:
 * - consecutive lines of two or more cells are one table; its columns are the cells of its fullest line, other
 *   cells go to the column they overlap most; table-layout.ts then finds header rows (list tables), label |
 *   value pairs (forms) and label rows over value rows, as it does for Word tables;
 * - a lone label line (a field name) right above a lone value line labels that value;
 * - every other line is running text; consecutive ones stay one segment, so context across lines is kept.
 * Input: lines, page number, the field-name test. Output: segments in reading order (top to bottom).
 * Never looks at values beyond their shape, and never drops a line.
 */
import type { Segment } from '../model.js';
import { joinSplitNumbers } from './pdf-join.js';
import { cellOf, type PdfCell, type PdfLine, type Placed } from './pdf-lines.js';
import { cellStructure, labelShaped, layoutGrid } from './table-layout.js';

/** Baselines further apart than this many ems are not rows of one table, nor a label and its value. */
const ROW_GAP = 3.5;

type IsFieldName = (text: string) => boolean;

function near(upper: PdfLine, lower: PdfLine): boolean {
  return upper.y - lower.y <= ROW_GAP * Math.max(upper.size, lower.size);
}

function overlap(a: PdfCell, b: PdfCell): number {
  return Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
}

/** The column a cell belongs to: the one it overlaps most, else the nearest one. */
function columnOf(cell: PdfCell, columns: readonly PdfCell[]): number {
  let best = 0;
  let score = Number.NEGATIVE_INFINITY;
  columns.forEach((col, i) => {
    const s = overlap(cell, col);
    if (s > score) [best, score] = [i, s];
  });
  return best;
}

const FULL_WIDTH = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々\u3000-\u303f\uff00-\uffef]+$/u;

/**
 * Items split at a column edge: before an item that starts at the edge, or, in a label (`labelOnly`), inside a
 * run of full-width characters, whose glyphs are all one em wide, so the character at the edge is known.
 */
function cutItems(items: readonly Placed[], edge: number, labelOnly: boolean): [Placed[], Placed[]] | undefined {
  const at = items.findIndex((it, i) => i > 0 && Math.abs(it.x - edge) <= it.size / 2);
  if (at > 0) return [items.slice(0, at), items.slice(at)];
  const j = items.findIndex((it) => it.x < edge && it.x1 > edge);
  const item = items[j];
  if (!labelOnly || !item || !FULL_WIDTH.test(item.text)) return undefined;
  const chars = [...item.text];
  const width = (item.x1 - item.x) / chars.length;
  const k = Math.round((edge - item.x) / width);
  if (k <= 0 || k >= chars.length) return undefined;
  const left = { ...item, text: chars.slice(0, k).join(''), x1: item.x + k * width };
  const right = { ...item, text: chars.slice(k).join(''), x: item.x + k * width };
  return [[...items.slice(0, j), left], [right, ...items.slice(j + 1)]];
}

/**
 * A cell that runs over the start of a column of the table (text overflowing its cell, as Excel's PDF export
 * writes it under a clip; a gap too narrow to see) is cut there.
 */
function cutAtColumns(cell: PdfCell, starts: readonly number[]): PdfCell[] {
  const em = cell.items[0]?.size ?? 10;
  const out: PdfCell[] = [];
  let items = cell.items;
  for (const edge of starts) {
    if (edge <= cell.x0 + em || edge >= cell.x1 - em / 2) continue;
    const cut = cutItems(items, edge, labelShaped(cell.text));
    if (!cut) continue;
    out.push(cellOf(cut[0]));
    items = cut[1];
  }
  return out.length ? [...out, cellOf(items)] : [cell];
}

/** Rows of cell texts of a table block, in the columns of its fullest line ('' for empty). */
function gridOf(block: readonly PdfLine[]): string[][] {
  const fullest = block.reduce((a, line) => (line.cells.length > a.cells.length ? line : a));
  const columns = fullest.cells;
  const starts = columns.map((c) => c.x0);
  return block.map((line) => {
    const row = columns.map(() => '');
    const cells = line === fullest ? line.cells : line.cells.flatMap((cell) => cutAtColumns(cell, starts));
    for (const cell of cells) {
      const c = columnOf(cell, columns);
      row[c] = row[c] ? `${row[c]} ${cell.text}` : cell.text;
    }
    return row;
  });
}

function tableSegments(block: readonly PdfLine[], table: number, page: number, isFieldName: IsFieldName): Segment[] {
  const rows = gridOf(block);
  const laid = layoutGrid(rows, isFieldName);
  const out: Segment[] = [];
  rows.forEach((row, r) =>
    row.forEach((text, c) => {
      if (text !== '') out.push({ text, origin: { page }, cell: cellStructure(table, r, c, laid[r]?.[c]) });
    }),
  );
  return out;
}

/** Text after a colon, or Japanese words apart (`氏名 山田 太郎`): a line that holds its own value. */
const HOLDS_VALUE = /[:：]\s*\S|[^\x00-\x7f][ \u3000]+\S/;

/** A lone field name right above a lone value, starting near the same x: the value's label. */
function labelAbove(above: PdfLine | undefined, line: PdfLine, isFieldName: IsFieldName): string | undefined {
  const [label] = above?.cells ?? [];
  const [value] = line.cells;
  if (!above || !label || !value || above.cells.length !== 1 || line.cells.length !== 1) return undefined;
  if (!near(above, line) || !labelShaped(label.text) || HOLDS_VALUE.test(label.text)) return undefined;
  if (!isFieldName(label.text) || isFieldName(value.text)) return undefined;
  const aligned = overlap(label, value) > 0 || Math.abs(label.x0 - value.x0) <= 2 * line.size;
  return aligned ? label.text : undefined;
}

/** Length of the run of table lines starting at `from`. */
function blockEnd(lines: readonly PdfLine[], from: number): number {
  let to = from + 1;
  while (to < lines.length && lines[to]!.cells.length >= 2 && near(lines[to - 1]!, lines[to]!)) to++;
  return to;
}

export function pageSegments(lines: readonly PdfLine[], page: number, isFieldName: IsFieldName): Segment[] {
  const out: Segment[] = [];
  let running: string[] = [];
  let tables = 0;
  const flush = (): void => {
    if (running.length) out.push({ text: joinSplitNumbers(running.join('\n')), origin: { page } });
    running = [];
  };
  for (let i = 0; i < lines.length; ) {
    const line = lines[i]!;
    if (line.cells.length >= 2) {
      const end = blockEnd(lines, i);
      flush();
      out.push(...tableSegments(lines.slice(i, end), ++tables, page, isFieldName));
      i = end;
      continue;
    }
    const text = line.cells[0]?.text ?? '';
    const label = labelAbove(lines[i - 1], line, isFieldName);
    if (label === undefined) {
      running.push(text);
    } else {
      flush();
      out.push({ text, origin: { page }, cell: { table: ++tables, row: 1, col: 0, label } });
    }
    i++;
  }
  flush();
  return out;
}
