/**
 * Excel workbooks (.xlsx / .xlsm): every sheet's cells as displayed, plus page headers/footers and labels.
 * Input: the file's bytes. Output: one Segment per non-empty cell, origin {sheet, cell}, with the column's
 * header text as context (sheet-cells.ts); header/footer text is a label zone. Shared strings and styles
 * are read whole; sheets are streamed (xlsx-sheet.ts), so memory does not grow with the sheet XML.
 * Never evaluates formulas (the cached result is what Excel shows) and never inflates past the limits.
 */
import type { ExtractContext, ExtractResult, Segment } from '../../model.js';
import { NO_LAYOUT, type LayoutState } from '../table-layout.js';
import { ooxmlMetadataLabels } from './msip.js';
import { ooxmlPropertySegments, xlsxCommentSegments } from './ooxml-extras.js';
import { attr, decodeEntities, decodeXstring, elementsOf, parseRels, richText } from './xml-text.js';
import { cellFormatOf, formatNumber, type CellFormat } from './xlsx-format.js';
import { sheetCells } from './sheet-cells.js';
import { scanSheet, type RawCell, type SheetScanEnd } from './xlsx-sheet.js';
import { mainDocumentPart, withOfficeZip, type OfficeZip, type ZipFailure } from './zip-parts.js';

const P = '(?:[\\w.-]+:)?';

/** What a sheet's cells are read with: the shared strings, the cell formats and the date system. */
export interface CellTexts {
  date1904: boolean;
  strings: string[];
  formats: CellFormat[];
}

export interface SheetPart {
  name: string;
  part: string;
}

interface Workbook extends CellTexts {
  sheets: SheetPart[];
}

/** The workbook part's answers, before the shared strings and styles are read. */
export interface WorkbookParts {
  sheets: SheetPart[];
  date1904: boolean;
  stringsPart: string | undefined;
  stylesPart: string | undefined;
}

export async function extractXlsx(bytes: Uint8Array, ctx: ExtractContext, format = 'xlsx'): Promise<ExtractResult> {
  const result = await withOfficeZip(bytes, ctx.limits, async (zip) => {
    const workbook = await readWorkbook(zip);
    if ('ok' in workbook) return workbook;
    const segments: Segment[] = [];
    const emit = ctx.onSegment ?? ((s: Segment) => void segments.push(s));
    for (const sheet of workbook.sheets) await readSheetXml(await zip.openStream(sheet.part), workbook, sheet.name, emit);
    const tail = await workbookTail(zip, workbook.sheets);
    for (const s of tail.segments) emit(s);
    return { segments, labels: tail.labels };
  });
  if ('ok' in result) return { ...result, format };
  return { ok: true, format, segments: result.segments, labels: result.labels };
}

/** What follows the sheets: cell comments and document properties (segments), and the sensitivity labels. */
export async function workbookTail(zip: OfficeZip, sheets: readonly SheetPart[]): Promise<{ segments: Segment[]; labels: string[] }> {
  const segments = [...(await xlsxCommentSegments(zip, sheets)), ...(await ooxmlPropertySegments(zip))];
  return { segments, labels: await ooxmlMetadataLabels(zip) };
}

async function readWorkbook(zip: OfficeZip): Promise<Workbook | ZipFailure> {
  const parts = await readWorkbookParts(zip);
  if ('ok' in parts) return parts;
  const strings = parts.stringsPart ? await zip.readText(parts.stringsPart) : undefined;
  const styles = parts.stylesPart ? await zip.readText(parts.stylesPart) : undefined;
  return { sheets: parts.sheets, ...cellTexts(strings, styles, parts.date1904) };
}

/** The shared strings and cell formats from their parts' XML (undefined: the workbook has no such part). */
export function cellTexts(stringsXml: string | undefined, stylesXml: string | undefined, date1904: boolean): CellTexts {
  return { date1904, strings: stringsXml === undefined ? [] : sharedStrings(stringsXml), formats: stylesXml === undefined ? [] : cellFormats(stylesXml) };
}

/** The sheets and the parts their cells need, each checked against the limits before any is read. */
export async function readWorkbookParts(zip: OfficeZip): Promise<WorkbookParts | ZipFailure> {
  const main = (await mainDocumentPart(zip, /workbook\d*\.xml$/)) ?? 'xl/workbook.xml';
  if (!zip.has(main)) return { ok: false, status: 'error', reason: `not a spreadsheet: ${main} is missing` };
  const dir = main.slice(0, main.lastIndexOf('/') + 1);
  const relsPart = `${dir}_rels/${main.slice(dir.length)}.rels`;
  const rels: Rels = zip.has(relsPart) ? parseRels(await zip.readText(relsPart), dir) : new Map();
  const xml = await zip.readText(main);
  const sheets = sheetList(xml, rels, zip);
  if (!Array.isArray(sheets)) return sheets;
  const byType = (suffix: string): string | undefined => [...rels.values()].find((r) => r.type.endsWith(suffix) && zip.has(r.target))?.target;
  const stringsPart = byType('/sharedStrings');
  const stylesPart = byType('/styles');
  const failure = zip.check([...sheets.map((s) => s.part), ...[stringsPart, stylesPart].filter((p) => p !== undefined)]);
  if (failure) return failure;
  const pr = /<(?:[\w.-]+:)?workbookPr\b[^>]*>/.exec(xml)?.[0] ?? '';
  return { sheets, date1904: /^(1|true)$/.test(attr(pr, 'date1904') ?? ''), stringsPart, stylesPart };
}

type Rels = Map<string, { target: string; type: string }>;

/** Worksheets in tab order; chart sheets hold no cells. A listed sheet without its part is a broken file. */
function sheetList(workbookXml: string, rels: Rels, zip: OfficeZip): Workbook['sheets'] | ZipFailure {
  const sheets: Workbook['sheets'] = [];
  for (const { tag } of elementsOf(workbookXml, `${P}sheet`)) {
    const id = attr(tag, 'r:id') ?? /\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(tag)?.[1];
    const rel = id === undefined ? undefined : rels.get(id);
    const name = attr(tag, 'name') ?? '';
    if (rel && !/\/worksheet$/.test(rel.type)) continue;
    if (!rel || !zip.has(rel.target)) return { ok: false, status: 'error', reason: `broken workbook: no part for sheet ${name}` };
    sheets.push({ name, part: rel.target });
  }
  return sheets;
}

function sharedStrings(xml: string): string[] {
  return elementsOf(xml, `${P}si`).map(({ inner }) => richText(inner));
}

/** Format of each cell style (`<cellXfs>` index = the cell's `s`), from built-in ids and custom `<numFmt>`s. */
function cellFormats(xml: string): CellFormat[] {
  const codes = new Map<number, string>();
  for (const { tag } of elementsOf(xml, `${P}numFmt`)) {
    codes.set(Number(attr(tag, 'numFmtId')), attr(tag, 'formatCode') ?? '');
  }
  const xfs = elementsOf(xml, `${P}cellXfs`)[0]?.inner ?? '';
  return elementsOf(xfs, `${P}xf`).map(({ tag }) => {
    const id = Number(attr(tag, 'numFmtId') ?? 0);
    return cellFormatOf(id, codes.get(id));
  });
}

/** Where a sheet's reading stands after some of its rows: what the rows after them are read from. */
export interface SheetState {
  /** The row of the last `<row>` or cell read (0: none yet). */
  row: number;
  layout: LayoutState;
}

export const SHEET_START: Readonly<SheetState> = Object.freeze({ row: 0, layout: NO_LAYOUT });

/** How a reading of a sheet's XML, or of a piece of it, ended. */
export interface SheetRead extends Pick<SheetScanEnd, 'clean' | 'relative'> {
  state: SheetState;
  /** Rows of its first and last cells with text (0: none). */
  firstRow: number;
  lastRow: number;
}

/**
 * Hands each of the sheet's segments to `emit` as it is read (a sheet can hold millions of cells). `from`: the
 * state the rows before left, when this is a piece of the sheet that starts at one of its `<row>`s.
 */
export async function readSheetXml(xml: AsyncIterable<Uint8Array>, book: CellTexts, sheet: string, emit: (s: Segment) => void, from: SheetState = SHEET_START): Promise<SheetRead> {
  const cells = sheetCells(sheet, emit, from.layout);
  const end = await scanSheet(xml, {
    cell(cell) {
      const text = cellText(cell, book)?.trim();
      if (text) cells.cell(cell.row, cell.col, text);
    },
    headerFooter(kind, text) {
      cells.end(); // <headerFooter> follows <sheetData>: the last row is complete
      if (text) emit({ text, origin: { sheet, part: kind }, labelZone: true });
    },
  }, from.row);
  cells.end();
  return { state: { row: end.row, layout: cells.layout() }, clean: end.clean, relative: end.relative, firstRow: cells.firstRow, lastRow: cells.lastRow };
}

const VALUE = new RegExp(`<${P}v(?:\\s[^>]*)?>([^<]*)</${P}v>`);

/**
 * The raw text of the cell's `<v>`: a cell that is exactly `<v>…</v>` (nearly all of them) is cut without
 * the regex, which would find the same text at the same place.
 */
function valueOf(inner: string): string | undefined {
  const end = inner.length - 4;
  if (inner.startsWith('<v>') && inner.endsWith('</v>') && inner.indexOf('<', 3) === end) return inner.slice(3, end);
  return VALUE.exec(inner)?.[1];
}

/** The text Excel displays for a cell (formula cells: the cached result). */
export function cellText(cell: RawCell, book: Pick<Workbook, 'strings' | 'formats' | 'date1904'>): string | undefined {
  if (cell.type === 'inlineStr') return richText(cell.inner);
  const raw = valueOf(cell.inner);
  if (raw === undefined) return undefined;
  const value = decodeEntities(raw);
  switch (cell.type) {
    case 's':
      return book.strings[Number(value)];
    case 'str':
      return decodeXstring(value);
    case 'b':
      return value === '1' || value === 'true' ? 'TRUE' : 'FALSE';
    case 'e':
      return undefined;
    case 'd':
      return value.slice(0, 10);
    default: {
      const n = Number(value);
      if (value.trim() === '' || Number.isNaN(n)) return value;
      return formatNumber(n, book.formats[cell.style] ?? { kind: 'general' }, book.date1904);
    }
  }
}
