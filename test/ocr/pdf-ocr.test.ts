/**
 * A PDF with a text page and a scanned fax page (built here with the fixture script's PDF writer around the
 * Group 4 data of fixtures/ocr/tune/fax-order.tif): without --ocr the scanned page is named in the notes,
 * with --ocr it is read and joins the text page.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/extract/limits.js';
import { DEFAULT_OCR } from '../../src/extract/ocr/settings.js';
import { pdfExtractor } from '../../src/extract/pdf.js';
// @ts-expect-error plain JavaScript fixture writer, no type declarations
import { g4Strip, imagePdf } from '../../scripts/ocr-fixtures/containers.js';

const fax = g4Strip(readFileSync(new URL('../../fixtures/ocr/tune/fax-order.tif', import.meta.url))) as { width: number; height: number; data: Uint8Array };
const mixed = new Uint8Array(
  imagePdf([
    { text: 'Contact: Tel 03-5555-0123', widthPt: 595, heightPt: 842 },
    { image: { filter: 'CCITTFaxDecode', ...fax }, widthPt: (fax.width / 204) * 72, heightPt: (fax.height / 98) * 72 },
  ]) as Uint8Array,
);

describe('a PDF with a text page and a scanned page', () => {
  it('without --ocr: the text page is read, the scanned page named as not examined', async () => {
    const result = await pdfExtractor.extract(mixed, { name: 'mixed.pdf', depth: 0, limits: DEFAULT_LIMITS });
    expect(result).toMatchObject({ ok: true, notes: ['page 2: image without text, not examined (run with --ocr)'] });
    expect(result.ok && result.segments.map((s) => s.origin.page)).toEqual([1]);
  });

  it('with --ocr: the scanned page is recognised and joins the text page', async () => {
    const limits = { ...DEFAULT_LIMITS, timeoutMs: 200_000, ocr: { ...DEFAULT_OCR, pageTimeoutMs: 90_000 } };
    const result = await pdfExtractor.extract(mixed, { name: 'mixed.pdf', depth: 0, limits });
    expect(result).toMatchObject({ ok: true, ocrPages: 1 });
    if (!result.ok) return;
    expect(result.segments.map((s) => [s.origin.page, s.ocr === true])).toEqual([[1, false], [2, true]]);
    expect(result.segments[1]?.text).toMatch(/080-3809-6369/);
  }, 200_000);
});
