/**
 * Huge plain-text files (logs, database exports) read in line-aligned chunks, so memory stays bounded by
 * the chunk size instead of growing with the file. Each chunk starts with the last lines of the one before
 * (context for a label on the line above); hits on those lines were reported with the previous chunk and
 * are dropped. Line numbers run on across chunks. Chunks are cut in the raw bytes where the encoding allows
 * (text-chunks.ts) and decoded where they are analyzed. Never holds the whole file.
 */
import type { FileHandle } from 'node:fs/promises';
import { openReadOnly } from './open-read-only.js';
import { posix } from 'node:path';
import { chooseExtractor } from '../extract/index.js';
import { tableOf, textExtractor, textFormatOf } from '../extract/text.js';
import { notScanned, type FileRef, type FileResult, type TableInfo } from '../model.js';
import { FindingsBuilder, resultOf, type AnalyzeOptions } from './analyze-file.js';
import { EvidenceCollector } from '../appi/evidence.js';
import { analyzeChunk, type ChunkHits } from './chunk-analysis.js';
import { invalidBytesNote, streamDecoder } from '../extract/decode.js';
import { countLines, lineRuns, type LineRun, type TextChunk } from './text-chunks.js';

/** Text files at least this large are streamed. */
export const LARGE_TEXT_BYTES = 16 * 1024 * 1024;
/**
 * Delimited text (CSV, TSV) at least this large is read in chunks too: every row of a roster holds values, and
 * read whole a 15 MB Shift_JIS roster's 700,000 hits outgrew a worker's 512 MB heap (the file was an error).
 */
export const LARGE_TABLE_BYTES = 4 * 1024 * 1024;

/** Whether a file is read in chunks (when it turns out to be plain text). */
export function readsInChunks(ref: Pick<FileRef, 'size' | 'relPath'>): boolean {
  return ref.size >= LARGE_TEXT_BYTES || (ref.size >= LARGE_TABLE_BYTES && textFormatOf(ref.relPath) !== 'text');
}
const READ_BYTES = 1024 * 1024;
/**
 * Bytes of a chunk's own lines (characters, for encodings decoded while read). 2 MB kept the bench's big file
 * ≈ 30 MB lower than 4 MB, at the same speed; 1 MB kept the roster set ≈ 45 MB lower than 2 MB (workers' heaps
 * 84 → 61 MB), at the same CPU time.
 */
const CHUNK_BYTES = 1024 * 1024;
const OVERLAP_LINES = 3;
const HEAD_CHARS = 300;

async function readAt(fh: FileHandle, position: number, length: number): Promise<Uint8Array> {
  const buf = new Uint8Array(length);
  return buf.subarray(0, await readInto(fh, buf, position));
}

async function readInto(fh: FileHandle, into: Uint8Array, position: number): Promise<number> {
  const { bytesRead } = await fh.read(into, 0, into.length, position);
  return bytesRead;
}

/** Analyzes one chunk, here or in a worker (which then owns its bytes). */
export type ChunkAnalyzer = (chunk: TextChunk) => Promise<ChunkHits>;

interface ChunkState {
  encoding: string;
  decoded: boolean;
  /** Invalid byte sequences replaced on the chunks' own lines so far. */
  invalid: number;
  /** Line number (1-based) at which the next chunk's own text starts. */
  nextLine: number;
  table?: TableInfo;
  /** The file's findings, built from each chunk's hits in chunk order (chunks may finish out of order). */
  built: FindingsBuilder;
  /** What the chunks' text says for the APPI verdict, merged in chunk order. */
  evidence: EvidenceCollector;
  /** Settles when every chunk started so far has been added; rejects with the first chunk's failure. */
  added: Promise<void>;
  inFlight: Set<Promise<unknown>>;
  /** Set when a chunk failed: no further chunk is started (the file is an error either way). */
  failed: boolean;
}

/** Starts the analysis of one chunk (which keeps only hits on its own lines, not the overlap). */
function startChunk(run: LineRun, state: ChunkState, analyze: ChunkAnalyzer): void {
  const { bytes, overlapBytes, overlapLines } = run;
  const ownFrom = state.nextLine;
  const chunk: TextChunk = { bytes, encoding: state.encoding, origin: { line: ownFrom - overlapLines, column: 1 }, overlapLines, overlapBytes };
  if (state.table) chunk.table = state.table;
  if (state.decoded) chunk.decoded = true;
  // Counted before the chunk is sent: a worker takes its bytes over.
  state.nextLine += countLines(bytes.subarray(overlapBytes));
  const hits = analyze(chunk).then(
    (done) => {
      state.invalid += done.invalid;
      return { own: done.hits, evidence: done.evidence };
    },
    (error: unknown) => {
      state.failed = true;
      throw error;
    },
  );
  state.added = state.added.then(() => hits).then(({ own, evidence }) => {
    state.built.addPacked(own);
    state.evidence.merge(evidence);
  });
  state.added.catch(() => undefined); // awaited at the end; until then a failure must not count as unhandled
  const tracked = hits.finally(() => state.inFlight.delete(tracked));
  tracked.catch(() => undefined);
  state.inFlight.add(tracked);
}

export interface LargeTextOptions {
  chunkBytes?: number;
  readBytes?: number;
  /** Where chunks are analyzed (a worker pool); default: in this thread. */
  analyze?: ChunkAnalyzer;
  /** Chunks in flight at once (memory: each holds its bytes and, while analyzed, about 3 copies as text). */
  parallel?: number;
}

/**
 * Files read in chunks are read one at a time in this thread, in the order they come: one file's chunks
 * already keep every worker busy (`parallel` is above the number of workers), and each such file holds its
 * distinct values and verdict hits until its end (tens of MB for a roster), which two files at once doubled.
 * The next file starts once the last chunk of this one is started, so its first chunks are queued while this
 * one's last are analyzed and its result is made: the workers never wait between two files.
 */
let turn: Promise<void> = Promise.resolve();

/** Undefined when the file is not plain text (the caller reads it whole with the right extractor). */
export async function analyzeLargeText(ref: FileRef, opts: AnalyzeOptions, lt: LargeTextOptions = {}): Promise<FileResult[] | undefined> {
  const before = turn;
  let done = (): void => undefined;
  turn = new Promise<void>((resolve) => (done = resolve));
  await before;
  try {
    return await analyzeInTurn(ref, opts, lt, done);
  } finally {
    done();
  }
}

/** `read`: called once every chunk of the file is started (or none will be). */
async function analyzeInTurn(ref: FileRef, opts: AnalyzeOptions, lt: LargeTextOptions, read: () => void): Promise<FileResult[] | undefined> {
  const chunkBytes = lt.chunkBytes ?? CHUNK_BYTES;
  const readBytes = lt.readBytes ?? READ_BYTES;
  const analyze = lt.analyze ?? (async (chunk: TextChunk) => analyzeChunk(chunk, opts));
  // This thread unpacks each result while workers analyze: twice `parallel` in flight keeps a chunk queued for
  // each worker while it does (as two files at once did before files took turns), for 1 MB of bytes each.
  const parallel = Math.max(1, lt.parallel ?? 1) * 2;
  const fh = await openReadOnly(ref.absPath);
  try {
    const head = await readAt(fh, 0, readBytes);
    const format = textFormatOf(ref.relPath);
    const choice = chooseExtractor(posix.basename(ref.relPath), head.subarray(0, 8192));
    if (!('extractor' in choice) || choice.extractor !== textExtractor) return undefined;
    const decoder = streamDecoder(head);
    if ('ok' in decoder) return [notScanned(ref.relPath, 'error', decoder.reason, { format })];
    // The first read is decoded here too, for the labels and the column headers.
    const headText = decoder.decode(head, false);
    const { runs, encoding, decoded } = lineRuns(head, decoder.encoding, (into, position) => readInto(fh, into, position), chunkBytes, readBytes, OVERLAP_LINES);
    const state: ChunkState = { encoding, decoded, invalid: 0, nextLine: 1, built: new FindingsBuilder(ref.relPath, opts), evidence: new EvidenceCollector(opts.vocabulary), added: Promise.resolve(), inFlight: new Set(), failed: false };
    const table = tableOf(headText, format);
    if (table) state.table = table;
    for await (const run of runs) {
      startChunk(run, state, analyze);
      if (state.inFlight.size >= parallel) await Promise.race(state.inFlight).catch(() => undefined);
      if (state.failed) break;
    }
    read();
    try {
      await state.added;
    } catch (error) {
      // Nothing of this file keeps running once its result is out (the scan may close its workers next).
      await Promise.allSettled(state.inFlight);
      return [notScanned(ref.relPath, 'error', (error as Error).message, { format, size: ref.size })];
    }
    const result: FileResult = { ...resultOf(ref.relPath, format, state.built, [posix.basename(ref.relPath), headText.slice(0, HEAD_CHARS)], opts, [], state.evidence.done()), size: ref.size };
    // The same note a file read whole gets (the encoding as the first read was detected).
    const note = invalidBytesNote({ ok: true, text: '', encoding: decoder.encoding, invalid: state.invalid });
    if (note) result.notes = [note];
    return [result];
  } finally {
    await fh.close();
  }
}
