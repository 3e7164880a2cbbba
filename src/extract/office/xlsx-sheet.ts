/**
 * Streams one worksheet part (`xl/worksheets/sheetN.xml`) and reports its cells and page header/footer text.
 * Input: the inflating entry stream. Output: callbacks with each `<c>` (reference, type, style, inner XML) and
 * each `<oddHeader>`-like element's text. Memory stays bounded by the largest single cell, not the sheet:
 * the text is decoded chunk by chunk and everything scanned is dropped.
 * Never builds a DOM; never throws on odd XML (unmatched text is skipped), only on stream errors.
 */
import { TextDecoder } from 'node:util';
import { attr, decodeEntities } from './xml-text.js';
import { xmlEncodingOf } from './zip-parts.js';
import { columnName } from './sheet-cells.js';

export interface RawCell {
  /** A1-style reference (computed from the row and position when the file omits `r`). */
  ref: string;
  row: number;
  /** 0-based column index. */
  col: number;
  type: string | undefined;
  style: number;
  inner: string;
}

export interface SheetSink {
  cell(cell: RawCell): void;
  headerFooter(kind: 'header' | 'footer', text: string): void;
}

const P = '(?:[\\w.-]+:)?';
const TOKEN = new RegExp(
  `<${P}(c|row)(?=[\\s/>])([^>]*?)(/?)>|<${P}((?:odd|even|first)(Header|Footer))>([^<]*)</${P}\\4>`,
  'g',
);
const CELL_END = new RegExp(`</${P}c>`, 'g');
const OPENING = new RegExp(`<${P}(?:c|row|(?:odd|even|first)(?:Header|Footer))(?=[\\s/>])`, 'g');

interface Cursor {
  row: number;
  col: number;
}

export async function scanSheet(stream: AsyncIterable<Uint8Array>, sink: SheetSink): Promise<void> {
  let decoder: TextDecoder | undefined;
  let pending = '';
  const cursor: Cursor = { row: 0, col: -1 };
  for await (const bytes of stream) {
    decoder ??= new TextDecoder(xmlEncodingOf(bytes));
    pending += decoder.decode(bytes, { stream: true });
    pending = pending.slice(consume(pending, cursor, sink));
  }
  if (decoder) consume(pending + decoder.decode(), cursor, sink);
}

/** Scans complete elements of `text`; returns where the unscanned (possibly incomplete) tail starts. */
function consume(text: string, cursor: Cursor, sink: SheetSink): number {
  let done = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const [, name, attrs = '', selfClosing, , kind, headerText] = m;
    if (name === 'row') {
      const r = Number(attr(attrs, 'r'));
      cursor.row = Number.isInteger(r) && r > 0 ? r : cursor.row + 1;
      cursor.col = -1;
    } else if (name === 'c') {
      let inner = '';
      if (!selfClosing) {
        CELL_END.lastIndex = TOKEN.lastIndex;
        const end = CELL_END.exec(text);
        if (!end) return m.index;
        inner = text.slice(TOKEN.lastIndex, end.index);
        TOKEN.lastIndex = CELL_END.lastIndex;
      }
      emitCell(attrs, inner, cursor, sink);
    } else if (kind) {
      sink.headerFooter(kind === 'Header' ? 'header' : 'footer', headerFooterText(headerText ?? ''));
    }
    done = TOKEN.lastIndex;
  }
  // keep the element cut at the chunk boundary (from its start tag, or from a start tag cut itself)
  OPENING.lastIndex = done;
  const open = OPENING.exec(text);
  if (open) return open.index;
  const lastTag = text.lastIndexOf('<');
  return lastTag >= done ? lastTag : text.length;
}

function emitCell(attrs: string, inner: string, cursor: Cursor, sink: SheetSink): void {
  const ref = attr(attrs, 'r');
  const parsed = ref ? parseRef(ref) : undefined;
  if (parsed) {
    cursor.col = parsed.col;
    if (parsed.row > 0) cursor.row = parsed.row;
  } else {
    cursor.col++;
  }
  const row = Math.max(cursor.row, 1);
  const style = Number(attr(attrs, 's') ?? 0);
  sink.cell({
    ref: `${columnName(cursor.col)}${row}`,
    row,
    col: cursor.col,
    type: attr(attrs, 't'),
    style: Number.isInteger(style) ? style : 0,
    inner,
  });
}

export function parseRef(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d*)$/.exec(ref);
  if (!m?.[1]) return undefined;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2] || 0), col: col - 1 };
}

/**
 * Page header/footer strings carry formatting codes (ECMA-376 Part 1, 18.3.1.39): `&L`/`&C`/`&R` start the
 * left/centre/right sections, `&"font,style"`, `&12` (size), `&K…` (colour), `&P` `&N` `&D` `&T` `&A` `&F`…
 * (fields) are not text; `&&` is a literal ampersand.
 */
export function headerFooterText(raw: string): string {
  return decodeEntities(raw)
    .replace(/&&/g, '\u0000')
    .replace(/&"[^"]*"|&K(?:[0-9A-Fa-f]{6}|\d\d[+-]\d{3})|&\d+/g, '')
    .replace(/&[LCR]/g, ' ')
    .replace(/&[PNDTAFZGBIUESXYH]/g, '')
    .replace(/\u0000/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
