/**
 * Turns the cells of one sheet, visited in row order, into Segments with their table structure.
 * Input: row (1-based), column (0-based) and display text of each non-empty cell, then `end()`. Output:
 * Segments with origin {sheet, cell} and `cell` (table, row, col, headers of the column, label beside it),
 * decided one row at a time by table-layout.ts (the header row need not be row 1 nor start in column A).
 * `header` (the nearest column header) is kept for readers of the first structure field. Cells of header
 * rows and of the first three rows are label zones.
 * Holds one row at a time; never looks at anything but the cells it is given.
 */
import type { Segment } from '../../model.js';
import { isBuiltinFieldName } from '../../patterns/load.js';
import { cellStructure, TableLayout, type RowCell } from '../table-layout.js';

const LABEL_ROWS = 3;

/** Names of the first columns, made once: every cell of a sheet asks for its column's (twice). */
const NAMES: string[] = [];
const NAMED_COLUMNS = 1024;

/** 0 → A, 25 → Z, 26 → AA. */
export function columnName(col: number): string {
  if (Number.isInteger(col) && col >= 0 && col < NAMED_COLUMNS) return (NAMES[col] ??= nameOf(col));
  return nameOf(col);
}

function nameOf(col: number): string {
  let name = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export interface SheetCells {
  cell(row: number, col: number, text: string): void;
  /** Hands over the last buffered row; call once when the sheet ends. */
  end(): void;
}

/** Cells of one sheet in row order → `emit(segment)`, one row behind (a row is laid out when it is complete). */
export function sheetCells(sheet: string, emit: (segment: Segment) => void): SheetCells {
  const layout = new TableLayout(isBuiltinFieldName);
  let pendingRow = 0;
  let pending: RowCell[] = [];
  const flush = (): void => {
    if (!pending.length) return;
    const laid = layout.row(pendingRow, pending);
    pending.forEach((c, i) => {
      const l = laid[i];
      const segment: Segment = { text: c.text, origin: { sheet, cell: `${columnName(c.col)}${pendingRow}` } };
      const structure = cellStructure(1, pendingRow - 1, c.col, l);
      const header = structure.headers?.[structure.headers.length - 1];
      if (header !== undefined) segment.header = header;
      segment.cell = structure;
      if (l?.headerRow || pendingRow <= LABEL_ROWS) segment.labelZone = true;
      emit(segment);
    });
    pending = [];
  };
  return {
    cell(row, col, text) {
      if (row !== pendingRow) {
        flush();
        pendingRow = row;
      }
      pending.push({ col, text });
    },
    end: flush,
  };
}

/**
 * One cell at a time without row layout (the first non-empty row is the header): for callers that cannot
 * call `end()`. Prefer `sheetCells`.
 */
export function sheetCellSegmenter(sheet: string): (row: number, col: number, text: string) => Segment {
  const headers = new Map<number, string>();
  let headerRow = 0;
  return (row, col, text) => {
    if (headerRow === 0) headerRow = row;
    if (row === headerRow) headers.set(col, text);
    const segment: Segment = { text, origin: { sheet, cell: `${columnName(col)}${row}` } };
    const header = row > headerRow ? headers.get(col) : undefined;
    if (header !== undefined) segment.header = header;
    if (row === headerRow || row <= LABEL_ROWS) segment.labelZone = true;
    return segment;
  };
}
