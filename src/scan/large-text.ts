/**
 * Huge plain-text files (logs, database exports) read in line-aligned chunks, so memory stays bounded by
 * the chunk size instead of growing with the file. Each chunk starts with the last lines of the one before
 * (context for a label on the line above); hits on those lines were reported with the previous chunk and
 * are dropped. Line numbers run on across chunks. Never holds the whole file, never decodes twice.
 */
import { open, type FileHandle } from 'node:fs/promises';
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

interface ChunkState {
  /** Line number (1-based) at which the next chunk's own text starts. */
  nextLine: number;
  overlap: string;
  overlapLines: number;
  table?: TableInfo;
  head: string;
  hits: SegmentHit[];
}

function analyzeChunk(body: string, state: ChunkState, opts: AnalyzeOptions): void {
  const text = state.overlap + body;
  const firstLine = state.nextLine - state.overlapLines;
  const seg: Segment = { text, origin: { line: firstLine, column: 1 } };
  if (state.table) seg.table = state.table;
  for (const hit of analyzeSegment(seg, opts.rules, opts.ruleMap, opts.minConfidence)) {
    if ((hit.location.line ?? 0) >= state.nextLine) state.hits.push(hit);
  }
  const { tail, lines } = tailLines(text, OVERLAP_LINES);
  state.nextLine += countLines(body);
  state.overlap = tail;
  state.overlapLines = lines;
}

/**
 * Returns undefined when the file is not plain text (the caller reads it whole with the right extractor).
 */
export async function analyzeLargeText(ref: FileRef, opts: AnalyzeOptions, chunkChars = CHUNK_CHARS, readBytes = READ_BYTES): Promise<FileResult[] | undefined> {
  const fh = await open(ref.absPath, 'r');
  try {
    const head = await readAt(fh, 0, readBytes);
    const format = textFormatOf(ref.relPath);
    const choice = chooseExtractor(posix.basename(ref.relPath), head.subarray(0, 8192));
    if (!('extractor' in choice) || choice.extractor !== textExtractor) return undefined;
    const decoder = streamDecoder(head);
    if ('ok' in decoder) return [notScanned(ref.relPath, 'error', decoder.reason, { format })];
    const state: ChunkState = { nextLine: 1, overlap: '', overlapLines: 0, head: '', hits: [] };
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
          analyzeChunk(pending.slice(0, cut), state, opts);
          pending = pending.slice(cut);
        }
      }
      if (final) break;
    }
    return [{ ...fileResult(ref.relPath, format, state.hits, [posix.basename(ref.relPath), state.head], opts), size: ref.size }];
  } finally {
    await fh.close();
  }
}
