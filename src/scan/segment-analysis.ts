/**
 * One segment's hits, with what it says for the APPI verdict added to a collector: the per-segment step of a
 * file's analysis, shared by a file analyzed in one thread (analyze-file.ts) and by blocks of a big
 * workbook's cells analyzed in other workers (cell-blocks.ts). Short cells repeat (statuses, product and
 * company names): their analysis is remembered (cell-memo.ts), which never changes what is found.
 */
import type { Segment } from '../model.js';
import type { EvidenceCollector } from '../appi/evidence.js';
import type { AnalyzeOptions } from './analyze-file.js';
import { analyzeSegment, type SegmentHit } from './analyze-segment.js';
import { CellMemo } from './cell-memo.js';
import { lettersOfCell } from './column-label.js';

const MEMO_CHARS = 80;
/** A remembered cell without hits (read only: callers copy hits out of what `hits` returns). */
const NO_HITS: SegmentHit[] = [];

/** A cell's analysis; `quiet`: its APPI evidence had no special-care trigger (evidence.ts `segment`). */
interface Remembered {
  hits: SegmentHit[];
  quiet: boolean;
}

type Options = Pick<AnalyzeOptions, 'rules' | 'ruleMap' | 'minConfidence'>;

export class SegmentAnalysis {
  private readonly memo = new CellMemo<Remembered>();

  constructor(private readonly opts: Options) {}

  /**
   * The segment's hits (read only). A remembered cell's evidence is added again only when it had a
   * special-care trigger: without one, what it adds depends only on its text, header and hits, which the
   * collector (or one merged before it, in file order) already has.
   */
  hits(seg: Segment, appi: EvidenceCollector): readonly SegmentHit[] {
    const { rules, ruleMap, minConfidence } = this.opts;
    if (seg.origin.line !== undefined || seg.table || seg.text.length > MEMO_CHARS) {
      const hits = analyzeSegment(seg, rules, ruleMap, minConfidence);
      appi.segment(seg, hits);
      return hits;
    }
    // The letters name the column when its header is not a recognised one (column-label.ts).
    const column = this.memo.column(lettersOfCell(seg.origin.cell) ?? '', seg.header ?? '', seg.cell?.label);
    const known = column.get(seg.text);
    if (known) {
      const hits = known.hits.length === 0 ? NO_HITS : known.hits.map((h) => ({ ...h, location: { ...seg.origin } }));
      if (!known.quiet) appi.segment(seg, hits);
      return hits;
    }
    const found = analyzeSegment(seg, rules, ruleMap, minConfidence);
    column.set(seg.text, { hits: found, quiet: !appi.segment(seg, found) });
    return found;
  }
}
