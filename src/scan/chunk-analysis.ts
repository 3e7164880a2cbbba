/**
 * One chunk of a huge text file analyzed (here or in a worker): its hits, and how many invalid byte sequences
 * its decoding replaced on its own lines (not the overlap it repeats from the chunk before), so a file read in
 * chunks carries the same "partly decoded" note as one read whole (extract/decode.ts invalidBytesNote).
 */
import { countReplacements } from '../extract/decode.js';
import type { CompiledRule } from '../patterns/types.js';
import { analyzeSegment, type SegmentHit } from './analyze-segment.js';
import { chunkSegment, type TextChunk } from './text-chunks.js';

export interface ChunkHits {
  hits: SegmentHit[];
  /** U+FFFD the decoder put in for bytes it could not read, on the chunk's own lines. */
  invalid: number;
}

/** UTF-8 of U+FFFD: valid UTF-8 may hold the character itself, which is no decoding error. */
const REPLACEMENT_UTF8 = Uint8Array.of(0xef, 0xbf, 0xbd);

export function analyzeChunk(chunk: TextChunk, rules: readonly CompiledRule[], ruleMap: ReadonlyMap<string, CompiledRule>, min: number): ChunkHits {
  const seg = chunkSegment(chunk);
  return { hits: analyzeSegment(seg, rules, ruleMap, min), invalid: invalidIn(chunk, seg.text) };
}

function invalidIn(chunk: TextChunk, text: string): number {
  let from = 0;
  for (let i = 0; i < (chunk.overlapLines ?? 0) && from >= 0; i++) from = text.indexOf('\n', from) + 1 || -1;
  if (from < 0) return 0;
  const replaced = countReplacements(from === 0 ? text : text.slice(from));
  if (replaced === 0 || chunk.decoded) return replaced;
  // Runs cut in the raw bytes: a U+FFFD written in the file (valid UTF-8) is not an error.
  const own = chunk.bytes.subarray(chunk.overlapBytes ?? 0);
  const bytes = Buffer.from(own.buffer, own.byteOffset, own.length);
  let written = 0;
  for (let at = bytes.indexOf(REPLACEMENT_UTF8); at >= 0; at = bytes.indexOf(REPLACEMENT_UTF8, at + 1)) written++;
  return Math.max(0, replaced - written);
}
