/**
 * columnIndexAt (csv-header.ts) asked for many offsets of one delimited text: every candidate of a roster asks
 * twice (its context's header, its hit's column label), and each ask counted the delimiters from its line's
 * start again. Here each line is read once, as far as it has been asked for, and its delimiters kept; the
 * reading is delimitersIn's (quotes, doubled quotes, a line end outside quotes ends the line).
 */
import { lineIndexOf, lineStarts } from '../normalize/lines.js';

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

/**
 * Lines whose reading is kept: the last LINE_SLOTS, by line number. A block of a roster holds a few lines and
 * its candidates are asked for in each regex's order, so the same few lines are asked for again and again; a
 * line asked for after 256 others is read again (the answer is the same).
 */
const LINE_SLOTS = 256;

export class ColumnIndex {
  private readonly d: number;
  /**
   * Where each line starts (after each line feed), found in one pass on first use: the line of an offset is
   * a search in it, not a lastIndexOf back to the line's start and a Map look-up for each ask (4 % of a roster
   * worker's time went there, asks alternating between a block's lines).
   */
  private starts: number[] | undefined;
  private readonly slots: (LineRead | undefined)[] = new Array(LINE_SLOTS);
  private readonly slotLines = new Int32Array(LINE_SLOTS).fill(-1);
  /** Line number of the last ask. */
  private last = 0;

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
    const starts = (this.starts ??= lineStarts(this.text));
    const line = this.lineOf(starts, at);
    this.last = line;
    const slot = line & (LINE_SLOTS - 1);
    let read = this.slots[slot];
    if (this.slotLines[slot] !== line || read === undefined) {
      read = { delimiters: [], next: starts[line] as number, inQuotes: false, quotable: true };
      this.slots[slot] = read;
      this.slotLines[slot] = line;
    }
    if (read.next < at) readLine(text, read, at, this.d);
    const { delimiters } = read;
    let count = delimiters.length;
    while (count > 0 && (delimiters[count - 1] as number) >= at) count--;
    return count;
  }

  /** Where the line that holds `offset` starts, from the line starts: `text.lastIndexOf('\n', offset - 1) + 1`, exactly. */
  lineStartOf(offset: number): number {
    // lastIndexOf reads a negative start as 0: a text that opens with a line feed gives 1 there.
    if (offset <= 0) return this.text.lastIndexOf('\n', offset - 1) + 1;
    const starts = (this.starts ??= lineStarts(this.text));
    const line = this.lineOf(starts, Math.max(0, Math.min(offset, this.text.length)));
    this.last = line;
    return starts[line] as number;
  }

  /** The first line feed at or after `offset`, or -1: `text.indexOf('\n', offset)`, from the line starts. */
  lineBreakFrom(offset: number): number {
    const starts = (this.starts ??= lineStarts(this.text));
    const next = this.lineOf(starts, Math.max(0, Math.min(offset, this.text.length))) + 1;
    return next < starts.length ? (starts[next] as number) - 1 : -1;
  }

  /** Line number of an offset: the last line that starts at or before it (a line feed ends its own line). */
  private lineOf(starts: readonly number[], at: number): number {
    let line = this.last;
    // Near the last ask: a few steps either way; else a binary search.
    for (let step = 0; step < 4; step++) {
      if ((starts[line] as number) > at) {
        if (line === 0) break;
        line--;
      } else if (line + 1 < starts.length && (starts[line + 1] as number) <= at) line++;
      else return line;
    }
    return lineIndexOf(starts, at);
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
