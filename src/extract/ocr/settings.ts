/**
 * settings: `--ocr` and `--ocr-max-pages` (or the config keys `ocr` and `ocrMaxPages`) → the OCR limits
 * the extractors get. Flags win over the config. Throws UsageError naming the flag. Pure.
 */
import type { OcrLimits } from '../../model.js';
import { UsageError } from '../../options.js';

export const DEFAULT_OCR: Readonly<OcrLimits> = Object.freeze({
  /** 10 pages at 1–2 s each fit in the scan's 30 s per-file limit on a loaded machine. */
  maxPages: 10,
  pageTimeoutMs: 15_000,
  /** An A4 page at 400 dpi is 15.5 million pixels; 40 million leaves room for A3 and 600 dpi A4. */
  maxPixels: 40_000_000,
});

export function parseOcrMaxPages(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new UsageError(`--ocr-max-pages: '${value}' is not a number of pages between 1 and 10000`);
  return n;
}

export function ocrSetting(raw: { ocr?: boolean; ocrMaxPages?: string }, config: { ocr?: boolean; ocrMaxPages?: number } | undefined): OcrLimits | undefined {
  const maxPages = raw.ocrMaxPages !== undefined ? parseOcrMaxPages(raw.ocrMaxPages) : config?.ocrMaxPages;
  if (raw.ocrMaxPages !== undefined && raw.ocr !== true && config?.ocr !== true) throw new UsageError('--ocr-max-pages needs --ocr');
  if (raw.ocr !== true && config?.ocr !== true) return undefined;
  return { ...DEFAULT_OCR, ...(maxPages === undefined ? {} : { maxPages }) };
}
