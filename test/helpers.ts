/** Shared test helpers: run text through the real pipeline (normalize → detect → score) with built-in rules. */
import { loadBuiltinRules } from '../src/patterns/load.js';
import type { CompiledRule } from '../src/patterns/types.js';
import { analyzeSegment, type SegmentHit } from '../src/scan/analyze-segment.js';
import type { Segment } from '../src/model.js';

export const RULES: readonly CompiledRule[] = loadBuiltinRules();
export const RULE_MAP: ReadonlyMap<string, CompiledRule> = new Map(RULES.map((r) => [r.id, r]));

/** Findings at or above `min` (default medium, the CLI default) in a text or a spreadsheet cell. */
export function findIn(text: string, opts: { header?: string; min?: number; table?: Segment['table'] } = {}): SegmentHit[] {
  const seg: Segment = { text, origin: opts.header === undefined ? { line: 1, column: 1 } : { sheet: 'S', cell: 'A2' } };
  if (opts.header !== undefined) seg.header = opts.header;
  if (opts.table) seg.table = opts.table;
  return analyzeSegment(seg, RULES, RULE_MAP).filter((h) => h.confidence >= (opts.min ?? 0.5));
}
