/**
 * Cells of a table grid (Word, PowerPoint) in reading order with their structure: which row is a header
 * row and which cell labels the one beside or below it (table-layout.ts, with the built-in field names).
 * Input: rows of cell texts ('' for empty). Output: one callback per non-empty cell.
 */
import type { CellStructure } from '../../model.js';
import { isBuiltinFieldName } from '../../patterns/load.js';
import { cellStructure, layoutGrid } from '../table-layout.js';

export function tableCells(rows: readonly (readonly string[])[], table: number, visit: (row: number, col: number, text: string, cell: CellStructure) => void): void {
  const laid = layoutGrid(rows, isBuiltinFieldName);
  rows.forEach((row, r) =>
    row.forEach((text, c) => {
      if (text.trim() !== '') visit(r, c, text, cellStructure(table, r, c, laid[r]?.[c]));
    }),
  );
}
