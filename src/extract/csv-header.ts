/**
 * csv-header: the little CSV/TSV knowledge the text extractor and the scorer need — the header row, which
 * column an offset falls in, and which delimiter a text uses.
 * Input: decoded text. Output: header cells, column indexes, a delimiter. It never parses a whole file into
 * rows: a column index is computed from the start of the line that holds the offset.
 *
 * Quoting follows RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180): a field may be enclosed in double
 * quotes, inside which a delimiter is data and `""` is one quote. Leniently, spaces may precede the opening
 * quote, and a quote in the middle of an unquoted field is data (`5"`).
 */
import { readLine, type LineRead } from './column-index.js';

/** Delimiters tried by detectDelimiter, in order of preference when counts tie. */
export const DELIMITERS = [',', '\t', ';', '|'] as const;

/** How many leading lines detectDelimiter compares. */
const SAMPLE_LINES = 5;

/** The first record's cells, unquoted and trimmed; a leading BOM is dropped. Quoted cells may span lines. */
export function parseHeaderRow(text: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let inQuotes = false;
  let quotable = true; // only spaces so far in this cell: a quote here opens a quoted field
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let i = start; i < text.length; i++) {
    const ch = text[i] as string;
    if (inQuotes) {
      if (ch !== '"') {
        cell += ch;
      } else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else {
        inQuotes = false;
      }
    } else if (ch === delimiter) {
      cells.push(cell.trim());
      cell = '';
      quotable = true;
    } else if (ch === '\n' || ch === '\r') {
      break;
    } else if (ch === '"' && quotable) {
      inQuotes = true;
      quotable = false;
      cell = '';
    } else {
      if (ch !== ' ' && ch !== '\t') quotable = false;
      cell += ch;
    }
  }
  cells.push(cell.trim());
  return cells;
}

/** The delimiter's code unit; -1 (never equal to one) for a string that is not one character. */
function codeOf(delimiter: string): number {
  return delimiter.length === 1 ? delimiter.charCodeAt(0) : -1;
}

/**
 * Delimiters outside quotes in text[start, stop), stopping early at a line break. Same quoting rules as
 * parseHeaderRow, without building strings (column-index.ts readLine reads the line).
 */
function delimitersIn(text: string, start: number, stop: number, delimiter: string): number {
  const line: LineRead = { delimiters: [], next: start, inQuotes: false, quotable: true };
  readLine(text, line, stop, codeOf(delimiter));
  return line.delimiters.length;
}

/**
 * 0-based column of the cell that holds `offset` (a delimiter belongs to the cell it ends). The line start is
 * the last '\n' before the offset: a quoted cell spanning lines is not followed back.
 */
export function columnIndexAt(text: string, offset: number, delimiter: string): number {
  const at = Math.max(0, Math.min(offset, text.length));
  const lineStart = at === 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1;
  return delimitersIn(text, lineStart, at, delimiter);
}

/** Up to `count` lines from the start of `text`, without splitting the whole (possibly huge) text. */
export function firstLines(text: string, count = SAMPLE_LINES): string[] {
  const lines: string[] = [];
  let start = 0;
  while (lines.length < count && start < text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    lines.push(text.slice(start, end > start && text[end - 1] === '\r' ? end - 1 : end));
    start = end + 1;
  }
  return lines;
}

/**
 * The delimiter of text whose first line has at least 2 of it (3+ columns) and whose next non-blank lines
 * (at least one) have the same count; the one with most columns wins. Undefined for prose.
 */
export function detectDelimiter(lines: readonly string[]): string | undefined {
  return new LineCells(lines).delimiterFrom(0);
}

/**
 * The first lines of a text with their delimiter counts, each counted once however often it is asked for:
 * the text extractor looks for a delimiter from each of the first few lines (a title may sit above the
 * table) and then counts every line's cells, which read each line up to 30 times before.
 */
export class LineCells {
  private readonly counts = new Map<string, number[]>();
  private readonly blank: boolean[];

  constructor(readonly lines: readonly string[]) {
    this.blank = lines.map((line) => line.trim() === '');
  }

  /** Delimiters outside quotes in line `i`. */
  delimiters(i: number, delimiter: string): number {
    let counts = this.counts.get(delimiter);
    if (!counts) this.counts.set(delimiter, (counts = []));
    let n = counts[i];
    if (n === undefined) {
      const line = this.lines[i] ?? '';
      counts[i] = n = delimitersIn(line, 0, line.length, delimiter);
    }
    return n;
  }

  /** Cells of line `i` as parseHeaderRow splits it (which skips a leading BOM); -1 for a blank line. */
  cells(i: number, delimiter: string): number {
    if (this.blank[i]) return -1;
    const line = this.lines[i] ?? '';
    if (line.charCodeAt(0) === 0xfeff) return delimitersIn(line, 1, line.length, delimiter) + 1;
    return this.delimiters(i, delimiter) + 1;
  }

  /** detectDelimiter of the lines from `from` on. */
  delimiterFrom(from: number): string | undefined {
    const rows: number[] = [];
    for (let i = from; i < this.lines.length && rows.length < SAMPLE_LINES; i++) if (!this.blank[i]) rows.push(i);
    if (rows.length < 2) return undefined;
    let best: string | undefined;
    let bestCount = 1;
    for (const delimiter of DELIMITERS) {
      const first = this.delimiters(rows[0] as number, delimiter);
      if (first > bestCount && rows.every((i) => this.delimiters(i, delimiter) === first)) {
        best = delimiter;
        bestCount = first;
      }
    }
    return best;
  }
}
