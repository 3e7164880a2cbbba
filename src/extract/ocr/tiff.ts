/**
 * tiff: the pages of a TIFF (scanner output, fax: CCITT G3/G4, LZW, PackBits, deflate, JPEG) as grey
 * rasters, decoded with UTIF.js (`utif`, pure JS). Input: the file's bytes. Output: the page count and a
 * decoder for each of the first `maxPages` pages.
 * UTIF follows the IFD chain and sub-IFD pointers without a guard (a looping chain never ends, GitHub
 * photopea/UTIF.js#142), so the chain is walked here first, with a cap and loop detection, and UTIF is
 * given a copy in which the chain ends after the last page wanted and sub-IFD pointers are renamed away.
 */
import { createRequire } from 'node:module';
import { greyFromRgba, rotateQuarter, stretchRows, type Grey } from './raster.js';

interface Ifd {
  width?: number;
  height?: number;
  [tag: `t${number}`]: number[] | undefined;
}
interface Utif {
  decode(buffer: ArrayBuffer): Ifd[];
  decodeImage(buffer: ArrayBuffer, ifd: Ifd, ifds: Ifd[]): void;
  toRGBA8(ifd: Ifd): Uint8Array;
}
let utif: Utif | undefined;
const UTIF = (): Utif => (utif ??= createRequire(import.meta.url)('utif') as Utif);

const MAX_CHAIN = 10_000;
const MAX_ENTRIES = 4096;
/** SubIFDs, Exif IFD, DNG private data, maker note: pointers UTIF would follow into nested IFDs. */
const NESTED = new Set([330, 34665, 50740, 37500]);
const INERT_TAG = 65000;

export type TiffChain = { ok: true; copy: Uint8Array; pages: number } | { ok: false; reason: string };

/** Walks the IFD chain; the copy ends after `keep` pages and holds no nested-IFD pointers. */
export function tiffChain(bytes: Uint8Array, keep: number): TiffChain {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const le = bytes[0] === 0x49;
  if (bytes.length < 8) return { ok: false, reason: 'corrupt TIFF: truncated header' };
  const copy = new Uint8Array(bytes);
  const out = new DataView(copy.buffer);
  const seen = new Set<number>();
  let offset = view.getUint32(4, le);
  let pages = 0;
  while (offset !== 0) {
    if (seen.has(offset) || pages >= MAX_CHAIN) return { ok: false, reason: 'corrupt TIFF: the page chain loops' };
    if (offset + 2 > bytes.length) return { ok: false, reason: 'corrupt TIFF: page directory outside the file' };
    seen.add(offset);
    const count = view.getUint16(offset, le);
    const next = offset + 2 + count * 12;
    if (count > MAX_ENTRIES || next + 4 > bytes.length) return { ok: false, reason: 'corrupt TIFF: page directory outside the file' };
    for (let e = offset + 2; e < next; e += 12) if (NESTED.has(view.getUint16(e, le))) out.setUint16(e, INERT_TAG, le);
    pages++;
    if (pages === keep) out.setUint32(next, 0, le);
    offset = view.getUint32(next, le);
  }
  return { ok: true, copy, pages };
}

/** Pixels wider than tall (fax standard mode, 204 × 98 dpi) are made square by repeating rows. */
function squarePixels(g: Grey, ifd: Ifd): Grey {
  const x = ifd.t282?.[0];
  const y = ifd.t283?.[0];
  return x && y && x / y >= 1.5 ? stretchRows(g, x / y) : g;
}

/** TIFF Orientation (tag 274): 3 = upside down, 6 and 8 = on its side. */
const TURNS: Readonly<Record<number, number>> = { 3: 2, 6: 1, 8: 3 };

export interface TiffPages {
  pages: number;
  /** Grey raster of page `index` (0-based, below the `keep` given to tiffPages); bilevel for 1-bit pages. */
  decode(index: number, maxPixels: number): { grey: Grey; bilevel: boolean } | string;
}

export function tiffPages(bytes: Uint8Array, keep: number): TiffPages | string {
  const chain = tiffChain(bytes, keep);
  if (!chain.ok) return chain.reason;
  const buffer = chain.copy.buffer as ArrayBuffer;
  const ifds = UTIF().decode(buffer).slice(0, keep);
  return {
    pages: chain.pages,
    decode(index, maxPixels) {
      const ifd = ifds[index];
      const width = ifd?.t256?.[0] ?? 0;
      const height = ifd?.t257?.[0] ?? 0;
      if (!ifd || width === 0 || height === 0) return 'no image on this page';
      if (width * height > maxPixels) return `image too large for OCR (${width}×${height} pixels)`;
      UTIF().decodeImage(buffer, ifd, ifds);
      const grey = rotateQuarter(squarePixels(greyFromRgba(width, height, UTIF().toRGBA8(ifd)), ifd), TURNS[ifd.t274?.[0] ?? 1] ?? 0);
      return { grey, bilevel: ifd.t258?.[0] === 1 };
    },
  };
}
