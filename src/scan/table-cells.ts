/**
 * Cells of chosen columns of delimited text, as spans of the text (quotes stripped), skipping the header
 * row. Read incrementally, one cell at a time, as far as the analysis has got: used only for tables that have
 * a column whose header names a PII type.
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
const CR = 0x0d;

/**
 * Reads the text cell by cell and stops at each non-empty cell of a chosen column, whose span it then holds
 * (`column`, `start`, `end`). One object for the whole text: a roster's 100,000 cells per chunk were an object
 * each, all made before the first was analyzed.
 */
export class CellCursor {
  column = 0;
  start = 0;
  end = 0;
  private i = 0;
  private col = 0;
  private cellStart = 0;
  private quoted = false;
  private row = 0;
  private done = false;
  private readonly d: number;

  /** `chosen[c]`: whether column c is read; `firstRow`: the first data row (0-based line of the header row + 1). */
  constructor(
    private readonly text: string,
    delimiter: string,
    private readonly chosen: readonly boolean[],
    private readonly firstRow = 1,
  ) {
    this.d = delimiter.length === 1 ? delimiter.charCodeAt(0) : -1;
  }

  /** On to the next chosen cell; false when the text has none left. */
  next(): boolean {
    const { text, d } = this;
    // Code units, not `text[i]`: that allocates a one-character string for every kanji of the table.
    while (this.i < text.length) {
      const i = this.i++;
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        this.quoted = !this.quoted;
      } else if (this.quoted) {
        continue;
      } else if (c === d || c === LF) {
        const found = this.close(i);
        if (c === d) this.col++;
        else {
          this.row++;
          this.col = 0;
        }
        this.cellStart = i + 1;
        if (found) return true;
      }
    }
    if (this.done) return false;
    this.done = true;
    return this.close(text.length);
  }

  /** The cell that ends at `end`, when it is chosen and not empty, becomes the current span. */
  private close(end: number): boolean {
    if (this.row < this.firstRow || this.chosen[this.col] !== true) return false;
    const { text } = this;
    let s = this.cellStart;
    let e = end;
    if (e > s && text.charCodeAt(e - 1) === CR) e--;
    if (text.charCodeAt(s) === QUOTE && e - s >= 2 && text.charCodeAt(e - 1) === QUOTE) {
      s++;
      e--;
    }
    if (e <= s) return false;
    this.column = this.col;
    this.start = s;
    this.end = e;
    return true;
  }
}

/** Every chosen cell of the text, in order (the cursor's spans as objects). */
export function columnCells(text: string, delimiter: string, columns: ReadonlySet<number>, firstRow = 1): CellSpan[] {
  const cursor = new CellCursor(text, delimiter, chosenOf(columns), firstRow);
  const out: CellSpan[] = [];
  while (cursor.next()) out.push({ column: cursor.column, start: cursor.start, end: cursor.end });
  return out;
}

function chosenOf(columns: Iterable<number>): boolean[] {
  const chosen: boolean[] = [];
  for (const c of columns) chosen[c] = true;
  return chosen;
}

/**
 * Whole-cell candidates of the table's columns whose header names a rule, handed out block by block
 * (`until(to)`: the cells that start before `to`), in the order of the cells.
 */
export class TableCells {
  private readonly byColumn: CompiledRule[][] = [];
  private readonly cursor: CellCursor | undefined;
  /** The cursor holds a cell not yet analyzed (it starts at or after the last `to`). */
  private held = false;

  constructor(
    private readonly text: string,
    seg: Segment,
    rules: readonly CompiledRule[],
  ) {
    const table = seg.table;
    const named: number[] = [];
    table?.headers.forEach((h, i) => {
      const matched = rulesForHeader(h, rules);
      if (matched.length) {
        this.byColumn[i] = matched;
        named.push(i);
      }
    });
    this.cursor = table && named.length ? new CellCursor(text, table.delimiter, chosenOf(named), (table.headerLine ?? 0) + 1) : undefined;
  }

  until(to: number, out: Candidate[]): void {
    const { cursor, text } = this;
    if (!cursor) return;
    for (;;) {
      if (!this.held && !(this.held = cursor.next())) return;
      if (cursor.start >= to) return;
      this.held = false;
      detectCell(text.slice(cursor.start, cursor.end), this.byColumn[cursor.column] ?? [], cursor.start, out);
    }
  }
}
