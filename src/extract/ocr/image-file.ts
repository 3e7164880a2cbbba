/**
 * image-file: scans and photos of paper (PNG, JPEG, TIFF incl. multi-page and fax TIFF) read by OCR.
 * Input: the file's bytes and, with --ocr, the OCR limits. Output: one segment per page (`page: N`,
 * `ocr: true`); without --ocr the file is `skipped` ("run with --ocr"), and counted as not examined.
 * PNG and JPEG are decoded by pngjs / jpeg-js after their size is read from the header (decode-image.ts),
 * TIFF pages by UTIF.js (tiff.ts), so ruling lines can be removed before recognition. Nothing is written
 * to disk.
 */
import type { ExtractContext, ExtractResult, Extractor } from '../../model.js';
import { imageKindOf, isImageFile, type ImageKind } from '../formats.js';
import { imageFileReason } from './not-examined.js';
import { decodeImage } from './decode-image.js';
import { ocrResult, recognisePages, type OcrPage } from './recognise-pages.js';
import { tiffPages } from './tiff.js';
import { fileDeadline } from './deadline.js';

type Kind = ImageKind;

/** Width × height from the PNG IHDR or the first JPEG SOFn marker; undefined when the header is broken. */
export function imageSize(kind: 'png' | 'jpeg', b: Uint8Array): { width: number; height: number } | undefined {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (kind === 'png') return b.length >= 24 ? { width: view.getUint32(16), height: view.getUint32(20) } : undefined;
  for (let i = 2; i + 9 < b.length; ) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1] ?? 0;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { width: view.getUint16(i + 7), height: view.getUint16(i + 5) };
    }
    i += 2 + view.getUint16(i + 2);
  }
  return undefined;
}

async function recogniseImage(kind: Kind, bytes: Uint8Array, ctx: ExtractContext): Promise<ExtractResult> {
  const limits = ctx.limits.ocr;
  if (!limits) return { ok: false, format: kind, status: 'skipped', reason: imageFileReason(kind) };
  const deadline = fileDeadline(ctx);
  if (kind === 'tiff') {
    const tiff = tiffPages(bytes, limits.maxPages);
    if (typeof tiff === 'string') return { ok: false, format: kind, status: 'error', reason: tiff };
    const pages: OcrPage[] = Array.from({ length: tiff.pages }, (_, i) => ({
      page: i + 1,
      image: async () => {
        const image = i < limits.maxPages ? tiff.decode(i, limits.maxPixels) : 'over the page limit';
        return typeof image === 'string' ? { ok: false, reason: image } : { ok: true, ...image };
      },
    }));
    return ocrResult(kind, await recognisePages(pages, limits, deadline));
  }
  const size = imageSize(kind, bytes);
  if (!size) return { ok: false, format: kind, status: 'error', reason: `corrupt ${kind.toUpperCase()}: no image size in the header` };
  if (size.width * size.height > limits.maxPixels) {
    return { ok: false, format: kind, status: 'skipped', reason: `image too large for OCR (${size.width}×${size.height} pixels)` };
  }
  const page: OcrPage = {
    page: 1,
    image: async () => {
      const grey = decodeImage(kind, bytes, limits.maxPixels);
      return typeof grey === 'string' ? { ok: false, reason: grey } : { ok: true, grey, bilevel: false };
    },
  };
  return ocrResult(kind, await recognisePages([page], limits, deadline));
}

export const imageExtractor: Extractor = {
  format: 'image',
  matches: isImageFile,
  extract: (bytes, ctx) => recogniseImage(imageKindOf(ctx.name, bytes.subarray(0, 8)) ?? 'png', bytes, ctx),
};
