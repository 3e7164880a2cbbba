/**
 * table-layout: rows of cells → which rows are header rows and which cell labels its neighbour, the way
 * sheets and forms are really made: title and blank rows above the header, a header starting in column B,
 * two-row headers (a group row over the field row), several tables one below the other, vertical key–value
 * forms (label | value, also two pairs per row) and label rows over value rows.
 * Input: one row at a time, cells in column order (sparse: only non-empty ones). Output: each cell's
 * structure (headers of its column, label beside it). It keeps only the current headers per column, so a
 * sheet of a million rows streams through it; every decision is made once per row, never per match.
 * Never looks at values beyond their shape, and never knows the file format.
 */
import type { CellStructure } from '../model.js';

export interface RowCell {
  col: number;
  text: string;
}

export type CellLayout = Pick<CellStructure, 'headers' | 'label'> & { headerRow: boolean };

/**
 * A header row: at least two cells, none shaped like a value, and more than half of them field names. The
 * shapes are checked first: a data row of a 100,000-row sheet then never asks whether its cells are field
 * names (a memo keyed by text cannot help with values that are all different).
 */
function isHeaderRow(cells: readonly RowCell[], named: (i: number) => boolean): boolean {
  if (cells.length < 2) return false;
  for (const c of cells) if (!labelShaped(c.text)) return false;
  let fields = 0;
  for (let i = 0; i < cells.length; i++) if (named(i)) fields++;
  return fields * 2 > cells.length;
}

/** Short text without a digit run or `@`: what a header or label cell looks like. */
export function labelShaped(text: string): boolean {
  return text.length <= 24 && !/[0-9０-９]{3}|@/.test(text);
}

export class TableLayout {
  /** Header cells of each column, top to bottom, of the header block in effect. */
  private headers = new Map<number, string[]>();
  private lastHeaderRow = Number.NEGATIVE_INFINITY;
  private readonly isFieldName: (text: string) => boolean;

  constructor(isFieldName: (text: string) => boolean) {
    this.isFieldName = isFieldName;
  }

  /** Layout of one row (row numbers increase; gaps are blank rows). */
  row(rowIndex: number, cells: readonly RowCell[]): CellLayout[] {
    // Whether each cell is a field name, asked only when a decision needs it (the test is pure).
    const known: (boolean | undefined)[] = [];
    const named = (i: number): boolean => (known[i] ??= this.isFieldName(cells[i]?.text ?? ''));
    if (isHeaderRow(cells, named)) {
      // A header row right under another one refines it (two-row header); otherwise a new table starts.
      if (rowIndex !== this.lastHeaderRow + 1) this.headers = new Map();
      for (const c of cells) this.headers.set(c.col, [...(this.headers.get(c.col) ?? []), c.text]);
      this.lastHeaderRow = rowIndex;
      return cells.map(() => ({ headerRow: true }));
    }
    return cells.map((c, i) => {
      const out: CellLayout = { headerRow: false };
      const headers = this.headers.get(c.col);
      if (headers) out.headers = headers;
      const left = cells[i - 1];
      if (left && labelShaped(left.text) && named(i - 1) && !named(i)) out.label = left.text;
      return out;
    });
  }
}

/**
 * Layout of a whole table held in memory (Word, PowerPoint, HTML, PDF): rows of cell texts, '' for empty.
 * A label row over a value row is a header row for the row below it, so it needs no case of its own.
 */
export function layoutGrid(rows: readonly (readonly string[])[], isFieldName: (text: string) => boolean): (CellLayout | undefined)[][] {
  const layout = new TableLayout(isFieldName);
  return rows.map((row, r) => {
    const cells = row.flatMap((text, col) => (text.trim() ? [{ col, text: text.trim() }] : []));
    const laid = layout.row(r, cells);
    const out: (CellLayout | undefined)[] = row.map(() => undefined);
    cells.forEach((c, i) => (out[c.col] = laid[i]));
    return out;
  });
}

/** The structure fields of a cell, without empty ones. */
export function cellStructure(table: number, row: number, col: number, laid: CellLayout | undefined): CellStructure {
  const cell: CellStructure = { table, row, col };
  if (laid?.headers) cell.headers = laid.headers;
  if (laid?.label !== undefined) cell.label = laid.label;
  return cell;
}
