/**
 * raster: decoded page images as 8-bit grey, and the PNM bytes tesseract reads them from.
 * Input: pixels as a decoder hands them over (pdf.js image kinds, TIFF RGBA). Output: `Grey` rasters and
 * PGM files. Pure; no I/O.
 */

/** One byte a pixel, 0 black … 255 white, rows top to bottom. */
export interface Grey {
  width: number;
  height: number;
  data: Uint8Array;
}

/** pdf.js `ImageKind`: 1 bit a pixel (rows padded to a byte, 1 = white), RGB, RGBA. */
export const PDF_KIND = { GRAYSCALE_1BPP: 1, RGB_24BPP: 2, RGBA_32BPP: 3 } as const;

/** ITU-R BT.601 luma, 0–255 (truncated: a Uint8Array would wrap 255.5 round to 0). */
function luma(r: number, g: number, b: number): number {
  return Math.floor((299 * r + 587 * g + 114 * b) / 1000);
}

/** Grey from pdf.js image data; undefined for a kind it does not produce. */
export function greyFromPdf(width: number, height: number, kind: number, src: Uint8Array | Uint8ClampedArray): Grey | undefined {
  const data = new Uint8Array(width * height);
  if (kind === PDF_KIND.GRAYSCALE_1BPP) {
    const stride = (width + 7) >> 3;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) data[y * width + x] = ((src[y * stride + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1 ? 255 : 0;
    }
    return { width, height, data };
  }
  const step = kind === PDF_KIND.RGB_24BPP ? 3 : kind === PDF_KIND.RGBA_32BPP ? 4 : 0;
  if (step === 0) return undefined;
  for (let i = 0, j = 0; i < data.length; i++, j += step) data[i] = luma(src[j] ?? 255, src[j + 1] ?? 255, src[j + 2] ?? 255);
  return { width, height, data };
}

/** Grey from RGBA (the TIFF decoder's output); transparent pixels are paper (white). */
export function greyFromRgba(width: number, height: number, rgba: Uint8Array): Grey {
  const data = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < data.length; i++, j += 4) {
    const a = rgba[j + 3] ?? 255;
    const v = luma(rgba[j] ?? 255, rgba[j + 1] ?? 255, rgba[j + 2] ?? 255);
    data[i] = Math.floor((v * a + 255 * (255 - a)) / 255);
  }
  return { width, height, data };
}

/**
 * A fax in standard resolution has pixels twice as tall as wide (204 × 98 dpi): text is squashed to half
 * its height, which the recogniser reads badly. Rows are repeated `factor` times (nearest neighbour keeps
 * a bilevel page bilevel).
 */
export function stretchRows(g: Grey, factor: number): Grey {
  const f = Math.round(factor);
  if (f <= 1) return g;
  const data = new Uint8Array(g.width * g.height * f);
  for (let y = 0; y < g.height; y++) {
    const row = g.data.subarray(y * g.width, (y + 1) * g.width);
    for (let k = 0; k < f; k++) data.set(row, (y * f + k) * g.width);
  }
  return { width: g.width, height: g.height * f, data };
}

/**
 * Twice the size, bilinear. A bilevel fax page (200 dpi, glyphs with stair-stepped edges) is read with
 * fewer 0/9 and 6/8 confusions when its edges are smoothed and its glyphs are larger.
 */
export function upscale2(g: Grey): Grey {
  const width = g.width * 2;
  const height = g.height * 2;
  const data = new Uint8Array(width * height);
  const at = (x: number, y: number): number => g.data[Math.min(g.height - 1, y) * g.width + Math.min(g.width - 1, x)] ?? 255;
  for (let y = 0; y < height; y++) {
    const sy = y >> 1;
    const fy = y & 1;
    for (let x = 0; x < width; x++) {
      const sx = x >> 1;
      const fx = x & 1;
      const top = fx ? (at(sx, sy) + at(sx + 1, sy)) / 2 : at(sx, sy);
      const bottom = fx ? (at(sx, sy + 1) + at(sx + 1, sy + 1)) / 2 : at(sx, sy + 1);
      data[y * width + x] = fy ? (top + bottom) >> 1 : top;
    }
  }
  return { width, height, data };
}

/** Quarter turns clockwise (a page placed sideways in its PDF, or a TIFF's Orientation tag). */
export function rotateQuarter(g: Grey, turns: number): Grey {
  const t = ((turns % 4) + 4) % 4;
  if (t === 0) return g;
  const { width: w, height: h } = g;
  const data = new Uint8Array(w * h);
  const out = t === 2 ? { width: w, height: h, data } : { width: h, height: w, data };
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = g.data[y * w + x] ?? 255;
      if (t === 1) data[x * h + (h - 1 - y)] = v;
      else if (t === 2) data[(h - 1 - y) * w + (w - 1 - x)] = v;
      else data[(w - 1 - x) * h + y] = v;
    }
  }
  return out;
}

/** Binary PGM (P5), which tesseract's image reader (Leptonica) opens like PNG. */
export function toPgm(g: Grey): Uint8Array {
  const head = Buffer.from(`P5\n${g.width} ${g.height}\n255\n`, 'latin1');
  const out = new Uint8Array(head.length + g.data.length);
  out.set(head, 0);
  out.set(g.data, head.length);
  return out;
}
