/**
 * The `r`, `s` and `t` attributes of a worksheet's `<c>` (and `r` of `<row>`), read in one pass over the
 * attributes when they are written the plain way (` name="value"`, as every spreadsheet writer does), else
 * by `attr()`'s regex per name. Same values as `attr()` in both cases: in the plain form `name="` can only
 * start an attribute, so the first one found is the one `attr()` finds.
 * Input: the start tag's attributes. Output: the three values, entities decoded. Never throws.
 */
import { attr, decodeEntities } from './xml-text.js';

export interface CellAttributes {
  r: string | undefined;
  s: string | undefined;
  t: string | undefined;
}

const QUOTE = 0x22;
const EQUALS = 0x3d;

/** Whitespace `attr()`'s `\s` accepts before a name and the plain form allows between attributes. */
function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** Characters a plain attribute name or value never holds (quotes, `=`, `<`, `>`, blanks in a name). */
function isPlainValueChar(c: number): boolean {
  return c !== QUOTE && c !== EQUALS && c !== 0x27 && c !== 0x3c && c !== 0x3e;
}

export function cellAttributes(attrs: string): CellAttributes {
  const out: CellAttributes = { r: undefined, s: undefined, t: undefined };
  readCellAttributes(attrs, 0, attrs.length, out);
  return out;
}

/** cellAttributes of `text` from `from` to `to`, into `out` (a sheet reuses one: it has a million cells). */
export function readCellAttributes(text: string, from: number, to: number, out: CellAttributes): void {
  out.r = out.s = out.t = undefined;
  if (plainAttributes(text, from, to, out)) return;
  const attrs = text.slice(from, to);
  out.r = attr(attrs, 'r');
  out.s = attr(attrs, 's');
  out.t = attr(attrs, 't');
}

/** Where the first `r`, `s` and `t` values are in the attributes plainPositions read last (start, end; -1: none). */
const at = { r: -1, rEnd: -1, s: -1, sEnd: -1, t: -1, tEnd: -1 };

/**
 * Fills `at` and returns true when text[from, to) is a sequence of ` name="value"`; false when it is not (`at`
 * is then not to be read). The first of each name counts, as with `attr()`.
 */
function plainPositions(text: string, from: number, to: number): boolean {
  at.r = at.rEnd = at.s = at.sEnd = at.t = at.tEnd = -1;
  let i = from;
  for (;;) {
    const blankStart = i;
    while (i < to && isBlank(text.charCodeAt(i))) i++;
    if (i === to) return true;
    if (i === blankStart) return false;
    const nameStart = i;
    while (i < to && !isBlank(text.charCodeAt(i)) && isPlainValueChar(text.charCodeAt(i))) i++;
    if (i === nameStart || i + 1 >= to || text.charCodeAt(i) !== EQUALS || text.charCodeAt(i + 1) !== QUOTE) return false;
    const nameEnd = i;
    i += 2;
    const valueStart = i;
    while (i < to && isPlainValueChar(text.charCodeAt(i))) i++;
    if (i >= to || text.charCodeAt(i) !== QUOTE) return false;
    if (nameEnd - nameStart === 1) {
      const name = text.charCodeAt(nameStart);
      if (name === 0x72 && at.r < 0) {
        at.r = valueStart;
        at.rEnd = i;
      } else if (name === 0x73 && at.s < 0) {
        at.s = valueStart;
        at.sEnd = i;
      } else if (name === 0x74 && at.t < 0) {
        at.t = valueStart;
        at.tEnd = i;
      }
    }
    i++;
  }
}

/** false when the text is not a sequence of ` name="value"`. */
function plainAttributes(text: string, from: number, to: number, out: CellAttributes): boolean {
  if (!plainPositions(text, from, to)) return false;
  out.r = valueAt(text, at.r, at.rEnd);
  out.s = valueAt(text, at.s, at.sEnd);
  out.t = valueAt(text, at.t, at.tEnd);
  return true;
}

function valueAt(text: string, from: number, to: number): string | undefined {
  return from < 0 ? undefined : decodeEntities(text.slice(from, to));
}

/**
 * What readCellAttributes and the reading of `r` and `s` give for a cell whose attributes are plain and free
 * of entities, read without a string per attribute (a sheet has a million cells): `ref` when `r` reads as a
 * reference (xlsx-sheet.ts parseRef: its row, 0 without one, and its column), the style as a number, the
 * type as the string `t` holds.
 */
export interface PlainCell {
  hasRef: boolean;
  refRow: number;
  refCol: number;
  style: number;
  type: string | undefined;
}

/** The types a cell's `t` holds (ECMA-376 ST_CellType), as constants: no string is cut out for them. */
const TYPES = ['s', 'n', 'b', 'e', 'd', 'str', 'inlineStr'];

/**
 * Fills `out` and returns true when the attributes are ` name="value"` pairs (plainAttributes' form) and the
 * first `r`, `s` and `t` hold no `&` and `s` is 1 to 9 digits; false otherwise (the caller reads them the
 * general way). `refRow` and `refCol` are to be read only when `hasRef`.
 */
export function readPlainCell(text: string, from: number, to: number, out: PlainCell): boolean {
  if (!plainPositions(text, from, to)) return false;
  const { r, rEnd, s: sValue, sEnd, t, tEnd } = at;
  if (hasAmpersand(text, r, rEnd) || hasAmpersand(text, sValue, sEnd) || hasAmpersand(text, t, tEnd)) return false;
  out.style = 0;
  if (sValue >= 0) {
    if (sEnd === sValue || sEnd - sValue > 9) return false;
    let style = 0;
    for (let j = sValue; j < sEnd; j++) {
      const d = text.charCodeAt(j) - 0x30;
      if (d < 0 || d > 9) return false;
      style = style * 10 + d;
    }
    out.style = style;
  }
  out.type = t < 0 ? undefined : typeOf(text, t, tEnd);
  // An empty `r` is none, as in the general reading (`a.r && readRef(a.r)`).
  out.hasRef = r >= 0 && rEnd > r && readRefAt(text, r, rEnd, ref);
  out.refRow = ref.row;
  out.refCol = ref.col;
  return true;
}

function hasAmpersand(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 0x26) return true;
  return false;
}

function typeOf(text: string, from: number, to: number): string {
  for (let i = 0; i < TYPES.length; i++) {
    const type = TYPES[i] as string;
    if (type.length === to - from && text.startsWith(type, from)) return type;
  }
  return text.slice(from, to);
}

const DOLLAR = 0x24;

/**
 * A cell reference in text[from, to), as `/^\$?([A-Za-z]{1,3})\$?(\d*)$/` reads it: `A1`, `$B$2`, `C` (row 0)
 * → its row and 0-based column into `out`; false: not a reference. xlsx-sheet.ts parseRef reads strings with it.
 */
export function readRefAt(text: string, from: number, to: number, out: { row: number; col: number }): boolean {
  let i = text.charCodeAt(from) === DOLLAR ? from + 1 : from;
  let col = 0;
  const lettersStart = i;
  for (let c = text.charCodeAt(i) | 0x20; i < to && c >= 0x61 && c <= 0x7a && i - lettersStart < 3; c = text.charCodeAt(++i) | 0x20) col = col * 26 + (c - 0x60);
  if (i === lettersStart) return false;
  if (i < to && text.charCodeAt(i) === DOLLAR) i++;
  const digitsStart = i;
  let row = 0;
  for (; i < to; i++) {
    const d = text.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return false;
    row = row * 10 + d;
  }
  // Beyond 9 digits the sum could round otherwise than Number() of the digits does.
  out.row = i - digitsStart > 9 ? Number(text.slice(digitsStart, to)) : row;
  out.col = col - 1;
  return true;
}

const ref = { row: 0, col: 0 };
