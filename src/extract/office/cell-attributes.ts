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

/** false when the text is not a sequence of ` name="value"` (what was read is then overwritten). */
function plainAttributes(text: string, from: number, to: number, out: CellAttributes): boolean {
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
    if (nameEnd - nameStart === 1) keep(out, text.charCodeAt(nameStart), text, valueStart, i);
    i++;
  }
}

/** The first of each name counts, as with `attr()`. */
function keep(out: CellAttributes, name: number, text: string, from: number, to: number): void {
  if (name === 0x72) out.r ??= decodeEntities(text.slice(from, to));
  else if (name === 0x73) out.s ??= decodeEntities(text.slice(from, to));
  else if (name === 0x74) out.t ??= decodeEntities(text.slice(from, to));
}
