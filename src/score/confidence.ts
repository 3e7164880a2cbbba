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
}

export interface Scored extends Candidate {
  confidence: number;
}

/**
 * The text around a candidate. Positive words may sit on the line before (a label above its value);
 * negative words count only on the candidate's own line, so 注文番号 on the next line of a form does not
 * lower the My Number above it. Text after the candidate never crosses a line end.
 */
function windowOf(c: Candidate, rule: CompiledRule, ctx: ScoreContext): { positive: string; negative: string } {
  const { text } = ctx;
  const lineStart = text.lastIndexOf('\n', c.start - 1) + 1;
  const from = Math.max(ctx.lineBounded ? lineStart : 0, c.start - rule.before);
  let to = Math.min(text.length, c.end + rule.after);
  const nl = text.indexOf('\n', c.end);
  if (nl >= 0) to = Math.min(to, nl);
  const before = text.slice(from, c.start).toLowerCase();
  const after = text.slice(c.end, to).toLowerCase();
  const sameLine = before.slice(before.lastIndexOf('\n') + 1);
  return { positive: `${before}\u0000${after}`, negative: `${sameLine}\u0000${after}` };
}

function mentions(haystack: string, words: readonly string[]): boolean {
  for (const w of words) if (haystack.includes(w)) return true;
  return false;
}

/** Confidence of one candidate, or undefined when its rule requires context and there is none. */
export function confidenceOf(c: Candidate, rule: CompiledRule, ctx: ScoreContext): number | undefined {
  const win = windowOf(c, rule, ctx);
  const header = ctx.headerAt?.(c.start)?.normalize('NFKC').toLowerCase();
  const positive = c.column === true || mentions(win.positive, rule.positive) || (header !== undefined && mentions(header, rule.headers));
  const negative = mentions(win.negative, rule.negative) || (header !== undefined && mentions(header, rule.negative));
  if (rule.requireContext && !positive) return undefined;
  const raw = rule.base + c.bonus + (positive ? rule.contextWeight : 0) + (negative ? rule.negativeWeight : 0);
  return Math.round(Math.min(0.99, Math.max(0.01, raw)) * 100) / 100;
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
 */
export function resolveOverlaps(scored: readonly Scored[]): Scored[] {
  const ranked = [...scored].sort((a, b) => b.confidence - a.confidence || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Scored[] = [];
  for (const s of ranked) {
    if (!kept.some((k) => s.start < k.end && k.start < s.end)) kept.push(s);
  }
  return kept.sort((a, b) => a.start - b.start || a.type.localeCompare(b.type));
}
