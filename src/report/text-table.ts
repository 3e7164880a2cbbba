/**
 * Column layout for the text report, aware that CJK characters take two terminal cells.
 * Input: plain (uncoloured) strings. Output: padded strings and table lines. Never: adds colour.
 */

/** East Asian Wide and Fullwidth ranges (Unicode UAX #11), enough for Japanese text. */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x20000, 0x3fffd],
];

export function displayWidth(s: string): number {
  let width = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    width += WIDE.some(([lo, hi]) => cp >= lo && cp <= hi) ? 2 : 1;
  }
  return width;
}

export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

export function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
}

/** Widest cell of each column. */
export function columnWidths(rows: readonly (readonly string[])[]): number[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell));
    });
  }
  return widths;
}

/** One row laid out in columns of the given widths: the first `leftColumns` left-aligned, the rest right-aligned. */
export function layoutRow(row: readonly string[], widths: readonly number[], leftColumns: number): string {
  return row
    .map((cell, i) => (i < leftColumns ? padEnd(cell, widths[i] ?? 0) : padStart(cell, widths[i] ?? 0)))
    .join('  ')
    .trimEnd();
}

/** Left-aligns the first `leftColumns` columns and right-aligns the rest (numbers). */
export function layoutTable(rows: readonly (readonly string[])[], leftColumns: number): string[] {
  const widths = columnWidths(rows);
  return rows.map((row) => layoutRow(row, widths, leftColumns));
}
