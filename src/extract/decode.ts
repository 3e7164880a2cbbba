/**
 * decode: the only place in jpii where bytes become text.
 * Input: a file's bytes (already sniffed as not binary). Output: the text (BOM stripped), the encoding it
 * was read as and how many invalid byte sequences were replaced, or (UTF-32 only) a reason why it could not
 * be read. It never throws on bad input, never guesses a non-Japanese legacy code page, and decides from at
 * most 64 KB (from the first non-ASCII byte on).
 *
 * Order: BOM → strict UTF-8 (native, fast; ESC sequences in 7-bit text mean ISO-2022-JP) → UTF-8 with a few
 * broken bytes (a truncated line: Japanese UTF-8 is often valid Shift_JIS too, so this comes before the
 * detector) → encoding-japanese's detector on a 64 KB sample (EUC-JP before Shift_JIS: nearly every EUC-JP
 * byte string is also valid Shift_JIS) → the candidate with the fewest invalid bytes. Text is never refused for
 * bad bytes: they become U+FFFD and `invalid` counts them, so the file is scanned and its entry says so. Decoding itself always uses Node's
 * TextDecoder (100–700 MB/s) rather than Encoding.convert (10–40 MB/s); its `shift_jis` table is CP932
 * (① ㈱ 髙 and ～ as U+FF5E all decode), so no separate cp932 label is needed.
 */
import { createRequire } from 'node:module';

type EncodingJapanese = typeof import('encoding-japanese');
let encodingJapanese: EncodingJapanese | undefined;

/**
 * encoding-japanese builds its tables when loaded (≈70 ms): it is loaded the first time a file is not plain
 * UTF-8, so a pre-commit scan of UTF-8 files never pays for it.
 */
function detector(): EncodingJapanese {
  encodingJapanese ??= createRequire(import.meta.url)('encoding-japanese') as EncodingJapanese;
  return encodingJapanese;
}

export type TextEncodingName =
  | 'ascii'
  | 'utf-8'
  | 'utf-8-bom'
  | 'utf-16le'
  | 'utf-16be'
  | 'shift_jis'
  | 'euc-jp'
  | 'iso-2022-jp';

export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncodingName; invalid?: number }
  | { ok: false; reason: string };

/** How much of the file the detector looks at: enough for any real text, cheap for huge files. */
export const DETECT_SAMPLE_BYTES = 64 * 1024;

/**
 * The text of valid UTF-8 bytes (a BOM kept as U+FEFF); throws a TypeError on invalid or truncated UTF-8.
 * Decoded as a stream, like decodeWhole: the same text and the same throws as a one-shot decode, twice as fast.
 */
export function decodeStrictUtf8(bytes: Uint8Array): string {
  return decodeWhole('utf-8', bytes, { ignoreBOM: true, fatal: true });
}
const LEGACY_LABELS = { UTF8: 'utf-8', EUCJP: 'euc-jp', SJIS: 'shift_jis' } as const;
type LegacyLabel = (typeof LEGACY_LABELS)[keyof typeof LEGACY_LABELS];

export function decodeText(bytes: Uint8Array): DecodeResult {
  const withBom = decodeByBom(bytes);
  if (withBom) return counted(withBom);
  const utf8 = tryStrictUtf8(bytes);
  if (utf8 !== undefined) return classifyUtf8(bytes, utf8); // valid: a U+FFFD in it was written as such
  if (cutUtf8(bytes)) return counted({ ok: true, text: decodeAs('utf-8', bytes), encoding: 'utf-8' });
  return counted(decodeLegacy(bytes));
}

/**
 * UTF-8 cut inside its last character (a download or a log cut short): valid UTF-8 with at least one multi-byte
 * character, then a lead byte with fewer continuation bytes than it needs. Read as UTF-8, the cut character
 * counted as invalid: a short text (40 bytes) cannot meet nearlyUtf8's ratio and was read as Shift_JIS.
 * A pure-ASCII head says nothing about the encoding, so it is left to the detector.
 */
function cutUtf8(bytes: Uint8Array): boolean {
  const n = bytes.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = bytes[n - back] as number;
    if (b >= 0x80 && b < 0xc0) continue; // a continuation byte: its lead is further back
    const needs = b >= 0xf5 ? 0 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 ? 2 : 0;
    if (needs <= back) return false; // ASCII, a byte that leads nothing, or a whole character: not a cut
    const head = bytes.subarray(0, n - back);
    const text = tryStrictUtf8(head);
    return text !== undefined && text.length < head.length; // fewer units than bytes: a multi-byte character
  }
  return false;
}

/** Adds the number of invalid sequences a non-fatal decoder replaced (Shift_JIS and EUC-JP cannot encode U+FFFD). */
function counted(result: DecodeResult): DecodeResult {
  if (!result.ok) return result;
  const invalid = countReplacements(result.text);
  return invalid > 0 ? { ...result, invalid } : result;
}

/** The note a file's entry carries when its text was decoded with replacements (FileResult.notes). */
export function invalidBytesNote(result: Extract<DecodeResult, { ok: true }>): string | undefined {
  if (!result.invalid) return undefined;
  return `partly decoded: ${result.invalid} invalid byte sequence${result.invalid === 1 ? '' : 's'} in ${result.encoding} replaced by U+FFFD`;
}

/** U+FFFD count (indexOf is native: fast on a 100 MB string). */
export function countReplacements(text: string): number {
  let n = 0;
  for (let at = text.indexOf('\ufffd'); at >= 0; at = text.indexOf('\ufffd', at + 1)) n++;
  return n;
}

function decodeByBom(bytes: Uint8Array): DecodeResult | undefined {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    return { ok: true, text: decodeAs('utf-8', bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  // UTF-32 BOMs share their first bytes with UTF-16's, so they are checked first.
  if ((b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) || (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff)) {
    return { ok: false, reason: 'UTF-32 text is not supported' };
  }
  if (b0 === 0xff && b1 === 0xfe) return { ok: true, text: decodeAs('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
  if (b0 === 0xfe && b1 === 0xff) return { ok: true, text: decodeAs('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
  return undefined;
}

function tryStrictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return decodeStrictUtf8(bytes);
  } catch {
    return undefined; // not valid UTF-8: the fatal decoder stops at the first bad byte, so this is cheap
  }
}

/** Valid UTF-8 may still be 7-bit ISO-2022-JP (it is valid ASCII) or plain ASCII. */
function classifyUtf8(bytes: Uint8Array, text: string): DecodeResult {
  // One UTF-16 unit per byte means every byte was below 0x80.
  if (text.length !== bytes.length) return { ok: true, text, encoding: 'utf-8' };
  const esc = bytes.indexOf(0x1b);
  if (esc >= 0 && detector().detect(sampleOf(bytes, esc), 'JIS') === 'JIS') {
    return { ok: true, text: decodeAs('iso-2022-jp', bytes), encoding: 'iso-2022-jp' };
  }
  return { ok: true, text, encoding: 'ascii' };
}

function decodeLegacy(bytes: Uint8Array): DecodeResult {
  const sample = sampleOf(bytes, firstHighByte(bytes));
  const label = nearlyUtf8(sample) ? 'utf-8' : detectedLabel(sample) ?? fewestInvalid(sample);
  // Non-fatal: a bad byte becomes U+FFFD instead of losing the whole file; decodeText counts them.
  return { ok: true, text: decodeAs(label, bytes), encoding: label };
}

function detectedLabel(sample: Uint8Array): LegacyLabel | undefined {
  const detected = detector().detect(sample, ['UTF8', 'EUCJP', 'SJIS']);
  return detected === 'UTF8' || detected === 'EUCJP' || detected === 'SJIS' ? LEGACY_LABELS[detected] : undefined;
}

/** Counts of U+FFFD and of other non-ASCII characters in `label`'s reading of the sample. */
function readingOf(label: LegacyLabel, sample: Uint8Array): { bad: number; wide: number } {
  const text = decodeAs(label, sample);
  let bad = 0;
  let wide = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) bad++;
    else if (c >= 0x80) wide++;
  }
  return { bad, wide };
}

/**
 * UTF-8 broken in a few places (a cut line, one record in another encoding): fewer than 1 bad sequence per 50
 * good characters. Shift_JIS or EUC-JP text reads as UTF-8 with nearly every character invalid.
 */
function nearlyUtf8(sample: Uint8Array): boolean {
  const { bad, wide } = readingOf('utf-8', sample);
  return bad * 50 <= wide;
}

/** For text no strict detector accepts: the candidate with the fewest replacement characters (UTF-8 on a tie). */
function fewestInvalid(sample: Uint8Array): LegacyLabel {
  let best: { label: LegacyLabel; bad: number } = { label: 'utf-8', bad: Infinity };
  for (const label of Object.values(LEGACY_LABELS)) {
    const { bad } = readingOf(label, sample);
    if (bad < best.bad) best = { label, bad };
  }
  return best.label;
}

function decodeAs(label: string, bytes: Uint8Array): string {
  return decodeWhole(label, bytes, { ignoreBOM: true });
}

/**
 * All of `bytes` as text (replacement characters for invalid sequences, or a TypeError with `fatal`), decoded as
 * one stream. Node's TextDecoder decodes UTF-8 one of two ways: a one-shot decode() takes its own UTF-8 path; a
 * streaming decoder uses ICU's converter, which on Japanese text is about twice as fast (10,000 small files:
 * 282–420 → 137 ms; 32 MB of the big text 193–255 → 131–137 ms) and gives the same string, or throws on the same
 * input (test/extract/decode.test.ts compares them on random bytes). Other encodings go through ICU either way.
 * A decoder per call (≈ 1 µs): no state outlives a failure.
 */
export function decodeWhole(label: string, bytes: Uint8Array, options: { ignoreBOM?: boolean; fatal?: boolean } = {}): string {
  const decoder = new TextDecoder(label, options);
  return decoder.decode(bytes, { stream: true }) + decoder.decode();
}

/** Where the first non-ASCII byte is: a long ASCII preamble (CSV header, log lines) says nothing. */
function firstHighByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] ?? 0) >= 0x80) return i;
  return 0;
}

/**
 * 64 KB from `start` (a character boundary: the first ESC or first non-ASCII byte, which after pure ASCII
 * can only be a lead byte), cut after a byte below 0x80 so no multi-byte character is split (a split
 * character makes the strict detectors reject the sample). In Shift_JIS, EUC-JP and UTF-8 such a byte is
 * ASCII or the last byte of a pair, never a lead byte.
 */
export function sampleOf(bytes: Uint8Array, start = 0): Uint8Array {
  const limit = start + DETECT_SAMPLE_BYTES;
  if (bytes.length <= limit) return bytes.subarray(start);
  for (let end = limit; end > start; end--) {
    if ((bytes[end - 1] ?? 0x80) < 0x80) return bytes.subarray(start, end);
  }
  return bytes.subarray(start, limit);
}

const STREAM_LABEL: Record<TextEncodingName, string> = {
  ascii: 'utf-8', // ASCII is UTF-8; a later non-ASCII byte is read as UTF-8, the common case
  'utf-8': 'utf-8',
  'utf-8-bom': 'utf-8',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  shift_jis: 'shift_jis',
  'euc-jp': 'euc-jp',
  'iso-2022-jp': 'iso-2022-jp',
};

export interface StreamDecoder {
  encoding: TextEncodingName;
  /** Decodes the next chunk of bytes; `final` flushes a character split at the end. */
  decode(chunk: Uint8Array, final: boolean): string;
}

/**
 * A decoder for a file read in chunks (huge logs and CSVs), its encoding decided from the file's head as
 * decodeText decides it. The head is cut after an ASCII byte so a split character does not spoil detection.
 */
export function streamDecoder(head: Uint8Array): StreamDecoder | { ok: false; reason: string } {
  let end = head.length;
  while (end > 0 && (head[end - 1] ?? 0) >= 0x80 && head.length - end < 8) end--;
  const probe = decodeText(end > 0 ? head.subarray(0, end) : head);
  if (!probe.ok) return probe;
  // The BOM is stripped by the decoder itself (ignoreBOM false).
  const decoder = new TextDecoder(STREAM_LABEL[probe.encoding]);
  return { encoding: probe.encoding, decode: (chunk, final) => decoder.decode(chunk, { stream: !final }) };
}
