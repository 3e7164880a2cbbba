/**
 * Cells of chosen columns of delimited text, as spans of the text (quotes stripped), skipping the header
 * row. One linear pass; used only for tables that have a column whose header names a PII type.
 */
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
