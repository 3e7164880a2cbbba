import { describe, expect, it } from 'vitest';
import { greyFromPdf, greyFromRgba, PDF_KIND, rotateQuarter, stretchRows, toPgm, upscale2, type Grey } from '../../src/extract/ocr/raster.js';

const grey = (width: number, height: number, ...values: number[]): Grey => ({ width, height, data: Uint8Array.from(values) });

describe('raster', () => {
  it('reads pdf.js 1-bit images with rows padded to a byte, 1 as white', () => {
    // 10 px wide: two bytes a row; row 0 = 1000000001, row 1 = 0111111110.
    const g = greyFromPdf(10, 2, PDF_KIND.GRAYSCALE_1BPP, Uint8Array.from([0b10000000, 0b01000000, 0b01111111, 0b10000000]));
    expect([...(g?.data ?? [])]).toEqual([255, 0, 0, 0, 0, 0, 0, 0, 0, 255, 0, 255, 255, 255, 255, 255, 255, 255, 255, 0]);
  });

  it('turns RGB and RGBA into luma without wrapping white round to black', () => {
    expect([...(greyFromPdf(2, 1, PDF_KIND.RGB_24BPP, Uint8Array.from([255, 255, 255, 0, 0, 0]))?.data ?? [])]).toEqual([255, 0]);
    // White must stay 255: a rounded 255.5 stored in a Uint8Array is 0 (a fax page came out black).
    expect([...greyFromRgba(3, 1, Uint8Array.from([255, 255, 255, 255, 0, 0, 0, 255, 0, 0, 0, 0])).data]).toEqual([255, 0, 255]);
  });

  it('repeats rows to square the pixels of a fax in standard resolution', () => {
    expect(stretchRows(grey(2, 2, 1, 2, 3, 4), 2.08)).toEqual(grey(2, 4, 1, 2, 1, 2, 3, 4, 3, 4));
    expect(stretchRows(grey(1, 1, 7), 1.2)).toEqual(grey(1, 1, 7));
  });

  it('turns pages by quarter turns clockwise', () => {
    const g = grey(3, 2, 1, 2, 3, 4, 5, 6);
    expect(rotateQuarter(g, 1)).toEqual(grey(2, 3, 4, 1, 5, 2, 6, 3));
    expect(rotateQuarter(g, 2)).toEqual(grey(3, 2, 6, 5, 4, 3, 2, 1));
    expect(rotateQuarter(g, 3)).toEqual(grey(2, 3, 3, 6, 2, 5, 1, 4));
    expect(rotateQuarter(g, 4)).toBe(g);
  });

  it('doubles a raster with bilinear smoothing', () => {
    expect(upscale2(grey(2, 1, 0, 255))).toEqual(grey(4, 2, 0, 127, 255, 255, 0, 127, 255, 255));
  });

  it('writes binary PGM', () => {
    expect(Buffer.from(toPgm(grey(2, 1, 0, 255))).toString('latin1')).toBe('P5\n2 1\n255\n\u0000\u00ff');
  });
});
