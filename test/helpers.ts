/** Shared test helpers: run text through the real pipeline (normalize → detect → score) with built-in rules. */
import { loadBuiltinRules } from '../src/patterns/load.js';
import type { CompiledRule } from '../src/patterns/types.js';
import { analyzeSegment, type SegmentHit } from '../src/scan/analyze-segment.js';
import { extractText } from '../src/extract/text.js';
import type { Segment } from '../src/model.js';

export const RULES: readonly CompiledRule[] = loadBuiltinRules();
export const RULE_MAP: ReadonlyMap<string, CompiledRule> = new Map(RULES.map((r) => [r.id, r]));

/**
 * Findings at or above `min` (default medium, the CLI default) in a text file named `name` — read through the
 * real text extractor, so delimited text gets its column headers as in a scan — or, with `header`, in a
 * spreadsheet cell of that column.
 */
export function findIn(text: string, opts: { header?: string; min?: number; name?: string } = {}): SegmentHit[] {
  const min = opts.min ?? 0.5;
  if (opts.header !== undefined) {
    const cell: Segment = { text, origin: { sheet: 'S', cell: 'A2' }, header: opts.header };
    return analyzeSegment(cell, RULES, RULE_MAP, min);
  }
  const extracted = extractText(Buffer.from(text, 'utf8'), opts.name ?? 'input.txt');
  if (!extracted.ok) throw new Error(extracted.reason);
  return extracted.segments.flatMap((seg) => analyzeSegment(seg, RULES, RULE_MAP, min));
}
