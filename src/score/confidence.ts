/**
 * score: validated candidates + their surroundings → confidence 0–1, then one finding per span.
 * Pure: no I/O. Context words are looked for in a window around the match (and in the column header);
 * positive words raise the score, negative words (注文番号, JAN, 伝票…) lower it.
 */
import type { Candidate } from '../model.js';
import type { CompiledRule } from '../patterns/types.js';

export interface ScoreContext {
  /** The normalized text the candidates were found in. */
  text: string;
  /** Header of the column at a normalized offset (delimited text, spreadsheet cell). */
  headerAt?: (offset: number) => string | undefined;
  /** Keep windows within the candidate's line (rows of a table are separate records). */
  lineBounded?: boolean;
  /** Lower-cased text, made on first use ('' when lower-casing changes lengths). */
  lower?: string;
}

export interface Scored extends Candidate {
  confidence: number;
}

/** Upper bound of a validator's bonus (src/validators/types.ts): a candidate that cannot reach the
 * reporting threshold even with it is never validated. */
export const MAX_VALIDATOR_BONUS = 0.3;

function lowered(ctx: ScoreContext): string {
  if (ctx.lower === undefined) {
    const lower = ctx.text.toLowerCase();
    // Lower-casing can change the length of a few characters (İ); then windows are lowered one by one.
    ctx.lower = lower.length === ctx.text.length ? lower : '';
  }
  return ctx.lower;
}

function slice(ctx: ScoreContext, from: number, to: number): string {
  const lower = lowered(ctx);
  return lower ? lower.slice(from, to) : ctx.text.slice(from, to).toLowerCase();
}

function includesAny(haystack: string, words: readonly string[]): boolean {
  for (const w of words) if (haystack.includes(w)) return true;
  return false;
}

/**
 * Context around a span. Positive words may sit on the line before (a label above its value); negative
 * words count only on the span's own line, so 注文番号 on the next line of a form does not lower the My
 * Number above it. Text after the span never crosses a line end. A column header counts for both.
 */
export function contextOf(start: number, end: number, rule: CompiledRule, ctx: ScoreContext): { positive: boolean; negative: boolean } {
  const { text } = ctx;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const from = Math.max(ctx.lineBounded ? lineStart : 0, start - rule.before);
  let to = Math.min(text.length, end + rule.after);
  const nl = text.indexOf('\n', end);
  if (nl >= 0 && nl < to) to = nl;
  const before = slice(ctx, from, start);
  const after = slice(ctx, end, to);
  const sameLine = from >= lineStart ? before : slice(ctx, lineStart, start);
  const header = ctx.headerAt?.(start)?.normalize('NFKC').toLowerCase();
  const positive = includesAny(before, rule.positive) || includesAny(after, rule.positive) || (header !== undefined && includesAny(header, rule.headers));
  const negative = includesAny(sameLine, rule.negative) || includesAny(after, rule.negative) || (header !== undefined && includesAny(header, rule.negative));
  return { positive, negative };
}

function combine(rule: CompiledRule, bonus: number, positive: boolean, negative: boolean): number {
  return rule.base + bonus + (positive ? rule.contextWeight : 0) + (negative ? rule.negativeWeight : 0);
}

/** Confidence of one candidate, or undefined when its rule requires context and there is none. */
export function confidenceOf(c: Candidate, rule: CompiledRule, ctx: ScoreContext): number | undefined {
  const near = contextOf(c.start, c.end, rule, ctx);
  const positive = c.column === true || near.positive;
  if (rule.requireContext && !positive) return undefined;
  const raw = combine(rule, c.bonus, positive, near.negative);
  return Math.round(Math.min(0.99, Math.max(0.01, raw)) * 100) / 100;
}

/**
 * Before validation: can a match at this span still reach `min`? Validation (libphonenumber, dictionaries)
 * costs far more than a context look-up, and most look-alikes are settled by context alone.
 */
export function canReach(min: number, ctx: ScoreContext): (rule: CompiledRule, start: number, end: number, bonus: number) => boolean {
  return (rule, start, end, bonus) => {
    const near = contextOf(start, end, rule, ctx);
    if (rule.requireContext && !near.positive) return false;
    return combine(rule, bonus + MAX_VALIDATOR_BONUS, near.positive, near.negative) >= min;
  };
}

export function scoreCandidates(cands: readonly Candidate[], rules: ReadonlyMap<string, CompiledRule>, ctx: ScoreContext): Scored[] {
  const out: Scored[] = [];
  for (const c of cands) {
    const rule = rules.get(c.type);
    if (!rule) continue;
    const confidence = confidenceOf(c, rule, ctx);
    if (confidence !== undefined) out.push({ ...c, confidence });
  }
  return out;
}

/**
 * Overlapping candidates describe the same characters: keep the most confident (then the longest),
 * so a 12-digit number next to 運転免許証 is a licence, not also a low-confidence My Number.
 * Candidates are swept in order of start; only candidates of one overlapping cluster are compared.
 */
export function resolveOverlaps(scored: readonly Scored[]): Scored[] {
  const sorted = [...scored].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Scored[] = [];
  let cluster: Scored[] = [];
  let clusterEnd = -1;
  const flush = (): void => {
    const ranked = cluster.sort((a, b) => b.confidence - a.confidence || b.end - b.start - (a.end - a.start) || a.start - b.start);
    const chosen: Scored[] = [];
    for (const s of ranked) if (!chosen.some((k) => s.start < k.end && k.start < s.end)) chosen.push(s);
    kept.push(...chosen);
  };
  for (const s of sorted) {
    if (s.start >= clusterEnd && cluster.length) {
      flush();
      cluster = [];
    }
    cluster.push(s);
    clusterEnd = Math.max(clusterEnd, s.end);
  }
  if (cluster.length) flush();
  return kept.sort((a, b) => a.start - b.start || a.type.localeCompare(b.type));
}
