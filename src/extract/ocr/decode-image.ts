/**
 * decode-image: PNG (pngjs) and JPEG (jpeg-js ≥ 0.4.4, which fixed CVE-2022-25851's endless loop) files to
 * grey rasters, so ruling lines can be taken out before recognition (rulings.ts). Both are pure JS and
 * loaded on the first image. The caller has checked the pixel count from the header; jpeg-js is also
 * given that limit and a memory cap of its own.
 * Input: the file's bytes. Output: a grey raster, or the reason the image cannot be decoded.
 */
import { createRequire } from 'node:module';
import { greyFromRgba, type Grey } from './raster.js';

interface Decoded {
  width: number;
  height: number;
  data: Uint8Array;
}
interface JpegJs {
  decode(data: Uint8Array, opts: { useTArray: true; formatAsRGBA: true; maxResolutionInMP: number; maxMemoryUsageInMB: number }): Decoded;
}
interface PngJs {
  PNG: { sync: { read(data: Buffer): Decoded } };
}

const require = createRequire(import.meta.url);

export function decodeImage(kind: 'png' | 'jpeg', bytes: Uint8Array, maxPixels: number): Grey | string {
  try {
    if (kind === 'png') {
      const png = (require('pngjs') as PngJs).PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      return greyFromRgba(png.width, png.height, png.data);
    }
    const mp = Math.ceil(maxPixels / 1e6);
    const jpeg = (require('jpeg-js') as JpegJs).decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: mp, maxMemoryUsageInMB: Math.max(512, mp * 8) });
    return greyFromRgba(jpeg.width, jpeg.height, jpeg.data);
  } catch (error) {
    return `corrupt ${kind.toUpperCase()}: ${String((error as Error)?.message ?? error).split('\n')[0]}`;
  }
}
