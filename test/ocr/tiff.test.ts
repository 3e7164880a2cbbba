import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tiffChain, tiffPages } from '../../src/extract/ocr/tiff.js';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../fixtures/ocr/tune/${name}`, import.meta.url)));

/** A little-endian TIFF whose page directories (one entry each: the SubIFDs tag) chain as `next` says. */
function chainTiff(next: number[]): Uint8Array {
  const b = Buffer.alloc(8 + next.length * 18);
  b.write('II', 0, 'latin1');
  b.writeUInt16LE(42, 2);
  b.writeUInt32LE(8, 4);
  next.forEach((n, i) => {
    const at = 8 + i * 18;
    b.writeUInt16LE(1, at);
    b.writeUInt16LE(330, at + 2); // SubIFDs: a pointer UTIF would follow
    b.writeUInt16LE(4, at + 4);
    b.writeUInt32LE(1, at + 6);
    b.writeUInt32LE(8, at + 10);
    b.writeUInt32LE(n, at + 14);
  });
  return new Uint8Array(b);
}

describe('tiffChain', () => {
  it('refuses a page chain that loops (UTIF.js would follow it until memory runs out)', () => {
    expect(tiffChain(chainTiff([8]), 10)).toEqual({ ok: false, reason: 'corrupt TIFF: the page chain loops' });
    expect(tiffChain(chainTiff([26, 8]), 10)).toEqual({ ok: false, reason: 'corrupt TIFF: the page chain loops' });
  });

  it('refuses a directory outside the file', () => {
    expect(tiffChain(chainTiff([4000]), 10)).toMatchObject({ ok: false, reason: 'corrupt TIFF: page directory outside the file' });
  });

  it('counts every page, ends the copy after the pages kept and renames nested-IFD pointers', () => {
    const chain = tiffChain(chainTiff([26, 44, 0]), 2);
    expect(chain).toMatchObject({ ok: true, pages: 3 });
    if (!chain.ok) return;
    const view = Buffer.from(chain.copy);
    expect(view.readUInt32LE(26 + 14)).toBe(0);
    expect(view.readUInt16LE(8 + 2)).not.toBe(330);
  });
});

describe('tiffPages on the fixtures (scripts/make-ocr-fixtures.js)', () => {
  it('decodes a Group 4 fax at 204 × 98 dpi to square pixels', () => {
    const tiff = tiffPages(fixture('fax-order.tif'), 10);
    if (typeof tiff === 'string') throw new Error(tiff);
    expect(tiff.pages).toBe(1);
    const page = tiff.decode(0, 40_000_000);
    if (typeof page === 'string') throw new Error(page);
    // 1687 × 1193 stored; rows doubled (98 → 196 dpi).
    expect([page.grey.width, page.grey.height, page.bilevel]).toEqual([1687, 1193 * 2, true]);
    const dark = page.grey.data.filter((v) => v < 128).length / page.grey.data.length;
    expect(dark).toBeGreaterThan(0.005);
    expect(dark).toBeLessThan(0.1); // mostly paper, not an inverted page
  });

  it('reads both pages of a multi-page TIFF and refuses a page over the pixel limit', () => {
    const tiff = tiffPages(fixture('multi-page.tif'), 10);
    if (typeof tiff === 'string') throw new Error(tiff);
    expect(tiff.pages).toBe(2);
    expect(tiff.decode(1, 40_000_000)).toMatchObject({ grey: { width: 1654, height: 2338 }, bilevel: false });
    expect(tiff.decode(0, 1000)).toBe('image too large for OCR (1654×2338 pixels)');
  });
});
