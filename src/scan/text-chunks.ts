/**
 * Runs of complete lines of a huge text file, as bytes. In UTF-8, Shift_JIS and EUC-JP the byte 0x0A is
 * never part of a multi-byte character, so lines are cut in the raw bytes: the thread that reads never
 * decodes, and each chunk moves to a worker without a copy (the worker decodes it, `chunkSegment`).
 * UTF-16 and ISO-2022-JP (stateful) are decoded while read and their runs re-encoded as UTF-8.
 * Input: the file's first read and a reader for the rest. Output: the runs, in order. Never holds more
 * than one run and one read.
 */
import type { Segment, TableInfo } from '../model.js';
import { decodeWhole, streamDecoder, type TextEncodingName } from '../extract/decode.js';

/** One chunk for analysis: its first lines may repeat the end of the previous chunk (context). */
export interface TextChunk {
  bytes: Uint8Array;
  /** TextDecoder label of `bytes`. */
  encoding: string;
  origin: { line: number; column: number };
  table?: TableInfo;
  /** Lines (and their bytes) at the start that repeat the end of the chunk before. */
  overlapLines?: number;
  overlapBytes?: number;
  /** Bytes re-encoded as UTF-8 from text decoded while read (UTF-16, ISO-2022-JP), not the file's own bytes. */
  decoded?: boolean;
}

export type ReadAt = (position: number, length: number) => Promise<Uint8Array>;

const LF = 0x0a;
/** Encodings whose line ends can be found in the raw bytes, with the label their bytes decode with. */
const BYTE_LINES: Partial<Record<TextEncodingName, string>> = { ascii: 'utf-8', 'utf-8': 'utf-8', 'utf-8-bom': 'utf-8', shift_jis: 'shift_jis', 'euc-jp': 'euc-jp' };

/**
 * The chunk as a segment: decoded (a BOM was skipped when the runs were cut), origin and table kept. Decoded
 * as a stream (decodeWhole): for UTF-8, ICU's converter, faster than the one-shot path, same text.
 */
export function chunkSegment(chunk: TextChunk): Segment {
  const seg: Segment = { text: decodeWhole(chunk.encoding, chunk.bytes, { ignoreBOM: true }), origin: chunk.origin };
  if (chunk.table) seg.table = chunk.table;
  return seg;
}

export function concatBytes(parts: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Runs of at least `chunkBytes` cut after a line end (the last run: whatever is left). */
async function* rawLineRuns(head: Uint8Array, from: number, read: ReadAt, chunkBytes: number, readBytes: number): AsyncGenerator<Uint8Array> {
  let parts: Uint8Array[] = [];
  let size = 0;
  let position = head.length;
  for (let block = head.subarray(from); block.length > 0; block = await read(position, readBytes), position += block.length) {
    parts.push(block);
    size += block.length;
    // Only the newest read is searched for a line end: a line longer than a chunk makes a longer chunk,
    // never a quadratic search.
    const nl = size >= chunkBytes ? block.lastIndexOf(LF) : -1;
    if (nl < 0) continue;
    const whole = concatBytes(parts, size);
    const cut = size - block.length + nl + 1;
    yield whole.subarray(0, cut);
    parts = cut < size ? [whole.subarray(cut)] : [];
    size -= cut;
  }
  if (size > 0) yield concatBytes(parts, size);
}

/** Runs of decoded text of at least `chunkChars` characters cut after a line end, as UTF-8. */
async function* decodedLineRuns(head: Uint8Array, read: ReadAt, chunkChars: number, readBytes: number): AsyncGenerator<Uint8Array> {
  const decoder = streamDecoder(head);
  if ('ok' in decoder) throw new Error(decoder.reason);
  const utf8 = new TextEncoder();
  let pending = '';
  for (let position = 0, bytes = head; ; bytes = await read(position, readBytes)) {
    position += bytes.length;
    const final = bytes.length === 0;
    pending += decoder.decode(bytes, final);
    if (final || pending.length >= chunkChars) {
      const cut = final ? pending.length : pending.lastIndexOf('\n') + 1;
      if (cut > 0) {
        yield utf8.encode(pending.slice(0, cut));
        pending = pending.slice(cut);
      }
    }
    if (final) return;
  }
}

export interface LineRuns {
  runs: AsyncGenerator<Uint8Array>;
  /** TextDecoder label of the runs' bytes. */
  encoding: string;
  /** The runs are text decoded while read, re-encoded as UTF-8. */
  decoded: boolean;
}

/** `encoding`: what the head was read as (streamDecoder); `chunkBytes` is also the character count of decoded runs. */
export function lineRuns(head: Uint8Array, encoding: TextEncodingName, read: ReadAt, chunkBytes: number, readBytes: number): LineRuns {
  const label = BYTE_LINES[encoding];
  if (label === undefined) return { runs: decodedLineRuns(head, read, chunkBytes, readBytes), encoding: 'utf-8', decoded: true };
  const bom = encoding === 'utf-8-bom' ? 3 : 0;
  return { runs: rawLineRuns(head, bom, read, chunkBytes, readBytes), encoding: label, decoded: false };
}

/** Index of the last line end at or before `from` (String#lastIndexOf semantics: a negative `from` is 0). */
function lastLineEnd(bytes: Uint8Array, from: number): number {
  if (from < 0) return bytes[0] === LF ? 0 : -1;
  return bytes.lastIndexOf(LF, from);
}

/** A copy of the last `n` lines of `bytes` (with their line ends) and how many lines that is. */
export function tailLines(bytes: Uint8Array, n: number): { tail: Uint8Array; lines: number } {
  let at = bytes.length;
  let lines = 0;
  while (lines < n && at > 0) {
    const nl = lastLineEnd(bytes, at - 2);
    at = nl + 1;
    lines++;
    if (nl < 0) break;
  }
  return { tail: bytes.slice(at), lines };
}

export function countLines(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(LF); i >= 0; i = bytes.indexOf(LF, i + 1)) n++;
  return n;
}

