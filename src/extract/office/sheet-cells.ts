/**
 * Turns the cells of one sheet, visited in row order, into Segments with their column header as context.
 * Input: row (1-based), column (0-based) and display text of each non-empty cell. Output: Segment with
 * origin {sheet, cell}; `header` = the same column's text in the first non-empty row (for cells below it);
 * cells of that header row and of the first three rows are label zones.
 * Never looks at anything but the cells it is given.
 */
import type { Segment } from '../../model.js';

const LABEL_ROWS = 3;

/** 0 → A, 25 → Z, 26 → AA. */
export function columnName(col: number): string {
  let name = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

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
