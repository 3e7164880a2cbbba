/**
 * One chunk of a file read in chunks analyzed (here or in a worker): the hits on its own lines; what its text says for the APPI
 * verdict (special-care words, organisations' numbers) on its own lines; and how many invalid byte sequences
 * its decoding replaced there — its own lines, not the overlap it repeats from the chunk before — so a file
 * read in chunks gets the verdict and the "partly decoded" note (extract/decode.ts) a file read whole gets.
 */
import { countReplacements } from '../extract/decode.js';
import { EvidenceCollector, type AppiEvidence } from '../appi/evidence.js';
import type { AnalyzeOptions } from './analyze-file.js';
import { analyzeSegmentInto } from './analyze-segment.js';
import { normalize } from '../normalize/normalize.js';
import { HitPacker } from './hit-packer.js';
import type { PackedHits } from './packed-hits.js';
import { chunkSegment, type TextChunk } from './text-chunks.js';

export interface ChunkHits {
  /** Columns, not objects: what a worker sends back for each of a roster's chunks (packed-hits.ts). */
  hits: PackedHits;
  /** U+FFFD the decoder put in for bytes it could not read, on the chunk's own lines. */
  invalid: number;
  evidence: AppiEvidence;
}

export type ChunkOptions = Pick<AnalyzeOptions, 'rules' | 'ruleMap' | 'minConfidence' | 'vocabulary'>;

/** UTF-8 of U+FFFD: valid UTF-8 may hold the character itself, which is no decoding error. */
const REPLACEMENT_UTF8 = Uint8Array.of(0xef, 0xbf, 0xbd);

export function analyzeChunk(chunk: TextChunk, opts: ChunkOptions): ChunkHits {
  const seg = chunkSegment(chunk);
  // Hits and words on the overlap lines were the previous chunk's (a header's fields are kept once when merged).
  const ownFrom = chunk.origin.line + (chunk.overlapLines ?? 0);
  const own = new HitPacker();
  // Every hit is read by the collector (an organisation's phone numbers) and packed as it is made: none is
  // kept as an object until the chunk's end.
  const collector = new EvidenceCollector(opts.vocabulary);
  const norm = normalize(seg.text);
  collector.analyzed(seg, norm.text);
  const nfkc = analyzeSegmentInto(
    seg,
    opts.rules,
    opts.ruleMap,
    opts.minConfidence,
    {
      // A chunk's hits as their fields (no object each), read by the collector and packed as they are made.
      plain: (type, value, confidence, label, line, column) => {
        collector.hitOnLine(seg, type, value, line);
        if (line >= ownFrom) own.addPlain(type, value, confidence, label, line, column);
      },
      hit: (hit) => {
        collector.hit(seg, hit);
        if ((hit.location.line ?? 0) >= ownFrom) own.add(hit);
      },
    },
    undefined,
    norm,
  );
  collector.segment(seg, [], nfkc);
  const evidence = collector.done();
  evidence.triggers = evidence.triggers.filter((t) => t.kind === 'field' || t.record.index >= ownFrom);
  return { hits: own.done(), invalid: invalidIn(chunk, seg.text), evidence };
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
