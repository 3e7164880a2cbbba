/**
 * pdf: text of a PDF, one segment per page (`origin: {page: N}`, page 1 is a label zone).
 * Input: the file's bytes. Output: segments, or `skipped` (encrypted, image-only) / `error` (corrupt) with a reason.
 * Pages without text go to ocr/pdf-ocr.ts (recognised with --ocr, named as not examined without it).
 * It never tries passwords, and never reads embedded files (PDF attachments are not scanned).
 * pdf-parse (pdf.js) is imported lazily so start-up stays lean; it costs ≈140 ms to load.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { ExtractContext, ExtractResult, Extractor, Segment } from '../model.js';
import { IMAGE_ONLY_PDF } from './ocr/not-examined.js';

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

/**
 * pdf.js breaks a line where the PDF does, so `〒100-` / `0001` arrive on two lines. A newline is removed
 * only after a digit followed by a hyphen-like character and before a digit: the number was visibly cut at
 * its separator. Newlines between plain digits stay, since joining them would fuse neighbouring table
 * cells (`123456` / `789012`) into long numbers that were never written. Applied page by page.
 */
const SPLIT_NUMBER = /(\d[-‐‑‒–—―−ー－])[ \t]*\r?\n[ \t]*(?=\d)/g;

export function joinSplitNumbers(pageText: string): string {
  return pageText.replace(SPLIT_NUMBER, '$1');
}

/**
 * Pages without text (scanned images) produce no segment. If every page is empty the whole file is
 * `skipped`, since nothing was read; if only some are, the result is still `ok` (ExtractResult has no
 * "partial" field) and the text pages are scanned.
 */
export function pagesToResult(pages: readonly { num: number; text: string }[]): ExtractResult {
  const segments: Segment[] = [];
  for (const { num, text } of pages) {
    if (text.trim() === '') continue;
    segments.push({ text: joinSplitNumbers(text), origin: { page: num }, ...(num === 1 ? { labelZone: true } : {}) });
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
  const { PDFParse, VerbosityLevel } = await import('pdf-parse');
  // pdf.js takes ownership of (and may detach) the buffer it is given: hand it a copy.
  const parser = new PDFParse({
    data: new Uint8Array(bytes),
    cMapUrl: cMapDirectory(),
    cMapPacked: true,
    verbosity: VerbosityLevel.ERRORS,
  });
  try {
    const { pages } = await parser.getText();
    const { withImagePages } = await import('./ocr/pdf-ocr.js');
    return await withImagePages(parser, pages, pagesToResult(pages), ctx);
  } catch (error) {
    return failure(error);
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

const MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

export const pdfExtractor: Extractor = {
  format: FORMAT,
  matches(name, head) {
    return /\.pdf$/i.test(name) || MAGIC.every((byte, i) => head[i] === byte);
  },
  extract: (bytes, ctx) => extractPdf(bytes, ctx),
};
