/**
 * OpenDocument text (.odt) and spreadsheets (.ods), from content.xml, styles.xml and meta.xml.
 * Input: the file's bytes. Output: text documents give one Segment per non-empty paragraph or heading,
 * origin {part: 'document', paragraph: N}; spreadsheets give one per non-empty cell, origin {sheet, cell}
 * computed from rows/cells including their `number-*-repeated` counts, with the column header as context.
 * Page headers/footers from styles.xml are label zones. A repeated cell with content is reported once.
 * Never decrypts: a package whose manifest declares encryption is skipped.
 */
import type { ExtractContext, ExtractResult, Segment } from '../../model.js';
import { odfMetaLabels } from './msip.js';
import { sheetCells, type SheetCells } from './sheet-cells.js';
import { odfProperties, propertySegments } from './properties.js';
import { attr, decodeEntities } from './xml-text.js';
import { withOfficeZip, type OfficeZip, type ZipFailure } from './zip-parts.js';

const LABEL_ZONE = 3;
const PARAGRAPHS = new Set(['text:p', 'text:h']);
/** Elements whose text is metadata (annotation author/date, footnote mark, frame titles), not content. */
const SKIPPED = new Set(['dc:creator', 'dc:date', 'meta:date-string', 'text:note-citation', 'svg:title', 'svg:desc']);
const MARGINS = /^style:(header|footer)(-left|-first)?$/;

interface Visitor {
  open?(name: string, attrs: string): void;
  close?(name: string): void;
  /** `order` is the paragraph's position by its start tag (a nested paragraph comes after its parent). */
  paragraph?(text: string, order: number): void;
}

/** Walks the tags of an ODF part; paragraphs (nested ones too) are reported when they close. */
export function walkOdf(xml: string, visitor: Visitor): void {
  const tags = /<(\/?)([\w.-]+:[\w.-]+)([^>]*?)(\/?)>/g;
  const stack: { parts: string[]; order: number }[] = [];
  let opened = 0;
  let skip = 0;
  let last = 0;
  for (let m = tags.exec(xml); m; m = tags.exec(xml)) {
    const [, closing, name = '', attrs = '', selfClosing] = m;
    const top = stack[stack.length - 1];
    if (top && skip === 0 && m.index > last) top.parts.push(decodeEntities(xml.slice(last, m.index)).replace(/[ \t\r\n]+/g, ' '));
    last = tags.lastIndex;
    if (SKIPPED.has(name)) {
      if (!selfClosing) skip = Math.max(0, skip + (closing ? -1 : 1));
    } else if (closing) {
      const done = PARAGRAPHS.has(name) ? stack.pop() : undefined;
      if (done) visitor.paragraph?.(done.parts.join('').trim(), done.order);
      visitor.close?.(name);
    } else {
      visitor.open?.(name, attrs);
      if (PARAGRAPHS.has(name) && selfClosing) visitor.paragraph?.('', opened++);
      else if (PARAGRAPHS.has(name)) stack.push({ parts: [], order: opened++ });
      else if (top && skip === 0) top.parts.push(inlineText(name, attrs));
      if (selfClosing) visitor.close?.(name);
    }
  }
}

/** `<text:s text:c="3"/>` is three spaces; tabs and line breaks are elements too (ODF 1.2, 6.1). */
function inlineText(name: string, attrs: string): string {
  if (name === 'text:s') return ' '.repeat(Math.min(Number(attr(attrs, 'text:c') ?? 1) || 1, 1000));
  if (name === 'text:tab') return '\t';
  if (name === 'text:line-break') return '\n';
  return '';
}

export function odtSegments(xml: string): Segment[] {
  const found: { text: string; order: number }[] = [];
  walkOdf(xml, {
    paragraph(text, order) {
      if (text) found.push({ text, order });
    },
  });
  return found
    .sort((a, b) => a.order - b.order)
    .map(({ text }, i) => {
      const segment: Segment = { text, origin: { part: 'document', paragraph: i + 1 } };
      if (i < LABEL_ZONE) segment.labelZone = true;
      return segment;
    });
}

const CELLS = new Set(['table:table-cell', 'table:covered-table-cell']);

function repeatOf(attrs: string, name: string): number {
  return Math.max(1, Number(attr(attrs, name) ?? 1) || 1);
}

export function odsSegments(xml: string): Segment[] {
  const segments: Segment[] = [];
  const emit = (s: Segment): void => void segments.push(s);
  let sheet: SheetCells = sheetCells('', emit);
  let row = 0;
  let rowRepeat = 1;
  let col = 0;
  let cell: { attrs: string; texts: string[] } | undefined;
  walkOdf(xml, {
    open(name, attrs) {
      if (name === 'table:table') {
        sheet.end();
        [sheet, row] = [sheetCells(attr(attrs, 'table:name') ?? '', emit), 0];
      } else if (name === 'table:table-row') [col, rowRepeat] = [0, repeatOf(attrs, 'table:number-rows-repeated')];
      else if (CELLS.has(name)) cell = { attrs, texts: [] };
    },
    paragraph(text) {
      if (text) cell?.texts.push(text);
    },
    close(name) {
      if (name === 'table:table-row') row += rowRepeat;
      if (!CELLS.has(name) || !cell) return;
      if (cell.texts.length > 0) sheet.cell(row + 1, col, cell.texts.join('\n'));
      col += repeatOf(cell.attrs, 'table:number-columns-repeated');
      cell = undefined;
    },
  });
  sheet.end();
  return segments;
}

/** Page header/footer paragraphs of styles.xml (every master page; identical texts reported once). */
export function odfMarginSegments(xml: string): Segment[] {
  const segments: Segment[] = [];
  const seen = new Set<string>();
  let margin: string | undefined;
  walkOdf(xml, {
    open(name) {
      margin = MARGINS.exec(name)?.[1] ?? margin;
    },
    close(name) {
      if (MARGINS.test(name)) margin = undefined;
    },
    paragraph(text) {
      if (!margin || !text || seen.has(`${margin}\n${text}`)) return;
      seen.add(`${margin}\n${text}`);
      segments.push({ text, origin: { part: margin }, labelZone: true });
    },
  });
  return segments;
}

export async function extractOpenDocument(bytes: Uint8Array, ctx: ExtractContext, format: string): Promise<ExtractResult> {
  const result = await withOfficeZip(bytes, ctx.limits, (zip) => readPackage(zip));
  if ('ok' in result) return { ...result, format };
  return { ok: true, format, segments: result.segments, labels: result.labels };
}

async function readPackage(zip: OfficeZip): Promise<{ segments: Segment[]; labels: string[] } | ZipFailure> {
  if (!zip.has('content.xml')) return { ok: false, status: 'error', reason: 'not an OpenDocument file: content.xml is missing' };
  const parts = ['content.xml', 'styles.xml', 'meta.xml', 'META-INF/manifest.xml'].filter((p) => zip.has(p));
  const failure = zip.check(parts);
  if (failure) return failure;
  const text = async (part: string): Promise<string> => (zip.has(part) ? zip.readText(part) : '');
  if ((await text('META-INF/manifest.xml')).includes('encryption-data')) {
    return { ok: false, status: 'skipped', reason: 'encrypted (password-protected) OpenDocument file' };
  }
  const content = await text('content.xml');
  const body = /<office:spreadsheet\b/.test(content) ? odsSegments(content) : odtSegments(content);
  const meta = await text('meta.xml');
  return { segments: [...body, ...odfMarginSegments(await text('styles.xml')), ...propertySegments(odfProperties(meta))], labels: odfMetaLabels(meta) };
}
