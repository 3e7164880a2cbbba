#!/usr/bin/env node
/**
 * Build data/postal-codes.bin.br: every Japanese postal code as one bit of a 10^7-bit set, brotli-compressed.
 * Input: the devDependency jquery-jpostal-ja (json/NNN.json, one file per 3-digit prefix; its data comes from
 * Japan Post's KEN_ALL and 事業所の個別郵便番号 lists, see CHECKSUMS.md §12). Output: the compressed bitset and
 * a summary line on stdout. Never downloads anything: the package is the only source.
 *
 * Bit layout: code n (0..9,999,999, the 7 digits read as a number) is bit (n & 7) of byte (n >> 3),
 * least significant bit first. src/validators/postal-code.ts reads it the same way.
 *
 * Usage: node scripts/build-postal-data.js
 */
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

const SIZE = 10_000_000;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const pkgFile = require.resolve('jquery-jpostal-ja/package.json');
const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
const jsonDir = join(dirname(pkgFile), 'json');

/** Each file is JSONP: `jQuery_jpostal_callback([[key, pref, city, town, …], …]);` */
function rowsOf(file) {
  const text = readFileSync(join(jsonDir, file), 'utf8');
  return JSON.parse(text.slice(text.indexOf('(') + 1, text.lastIndexOf(')')));
}

const bits = new Uint8Array(SIZE / 8);
let count = 0;
let dataVersion = '';
const seenBusiness = new Set();
for (const file of readdirSync(jsonDir).filter((f) => /^\d{3}\.json$/.test(f)).sort()) {
  for (const row of rowsOf(file)) {
    const key = String(row[0]);
    if (key === '_000info') dataVersion = String(row[2]);
    // `_NNNNNNN` rows are codes; `_NNN` rows are per-prefix defaults, `_000info` is metadata.
    const m = /^_(\d{7})$/.exec(key);
    if (!m) continue;
    const n = Number(m[1]);
    // Column 5 holds the 事業所 (business) name for individual business codes.
    if (row[5]) seenBusiness.add(n);
    if (bits[n >> 3] & (1 << (n & 7))) continue;
    bits[n >> 3] |= 1 << (n & 7);
    count++;
  }
}
const business = seenBusiness.size;
if (count < 100_000) throw new Error(`only ${count} postal codes found in ${jsonDir}: wrong package layout?`);

const compressed = brotliCompressSync(bits, {
  params: {
    [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
    [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
    [constants.BROTLI_PARAM_SIZE_HINT]: bits.length,
  },
});
mkdirSync(join(root, 'data'), { recursive: true });
const out = join(root, 'data', 'postal-codes.bin.br');
writeFileSync(out, compressed);
console.log(
  `postal codes: ${count} (of which ${business} business codes), ` +
    `source ${pkg.name}@${pkg.version} (${dataVersion}), ${compressed.length} bytes → ${out}`,
);
