/**
 * pdf-ocr: the PDF pages that have no text layer. With --ocr, those that paint an image (scans, faxes) are
 * recognised and their segments join the text pages'; without it, the file says which pages were not
 * examined (a PDF with no text at all stays `skipped`, counted as an image-only file).
 * Input: the pdf-parse parser that already read the text, its pages, and the text-only result.
 */
import type { ExtractContext, ExtractResult } from '../../model.js';
import { fileDeadline } from './deadline.js';
import { pageImage, paintsImage, type PdfPage } from './pdf-pages.js';
import { ocrResult, recognisePages, type OcrPage } from './recognise-pages.js';

interface PdfDocument {
  getPage(n: number): Promise<PdfPage>;
}
/** pdf-parse keeps the pdf.js document it loaded behind `load()` (private in its typings, cached). */
type WithDocument = { load(): Promise<PdfDocument> };

async function scannedPages(doc: PdfDocument, numbers: readonly number[]): Promise<number[]> {
  const out: number[] = [];
  for (const n of numbers) if (await paintsImage(await doc.getPage(n))) out.push(n);
  return out;
}

function listed(pages: readonly number[]): string {
  return pages.length <= 8 ? pages.join(', ') : `${pages.slice(0, 8).join(', ')} and ${pages.length - 8} more`;
}

export async function withImagePages(parser: unknown, pages: readonly { num: number; text: string }[], result: ExtractResult, ctx: ExtractContext): Promise<ExtractResult> {
  const textless = pages.filter((p) => p.text.trim() === '').map((p) => p.num);
  if (textless.length === 0) return result;
  const doc = await (parser as WithDocument).load();
  const limits = ctx.limits.ocr;
  if (!limits) {
    if (!result.ok) return result;
    const scanned = await scannedPages(doc, textless);
    if (scanned.length === 0) return result;
    const note = `page${scanned.length === 1 ? '' : 's'} ${listed(scanned)}: image without text, not examined (run with --ocr)`;
    return { ...result, notes: [...(result.notes ?? []), note] };
  }
  const deadline = fileDeadline(ctx);
  const ocrPages: OcrPage[] = (await scannedPages(doc, textless)).map((page) => ({
    page,
    image: async () => {
      const image = await pageImage(await doc.getPage(page), limits.maxPixels);
      return typeof image === 'string' ? { ok: false, reason: image } : { ok: true, ...image };
    },
  }));
  if (ocrPages.length === 0) return result;
  return ocrResult(result.format, await recognisePages(ocrPages, limits, deadline), result.ok ? result.segments : []);
}
