import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ExtractContext } from '../../src/model.js';
import { DEFAULT_LIMITS } from '../../src/extract/limits.js';
import { joinSplitNumbers, pagesToResult, pdfExtractor } from '../../src/extract/pdf.js';

// Fixtures come from scripts/make-container-fixtures.js; all PII in them is synthetic.
const load = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/documents/containers/${name}`, import.meta.url)));
const ctx = (name: string): ExtractContext => ({ name, depth: 0, limits: DEFAULT_LIMITS });
const extract = (name: string, bytes = load(name)) => pdfExtractor.extract(bytes, ctx(name));

describe('pdfExtractor on a text PDF', () => {
  it('gives one segment per page, page 1 as label zone, Japanese read through the predefined CMap', async () => {
    expect(await extract('text-ja.pdf')).toEqual({
      ok: true,
      format: 'pdf',
      segments: [
        {
          text: 'CONFIDENTIAL\nCustomer: Taro Yamada\nTel: 03-5555-0123\nPostal code: 100-0001 Chiyoda-ku, Tokyo',
          origin: { page: 1 },
          labelZone: true,
        },
        {
          text: '顧客情報\n氏名 山田 太郎\n個人番号 5551 2345 6787\n電話 090-5555-0199\n〒100-0001 東京都千代田区千代田1-1',
          origin: { page: 2 },
        },
      ],
    });
  });

  it('leaves the caller’s buffer usable (pdf.js gets a copy it may detach)', async () => {
    const bytes = load('text-ja.pdf');
    const length = bytes.byteLength;
    await extract('text-ja.pdf', bytes);
    expect(bytes.byteLength).toBe(length);
  });
});

describe('pdfExtractor on bad input: a status and a reason, never a throw, never ok', () => {
  const garbage = new Uint8Array(Array.from({ length: 512 }, (_, i) => (i * 37) % 256));
  it.each([
    ['image-only.pdf', load('image-only.pdf'), 'skipped', 'image-only PDF (no text layer; run with --ocr to read it)'],
    ['encrypted.pdf', load('encrypted.pdf'), 'skipped', 'encrypted PDF (password required)'],
    ['truncated.pdf', load('truncated.pdf'), 'error', 'corrupt PDF: Invalid PDF structure.'],
    ['empty.pdf', new Uint8Array(0), 'error', /^corrupt PDF: .*empty/],
    ['garbage.pdf', garbage, 'error', /^corrupt PDF: /],
    ['header-only.pdf', new TextEncoder().encode('%PDF-1.4\n%%EOF\n'), 'error', /^corrupt PDF: /],
  ] as const)('%s', async (name, bytes, status, reason) => {
    const result = await extract(name, bytes);
    expect(result).toMatchObject({ ok: false, format: 'pdf', status });
    if (result.ok) return;
    if (typeof reason === 'string') expect(result.reason).toBe(reason);
    else expect(result.reason).toMatch(reason);
  });

  it('survives every truncation of a valid PDF without throwing or claiming more than it read', async () => {
    const full = load('text-ja.pdf');
    for (let cut = 0; cut < full.length; cut += 97) {
      const result = await extract('cut.pdf', full.subarray(0, cut));
      if (result.ok) expect(result.segments.length).toBeGreaterThan(0);
      else expect(['error', 'skipped']).toContain(result.status);
    }
  });
});

describe('joinSplitNumbers', () => {
  it.each([
    ['〒100-\n0001', '〒100-0001'],
    ['100-\r\n0001', '100-0001'],
    ['100- \n 0001', '100-0001'],
    ['03‐\n5555‐0123', '03‐5555‐0123'], // U+2010 hyphen
    ['090ー\n5555', '090ー5555'], // katakana prolonged sound mark used as a dash
    ['a\n100-\n0001\nb', 'a\n100-0001\nb'],
  ])('joins %j', (input, expected) => {
    expect(joinSplitNumbers(input)).toBe(expected);
  });

  it.each([
    ['123456\n789012'], // adjacent table cells must not fuse into one long number
    ['abc-\n0001'], // no digit before the hyphen
    ['100-\nabc'], // no digit after the newline
    ['100-\n\n0001'], // a blank line is a paragraph break
  ])('leaves %j alone', (input) => {
    expect(joinSplitNumbers(input)).toBe(input);
  });
});

describe('pagesToResult', () => {
  const page = (num: number, text: string) => ({ num, text, segments: text.trim() ? [{ text: text.trim(), origin: { page: num } }] : [] });
  it('drops blank pages but stays ok when some pages have text (no partial status exists); page 1 is a label zone', () => {
    expect(pagesToResult([page(1, ' \n'), page(2, 'x 100-0001')])).toEqual({
      ok: true,
      format: 'pdf',
      segments: [{ text: 'x 100-0001', origin: { page: 2 } }],
    });
    expect(pagesToResult([page(1, '社外秘'), page(2, 'x')])).toEqual({
      ok: true,
      format: 'pdf',
      segments: [
        { text: '社外秘', origin: { page: 1 }, labelZone: true },
        { text: 'x', origin: { page: 2 } },
      ],
    });
  });

  it('skips a PDF whose pages are all blank, or that has no pages', () => {
    const skipped = { ok: false, format: 'pdf', status: 'skipped', reason: 'image-only PDF (no text layer; run with --ocr to read it)' };
    expect(pagesToResult([page(1, ''), page(2, '\t\n')])).toEqual(skipped);
    expect(pagesToResult([])).toEqual(skipped);
  });
});

describe('pdfExtractor.matches', () => {
  const head = (s: string) => new TextEncoder().encode(s);
  it.each([
    ['report.pdf', '', true],
    ['REPORT.PDF', '', true],
    ['no-extension', '%PDF-1.7\n', true],
    ['notes.txt', 'hello', false],
    ['fake.txt', '%PDF', false],
  ])('%s with head %j → %s', (name, start, expected) => {
    expect(pdfExtractor.matches(name, head(start))).toBe(expected);
  });
});
