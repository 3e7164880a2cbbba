/**
 * 郵便番号 validator. Input: `NNN-NNNN` or `NNNNNNN` (NFKC'd, a leading 〒 may or may not be left).
 * Output: the 7 digits when the code exists in Japan Post's lists, else a rejection.
 * Never touches the network: the list ships as data/postal-codes.bin.br (built by
 * scripts/build-postal-data.js; layout and source in data/README.md). No check digit exists (CHECKSUMS.md §12).
 */
import { readFileSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';
import { isDigits, rejection, type ValidationResult, type Validator } from './types.js';

/** Resolved from the module itself: src/validators/ and dist/validators/ both sit two levels below the repo. */
const DATA_URL = new URL('../../data/postal-codes.bin.br', import.meta.url);
const BIT_COUNT = 10_000_000;

let bitset: Uint8Array | undefined;

/** Loaded once, on first use (≈40 KB compressed, 1.25 MB in memory). A missing file is a packaging bug. */
function loadBitset(): Uint8Array {
  if (bitset === undefined) {
    const raw = brotliDecompressSync(readFileSync(DATA_URL));
    if (raw.length !== BIT_COUNT / 8) throw new Error(`postal-codes.bin.br: expected ${BIT_COUNT / 8} bytes, got ${raw.length}`);
    bitset = new Uint8Array(raw.buffer, raw.byteOffset, raw.length);
  }
  return bitset;
}

/** True when the 7-digit code is in the shipped Japan Post list (area and 事業所 business codes). */
export function isKnownPostalCode(d7: string): boolean {
  if (d7.length !== 7 || !isDigits(d7)) return false;
  const n = Number(d7);
  const byte = loadBitset()[n >> 3] ?? 0;
  return (byte & (1 << (n & 7))) !== 0;
}

/**
 * `〒100-0001`, `100-0001`, `1000001`; PDF text may split the code around the hyphen (`100- 0001`),
 * so spaces next to it are tolerated (ECOSYSTEM.md, pdf-parse).
 */
const SHAPE = /^〒?\s*(\d{3})(\s*-\s*|\s?)(\d{4})$/;

const NOT_SHAPE = rejection('not NNN-NNNN or NNNNNNN');
const UNKNOWN = rejection('not in the Japan Post postal code list');

export const validatePostalCode: Validator = (text): ValidationResult => {
  // Seven digits alone (a digit shape's match): the value as it is, no regex match to take apart.
  if (text.length === 7 && isDigits(text)) return isKnownPostalCode(text) ? { ok: true, value: text, bonus: 0 } : UNKNOWN;
  const m = SHAPE.exec(text.trim());
  if (!m) return NOT_SHAPE;
  const value = `${m[1]}${m[3]}`;
  if (!isKnownPostalCode(value)) return UNKNOWN;
  // The hyphenated form is how postal codes are written; a bare 7-digit run is more often something else.
  return { ok: true, value, bonus: m[2]?.includes('-') ? 0.1 : 0 };
};
