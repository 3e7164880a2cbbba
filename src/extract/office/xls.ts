/**
 * Excel 97–2003 (.xls, BIFF5/BIFF8) and Excel binary workbooks (.xlsb), read by SheetJS (`@e965/xlsx`, the
 * maintained republish; npm's `xlsx` 0.18.5 carries CVE-2023-30533 and CVE-2024-22363, fixed from 0.20.2).
 * Input: the file's bytes. Output: the same segments as the xlsx extractor — one per non-empty cell, origin
 * {sheet, cell}, the column header as context (sheet-cells.ts) — plus cell comments (origin {sheet, cell,
 * part: 'comments'}) and the document properties (properties.ts). Text in BIFF5's code page (cp932) is decoded
 * by SheetJS's code-page tables.
 * Never evaluates formulas (the cached value is what Excel shows), never writes anything, never loads SheetJS
 * before the first spreadsheet of this kind.
 */
import { createRequire } from 'node:module';
import type { CellObject, WorkBook, WorkSheet } from '@e965/xlsx';
import type { ExtractContext, ExtractResult, Segment } from '../../model.js';
import { ENCRYPTED_REASON } from './cfb.js';
import { propertySegments, type Property } from './properties.js';
import { columnName, sheetCells } from './sheet-cells.js';
import { cellFormatOf, formatNumber } from './xlsx-format.js';
import { messageOf } from './zip-parts.js';

type SheetJs = typeof import('@e965/xlsx');
let sheetJs: SheetJs | undefined;

/** The CommonJS build: it loads the code-page tables (cp932 for BIFF5 and ANSI property sets) itself. */
function load(): SheetJs {
  sheetJs ??= createRequire(import.meta.url)('@e965/xlsx') as SheetJs;
  return sheetJs;
}

export async function extractSheetJs(bytes: Uint8Array, ctx: ExtractContext, format: 'xls' | 'xlsb'): Promise<ExtractResult> {
  let book: WorkBook;
  try {
    // dense: rows as arrays (far less memory than one key per cell); cellNF: the number format of each cell.
    book = load().read(bytes, { type: 'array', dense: true, cellNF: true, cellHTML: false, cellFormula: false, WTF: false });
  } catch (error) {
    const message = messageOf(error);
    if (/password|encrypt/i.test(message)) return { ok: false, format, status: 'skipped', reason: ENCRYPTED_REASON };
    return { ok: false, format, status: 'error', reason: `cannot read .${format}: ${message.split('\n')[0]}` };
  }
  // SheetJS returns an empty book for a stream it cannot make sense of: that is a broken file, not a clean one.
  if (book.SheetNames.length === 0) return { ok: false, format, status: 'error', reason: `corrupt .${format}: no worksheet could be read` };
  const segments: Segment[] = [];
  const emit = ctx.onSegment ?? ((s: Segment) => void segments.push(s));
  const date1904 = Boolean(book.Workbook?.WBProps?.date1904);
  for (const name of book.SheetNames) {
    const sheet = book.Sheets[name];
    if (sheet) readSheet(name, sheet, date1904, emit);
  }
  for (const s of propertySegments(bookProperties(book))) emit(s);
  return { ok: true, format, segments };
}

function readSheet(name: string, sheet: WorkSheet, date1904: boolean, emit: (s: Segment) => void): void {
  const rows = (sheet['!data'] ?? []) as (CellObject | undefined)[][];
  const cells = sheetCells(name, emit);
  const comments: Segment[] = [];
  rows.forEach((row, r) => {
    row?.forEach((cell, c) => {
      if (!cell) return;
      const text = cellText(cell, date1904)?.trim();
      if (text) cells.cell(r + 1, c, text);
      for (const comment of cell.c ?? []) {
        const body = comment.t?.trim();
        if (body) comments.push({ text: body, origin: { sheet: name, cell: `${columnName(c)}${r + 1}`, part: 'comments' } });
      }
    });
  });
  cells.end();
  for (const s of comments) emit(s);
}

/** What Excel shows: strings as stored, numbers through the cell's format (dates as YYYY-MM-DD). */
export function cellText(cell: CellObject, date1904: boolean): string | undefined {
  switch (cell.t) {
    case 's':
      return String(cell.v ?? '');
    case 'n':
      return typeof cell.v === 'number' ? formatNumber(cell.v, cellFormatOf(-1, typeof cell.z === 'string' ? cell.z : undefined), date1904) : undefined;
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'd':
      return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : undefined;
    default:
      return undefined; // 'e' (error value) and 'z' (blank, formatted) show no text
  }
}

/** SheetJS keys that describe the file, not its author or subject. */
const TECHNICAL = new Set(['SystemIdentifier', 'CodePage', 'FMTID', 'Application', 'AppVersion', 'DocSecurity', 'SheetNames', 'Worksheets',
  'RevNumber', 'EditTime', 'LastPrinted', 'CreatedDate', 'ModifiedDate', 'Template', 'PresentationFormat']);

/** Built-in (`Props`) and custom (`Custprops`) document properties with a text value. */
function bookProperties(book: WorkBook): Property[] {
  const seen = new Set<string>();
  const out: Property[] = [];
  for (const source of [book.Props, book.Custprops] as (Record<string, unknown> | undefined)[]) {
    for (const [name, value] of Object.entries(source ?? {})) {
      if (TECHNICAL.has(name) || typeof value !== 'string' || seen.has(`${name}\u0000${value}`)) continue;
      seen.add(`${name}\u0000${value}`);
      out.push({ name, value });
    }
  }
  return out;
}
