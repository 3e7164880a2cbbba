/**
 * The tokens xlsx-sheet.ts reads in a worksheet's XML, found by hand instead of by one regex with six
 * capture groups: a 100,000-row sheet has 900,000 tags, and the regex's match arrays and substrings were a
 * tenth of the workbook's time. Each function finds exactly what its regex (quoted above it) finds, at the
 * same place; test/extract/office/sheet-tokens.test.ts holds the regexes and compares them on random XML.
 * Input: the decoded text and an offset. Output: positions, and the attribute string of a start tag (a
 * slice, not parsed here). Never throws on odd XML.
 */

/** A `<c>` or `<row>` start tag, or a page header/footer element, found by `nextToken`. */
export interface SheetToken {
  kind: 'c' | 'row' | 'margin';
  /** Offset of its `<`. */
  start: number;
  /** Offset after its `>` (margins: after the closing tag). */
  end: number;
  /** Where the attributes of a start tag are in the text (without a self-closing `/`); empty for margins. */
  attrsStart: number;
  attrsEnd: number;
  selfClosing: boolean;
  /** Margins: `Header` or `Footer`, and the raw text between the tags. */
  marginKind: string;
  marginText: string;
}

const GT = 0x3e;
const SLASH = 0x2f;
const COLON = 0x3a;

/** `[\w.-]`: a character of a namespace prefix. */
function isNameChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2e || c === 0x2d;
}

/** JavaScript's `\s`. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `(?:[\w.-]+:)?` at `at`: where the local name starts. */
function afterPrefix(text: string, at: number): number {
  let i = at;
  while (isNameChar(text.charCodeAt(i))) i++;
  return i > at && text.charCodeAt(i) === COLON ? i + 1 : at;
}

const MARGINS = ['oddHeader', 'oddFooter', 'evenHeader', 'evenFooter', 'firstHeader', 'firstFooter'];

/** Which of the element names starts at `at` (undefined: none): `c`, `row` or a margin's. */
function nameAt(text: string, at: number): string | undefined {
  const c = text.charCodeAt(at);
  if (c === 0x63) return 'c';
  if (c === 0x72) return text.startsWith('row', at) ? 'row' : undefined;
  if (c !== 0x6f && c !== 0x65 && c !== 0x66) return undefined;
  return MARGINS.find((m) => text.startsWith(m, at));
}

/**
 * The first token at or after `from`, as
 * `<P(c|row)(?=[\s/>])([^>]*?)(/?)>|<P((?:odd|even|first)(Header|Footer))>([^<]*)</P\4>` (P: a prefix) finds
 * it; false when there is none. Fills `out`.
 */
export function nextToken(text: string, from: number, out: SheetToken): boolean {
  for (let lt = text.indexOf('<', from); lt >= 0; lt = text.indexOf('<', lt + 1)) {
    const at = afterPrefix(text, lt + 1);
    const name = nameAt(text, at);
    if (name === undefined) continue;
    const nameEnd = at + name.length;
    if (name === 'c' || name === 'row') {
      if (startTag(text, lt, nameEnd, name, out)) return true;
    } else if (margin(text, lt, nameEnd, name, out)) return true;
  }
  return false;
}

function startTag(text: string, lt: number, nameEnd: number, name: 'c' | 'row', out: SheetToken): boolean {
  const next = text.charCodeAt(nameEnd);
  if (!(isSpace(next) || next === SLASH || next === GT)) return false;
  const gt = text.indexOf('>', nameEnd);
  if (gt < 0) return false;
  const selfClosing = gt > nameEnd && text.charCodeAt(gt - 1) === SLASH;
  out.kind = name;
  out.start = lt;
  out.end = gt + 1;
  out.attrsStart = nameEnd;
  out.attrsEnd = selfClosing ? gt - 1 : gt;
  out.selfClosing = selfClosing;
  return true;
}

function margin(text: string, lt: number, nameEnd: number, name: string, out: SheetToken): boolean {
  if (text.charCodeAt(nameEnd) !== GT) return false;
  const close = text.indexOf('<', nameEnd + 1);
  if (close < 0 || text.charCodeAt(close + 1) !== SLASH) return false;
  const end = closingNameEnd(text, close + 2, name);
  if (end < 0) return false;
  out.kind = 'margin';
  out.start = lt;
  out.end = end;
  out.attrsStart = out.attrsEnd = nameEnd;
  out.selfClosing = false;
  out.marginKind = name.endsWith('Header') ? 'Header' : 'Footer';
  out.marginText = text.slice(nameEnd + 1, close);
  return true;
}

/** `P{name}>` at `at` (after `</`): the offset after its `>`, or -1. */
function closingNameEnd(text: string, at: number, name: string): number {
  const local = afterPrefix(text, at);
  for (const start of local === at ? [at] : [local, at]) {
    if (text.startsWith(name, start) && text.charCodeAt(start + name.length) === GT) return start + name.length + 1;
  }
  return -1;
}

/** `</P c>` from `from`, as `/<\/(?:[\w.-]+:)?c>/g` finds it: [start, end] of the first, or undefined. */
export function cellEnd(text: string, from: number): [number, number] | undefined {
  for (let at = text.indexOf('</', from); at >= 0; at = text.indexOf('</', at + 2)) {
    const end = closingNameEnd(text, at + 2, 'c');
    if (end >= 0) return [at, end];
  }
  return undefined;
}

/**
 * The offset of the first start of an element the scan reads, cut or whole, from `from`, as
 * `/<P(?:c|row|(?:odd|even|first)(?:Header|Footer))(?=[\s/>])/g` finds it; -1 when there is none.
 */
export function openingAt(text: string, from: number): number {
  for (let lt = text.indexOf('<', from); lt >= 0; lt = text.indexOf('<', lt + 1)) {
    const at = afterPrefix(text, lt + 1);
    const name = nameAt(text, at);
    if (name === undefined) continue;
    const next = text.charCodeAt(at + name.length);
    if (isSpace(next) || next === SLASH || next === GT) return lt;
  }
  return -1;
}
