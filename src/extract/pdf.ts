/**
 * pdf: text of a PDF page by page (`origin: {page: N}`, page 1 is a label zone), its lines and table cells
 * rebuilt from the text items' positions (pdf-lines.ts), tables and forms given their structure (pdf-layout.ts).
 * Input: the file's bytes. Output: segments, or `skipped` (encrypted, image-only) / `error` (corrupt) with a reason.
 * Pages without text go to ocr/pdf-ocr.ts (recognised with --ocr, named as not examined without it).
 * It never tries passwords, and never reads embedded files (PDF attachments are not scanned).
 * pdf-parse (pdf.js) is imported lazily so start-up stays lean; it costs ≈140 ms to load (pdf-library.ts).
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { ExtractContext, ExtractResult, Extractor, Segment } from '../model.js';
import { isBuiltinFieldName } from '../patterns/load.js';
import { isPdfFile } from './formats.js';
import { IMAGE_ONLY_PDF } from './ocr/not-examined.js';
import { deferCanvas } from './pdf-canvas.js';
import { loadPdfParse } from './pdf-library.js';
import { pageSegments } from './pdf-layout.js';
import { pageLines, type RawTextItem } from './pdf-lines.js';

const FORMAT = 'pdf';

/**
 * Directory of the Adobe CMaps shipped with the pdf.js that pdf-parse uses (resolved from pdf-parse, so a
 * second pdfjs-dist elsewhere in node_modules cannot be picked by mistake). Without it, Japanese text in
 * fonts with predefined CMaps (UniJIS-UCS2-H, 90ms-RKSJ-H …, common in older Japanese PDFs) comes back
 * empty, silently. pdf.js appends `<name>.bcmap`, hence the trailing slash.
 */
let cMapDir: string | undefined;
function cMapDirectory(): string {
  if (cMapDir === undefined) {
    const fromPdfParse = createRequire(createRequire(import.meta.url).resolve('pdf-parse'));
    cMapDir = `${dirname(fromPdfParse.resolve('pdfjs-dist/cmaps/UniJIS-UCS2-H.bcmap'))}/`;
  }
  return cMapDir;
}

export { joinSplitNumbers } from './pdf-join.js';

/** The parts of pdf.js used here (its typings are not loaded by this build). */
interface PdfTextPage {
  getTextContent(): Promise<{ items: RawTextItem[] }>;
  cleanup(): void;
}
interface PdfTextDocument {
  numPages: number;
  getPage(n: number): Promise<PdfTextPage>;
}
/** pdf-parse keeps the pdf.js document it loaded behind `load()` (private in its typings, cached). */
type WithDocument = { load(): Promise<PdfTextDocument> };

export interface PdfPageText {
  num: number;
  /** Every item's text joined: only used to tell pages with text from pages without. */
  text: string;
  segments: Segment[];
}

/** Each page's text items, rebuilt into lines, tables and labelled values (pdf-lines.ts, pdf-layout.ts). */
export async function readPages(parser: unknown): Promise<PdfPageText[]> {
  const doc = await (parser as WithDocument).load();
  const pages: PdfPageText[] = [];
  for (let num = 1; num <= doc.numPages; num++) {
    const page = await doc.getPage(num);
    const { items } = await page.getTextContent();
    page.cleanup();
    const { lines, other } = pageLines(items);
    const segments = pageSegments(lines, num, isBuiltinFieldName);
    if (other) segments.push({ text: other, origin: { page: num } });
    pages.push({ num, text: items.map((i) => i.str ?? '').join(''), segments });
  }
  return pages;
}

/**
 * Pages without text (scanned images) produce no segment. If every page is empty the whole file is
 * `skipped`, since nothing was read; if only some are, the result is still `ok` (ExtractResult has no
 * "partial" field) and the text pages are scanned. Page 1 is a label zone.
 */
export function pagesToResult(pages: readonly PdfPageText[]): ExtractResult {
  const segments: Segment[] = [];
  for (const { num, text, segments: own } of pages) {
    if (text.trim() === '') continue;
    for (const seg of own) segments.push(num === 1 ? { ...seg, labelZone: true } : seg);
  }
  if (segments.length === 0) {
    return { ok: false, format: FORMAT, status: 'skipped', reason: IMAGE_ONLY_PDF };
  }
  return { ok: true, format: FORMAT, segments };
}

/** pdf-parse re-throws pdf.js errors as its own classes; their `name` tells them apart. */
function failure(error: unknown): ExtractResult {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') {
    return { ok: false, format: FORMAT, status: 'skipped', reason: 'encrypted PDF (password required)' };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, format: FORMAT, status: 'error', reason: `corrupt PDF: ${message}` };
}

async function extractPdf(bytes: Uint8Array, ctx: ExtractContext): Promise<ExtractResult> {
  deferCanvas();
  const { PDFParse, VerbosityLevel } = await loadPdfParse();
  // pdf.js takes ownership of (and may detach) the buffer it is given: hand it a copy.
  const parser = new PDFParse({
    data: new Uint8Array(bytes),
    cMapUrl: cMapDirectory(),
    cMapPacked: true,
    verbosity: VerbosityLevel.ERRORS,
  });
  try {
    const pages = await readPages(parser);
    const { withImagePages } = await import('./ocr/pdf-ocr.js');
    return await withImagePages(parser, pages, pagesToResult(pages), ctx);
  } catch (error) {
    return failure(error);
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

export const pdfExtractor: Extractor = {
  format: FORMAT,
  matches: isPdfFile,
  extract: (bytes, ctx) => extractPdf(bytes, ctx),
};
