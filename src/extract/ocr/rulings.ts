/**
 * rulings: takes the ruling lines out of a form (table borders, boxes around fields, underlines) before
 * recognition. tesseract treats a page of boxed fields as a table or a picture and returns nothing for
 * it (a boxed 従業員情報 sheet came back as its title only); with the lines gone it reads every field.
 * A dark run longer than any stroke of a character — at least `MIN_RUN_EM` line heights, whichever is
 * larger of a fixed length and a share of the page — is a rule, not ink of a glyph. Pure.
 */
import type { Grey } from './raster.js';

const DARK = 128;
/** 1.2 inch at 200 dpi: longer than the widest kanji or a long vowel mark at any common form size. */
const MIN_RUN_PX_AT_200DPI = 240;

function minRun(g: Grey): number {
  // Pages are A4/letter: the width says the resolution (1654 px ≈ 200 dpi).
  return Math.max(60, Math.round((MIN_RUN_PX_AT_200DPI * g.width) / 1654));
}

/** A copy of the raster with every horizontal or vertical dark run of at least the minimum length made white. */
export function removeRulings(g: Grey): Grey {
  const { width: w, height: h, data } = g;
  const out = new Uint8Array(data);
  const min = minRun(g);
  let removed = 0;
  for (let y = 0; y < h; y++) {
    let start = -1;
    for (let x = 0; x <= w; x++) {
      const dark = x < w && (data[y * w + x] ?? 255) < DARK;
      if (dark && start < 0) start = x;
      if (!dark && start >= 0) {
        if (x - start >= min) out.fill(255, y * w + start, y * w + x), (removed += x - start);
        start = -1;
      }
    }
  }
  for (let x = 0; x < w; x++) {
    let start = -1;
    for (let y = 0; y <= h; y++) {
      const dark = y < h && (data[y * w + x] ?? 255) < DARK;
      if (dark && start < 0) start = y;
      if (!dark && start >= 0) {
        if (y - start >= min) for (let k = start; k < y; k++) out[k * w + x] = 255;
        if (y - start >= min) removed += y - start;
        start = -1;
      }
    }
  }
  return removed === 0 ? g : { width: w, height: h, data: out };
}
