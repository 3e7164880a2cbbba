/**
 * score: validated candidates + their surroundings → confidence 0–1, then one finding per span.
 * Pure: no I/O. Context words are looked for in a window around the match (and in the column header);
 * positive words raise the score, negative words (注文番号, JAN, 伝票…) lower it.
 */
import type { Candidate } from '../model.js';
import { keyNames, keyTokens } from '../patterns/field-names.js';
import { keyBefore } from './key-context.js';
import type { CompiledRule } from '../patterns/types.js';

export interface ScoreContext {
  /** The normalized text the candidates were found in. */
  text: string;
  /** Header of the column at a normalized offset (delimited text, spreadsheet cell). */
  headerAt?: (offset: number) => string | undefined;
  /** Keep windows within the candidate's line (rows of a table are separate records). */
  lineBounded?: boolean;
  /** Delimited text: the window is the candidate's cell and the cell before it (a key,value row), not
   * the other columns of the record (a book title holding インボイス is no context for a number). */
  delimiter?: string;
  /** The text's lines, found once (a table's column index): where a line starts and the next line feed. */
  lines?: { lineStartOf(offset: number): number; lineBreakFrom(offset: number): number };
}

interface HeaderWords {
  positive: boolean;
  negative: boolean;
}

export interface Near {
  positive: boolean;
  negative: boolean;
  veto: boolean;
}

export interface Scored extends Candidate {
  confidence: number;
}

/** Upper bound of a validator's bonus (src/validators/types.ts): a candidate that cannot reach the
 * reporting threshold even with it is never validated. */
export const MAX_VALIDATOR_BONUS = 0.3;

/**
 * A label on the line above counts for a value that starts its line, or follows only a short generic
 * label (番号：), and only when the label ends that line (本人確認書類：運転免許証⏎番号：5320…), not when
 * that line already holds its own value (生年月日=平成元年4月6日⏎[2024-03-15 …).
 */
function labelAbove(before: string, sameLine: string): boolean {
  if (before.length === sameLine.length) return false;
  if (!/^[\s\p{P}]*$/u.test(sameLine) && !(sameLine.trim().length <= 8 && !/[0-9]/.test(sameLine))) return false;
  const aboveLine = before.slice(0, before.length - sameLine.length - 1);
  return !/[0-9]/.test(aboveLine.slice(-6));
}

function nearest(a: number, b: number): number {
  return a < 0 ? b : b < 0 ? a : Math.min(a, b);
}

/**
 * Context around a span. The nearest label describes the value: when both positive and negative words are
 * near (マイナンバー: 1234… / 注文番号: 2026…), only the nearer one counts. Positive words may sit on the
 * line before (a label above its value); negative words count only on the span's own line. Text after the
 * span never crosses a line end. A column header counts in addition.
 * Not remembered per span: the gate asks about every match and the score again about the few that pass
 * validation, and a memo of every span the gate saw cost more than those second look-ups (its entries live
 * until the segment ends: 2.2 M of them for 16 CSV files of 4 MB).
 */
export function contextOf(start: number, end: number, rule: CompiledRule, ctx: ScoreContext): Near {
  const { text } = ctx;
  const lineStart = ctx.lines ? ctx.lines.lineStartOf(start) : text.lastIndexOf('\n', start - 1) + 1;
  // A window edge never cuts a Latin word: `zip` is no context word when the window ends inside `zipinfo`.
  let from = wordStart(text, Math.max(ctx.lineBounded ? lineStart : 0, start - rule.before), start);
  let to = wordEnd(text, Math.min(text.length, end + rule.after), end);
  const nl = ctx.lines ? ctx.lines.lineBreakFrom(end) : text.indexOf('\n', end);
  if (nl >= 0 && nl < to) to = nl;
  if (ctx.delimiter) {
    const cellStart = lastIndexWithin(text, ctx.delimiter, start - 1, lineStart);
    if (cellStart >= 0) from = Math.max(from, lastIndexWithin(text, ctx.delimiter, cellStart - 1, lineStart) + 1, lineStart);
    const cellEnd = indexWithin(text, ctx.delimiter, end, to);
    if (cellEnd >= 0) to = cellEnd;
  }
  const before = text.slice(from, start);
  const after = text.slice(end, to);
  const sameLine = from >= lineStart ? before : text.slice(lineStart, start);
  const above = labelAbove(before, sameLine) ? before : sameLine;
  const { positive: pos, negative: neg } = rule;
  const nb = neg.nearestBefore(sameLine);
  const dn = nearest(nb, neg.nearestAfter(after));
  let pb = pos.nearestBefore(above);
  let dp = nearest(pb, pos.nearestAfter(after));
  // A positive word inside a negative one (保険者番号 in 被保険者番号) does not count.
  if (dp >= 0 && dn >= 0) {
    pb = pos.nearestBefore(neg.blank(above));
    dp = nearest(pb, pos.nearestAfter(neg.blank(after)));
  }
  // Equally near: in label–value prose the label before describes the value (電話番号 03-…、郵便番号 …).
  const tieBefore = dp >= 0 && dp === dn && pb === dp && nb !== dn;
  const veto = !rule.veto.empty && (rule.veto.test(sameLine) || rule.veto.test(after));
  // The key a value is stored under (`郵便番号=…&電話番号=…`) names it, whatever words of other fields are near.
  const keyed = keyNamesRule(rule, text, lineStart, start, ctx);
  let positive = keyed || (dp >= 0 && (dn < 0 || dp < dn || tieBefore));
  let negative = !keyed && dn >= 0 && (dp < 0 || dn < dp || (dn === dp && !tieBefore));
  const header = ctx.headerAt?.(start);
  if (header !== undefined) {
    const words = headerWordsOf(header, rule);
    positive ||= words.positive;
    negative ||= words.negative;
  }
  return { positive, negative, veto };
}

function isLatinWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

/** How far a window edge moves to take in the rest of a cut Latin word (longer runs are ids, not words). */
const WORD_REACH = 24;

/** `from`, moved back to the start of the Latin word it cuts (never past `limit`, the span's start). */
function wordStart(text: string, from: number, limit: number): number {
  if (from <= 0 || from >= limit || !isLatinWordChar(text.charCodeAt(from)) || !isLatinWordChar(text.charCodeAt(from - 1))) return from;
  let i = from;
  while (i > 0 && from - i < WORD_REACH && isLatinWordChar(text.charCodeAt(i - 1))) i--;
  return i;
}

/** `to`, moved on to the end of the Latin word it cuts (`floor`: the span's end). */
function wordEnd(text: string, to: number, floor: number): number {
  if (to <= floor || to >= text.length || !isLatinWordChar(text.charCodeAt(to)) || !isLatinWordChar(text.charCodeAt(to - 1))) return to;
  let i = to;
  while (i < text.length && i - to < WORD_REACH && isLatinWordChar(text.charCodeAt(i))) i++;
  return i;
}

/**
 * Where `needle` starts in [floor, from], searching back, or -1. Unlike lastIndexOf it stops at `floor`
 * (the line start): in a one-column CSV there is no delimiter to stop it, and a search back to the start of
 * the text for every candidate made such files quadratic (40,000 rows: 7 s).
 */
function lastIndexWithin(text: string, needle: string, from: number, floor: number): number {
  if (needle.length === 1) {
    const c = needle.charCodeAt(0);
    for (let i = from; i >= floor; i--) if (text.charCodeAt(i) === c) return i;
    return -1;
  }
  for (let i = from; i >= floor; i--) if (text.startsWith(needle, i)) return i;
  return -1;
}

/** Where `needle` starts in [from, limit), or -1: indexOf bounded by the window's end. */
function indexWithin(text: string, needle: string, from: number, limit: number): number {
  if (needle.length === 1) {
    const c = needle.charCodeAt(0);
    for (let i = from; i < limit; i++) if (text.charCodeAt(i) === c) return i;
    return -1;
  }
  for (let i = from; i < limit; i++) if (text.startsWith(needle, i)) return i;
  return -1;
}

/** The key the value is stored under (structured text) names the rule: `tel=…`, `"kojin_bango": "…"`. */
function keyNamesRule(rule: CompiledRule, text: string, lineStart: number, start: number, ctx: ScoreContext): boolean {
  if (start === lineStart) return false;
  const mark = keyMarkBefore(text, lineStart, start);
  // Every key form ends in one of these marks (key-context.ts): most values (a CSV cell after `,` in a text
  // without a SQL INSERT, a word in prose) are settled here without the key regexes — same answer, no slice.
  if (mark !== COLON && mark !== EQUALS && mark !== GT && !((mark === COMMA || mark === PAREN) && hasInsert(ctx))) return false;
  const key = keyBefore(text.slice(Math.max(lineStart, start - KEY_LOOK_BACK), start), () => text.slice(lineStart, start));
  return key !== undefined && headerWordsOf(key, rule).positive;
}

const COLON = 0x3a;
const EQUALS = 0x3d;
const GT = 0x3e;
const COMMA = 0x2c;
const PAREN = 0x28;

/** The character a key form would end in: before the value, past one quote and any white space. */
function keyMarkBefore(text: string, lineStart: number, start: number): number {
  let i = start - 1;
  const q = text.charCodeAt(i);
  if (q === 0x22 || q === 0x27) i--;
  while (i >= lineStart && isSpace(text.charCodeAt(i))) i--;
  return i >= lineStart ? text.charCodeAt(i) : -1;
}

/** RegExp `\s`, by code unit. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whether the text holds a SQL INSERT at all (a value after `,` or `(` is keyed only by its column list). */
const insertMemo = new WeakMap<ScoreContext, boolean>();
function hasInsert(ctx: ScoreContext): boolean {
  let has = insertMemo.get(ctx);
  if (has === undefined) insertMemo.set(ctx, (has = /insert\s+into/i.test(ctx.text)));
  return has;
}

/** How far back a `key=` / `"key":` is looked for (a SQL VALUES list is followed to its line start). */
const KEY_LOOK_BACK = 64;

/** Whether a header names each rule (positive) or holds its negative words, by raw header text. */
const headerMemo = new WeakMap<CompiledRule, Map<string, HeaderWords>>();
const HEADER_MEMO_ENTRIES = 10_000;

/** A table has a few headers and many cells: each header is normalized and searched once per rule. */
function headerWordsOf(header: string, rule: CompiledRule): HeaderWords {
  let byHeader = headerMemo.get(rule);
  if (!byHeader || byHeader.size >= HEADER_MEMO_ENTRIES) headerMemo.set(rule, (byHeader = new Map()));
  let words = byHeader.get(header);
  if (!words) {
    const h = header.normalize('NFKC');
    const tokens = keyTokens(h);
    const notKey = rule.notKeys !== undefined && rule.notKeys.longest(tokens) > 0;
    const positive = (rule.headers.test(h) && !notKey) || keyNames(rule, tokens);
    byHeader.set(header, (words = { positive, negative: rule.negative.test(h) || (notKey && !positive) }));
  }
  return words;
}

function combine(rule: CompiledRule, bonus: number, positive: boolean, negative: boolean): number {
  return rule.base + bonus + (positive ? rule.contextWeight : 0) + (negative ? rule.negativeWeight : 0);
}

/** Confidence of one candidate, or undefined when its rule requires context and there is none. */
export function confidenceOf(c: Candidate, rule: CompiledRule, ctx: ScoreContext, read: Near | undefined = c.context): number | undefined {
  // The gate read the same span for the same rule in the same text: its answer is this one.
  const near = read ?? contextOf(c.start, c.end, rule, ctx);
  const positive = c.column === true || near.positive;
  if (near.veto || (rule.requireContext && !positive)) return undefined;
  const raw = combine(rule, c.bonus, positive, near.negative);
  return Math.round(Math.min(0.99, Math.max(0.01, raw)) * 100) / 100;
}

/**
 * Before validation: can a match at this span still reach `min`? Validation (libphonenumber, dictionaries)
 * costs far more than a context look-up, and most look-alikes are settled by context alone.
 */
export function canReach(min: number, ctx: ScoreContext): (rule: CompiledRule, start: number, end: number, bonus: number) => Near | undefined {
  return (rule, start, end, bonus) => {
    const near = contextOf(start, end, rule, ctx);
    if (near.veto || (rule.requireContext && !near.positive)) return undefined;
    return combine(rule, bonus + MAX_VALIDATOR_BONUS, near.positive, near.negative) >= min ? near : undefined;
  };
}

/**
 * The candidates that have a confidence (at least `min`), scored in place: each gets its `confidence` and is
 * returned itself, not copied. A block's candidates are its own (made by its detector, read by nothing else
 * once scored), and a scored copy per candidate was a tenth of a roster worker's garbage.
 */
export function scoreCandidates(cands: readonly Candidate[], rules: ReadonlyMap<string, CompiledRule>, ctx: ScoreContext, min = -Infinity): Scored[] {
  const out: Scored[] = [];
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i] as Candidate;
    const rule = rules.get(c.type);
    if (!rule) continue;
    const confidence = confidenceOf(c, rule, ctx, c.context ?? (c.column === true ? readBefore(cands, i) : undefined));
    if (confidence === undefined || confidence < min) continue;
    const scored = c as Scored;
    scored.confidence = confidence;
    out.push(scored);
  }
  return out;
}

/**
 * The context the gate read for the first text match before `i` of the same type and start, when it also has
 * the same end: a cell matched by its column's regex at the same span as by a text regex (a roster's phone
 * cell is found both ways) is not read again — contextOf is a pure function of the rule, the span and the
 * text. Column candidates come only from a cell's (or labelled field's) whole value, after its few text
 * matches, so a look along the list costs less than the two maps it replaced (made for every such cell).
 */
function readBefore(cands: readonly Candidate[], i: number): Candidate['context'] {
  const c = cands[i] as Candidate;
  for (let j = 0; j < i; j++) {
    const k = cands[j] as Candidate;
    if (k.context !== undefined && k.start === c.start && k.type === c.type) return k.end === c.end ? k.context : undefined;
  }
  return undefined;
}

/**
 * Overlapping candidates describe the same characters: keep the most confident (then the longest),
 * so a 12-digit number next to 運転免許証 is a licence, not also a low-confidence My Number.
 * Candidates are swept in order of start; only candidates of one overlapping cluster are compared.
 */
export function resolveOverlaps(scored: readonly Scored[]): Scored[] {
  return settleOverlaps(scored, Infinity, []);
}

/**
 * resolveOverlaps for the clusters that end at or before `limit`, when every candidate still to come starts
 * at or after it (a text analyzed block by block): those clusters are final. Candidates of a cluster that
 * reaches past `limit` go to `pending`, to be settled with the next block's. Kept candidates come out in
 * order of start (then type): clusters are disjoint and swept in order, so each cluster is sorted alone.
 */
export function settleOverlaps(scored: readonly Scored[], limit: number, pending: Scored[]): Scored[] {
  // A cell has none or one (what the sweep below gives them, without its arrays and closure).
  if (scored.length <= 1) {
    const only = scored[0];
    if (only === undefined) return [];
    if (only.end <= limit) return [only];
    pending.push(only);
    return [];
  }
  const sorted = byStartLongestFirst(scored);
  const kept: Scored[] = [];
  // The cluster's members are the first `size` of this array: emptying it with `length = 0` gave its storage
  // back, and the next cluster's first push made a new one (a roster block has a cluster per cell).
  const cluster: Scored[] = [];
  let size = 0;
  let clusterEnd = -1;
  for (const s of sorted) {
    if (s.start >= clusterEnd && size > 0) {
      settleCluster(cluster, size, kept);
      size = 0;
    }
    cluster[size++] = s;
    clusterEnd = Math.max(clusterEnd, s.end);
  }
  if (size > 0 && clusterEnd <= limit) settleCluster(cluster, size, kept);
  else for (let i = 0; i < size; i++) pending.push(cluster[i] as Scored);
  return kept;
}

/** The candidates kept of one cluster (the first `size` of `cluster`), pushed to `kept` in order of start, then type. */
function settleCluster(cluster: Scored[], size: number, kept: Scored[]): void {
  if (size === 1) {
    kept.push(cluster[0] as Scored);
    return;
  }
  // Two in a cluster overlap: the better ranked is kept (the first on a tie, as the stable sort would).
  if (size === 2) {
    const a = cluster[0] as Scored;
    const b = cluster[1] as Scored;
    kept.push(byRank(a, b) > 0 ? b : a);
    return;
  }
  const ranked = smallSort(cluster.slice(0, size), byRank);
  const chosen: Scored[] = [];
  for (const s of ranked) if (!overlapsAny(chosen, s)) chosen.push(s);
  if (chosen.length > 1) smallSort(chosen, byStartThenType);
  for (const s of chosen) kept.push(s);
}

/** Bits of the sort key (53 in all, a double's exact integers): start, inverted length, original position. */
const START_LIMIT = 2 ** 24;
const LENGTH_LIMIT = 2 ** 12;
const POSITION_LIMIT = 2 ** 17;

/**
 * The candidates in order of start, the longest first, equal ones in their order (a stable sort). Sorted as
 * numbers in a Float64Array: Array.prototype.sort with a comparator allocated ~290 bytes per candidate of a
 * roster block (15 % of a worker's garbage). Spans or blocks beyond the key's bits take the comparator.
 */
function byStartLongestFirst(scored: readonly Scored[]): Scored[] {
  const n = scored.length;
  // A cell's few candidates: a typed array per call was 7 % of analyzing a workbook's cells.
  if (n <= 2) {
    const [a, b] = scored as [Scored, Scored];
    return n === 0 ? [] : n === 1 ? [a] : startThenLongest(a, b) > 0 ? [b, a] : [a, b];
  }
  if (n >= POSITION_LIMIT) return [...scored].sort(startThenLongest);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const { start, end } = scored[i] as Scored;
    const length = end - start;
    if (start < 0 || start >= START_LIMIT || length < 0 || length >= LENGTH_LIMIT) return [...scored].sort(startThenLongest);
    keys[i] = (start * LENGTH_LIMIT + (LENGTH_LIMIT - 1 - length)) * POSITION_LIMIT + i;
  }
  keys.sort();
  const out: Scored[] = [];
  for (let i = 0; i < n; i++) out.push(scored[(keys[i] as number) % POSITION_LIMIT] as Scored);
  return out;
}

function startThenLongest(a: Scored, b: Scored): number {
  return a.start - b.start || b.end - a.end;
}

function overlapsAny(chosen: readonly Scored[], s: Scored): boolean {
  for (const k of chosen) if (s.start < k.end && k.start < s.end) return true;
  return false;
}

function byRank(a: Scored, b: Scored): number {
  return b.confidence - a.confidence || b.end - b.start - (a.end - a.start) || a.start - b.start;
}

/**
 * Sorts in place, stably, like Array.prototype.sort: by insertion when short. A roster block has thousands of
 * clusters of two or three (a cell found as text and as its column's value), and each Array.prototype.sort call
 * set up a merge workspace: ~50 MB of garbage per 2 MB chunk for arrays of two.
 */
function smallSort<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  if (items.length > 16) return items.sort(compare);
  for (let i = 1; i < items.length; i++) {
    const item = items[i] as T;
    let j = i - 1;
    while (j >= 0 && compare(items[j] as T, item) > 0) {
      items[j + 1] = items[j] as T;
      j--;
    }
    items[j + 1] = item;
  }
  return items;
}

function byStartThenType(a: Scored, b: Scored): number {
  return a.start - b.start || a.type.localeCompare(b.type);
}
