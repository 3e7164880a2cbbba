import { describe, expect, it } from 'vitest';
import { scanSettings, analyzerConfig } from '../../src/config/settings.js';
import { DEFAULT_OCR, ocrSetting } from '../../src/extract/ocr/settings.js';
import { UsageError } from '../../src/options.js';

describe('--ocr and --ocr-max-pages', () => {
  it('is off by default, on with the flag or the config key, and reaches the extractors as limits', () => {
    expect(ocrSetting({}, undefined)).toBeUndefined();
    expect(ocrSetting({ ocr: true }, undefined)).toEqual(DEFAULT_OCR);
    expect(ocrSetting({}, { ocr: true, ocrMaxPages: 3 })).toEqual({ ...DEFAULT_OCR, maxPages: 3 });
    expect(ocrSetting({ ocr: true, ocrMaxPages: '25' }, { ocr: true, ocrMaxPages: 3 })).toEqual({ ...DEFAULT_OCR, maxPages: 25 });
    const opts = scanSettings({ ocr: true }, undefined, {});
    expect(analyzerConfig(opts, {}, () => undefined).limits).toMatchObject({ ocr: DEFAULT_OCR });
    expect(analyzerConfig(scanSettings({}, undefined, {}), {}, () => undefined).limits).not.toHaveProperty('ocr');
  });

  it.each([
    [{ ocrMaxPages: '5' }, '--ocr-max-pages needs --ocr'],
    [{ ocr: true, ocrMaxPages: '0' }, "--ocr-max-pages: '0' is not a number of pages between 1 and 10000"],
    [{ ocr: true, ocrMaxPages: 'ten' }, "--ocr-max-pages: 'ten' is not a number of pages between 1 and 10000"],
  ])('refuses %j', (raw, message) => {
    expect(() => ocrSetting(raw, undefined)).toThrow(new UsageError(message));
  });
});
