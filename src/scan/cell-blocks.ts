/**
 * A big workbook's cells analyzed by several workers: the worker that reads the file hands blocks of cell
 * segments (each with its sheet, header, label and row/column, all its analysis reads) to the other workers
 * through the pool, analyzes a block itself whenever enough are out, and adds every block's hits and APPI
 * evidence to the file's findings in file order — so the result is the one a single worker gives (the same
 * findings, order, occurrences and verdict). Small files never split: only a file past `CELL_BLOCKS.splitAfter` segments.
 * A block that fails (its worker timed out, crashed, or the scan stopped) fails the file.
 */
import type { Segment } from '../model.js';
import { EvidenceCollector, type AppiEvidence } from '../appi/evidence.js';
import type { CompiledVocabulary } from '../appi/vocabulary.js';
import type { SegmentHit } from './analyze-segment.js';
import { BlockHitPacker, unpackBlockHits, type BlockHits } from './block-hits.js';
import { SegmentPacker, unpackSegments, type PackedSegments } from './packed-segments.js';
import type { SegmentAnalysis } from './segment-analysis.js';

export const CELL_BLOCKS = {
  /** Segments analyzed by the reading worker itself before any block goes out. */
  splitAfter: 8192,
  /** Segments per block: a few tens of ms of analysis, so a block's trip through the main thread costs little. */
  segments: 4096,
};
/** Blocks unfinished per other worker: one analyzed while the next waits in the queue. */
const BUSY_PER_HELPER = 2;
/**
 * Blocks out but none back for this long: the other workers are busy with files of their own (or waiting for
 * blocks of theirs), so the blocks not yet started come back here. Asking back any sooner took blocks from a
 * worker that was about to start them (a block is analyzed in tens of ms).
 */
const STALL_MS = 250;

export interface CellsResult {
  hits: BlockHits;
  evidence: AppiEvidence;
}

/** Another worker's analysis of a block, through the pool; undefined: it came back unstarted (`reclaim`). */
export interface RemoteCells {
  /** Workers other than this one. */
  helpers: number;
  send(block: PackedSegments): Promise<CellsResult | undefined>;
  /**
   * Blocks sent that no worker has finished yet. Read without waiting for their results: this worker hears
   * of those only between two pieces of the sheet it inflates, and counting by them left the others idle.
   */
  busy(): number;
  /** Asks for the blocks of this file that no worker has started yet. */
  reclaim(): void;
}

/** A block's hits, each with its segment's index, and what the block says for the APPI verdict. */
function analyzeSegments(segments: readonly Segment[], analysis: SegmentAnalysis, vocab: CompiledVocabulary, use: (hit: SegmentHit, at: number, seg: Segment) => void): AppiEvidence {
  const appi = new EvidenceCollector(vocab);
  segments.forEach((seg, at) => {
    for (const h of analysis.hits(seg, appi)) use(h, at, seg);
  });
  return appi.done();
}

/** A block sent by another worker, analyzed here. */
export function analyzeCellBlock(block: PackedSegments, analysis: SegmentAnalysis, vocab: CompiledVocabulary): CellsResult {
  const packer = new BlockHitPacker();
  const evidence = analyzeSegments(unpackSegments(block), analysis, vocab, (h, at, seg) => packer.add(h, at, seg));
  return { hits: packer.done(), evidence };
}

type Apply = (hits: readonly SegmentHit[], evidence: AppiEvidence) => void;
type Local = { hits: SegmentHit[]; appi: EvidenceCollector };

/**
 * The reading worker's side. Whether a block goes out is decided when it starts, and each segment is packed
 * or analyzed as it comes: a block's segments held as objects until it was full outlived the young
 * generation (a fifth of this worker's time went to the garbage collector).
 */
export class CellBlocks {
  private current: SegmentPacker | Local | undefined;
  private count = 0;
  private out = 0;
  /** When a block last came back, or went out with none out before. */
  private progress = 0;
  /** Settles when every block so far is applied; rejects with the first block's failure. */
  private applied: Promise<void> = Promise.resolve();
  private failed = false;
  /** Rejects as soon as any block fails (the blocks before it need not be waited for: the file is an error). */
  private readonly failure: Promise<never>;
  private fail: (error: unknown) => void = () => undefined;
  private readonly size = CELL_BLOCKS.segments;

  constructor(
    private readonly remote: RemoteCells,
    private readonly analysis: SegmentAnalysis,
    private readonly fresh: () => SegmentAnalysis,
    private readonly vocab: CompiledVocabulary,
    private readonly apply: Apply,
  ) {
    this.failure = new Promise<never>((_resolve, reject) => (this.fail = reject));
    this.failure.catch(() => undefined);
  }

  add(seg: Segment): void {
    const block = (this.current ??= this.open());
    if (block instanceof SegmentPacker) block.add(seg);
    else for (const h of this.analysis.hits(seg, block.appi)) block.hits.push(h);
    if (++this.count >= this.size) this.close();
  }

  /** Every block applied; rejects with a block's failure. */
  async done(): Promise<void> {
    this.close();
    const watch = setInterval(() => this.unstall(), STALL_MS / 2);
    try {
      await Promise.race([this.applied, this.failure]);
    } finally {
      clearInterval(watch);
    }
  }

  private unstall(): void {
    if (this.out > 0 && Date.now() - this.progress > STALL_MS) {
      this.progress = Date.now();
      this.remote.reclaim();
    }
  }

  private open(): SegmentPacker | Local {
    if (!this.failed && this.remote.busy() < this.remote.helpers * BUSY_PER_HELPER) return new SegmentPacker(this.size);
    this.unstall();
    return { hits: [], appi: new EvidenceCollector(this.vocab) };
  }

  private close(): void {
    const block = this.current;
    this.current = undefined;
    this.count = 0;
    if (!block) return;
    const result = block instanceof SegmentPacker ? this.send(block.done()) : Promise.resolve({ hits: block.hits, evidence: block.appi.done() });
    result.catch((error: unknown) => this.fail(error));
    this.applied = this.applied.then(() => result).then(({ hits, evidence }) => this.apply(hits, evidence));
    this.applied.catch(() => undefined); // awaited in done(); until then a failure must not count as unhandled
  }

  /** Only the packed block is kept while it is out. One that comes back unstarted is analyzed here, after later ones: with a memo of its own (a remembered cell skips evidence an earlier block already gave, segment-analysis.ts). */
  private async send(packed: PackedSegments): Promise<{ hits: SegmentHit[]; evidence: AppiEvidence }> {
    if (this.out++ === 0) this.progress = Date.now();
    try {
      const result = await this.remote.send(packed);
      if (result) return { hits: unpackBlockHits(result.hits, packed), evidence: result.evidence };
      const hits: SegmentHit[] = [];
      const evidence = analyzeSegments(unpackSegments(packed), this.fresh(), this.vocab, (h) => hits.push(h));
      return { hits, evidence };
    } catch (error) {
      this.failed = true;
      throw error;
    } finally {
      this.out--;
      this.progress = Date.now();
    }
  }
}
