/**
 * Streams one worksheet part (`xl/worksheets/sheetN.xml`) and reports its cells and page header/footer text.
 * Input: the inflating entry stream. Output: callbacks with each `<c>` (reference, type, style, inner XML) and
 * each `<oddHeader>`-like element's text. Memory stays bounded by the largest single cell, not the sheet:
 * the text is decoded chunk by chunk and everything scanned is dropped.
 * Never builds a DOM; never throws on odd XML (unmatched text is skipped), only on stream errors.
 */
import { decodeEntities } from './xml-text.js';
import { ChunkText } from './chunk-text.js';
import { readCellAttributes, readPlainCell, readRefAt, type CellAttributes, type PlainCell } from './cell-attributes.js';
import { cellEnd, nextToken, openingAt, type SheetToken } from './sheet-tokens.js';

export interface RawCell {
  /** 1-based (computed from the rows before when the file omits `r`). */
  row: number;
  /** 0-based column index. */
  col: number;
  type: string | undefined;
  style: number;
  inner: string;
}

export interface SheetSink {
  /** One object for every cell: read it, do not keep it. */
  cell(cell: RawCell): void;
  headerFooter(kind: 'header' | 'footer', text: string): void;
}

interface Cursor {
  row: number;
  col: number;
}

/**
 * The inflated part (256 KB chunks, zip-inflate.ts) is decoded and scanned in pieces of this many bytes, so
 * that no piece's string is 128 KB or more: V8 allocates such a string as a large object, on pages mapped
 * for it alone, and every 4 KB of it is a page fault when first written (≈ 14 µs each on the bench VM). The
 * bench's 100,000-row workbook: 47,000 → 34,500 page faults, −10 % CPU (BENCHMARKS.md).
 */
const PIECE_BYTES = 64 * 1024;

export async function scanSheet(stream: AsyncIterable<Uint8Array>, sink: SheetSink): Promise<void> {
  const decoder = new ChunkText();
  let pending = '';
  const cursor: Cursor = { row: 0, col: -1 };
  for await (const bytes of stream) {
    for (let at = 0; at < bytes.length; at += PIECE_BYTES) {
      const piece = bytes.subarray(at, at + PIECE_BYTES);
      const text = decoder.decode(piece); // also when joined from the bytes: the decoder follows every piece
      pending = pending.length === 0 ? text : decoder.ascii ? joinAscii(pending, piece) : pending + text;
      pending = pending.slice(consume(pending, cursor, sink));
    }
  }
  if (decoder.started) consume(pending + decoder.end(), cursor, sink);
}

/**
 * The cut element held from the last piece and the next piece's bytes as one flat string: `held + text`
 * would be a cons string, which V8 reads a character at a time about 1.5× slower, even flattened (the
 * scan reads every attribute character by character). Both are ASCII: the held text is its bytes.
 */
function joinAscii(held: string, piece: Uint8Array): string {
  const size = held.length + piece.length;
  // One buffer for every join (a new one per piece was 16 page faults each): the string is a copy.
  if (size > scratch.length) scratch = Buffer.allocUnsafeSlow(Math.max(size, scratch.length * 2));
  scratch.write(held, 0, 'latin1');
  scratch.set(piece, held.length);
  return scratch.toString('latin1', 0, size);
}

let scratch = Buffer.allocUnsafeSlow(0);

/**
 * One token, one set of attributes and one reference for every scan: each is read before the next is looked
 * for, within one synchronous `consume` (a sheet has a million cells; these were three objects per cell).
 */
const token: SheetToken = { kind: 'c', start: 0, end: 0, attrsStart: 0, attrsEnd: 0, selfClosing: false, marginKind: '', marginText: '' };
const attrs: CellAttributes = { r: undefined, s: undefined, t: undefined };
const plain: PlainCell = { hasRef: false, refRow: 0, refCol: 0, style: 0, type: undefined };
const ref = { row: 0, col: 0 };

/** Scans complete elements of `text`; returns where the unscanned (possibly incomplete) tail starts. */
function consume(text: string, cursor: Cursor, sink: SheetSink): number {
  let done = 0;
  for (let at = 0; nextToken(text, at, token); at = done) {
    if (token.kind === 'row') {
      readCellAttributes(text, token.attrsStart, token.attrsEnd, attrs);
      const r = Number(attrs.r);
      cursor.row = Number.isInteger(r) && r > 0 ? r : cursor.row + 1;
      cursor.col = -1;
      done = token.end;
    } else if (token.kind === 'c') {
      let inner = '';
      done = token.end;
      if (!token.selfClosing) {
        // Nearly every cell is `<v>…</v></c>`: its end is found without cellEnd's look at each `</`.
        let innerEnd = plainValueEnd(text, token.end);
        if (innerEnd >= 0) {
          done = innerEnd + 4;
        } else {
          const end = cellEnd(text, token.end);
          if (!end) return token.start;
          [innerEnd, done] = end;
        }
        inner = text.slice(token.end, innerEnd);
      }
      if (readPlainCell(text, token.attrsStart, token.attrsEnd, plain)) {
        emitPlain(plain, inner, cursor, sink);
      } else {
        readCellAttributes(text, token.attrsStart, token.attrsEnd, attrs);
        emitCell(attrs, inner, cursor, sink);
      }
    } else {
      sink.headerFooter(token.marginKind === 'Header' ? 'header' : 'footer', headerFooterText(token.marginText));
      done = token.end;
    }
  }
  // keep the element cut at the chunk boundary (from its start tag, or from a start tag cut itself)
  const open = openingAt(text, done);
  if (open >= 0) return open;
  const lastTag = text.lastIndexOf('<');
  return lastTag >= done ? lastTag : text.length;
}

/**
 * Where the inner XML of a cell that is exactly `<v>…</v></c>` (no `<` in the value) ends: the offset of its
 * `</c>`, which cellEnd would find there too (`</v>` is no `</c>`); -1 for any other cell.
 */
function plainValueEnd(text: string, innerStart: number): number {
  if (!text.startsWith('<v>', innerStart)) return -1;
  const lt = text.indexOf('<', innerStart + 3);
  return lt >= 0 && text.startsWith('</v></c>', lt) ? lt + 4 : -1;
}

/** The cell handed to the sink, one object for every cell: the sink reads it and keeps nothing of it. */
const raw: RawCell = { row: 0, col: 0, type: undefined, style: 0, inner: '' };

function emitCell(a: CellAttributes, inner: string, cursor: Cursor, sink: SheetSink): void {
  if (a.r && readRefAt(a.r, 0, a.r.length, ref)) {
    cursor.col = ref.col;
    if (ref.row > 0) cursor.row = ref.row;
  } else {
    cursor.col++;
  }
  const style = Number(a.s ?? 0);
  emit(sink, cursor, a.t, Number.isInteger(style) ? style : 0, inner);
}

/** emitCell for attributes readPlainCell read. */
function emitPlain(p: PlainCell, inner: string, cursor: Cursor, sink: SheetSink): void {
  if (p.hasRef) {
    cursor.col = p.refCol;
    if (p.refRow > 0) cursor.row = p.refRow;
  } else {
    cursor.col++;
  }
  emit(sink, cursor, p.type, p.style, inner);
}

function emit(sink: SheetSink, cursor: Cursor, type: string | undefined, style: number, inner: string): void {
  raw.row = Math.max(cursor.row, 1);
  raw.col = cursor.col;
  raw.type = type;
  raw.style = style;
  raw.inner = inner;
  sink.cell(raw);
}

/** `A1`, `$B$2`, `C` (no row: 0) → row and 0-based column; as `/^\$?([A-Za-z]{1,3})\$?(\d*)$/` reads it. */
export function parseRef(ref: string): { row: number; col: number } | undefined {
  const out = { row: 0, col: 0 };
  return readRefAt(ref, 0, ref.length, out) ? out : undefined;
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
