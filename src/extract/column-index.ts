/**
 * columnIndexAt (csv-header.ts) asked for many offsets of one delimited text: every candidate of a roster asks
 * twice (its context's header, its hit's column label), and each ask counted the delimiters from its line's
 * start again. Here each line is read once, as far as it has been asked for, and its delimiters kept; the
 * reading is delimitersIn's (quotes, doubled quotes, a line end outside quotes ends the line).
 */
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;

export interface LineRead {
  /** Offsets of the delimiters found so far, in order. */
  delimiters: number[];
  /** Next offset to read; Infinity once the line has ended. */
  next: number;
  inQuotes: boolean;
  quotable: boolean;
}

/** Lines remembered at once (a block of a roster has a few hundred); the memo is emptied when full. */
const MAX_LINES = 4096;

export class ColumnIndex {
  private readonly lines = new Map<number, LineRead>();
  private readonly d: number;
  private last: LineRead | undefined;
  private lastStart = -1;
  private lastEnd = -1;

  constructor(
    private readonly text: string,
    delimiter: string,
  ) {
    this.d = delimiter.length === 1 ? delimiter.charCodeAt(0) : -1;
  }

  /** 0-based column of the cell that holds `offset` (a delimiter belongs to the cell it ends). */
  at(offset: number): number {
    const { text } = this;
    const at = Math.max(0, Math.min(offset, text.length));
    // Offsets on the line asked last (from its start to its line feed) skip the look-up.
    let line = at >= this.lastStart && at <= this.lastEnd ? this.last : undefined;
    if (!line) {
      const lineStart = at === 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1;
      line = this.lines.get(lineStart);
      if (!line) {
        if (this.lines.size >= MAX_LINES) this.lines.clear();
        line = { delimiters: [], next: lineStart, inQuotes: false, quotable: true };
        this.lines.set(lineStart, line);
      }
      const nl = text.indexOf('\n', lineStart);
      this.last = line;
      this.lastStart = lineStart;
      this.lastEnd = nl < 0 ? text.length : nl;
    }
    if (line.next < at) readLine(text, line, at, this.d);
    const { delimiters } = line;
    let count = delimiters.length;
    while (count > 0 && (delimiters[count - 1] as number) >= at) count--;
    return count;
  }
}

/**
 * Reads a line on from where it stopped (`line.next`) up to `stop` or the line's end, recording delimiters
 * outside quotes: doubled quotes inside quotes, a line end outside quotes ends the line (`next` = Infinity).
 * csv-header.ts counts a line's delimiters with it too. Code units, not `text[i]`, which would allocate a
 * one-character string for every kanji.
 */
export function readLine(text: string, line: LineRead, stop: number, d: number): void {
  let { inQuotes, quotable } = line;
  let i = line.next;
  for (; i < stop; i++) {
    const ch = text.charCodeAt(i);
    if (inQuotes) {
      if (ch === QUOTE) {
        if (text.charCodeAt(i + 1) === QUOTE) i++;
        else inQuotes = false;
      }
    } else if (ch === d) {
      line.delimiters.push(i);
      quotable = true;
    } else if (ch === LF || ch === CR) {
      i = Infinity;
      break;
    } else if (ch === QUOTE && quotable) {
      inQuotes = true;
      quotable = false;
    } else if (ch !== SPACE && ch !== TAB) {
      quotable = false;
    }
  }
  line.next = i;
  line.inQuotes = inQuotes;
  line.quotable = quotable;
}
