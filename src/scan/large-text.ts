/**
 * Huge plain-text files (logs, database exports) read in line-aligned chunks, so memory stays bounded by
 * the chunk size instead of growing with the file. Each chunk starts with the last lines of the one before
 * (context for a label on the line above); hits on those lines were reported with the previous chunk and
 * are dropped. Line numbers run on across chunks. Never holds the whole file, never decodes twice.
 */
import type { FileHandle } from 'node:fs/promises';
import { openReadOnly } from './open-read-only.js';
import { posix } from 'node:path';
import { streamDecoder } from '../extract/decode.js';
import { chooseExtractor } from '../extract/index.js';
import { tableOf, textExtractor, textFormatOf } from '../extract/text.js';
import { notScanned, type FileRef, type FileResult, type Segment, type TableInfo } from '../model.js';
import { fileResult, type AnalyzeOptions } from './analyze-file.js';
import { analyzeSegment, type SegmentHit } from './analyze-segment.js';

/** Text files at least this large are streamed. */
export const LARGE_TEXT_BYTES = 16 * 1024 * 1024;
const READ_BYTES = 1024 * 1024;
const CHUNK_CHARS = 2 * 1024 * 1024;
const OVERLAP_LINES = 3;
const HEAD_CHARS = 300;

async function readAt(fh: FileHandle, position: number, length: number): Promise<Uint8Array> {
  const buf = new Uint8Array(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  return buf.subarray(0, bytesRead);
}

/** The last `n` lines of `text` (with their line ends) and how many lines that is. */
function tailLines(text: string, n: number): { tail: string; lines: number } {
  let at = text.length;
  let lines = 0;
  while (lines < n && at > 0) {
    const nl = text.lastIndexOf('\n', at - 2);
    at = nl + 1;
    lines++;
    if (nl < 0) break;
  }
  return { tail: text.slice(at), lines };
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Analyzes one chunk, here or in a worker. */
export type ChunkAnalyzer = (segment: Segment) => Promise<SegmentHit[]>;

interface ChunkState {
  /** Line number (1-based) at which the next chunk's own text starts. */
  nextLine: number;
  overlap: string;
  overlapLines: number;
  table?: TableInfo;
  head: string;
  /** Hits of each chunk, in chunk order (chunks may finish out of order in workers). */
  chunks: Promise<SegmentHit[]>[];
  inFlight: Set<Promise<unknown>>;
}

/** Starts the analysis of one chunk; keeps only hits on its own lines (not the overlap). */
function startChunk(body: string, state: ChunkState, analyze: ChunkAnalyzer): Promise<unknown> {
  const text = state.overlap + body;
  const ownFrom = state.nextLine;
  const seg: Segment = { text, origin: { line: ownFrom - state.overlapLines, column: 1 } };
  if (state.table) seg.table = state.table;
  const hits = analyze(seg).then((all) => all.filter((hit) => (hit.location.line ?? 0) >= ownFrom));
  state.chunks.push(hits);
  const { tail, lines } = tailLines(text, OVERLAP_LINES);
  state.nextLine += countLines(body);
  state.overlap = tail;
  state.overlapLines = lines;
  const tracked = hits.finally(() => state.inFlight.delete(tracked));
  state.inFlight.add(tracked);
  return tracked;
}

/**
 * Returns undefined when the file is not plain text (the caller reads it whole with the right extractor).
 */
export interface LargeTextOptions {
  chunkChars?: number;
  readBytes?: number;
  /** Where chunks are analyzed (a worker pool); default: in this thread. */
  analyze?: ChunkAnalyzer;
  /** Chunks in flight at once (memory: each holds about 3 × chunkChars characters). */
  parallel?: number;
}

export async function analyzeLargeText(ref: FileRef, opts: AnalyzeOptions, lt: LargeTextOptions = {}): Promise<FileResult[] | undefined> {
  const chunkChars = lt.chunkChars ?? CHUNK_CHARS;
  const readBytes = lt.readBytes ?? READ_BYTES;
  const analyze = lt.analyze ?? (async (seg: Segment) => analyzeSegment(seg, opts.rules, opts.ruleMap, opts.minConfidence));
  const parallel = Math.max(1, lt.parallel ?? 1);
  const fh = await openReadOnly(ref.absPath);
  try {
    const head = await readAt(fh, 0, readBytes);
    const format = textFormatOf(ref.relPath);
    const choice = chooseExtractor(posix.basename(ref.relPath), head.subarray(0, 8192));
    if (!('extractor' in choice) || choice.extractor !== textExtractor) return undefined;
    const decoder = streamDecoder(head);
    if ('ok' in decoder) return [notScanned(ref.relPath, 'error', decoder.reason, { format })];
    const state: ChunkState = { nextLine: 1, overlap: '', overlapLines: 0, head: '', chunks: [], inFlight: new Set() };
    let pending = '';
    let position = 0;
    for (;;) {
      const bytes = position === 0 ? head : await readAt(fh, position, readBytes);
      position += bytes.length;
      const final = bytes.length === 0;
      pending += decoder.decode(bytes, final);
      if (position === head.length && state.head === '') {
        state.head = pending.slice(0, HEAD_CHARS);
        const table = tableOf(pending, format);
        if (table) state.table = table;
      }
      if (final || pending.length >= chunkChars) {
        const cut = final ? pending.length : pending.lastIndexOf('\n') + 1;
        if (cut > 0) {
          void startChunk(pending.slice(0, cut), state, analyze).catch(() => undefined);
          pending = pending.slice(cut);
          if (state.inFlight.size >= parallel) await Promise.race(state.inFlight).catch(() => undefined);
        }
      }
      if (final) break;
    }
    let hits: SegmentHit[];
    try {
      hits = (await Promise.all(state.chunks)).flat();
    } catch (error) {
      return [notScanned(ref.relPath, 'error', (error as Error).message, { format, size: ref.size })];
    }
    return [{ ...fileResult(ref.relPath, format, hits, [posix.basename(ref.relPath), state.head], opts), size: ref.size }];
  } finally {
    await fh.close();
  }
}
