/**
 * What a file's text says beyond its findings, gathered segment by segment while the file is analyzed:
 * special-care triggers with their records, the categories whose file words appear, and the contact details
 * written in an organisation's context. Plain data once `done()` (it crosses worker threads with the result).
 * Never: keeps text around a word, or a value outside this file's analysis.
 */
import type { Segment, SpecialCareId } from '../model.js';
import { lineStarts } from '../normalize/lines.js';
import { scanSpecialCare, type Trigger } from './special-care-scan.js';
import { organisationContext, organisationLine, organisationLines } from './subject.js';
import type { CompiledVocabulary } from './vocabulary.js';

export interface AppiEvidence {
  triggers: Trigger[];
  fileWords: SpecialCareId[];
  /** Categories that count only when one of their file words appears (the vocabulary's `fileWords`). */
  gated: SpecialCareId[];
  /** `type\0value` of contact details written as an organisation's. */
  organisation: string[];
}

/** The part of a segment hit the collector reads. */
export interface EvidenceHit {
  type: string;
  value: string;
  location: { line?: number };
}

/** Terms are kept with their record (to tie them to a person); fields once per word. */
const MAX_TERMS = 5000;

/**
 * Phone numbers of a segment checked line by line before its lines are marked in one pass (subject.ts
 * organisationLines): a roster chunk has thousands (a slice and an NFKC of its line each: 4 % of a roster
 * worker), a page of prose a few, for which a pass over all its text would cost more. Marked only where
 * the numbers so far are dense (one in every MARK_DENSITY lines or more): the bench's big text has one in
 * 135 lines, and a pass over each 1 MB chunk of it cost 5 % more instructions than reading those lines.
 */
const MARK_AFTER = 32;
const MARK_DENSITY = 4;

/** Where the lines of the segment whose hits are being read start, and what marks them. */
interface SegmentLines {
  seg: Segment;
  starts: number[] | undefined;
  /** The segment's text as analyzed (see `analyzed`), when known. */
  normalized: string | undefined;
  /** Phone numbers checked by their line so far. */
  checked: number;
  marks: Uint8Array | undefined;
}

export function organisationKey(type: string, value: string): string {
  return `${type}\u0000${value}`;
}

export class EvidenceCollector {
  private readonly triggers: Trigger[] = [];
  private readonly fieldsSeen = new Set<string>();
  private readonly fileWords = new Set<SpecialCareId>();
  private readonly organisation = new Set<string>();
  private terms = 0;
  private lines: SegmentLines | undefined;

  constructor(private readonly vocab: CompiledVocabulary) {}

  /**
   * Returns whether the segment had special-care triggers. Without, what it adds (file words, organisations'
   * numbers) depends only on its text, header and hits: the same cell text under the same header adds
   * nothing more, so a caller that remembers cells may skip it (analyze-file.ts). `nfkc`: the segment's
   * text in NFKC, when the caller has it.
   */
  segment(seg: Segment, hits: readonly EvidenceHit[], nfkc?: string): boolean {
    const triggers = scanSpecialCare(seg, this.vocab, nfkc);
    for (const t of triggers) this.addTrigger(t);
    if (this.fileWords.size < this.vocab.fileWords.size) {
      for (const [id, words] of this.vocab.fileWords) if (words.some((w) => seg.text.includes(w))) this.fileWords.add(id);
    }
    if (nfkc !== undefined && hits.length > MARK_AFTER) this.analyzed(seg, nfkc);
    for (const h of hits) this.hit(seg, h);
    this.lines = undefined;
    return triggers.length > 0;
  }

  /**
   * The segment's text as the detectors read it (normalize.ts), before its hits come to `hit`: with many phone
   * numbers, their lines are marked from it in one pass.
   */
  analyzed(seg: Segment, normalized: string): void {
    this.lines = { seg, starts: undefined, normalized, checked: 0, marks: undefined };
  }

  /**
   * One hit of the segment, read as `segment` reads each of its hits (a phone written in an organisation's
   * context), as soon as it is made: a roster chunk's 20,000 phone hits kept as objects until the chunk's
   * end outlived the young generation (chunk-analysis.ts). Then `segment(seg, [])` for the rest.
   */
  hit(seg: Segment, h: EvidenceHit): void {
    this.hitOnLine(seg, h.type, h.value, h.location.line);
  }

  /** hit() of a hit given as its type, value and line (analyze-segment.ts HitFields). */
  hitOnLine(seg: Segment, type: string, value: string, line: number | undefined): void {
    if (type !== 'phone') return;
    if (this.lines?.seg !== seg) this.lines = { seg, starts: undefined, normalized: undefined, checked: 0, marks: undefined };
    this.contact(seg, type, value, line, this.lines);
  }

  private addTrigger(t: Trigger): void {
    if (t.kind === 'field') {
      const key = `${t.category}\u0000${t.word}`;
      if (this.fieldsSeen.has(key)) return;
      this.fieldsSeen.add(key);
    } else if (this.terms++ >= MAX_TERMS) return;
    this.triggers.push(t);
  }

  /** The hit's line (a cell: the cell and its column header), read for an organisation's words. */
  private contact(seg: Segment, type: string, value: string, fileLine: number | undefined, lines: SegmentLines): void {
    const line = seg.origin.line !== undefined && fileLine !== undefined ? fileLine - seg.origin.line : undefined;
    const starts = line === undefined ? undefined : (lines.starts ??= lineStarts(seg.text));
    if (starts && line !== undefined && lines.normalized !== undefined && line >= 0 && line < starts.length && (lines.marks !== undefined || (++lines.checked > MARK_AFTER && lines.checked * MARK_DENSITY > line))) {
      lines.marks ??= organisationLines(lines.normalized, starts.length);
      if (organisationLine(type, value, lines.marks, line)) this.organisation.add(organisationKey(type, value));
      return;
    }
    const key = organisationKey(type, value);
    if (this.organisation.has(key)) return;
    const context = starts && line !== undefined ? seg.text.slice(starts[line] ?? 0, (starts[line + 1] ?? seg.text.length + 1) - 1) : `${seg.header ?? ''} ${seg.text}`;
    if (organisationContext(type, value, context)) this.organisation.add(key);
  }

  /** Evidence gathered elsewhere (a chunk of this file analyzed in a worker), in file order. */
  merge(e: AppiEvidence): void {
    for (const t of e.triggers) this.addTrigger(t);
    for (const id of e.fileWords) this.fileWords.add(id);
    for (const o of e.organisation) this.organisation.add(o);
  }

  done(): AppiEvidence {
    return { triggers: this.triggers, fileWords: [...this.fileWords], gated: [...this.vocab.fileWords.keys()], organisation: [...this.organisation] };
  }
}
