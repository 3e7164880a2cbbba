/**
 * Reading a PDF leaves the thread's built-ins as they were: pdf.js's legacy build polyfills with core-js and
 * replaced Array.prototype.push with a slower function for the rest of the worker's scan. What it adds that Node
 * lacks stays (pdf.js uses it).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/extract/limits.js';
import { keepBuiltins, loadPdfParse, restoreBuiltins } from '../../src/extract/pdf-library.js';
import { pdfExtractor } from '../../src/extract/pdf.js';

const push = Array.prototype.push;
const parse = JSON.parse;

describe('pdf.js loaded through loadPdfParse', () => {
  it('leaves Array.prototype.push and JSON.parse the built-in ones, and keeps what the polyfills add', async () => {
    const { PDFParse } = await loadPdfParse();
    expect(typeof PDFParse).toBe('function');
    expect(Array.prototype.push).toBe(push);
    expect(JSON.parse).toBe(parse);
    expect(typeof (Promise as unknown as { withResolvers: unknown }).withResolvers).toBe('function');
  });

  it('still leaves them after a PDF is read (pdf.js does not load its worker module again)', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('../../fixtures/documents/containers/text-ja.pdf', import.meta.url)));
    const result = await pdfExtractor.extract(bytes, { name: 'text-ja.pdf', depth: 0, limits: DEFAULT_LIMITS });
    expect(result.ok && result.segments.map((s) => s.text).join('\n')).toContain('個人番号 5551 2345 6787');
    expect(Array.prototype.push).toBe(push);
  });
});

describe('keepBuiltins / restoreBuiltins', () => {
  it('put back a replaced built-in, and only that', () => {
    const kept = keepBuiltins();
    const own = Array.prototype.at;
    const added = Symbol('added');
    try {
      Object.defineProperty(Array.prototype, 'at', { value: () => 'replaced', writable: true, configurable: true });
      Object.defineProperty(Array.prototype, added, { value: 1, configurable: true });
      expect(restoreBuiltins(kept)).toEqual(['at']);
      expect(Array.prototype.at).toBe(own);
      expect((Array.prototype as unknown as Record<symbol, number>)[added]).toBe(1);
      expect(restoreBuiltins(kept)).toEqual([]);
    } finally {
      delete (Array.prototype as unknown as Record<symbol, number>)[added];
      Array.prototype.at = own;
    }
  });
});
