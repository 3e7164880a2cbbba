/**
 * Excel workbooks (.xlsx / .xlsm): every sheet's cells as displayed, plus page headers/footers and labels.
 * Input: the file's bytes. Output: one Segment per non-empty cell, origin {sheet, cell}, with the column's
 * header text as context (sheet-cells.ts); header/footer text is a label zone. Shared strings and styles
 * are read whole; sheets are streamed (xlsx-sheet.ts), so memory does not grow with the sheet XML.
 * Never evaluates formulas (the cached result is what Excel shows) and never inflates past the limits.
 */
import type { ExtractContext, ExtractResult, Segment } from '../../model.js';
import { ooxmlMetadataLabels } from './msip.js';
import { ooxmlPropertySegments, xlsxCommentSegments } from './ooxml-extras.js';
import { attr, decodeEntities, decodeXstring, elementsOf, parseRels, richText } from './xml-text.js';
import { cellFormatOf, formatNumber, type CellFormat } from './xlsx-format.js';
import { sheetCells } from './sheet-cells.js';
import { scanSheet, type RawCell } from './xlsx-sheet.js';
import { mainDocumentPart, withOfficeZip, type OfficeZip, type ZipFailure } from './zip-parts.js';

const P = '(?:[\\w.-]+:)?';

interface Workbook {
  sheets: { name: string; part: string }[];
  date1904: boolean;
  strings: string[];
  formats: CellFormat[];
}

export async function extractXlsx(bytes: Uint8Array, ctx: ExtractContext, format = 'xlsx'): Promise<ExtractResult> {
  const result = await withOfficeZip(bytes, ctx.limits, async (zip) => {
    const workbook = await readWorkbook(zip);
    if ('ok' in workbook) return workbook;
    const segments: Segment[] = [];
    const emit = ctx.onSegment ?? ((s: Segment) => void segments.push(s));
    for (const sheet of workbook.sheets) await readSheet(zip, workbook, sheet, emit);
    for (const s of [...(await xlsxCommentSegments(zip, workbook.sheets)), ...(await ooxmlPropertySegments(zip))]) emit(s);
    return { segments, labels: await ooxmlMetadataLabels(zip) };
  });
  if ('ok' in result) return { ...result, format };
  return { ok: true, format, segments: result.segments, labels: result.labels };
}

async function readWorkbook(zip: OfficeZip): Promise<Workbook | ZipFailure> {
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
  return {
    sheets,
    date1904: /^(1|true)$/.test(attr(pr, 'date1904') ?? ''),
    strings: stringsPart ? sharedStrings(await zip.readText(stringsPart)) : [],
    formats: stylesPart ? cellFormats(await zip.readText(stylesPart)) : [],
  };
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

/** Hands each of the sheet's segments to `emit` as it is read (a sheet can hold millions of cells). */
async function readSheet(zip: OfficeZip, book: Workbook, sheet: { name: string; part: string }, emit: (s: Segment) => void): Promise<void> {
  const cells = sheetCells(sheet.name, emit);
  await scanSheet(await zip.openStream(sheet.part), {
    cell(cell) {
      const text = cellText(cell, book)?.trim();
      if (text) cells.cell(cell.row, cell.col, text);
    },
    headerFooter(kind, text) {
      cells.end(); // <headerFooter> follows <sheetData>: the last row is complete
      if (text) emit({ text, origin: { sheet: sheet.name, part: kind }, labelZone: true });
    },
  });
  cells.end();
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
