import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/extract/limits.js';
import { imageExtractor, imageSize } from '../../src/extract/ocr/image-file.js';
import { chooseExtractor, LAZY_EXTRACTORS } from '../../src/extract/index.js';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../fixtures/ocr/tune/${name}`, import.meta.url)));

describe('image files without --ocr', () => {
  it.each([
    ['onboarding-form.png', 'PNG'],
    ['bank-form-scan.jpg', 'JPEG'],
    ['fax-order.tif', 'TIFF'],
  ])('%s is chosen by the image extractor and skipped as not examined', async (name, kind) => {
    const bytes = fixture(name);
    const choice = chooseExtractor(name, bytes.subarray(0, 8192), bytes);
    // The registry's image extractor loads image-file.ts on its first file and answers with its matches.
    expect('extractor' in choice && choice.extractor).toBe(LAZY_EXTRACTORS.image);
    expect(LAZY_EXTRACTORS.image.matches).toBe(imageExtractor.matches);
    if (!('extractor' in choice)) return;
    expect(await choice.extractor.extract(bytes, { name, depth: 0, limits: DEFAULT_LIMITS })).toEqual({
      ok: false,
      format: kind === 'JPEG' ? 'jpeg' : kind.toLowerCase(),
      status: 'skipped',
      reason: `${kind} image (no text layer; run with --ocr to read it)`,
    });
  });
});

describe('imageSize', () => {
  it('reads the size from the PNG header and the JPEG frame header', () => {
    expect(imageSize('png', fixture('onboarding-form.png'))).toEqual({ width: 1654, height: 2338 });
    expect(imageSize('jpeg', fixture('bank-form-scan.jpg'))).toMatchObject({ width: expect.any(Number), height: expect.any(Number) });
    expect(imageSize('jpeg', Uint8Array.from([0xff, 0xd8, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0]))).toBeUndefined();
  });
});

describe('image files with --ocr, over the limits', () => {
  it('refuses an image with more pixels than the limit before recognising anything', async () => {
    const limits = { ...DEFAULT_LIMITS, ocr: { maxPages: 10, pageTimeoutMs: 15_000, maxPixels: 1_000_000 } };
    expect(await imageExtractor.extract(fixture('onboarding-form.png'), { name: 'a.png', depth: 0, limits })).toEqual({
      ok: false,
      format: 'png',
      status: 'skipped',
      reason: 'image too large for OCR (1654×2338 pixels)',
    });
  });
});
