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
import { grown } from './value-table.js';

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

/** Reads up to `into.length` bytes of the file at `position` into `into`; resolves to how many (0: its end). */
export type ReadInto = (into: Uint8Array, position: number) => Promise<number>;

/** A run of complete lines, after the last lines of the run before repeated as context (none before the first). */
export interface LineRun {
  bytes: Uint8Array;
  overlapBytes: number;
  overlapLines: number;
}

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

/**
 * Runs of lines: once a run holds `chunkBytes`, it is cut after the last line end of the read that brought it
 * there (the last run: whatever is left), each after the last
 * `overlap` lines of the one before. Each run is read into a buffer of its own, behind those lines and the
 * bytes the run before left after its cut: the file's bytes are copied once, by the read, and the run can
 * move to a worker as it is (it took three 1 MB buffers and two copies per run before: ≈ 0.3 s of this
 * thread on the bench's 64 MB file). Reads are `readBytes` long at the same places, and only the newest is
 * searched for a line end, so a line longer than a chunk makes a longer run, never a quadratic search.
 */
async function* rawLineRuns(head: Uint8Array, from: number, read: ReadInto, chunkBytes: number, readBytes: number, overlap: number): AsyncGenerator<LineRun> {
  let tail: Uint8Array = new Uint8Array(0);
  let tailLineCount = 0;
  let rest: Uint8Array = head.subarray(from);
  let position = head.length;
  for (;;) {
    // This run's buffer: [tail | rest | reads…); `newest` is where the last block read (or `rest`) starts.
    let buffer: Uint8Array = new Uint8Array(tail.length + rest.length + readBytes);
    buffer.set(tail);
    buffer.set(rest, tail.length);
    const own = tail.length;
    let size = own + rest.length;
    let newest = own;
    let cut = -1;
    for (;;) {
      if (size > newest && size - own >= chunkBytes) {
        const nl = buffer.subarray(newest, size).lastIndexOf(LF);
        if (nl >= 0) {
          cut = newest + nl + 1;
          break;
        }
      }
      if (size + readBytes > buffer.length) buffer = grown(buffer, Math.max(size + readBytes, buffer.length * 2));
      const n = await read(buffer.subarray(size, size + readBytes), position);
      if (n === 0) break;
      newest = size;
      size += n;
      position += n;
    }
    if (cut < 0) {
      if (size > own) yield { bytes: buffer.subarray(0, size), overlapBytes: own, overlapLines: tailLineCount };
      return;
    }
    // Taken before the run is handed on: a worker takes its buffer over.
    rest = buffer.slice(cut, size);
    const run = buffer.subarray(0, cut);
    const next = tailLines(run, overlap);
    yield { bytes: run, overlapBytes: own, overlapLines: tailLineCount };
    tail = next.tail;
    tailLineCount = next.lines;
  }
}

/** Runs of decoded text of at least `chunkChars` characters cut after a line end, as UTF-8, after the overlap. */
async function* decodedLineRuns(head: Uint8Array, read: ReadInto, chunkChars: number, readBytes: number, overlap: number): AsyncGenerator<LineRun> {
  const decoder = streamDecoder(head);
  if ('ok' in decoder) throw new Error(decoder.reason);
  const utf8 = new TextEncoder();
  const block = new Uint8Array(readBytes);
  let pending = '';
  let tail: Uint8Array = new Uint8Array(0);
  let tailLineCount = 0;
  const runOf = (text: string): LineRun => {
    const body = utf8.encode(text);
    const run = concatBytes([tail, body], tail.length + body.length);
    const out = { bytes: run, overlapBytes: tail.length, overlapLines: tailLineCount };
    ({ tail, lines: tailLineCount } = tailLines(run, overlap));
    return out;
  };
  for (let position = 0, bytes = head; ; bytes = block.subarray(0, await read(block, position))) {
    position += bytes.length;
    const final = bytes.length === 0;
    // The decoder keeps what it needs of a read (a character cut at its end), so one block serves every read.
    pending += decoder.decode(bytes, final);
    if (final || pending.length >= chunkChars) {
      const cut = final ? pending.length : pending.lastIndexOf('\n') + 1;
      if (cut > 0) {
        yield runOf(pending.slice(0, cut));
        pending = pending.slice(cut);
      }
    }
    if (final) return;
  }
}

export interface LineRuns {
  runs: AsyncGenerator<LineRun>;
  /** TextDecoder label of the runs' bytes. */
  encoding: string;
  /** The runs are text decoded while read, re-encoded as UTF-8. */
  decoded: boolean;
}

/**
 * `encoding`: what the head was read as (streamDecoder); `chunkBytes` is also the character count of decoded
 * runs; `overlap`: lines of each run repeated at the start of the next.
 */
export function lineRuns(head: Uint8Array, encoding: TextEncodingName, read: ReadInto, chunkBytes: number, readBytes: number, overlap: number): LineRuns {
  const label = BYTE_LINES[encoding];
  if (label === undefined) return { runs: decodedLineRuns(head, read, chunkBytes, readBytes, overlap), encoding: 'utf-8', decoded: true };
  const bom = encoding === 'utf-8-bom' ? 3 : 0;
  return { runs: rawLineRuns(head, bom, read, chunkBytes, readBytes, overlap), encoding: label, decoded: false };
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

