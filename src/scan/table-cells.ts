/**
 * Cells of chosen columns of delimited text, as spans of the text (quotes stripped), skipping the header
 * row. One linear pass; used only for tables that have a column whose header names a PII type.
 */
import { detectCell, rulesForHeader } from '../detect/detect.js';
import type { Candidate, Segment } from '../model.js';
import type { CompiledRule } from '../patterns/types.js';

export interface CellSpan {
  column: number;
  start: number;
  end: number;
}

const QUOTE = 0x22;
const LF = 0x0a;

/** `firstRow`: the first data row (0-based line of the header row + 1). */
export function columnCells(text: string, delimiter: string, columns: ReadonlySet<number>, firstRow = 1): CellSpan[] {
  const out: CellSpan[] = [];
  let col = 0;
  let cellStart = 0;
  let quoted = false;
  let row = 0;
  const close = (end: number): void => {
    if (row >= firstRow && columns.has(col)) {
      let s = cellStart;
      let e = end;
      if (e > s && text[e - 1] === '\r') e--;
      if (text[s] === '"' && e - s >= 2 && text[e - 1] === '"') {
        s++;
        e--;
      }
      if (e > s) out.push({ column: col, start: s, end: e });
    }
  };
  // Code units, not `text[i]`: that allocates a one-character string for every kanji of the table.
  const d = delimiter.length === 1 ? delimiter.charCodeAt(0) : -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      quoted = !quoted;
    } else if (quoted) {
      continue;
    } else if (c === d) {
      close(i);
      col++;
      cellStart = i + 1;
    } else if (c === LF) {
      close(i);
      row++;
      col = 0;
      cellStart = i + 1;
    }
  }
  close(text.length);
  return out;
}

/**
 * Whole-cell candidates of the table's columns whose header names a rule, handed out block by block
 * (`until(to)`: the cells that start before `to`), in the order of the cells.
 */
export class TableCells {
  private readonly byColumn = new Map<number, CompiledRule[]>();
  private readonly cells: CellSpan[];
  private next = 0;

  constructor(
    private readonly text: string,
    seg: Segment,
    rules: readonly CompiledRule[],
  ) {
    const table = seg.table;
    table?.headers.forEach((h, i) => {
      const matched = rulesForHeader(h, rules);
      if (matched.length) this.byColumn.set(i, matched);
    });
    this.cells = table && this.byColumn.size ? columnCells(text, table.delimiter, new Set(this.byColumn.keys()), (table.headerLine ?? 0) + 1) : [];
  }

  until(to: number, out: Candidate[]): void {
    const { cells, text } = this;
    for (; this.next < cells.length; this.next++) {
      const cell = cells[this.next] as CellSpan;
      if (cell.start >= to) return;
      detectCell(text.slice(cell.start, cell.end), this.byColumn.get(cell.column) ?? [], cell.start, out);
    }
  }
}
