/**
 * detect: normalized text × compiled rules → validated candidates (type, span, canonical value).
 * Pure: no I/O, no scoring by context (score/ does that), no knowledge of file formats.
 * The detection loop is written once; PII types differ only in their pattern data.
 */
import type { Candidate } from '../model.js';
import { keyNames, keyTokens } from '../patterns/field-names.js';
import type { LiteralAnchor } from '../patterns/first-char.js';
import type { CompiledRule } from '../patterns/types.js';
import type { DigitShape, StartShape } from '../patterns/digit-shape.js';
import { DigitRuns, firstFrom, mayMatchShort, scanShape } from './digit-shapes.js';
import { keyPlaces } from './key-places.js';
import { cellValueSpan, tailSpan } from './value-span.js';

const HYPHEN = 0x2d;
const SPACE = 0x20;
const DOT = 0x2e;

function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i); // NaN outside the text
  return c >= 0x30 && c <= 0x39;
}

function isSeparatorAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === HYPHEN || c === SPACE || c === DOT;
}

/**
 * A grouped number that continues with the same separator and more digits (`1234 5678 9012 3456`
 * matched as its first 12 digits) is part of a longer number, not a match of its own.
 * Runs for every match of every regex: char codes, no strings.
 */
export function continuesGroup(text: string, start: number, end: number): boolean {
  const endsInDigit = isDigitAt(text, end - 1);
  const startsWithDigit = isDigitAt(text, start);
  if (!endsInDigit && !startsWithDigit) return false;
  if (endsInDigit && isSeparatorAt(text, end) && isDigitAt(text, end + 1)) {
    const at = text.indexOf(text.charAt(end), start);
    if (at >= 0 && at < end) return true;
  }
  if (!startsWithDigit || !isSeparatorAt(text, start - 1) || !isDigitAt(text, start - 2)) return false;
  const at = text.indexOf(text.charAt(start - 1), start);
  return at >= 0 && at < end;
}

/**
 * Decides before validation whether a match is worth validating (see score/confidence.ts canReach): the
 * match's context when it is, which the candidate keeps for scoring; undefined when it is not.
 */
export type Gate = (rule: CompiledRule, start: number, end: number, bonus: number) => Candidate['context'];

interface SharedRegex {
  re: RegExp;
  /** Set when the value is the whole match: run instead of `re`, the match is the value's span. */
  whole: RegExp | undefined;
  /** Set when the value ends the match: run instead of `re`, the value's text gives its span (value-span.ts). */
  tail: RegExp | undefined;
  /** Every match holds this character near its start: the scan skips to it (first-char.ts literalAnchor). */
  anchor: LiteralAnchor | undefined;
  /** Set when the regex is a digit shape: its matches are read from the text's digit runs (digit-shapes.ts). */
  shape: DigitShape | undefined;
  /**
   * Set when the regex's matches start only at places found without it (a phone number's, from the digit runs:
   * digit-shapes.ts; a keyed value's: key-places.ts): it runs sticky there.
   */
  starts: StartShape | undefined;
  /** The regex run sticky at those places, made on first use. */
  sticky?: RegExp;
  /** Every match holds an ASCII digit (CompiledRule `digits`): a short text without one is not scanned. */
  digits: boolean;
  uses: { rule: CompiledRule; bonus: number }[];
}

/**
 * scan.exec(text) from scan.lastIndex; with an anchor, first skips the stretch before the next anchor
 * character's reach, where no match can start (only where that is further than lastIndex): `within` back
 * from it, or to the start of the run of the class before it (first-char.ts LiteralAnchor `before`).
 */
function nextMatch(scan: RegExp, text: string, anchor: LiteralAnchor | undefined): RegExpExecArray | null {
  if (anchor) {
    const at = text.indexOf(anchor.char, scan.lastIndex);
    if (at < 0) return null;
    let from = at - anchor.within;
    const before = anchor.before;
    if (before !== undefined) {
      from = Math.max(from, scan.lastIndex);
      let run = at;
      while (run > from && before[text.charCodeAt(run - 1)] === 1) run--;
      from = run;
    }
    if (from > scan.lastIndex) scan.lastIndex = from;
  }
  return scan.exec(text);
}

const plans = new WeakMap<readonly CompiledRule[], SharedRegex[]>();

/** Rules that use the same regex (postal code and bank account both take 7 digits) share one pass. */
function planOf(rules: readonly CompiledRule[]): SharedRegex[] {
  let plan = plans.get(rules);
  if (!plan) {
    const bySource = new Map<string, SharedRegex>();
    for (const rule of rules) {
      for (const { re, bonus, whole, tail, anchor, shape, starts, digits } of rule.regexes) {
        const key = `${re.flags}/${re.source}`;
        const shared = bySource.get(key) ?? { re, whole, tail, anchor, shape, starts, digits: digits === true, uses: [] };
        shared.uses.push({ rule, bonus });
        bySource.set(key, shared);
      }
    }
    plan = [...bySource.values()];
    plans.set(rules, plan);
  }
  return plan;
}

/**
 * Texts from this length on use the digit and start shapes (digit-shapes.ts, key-places.ts); shorter ones,
 * such as spreadsheet cells, run the same regexes plainly, which find the same matches.
 */
export const SHAPES_FROM = 256;

/** Runs every rule's regexes over the text; keeps the candidates its validator accepts. */
export function detectText(text: string, rules: readonly CompiledRule[], gate?: Gate): Candidate[] {
  const out: Candidate[] = [];
  new TextDetector(text, rules, gate).until(Infinity, out);
  return out;
}

/**
 * detectText one stretch of the text at a time: `until(to)` takes the matches that start before `to` and
 * after the previous stretch, so a roster's candidates are scored and dropped block by block instead of all
 * living until the end of the text. Each regex resumes exactly where its own scan stopped (at the first match
 * it did not take), so the matches are those of one scan over the whole text.
 */
export class TextDetector {
  private readonly plan: SharedRegex[];
  /** Per regex of the plan: where its scan resumes; -1 once it has no more matches. */
  private readonly resume: number[];
  /** Where the text's digit runs start: found when a digit shape of the plan first scans. */
  private runs: DigitRuns | undefined;
  /** Where a keyed value's match can start (key-places.ts): found when such a regex of the plan first scans. */
  private keyed: number[] | undefined;

  constructor(
    private readonly text: string,
    rules: readonly CompiledRule[],
    private readonly gate?: Gate,
  ) {
    this.plan = planOf(rules);
    this.resume = this.plan.map(() => 0);
  }

  until(to: number, out: Candidate[]): void {
    for (let i = 0; i < this.plan.length; i++) {
      const from = this.resume[i] as number;
      if (from >= 0) this.resume[i] = this.scan(this.plan[i] as SharedRegex, from, to, out);
    }
  }

  /** Matches of one shared regex from `from`; returns where the next stretch resumes (-1: none left). */
  private scan(shared: SharedRegex, from: number, to: number, out: Candidate[]): number {
    const { re, whole, tail, anchor, shape, starts } = shared;
    // A short text (a cell) is scanned by the regexes themselves: finding its runs and places as objects costs
    // more. But a regex whose every match holds a digit is not run where the cell's runs rule it out (no digit,
    // no run of its shape, no place for its phone start): a name, a date or an amount skips most of them.
    if (this.text.length >= SHAPES_FROM) {
      if (shape) return this.scanDigits(shared, shape, from, to, out);
      if (starts) return this.scanStarts(shared, starts, from, to, out);
    } else if (shared.digits && !mayMatchShort(this.text, shape, starts)) return -1;
    const { text } = this;
    const scan = whole ?? tail ?? re;
    scan.lastIndex = from;
    for (let m = nextMatch(scan, text, anchor); m; m = nextMatch(scan, text, anchor)) {
      if (m.index >= to) return m.index;
      this.match(shared, m, out);
    }
    return -1;
  }

  /** The candidates of one match of a shared regex. */
  private match(shared: SharedRegex, m: RegExpExecArray, out: Candidate[]): void {
    const { whole, tail } = shared;
    const matchEnd = m.index + m[0].length;
    const span = whole ? undefined : tail ? tailSpan(m) : m.indices?.groups?.value;
    const start = whole ? m.index : span?.[0];
    const end = whole ? matchEnd : span?.[1];
    if (start === undefined || end === undefined) return;
    this.take(shared, m.index, matchEnd, start, end, out);
  }

  /**
   * scan() for a start shape: the regex run sticky at each place a match can start, in order, each search
   * from where the last match ended — the attempts of the global scan that can succeed, and no others.
   */
  private scanStarts(shared: SharedRegex, kind: StartShape, from: number, to: number, out: Candidate[]): number {
    const { text } = this;
    const places = kind === 'keyed' ? (this.keyed ??= keyPlaces(text)) : (this.runs ??= new DigitRuns(text)).startsOf(kind);
    const scan = shared.whole ?? shared.tail ?? shared.re;
    const sticky = (shared.sticky ??= new RegExp(scan.source, `${scan.flags}y`));
    let after = from;
    for (let j = firstFrom(places.length, from, (k) => places[k] as number); j < places.length; j++) {
      const at = places[j] as number;
      if (at < after) continue;
      sticky.lastIndex = at;
      const m = sticky.exec(text);
      if (!m) continue;
      if (at >= to) return at;
      this.match(shared, m, out);
      after = m.index + m[0].length;
    }
    return -1;
  }

  /** scan() for a digit shape: the same matches, read from the text's digit runs (found once per text). */
  private scanDigits(shared: SharedRegex, shape: DigitShape, from: number, to: number, out: Candidate[]): number {
    const runs = (this.runs ??= new DigitRuns(this.text));
    return scanShape(this.text, runs, shape, from, (start, end) => {
      if (start >= to) return false;
      this.take(shared, start, end, start, end, out);
      return true;
    });
  }

  /** The candidates of one match (its value at [start, end)) for the rules that use its regex. */
  private take({ uses }: SharedRegex, matchStart: number, matchEnd: number, start: number, end: number, out: Candidate[]): void {
    const { text, gate } = this;
    if (continuesGroup(text, matchStart, matchEnd)) return;
    for (const { rule, bonus } of uses) {
      // Both must pass and both are pure, so their order changes only the cost.
      let context: Candidate['context'];
      if (gate && !rule.validateFirst && !(context = gate(rule, start, end, bonus))) continue;
      const result = rule.validate(text.slice(start, end), rule.validatorOptions);
      if (!result.ok) continue;
      if (gate && rule.validateFirst && !(context = gate(rule, start, end, bonus))) continue;
      const candidate: Candidate = { type: rule.id, start, end, value: result.value, bonus: bonus + (result.bonus ?? 0) };
      if (context) candidate.context = context;
      out.push(candidate);
    }
  }
}

const headerMemo = new WeakMap<readonly CompiledRule[], Map<string, CompiledRule[]>>();

/**
 * Rules whose column headers name this header (e.g. 電話番号（自宅） names `phone`). Remembered per header:
 * a sheet asks for the same few headers once per cell.
 */
export function rulesForHeader(header: string, rules: readonly CompiledRule[]): CompiledRule[] {
  let memo = headerMemo.get(rules);
  if (!memo) headerMemo.set(rules, (memo = new Map()));
  let named = memo.get(header);
  if (!named) memo.set(header, (named = matchHeader(header, rules)));
  return named;
}

function matchHeader(header: string, rules: readonly CompiledRule[]): CompiledRule[] {
  const h = header.normalize('NFKC').trim();
  if (!h) return [];
  const tokens = keyTokens(h);
  return rules.filter((r) => namesRule(r, h, tokens));
}

/** A header or key names a rule by its header words (not negated) or by its Latin key names (field-names.yaml). */
export function namesRule(rule: CompiledRule, header: string, tokens: readonly string[]): boolean {
  if (rule.headers.test(header) && !rule.negative.test(header)) return !(rule.notKeys && rule.notKeys.longest(tokens) > 0);
  return keyNames(rule, tokens);
}

/**
 * Whole-cell match for a cell in a column whose header names the rule: the header is the evidence.
 * `offset`: where the cell starts in the segment's text (spans are given there); `out`: where they go.
 */
export function detectCell(text: string, rules: readonly CompiledRule[], offset = 0, out: Candidate[] = []): Candidate[] {
  for (const rule of rules) {
    if (!rule.column) continue;
    const span = cellValueSpan(rule.column, text);
    if (!span) continue;
    const result = rule.validate(text.slice(span[0], span[1]), rule.column.validatorOptions);
    if (!result.ok) continue;
    out.push({ type: rule.id, start: span[0] + offset, end: span[1] + offset, value: result.value, bonus: result.bonus ?? 0, column: true });
  }
  return out;
}
