import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../../src/extract/ocr/decode-image.js';
import type { Grey } from '../../src/extract/ocr/raster.js';
import { removeRulings } from '../../src/extract/ocr/rulings.js';

/** An A4 page at 200 dpi (1654 px wide), white, with `draw` marking dark pixels. */
function page(draw: (set: (x: number, y: number) => void) => void): Grey {
  const width = 1654;
  const height = 400;
  const data = new Uint8Array(width * height).fill(255);
  draw((x, y) => (data[y * width + x] = 0));
  return { width, height, data };
}
const dark = (g: Grey): number => g.data.filter((v) => v < 128).length;

describe('removeRulings', () => {
  it('takes out a box drawn around a field and keeps the glyph-sized strokes inside it', () => {
    const g = page((set) => {
      for (let x = 100; x < 1500; x++) for (const y of [50, 51, 300, 301]) set(x, y);
      for (let y = 50; y < 302; y++) for (const x of [100, 101, 1499, 1500]) set(x, y);
      // A 一-like stroke 60 px long and a 70 px vertical stroke: parts of characters.
      for (let x = 200; x < 260; x++) set(x, 150);
      for (let y = 120; y < 190; y++) set(400, y);
    });
    const clean = removeRulings(g);
    expect(dark(clean)).toBe(60 + 70);
    expect(clean.data[150 * 1654 + 230]).toBe(0);
  });

  it('returns the same raster when there is nothing to remove', () => {
    const g = page((set) => set(10, 10));
    expect(removeRulings(g)).toBe(g);
  });
});

describe('decodeImage', () => {
  it('decodes the PNG and JPEG fixtures to grey and names a corrupt file', () => {
    const png = decodeImage('png', new Uint8Array(readFileSync(new URL('../../fixtures/ocr/tune/onboarding-form.png', import.meta.url))), 40e6);
    expect(png).toMatchObject({ width: 1654, height: 2338 });
    const jpeg = decodeImage('jpeg', new Uint8Array(readFileSync(new URL('../../fixtures/ocr/tune/bank-form-scan.jpg', import.meta.url))), 40e6);
    expect(typeof jpeg === 'string' ? jpeg : jpeg.data.length).toBeGreaterThan(1_000_000);
    expect(decodeImage('png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), 40e6)).toMatch(/^corrupt PNG: /);
  });
});
