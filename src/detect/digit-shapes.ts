/**
 * Digit shapes: the numbers the engine finds without context (postal codes, bank accounts, My Number, corporate
 * and card numbers) read from one list of the text's digit runs instead of one regex pass each (issue 13's
 * one-pass engine, first families). A shape stands for one regex of patterns/ with the digit-first boundaries
 * of compile.ts; compile.ts gives a rule's regex its shape only when the regex is exactly that shape's body.
 *
 * Why it is the same: every such regex starts with a digit not preceded by a letter or digit, so its matches
 * start only where a digit run starts; at such a place its separators are optional only before a digit, so
 * there is one way to read N digits there, and its greedy repeat tries the longest first. Each matcher below
 * follows those paths on the text's characters, in the regex's order, and ends a match where the regex's end
 * boundary holds. test/detect/digit-shapes.test.ts compares every shape with its regex on random texts.
 */
import type { DigitShape, StartShape } from '../patterns/digit-shape.js';

const HYPHEN = 0x2d;
const DOT = 0x2e;
const SPACE = 0x20;
const UNDERSCORE = 0x5f;

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** [0-9A-Za-z]; false for NaN (outside the text). */
function isAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** compile.ts's digit-first start boundary (DIGIT_START, DIGIT_TOKEN_START) before the digit at `p`. */
function startOk(text: string, p: number, token: boolean): boolean {
  const before = text.charCodeAt(p - 1);
  if (isAlnum(before) || before === DOT) return false;
  return !token || (before !== UNDERSCORE && !(before === HYPHEN && isAlnum(text.charCodeAt(p - 2))));
}

/** compile.ts's END (and TOKEN_END) after a digit, at `e`. */
function endOk(text: string, e: number, token: boolean): boolean {
  const after = text.charCodeAt(e);
  if (isAlnum(after)) return false;
  if (after === DOT && isAlnum(text.charCodeAt(e + 1))) return false;
  return !token || (after !== UNDERSCORE && !(after === HYPHEN && isAlnum(text.charCodeAt(e + 1))));
}

/** Whether the `n` characters from `p` are digits. */
function digitsAt(text: string, p: number, n: number): boolean {
  for (let i = p; i < p + n; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}

/** `[-. ]?` (or `[- ]?` without the dot) at `q`: the position after it. */
function optionalSeparator(text: string, q: number, dot: boolean): number {
  const c = text.charCodeAt(q);
  return c === HYPHEN || c === SPACE || (dot && c === DOT) ? q + 1 : q;
}

/** The end of the shape's match starting at the digit `p` (a run start whose start boundary holds), or -1. */
function matchAt(text: string, p: number, shape: DigitShape): number {
  const { token } = shape;
  switch (shape.kind) {
    case 'run': {
      const e = p + shape.digits;
      return digitsAt(text, p, shape.digits) && endOk(text, e, token) ? e : -1;
    }
    case 'postal':
      return digitsAt(text, p, 3) && text.charCodeAt(p + 3) === HYPHEN && digitsAt(text, p + 4, 4) && endOk(text, p + 8, token) ? p + 8 : -1;
    case 'bank': {
      // [01]\d{3}0, '-', then \d{1,8}: greedy, and only its last digit can meet the end boundary.
      const first = text.charCodeAt(p);
      if ((first !== 0x30 && first !== 0x31) || !digitsAt(text, p, 5) || text.charCodeAt(p + 4) !== 0x30 || text.charCodeAt(p + 5) !== HYPHEN) return -1;
      let e = p + 6;
      while (e < p + 14 && isDigit(text.charCodeAt(e))) e++;
      return e > p + 6 && endOk(text, e, token) ? e : -1;
    }
    case 'twelve': {
      // \d{4}[-. ]?\d{4}[-. ]?\d{4}: a separator is taken wherever one is written (a digit must follow it).
      if (!digitsAt(text, p, 4)) return -1;
      let q = optionalSeparator(text, p + 4, true);
      if (digitsAt(text, q, 4)) {
        q = optionalSeparator(text, q + 4, true);
        if (digitsAt(text, q, 4) && endOk(text, q + 4, token)) return q + 4;
      }
      // \d{4}\d{2}[- ]\d{2}\d{4}
      const sep = text.charCodeAt(p + 6);
      if (digitsAt(text, p + 4, 2) && (sep === HYPHEN || sep === SPACE) && digitsAt(text, p + 7, 6) && endOk(text, p + 13, token)) return p + 13;
      return -1;
    }
    case 'chain': {
      // The repeat is greedy: the longest reading whose end boundary holds wins.
      let best = -1;
      let q = p + 1;
      for (let n = 1; ; n++) {
        if (n >= shape.min && endOk(text, q, token)) best = q;
        if (n === shape.max) break;
        const c = text.charCodeAt(q);
        if (isDigit(c)) q += 1;
        else if ((c === HYPHEN || c === SPACE) && isDigit(text.charCodeAt(q + 1))) q += 2;
        else break;
      }
      return best;
    }
  }
}

let scratchStarts: Int32Array = new Int32Array(4096);
let scratchEnds: Int32Array = new Int32Array(4096);

/** A text's digit runs as the shapes read them: `count` runs (the arrays may be longer). */
interface Runs {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** Digits from this run's start through the runs joined to it by `-` or space (at most 255). */
  readonly reach: Uint8Array;
  readonly count: number;
}

/**
 * The text's maximal digit runs into the scratch arrays (grown as needed), with -1 after the last start, so
 * that a look at the run after the last finds none; returns their count. Overwrites what shortRuns holds.
 */
function findRuns(text: string): number {
  short.text = undefined;
  let starts = scratchStarts;
  let ends = scratchEnds;
  let n = 0;
  // One char-code loop with the open run's start (-1: none); the regex engine's search per run cost more.
  const length = text.length;
  let start = -1;
  for (let i = 0; i <= length; i++) {
    const c = i < length ? text.charCodeAt(i) : 0;
    if (c >= 0x30 && c <= 0x39) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (n + 1 >= starts.length) {
        scratchStarts = starts = grow(starts);
        scratchEnds = ends = grow(ends);
      }
      starts[n] = start;
      ends[n++] = i;
      start = -1;
    }
  }
  starts[n] = -1;
  return n;
}

/** Each run's reach (Runs `reach`), last run first. */
function fillReach(text: string, starts: Int32Array, ends: Int32Array, n: number, reach: Uint8Array): void {
  for (let i = n - 1; i >= 0; i--) {
    const end = ends[i] as number;
    let digits = end - (starts[i] as number);
    const sep = text.charCodeAt(end);
    if (i + 1 < n && starts[i + 1] === end + 1 && (sep === HYPHEN || sep === SPACE)) digits += reach[i + 1] as number;
    reach[i] = Math.min(digits, 255);
  }
}

/**
 * The text's maximal digit runs, found once per text for every shape: where each starts and ends, and how many
 * digits the run and the runs joined to it by single hyphens or spaces hold (a chain's reach). The shapes
 * look at a run only when these numbers allow a match there, so most runs (years, times, ids) cost a few
 * integer comparisons.
 */
export class DigitRuns implements Runs {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly reach: Uint8Array;
  readonly count: number;

  constructor(private readonly text: string) {
    // The runs are collected in buffers shared by every text and copied out at their count: a 1 MB roster
    // chunk keeps 1 MB of runs, not two arrays sized for the worst case.
    const n = findRuns(text);
    this.starts = scratchStarts.slice(0, n);
    this.ends = scratchEnds.slice(0, n);
    this.reach = new Uint8Array(n);
    fillReach(text, this.starts, this.ends, n, this.reach);
    this.count = n;
  }

  private readonly byShape = new Map<DigitShape, number[]>();
  private readonly byStart = new Map<StartShape, number[]>();

  /** Where a match of the start shape may start, ascending (startsOf): all four kinds found on first use. */
  startsOf(kind: Exclude<StartShape, 'keyed'>): number[] {
    if (this.byStart.size === 0) startsOf(this.text, this, this.byStart);
    return this.byStart.get(kind) as number[];
  }

  /** The runs where the shape may match (candidatesOf), found on first use. */
  candidates(shape: DigitShape): number[] {
    let out = this.byShape.get(shape);
    if (!out) this.byShape.set(shape, (out = candidatesOf(this, shape)));
    return out;
  }
}

/** The first index below `count` whose place (`placeAt`, ascending) is at or after `from`; `count` if none. */
export function firstFrom(count: number, from: number, placeAt: (i: number) => number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (placeAt(mid) < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function grow(a: Int32Array): Int32Array {
  const out = new Int32Array(a.length * 2);
  out.set(a);
  return out;
}

/**
 * The runs where a match of the shape can start, judged from the runs' lengths and reach alone (matchAt
 * decides): one tight loop per shape and text, so the scan looks at a few runs instead of all of them.
 * `limit`: stop after that many (1: is there any).
 */
function candidatesOf(runs: Runs, shape: DigitShape, limit = Infinity): number[] {
  const { starts, ends, reach, count } = runs;
  const out: number[] = [];
  switch (shape.kind) {
    case 'run': {
      const n = shape.digits;
      for (let i = 0; i < count; i++) if ((ends[i] as number) - (starts[i] as number) === n && out.push(i) === limit) return out;
      break;
    }
    case 'postal':
      for (let i = 0; i < count; i++) if ((ends[i] as number) - (starts[i] as number) === 3 && starts[i + 1] === (ends[i] as number) + 1 && out.push(i) === limit) return out;
      break;
    case 'bank':
      for (let i = 0; i < count; i++) if ((ends[i] as number) - (starts[i] as number) === 5 && starts[i + 1] === (ends[i] as number) + 1 && out.push(i) === limit) return out;
      break;
    case 'twelve':
      for (let i = 0; i < count; i++) {
        const length = (ends[i] as number) - (starts[i] as number);
        if ((length === 12 || ((length === 4 || length === 6 || length === 8) && starts[i + 1] === (ends[i] as number) + 1)) && out.push(i) === limit) return out;
      }
      break;
    case 'chain': {
      const min = shape.min;
      for (let i = 0; i < count; i++) if ((reach[i] as number) >= min && out.push(i) === limit) return out;
      break;
    }
  }
  return out;
}

/**
 * The shape's matches from `from`, in order, as the regex's global scan finds them: each search starts where
 * the last match ended. `visit(start, end)` returns false to stop; then the result is that match's start (where
 * a scan resumes), else -1.
 */
export function scanShape(text: string, runs: DigitRuns, shape: DigitShape, from: number, visit: (start: number, end: number) => boolean): number {
  const { starts } = runs;
  const candidates = runs.candidates(shape);
  let after = from;
  // The first candidate at or after `from` (a scan resumes at the start of a match it did not take).
  for (let j = firstFrom(candidates.length, from, (k) => starts[candidates[k] as number] as number); j < candidates.length; j++) {
    const p = starts[candidates[j] as number] as number;
    if (p < after || !startOk(text, p, shape.token)) continue;
    const e = matchAt(text, p, shape);
    if (e < 0) continue;
    if (!visit(p, e)) return p;
    after = e;
  }
  return -1;
}

const PLUS = 0x2b;
const OPEN = 0x28;
const CLOSE = 0x29;
const COLON = 0x3a;
const SLASH = 0x2f;

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/**
 * `at`, and before it where a TEL/FAX (3 letters) or Phone (5) prefix would start, with or without `.`/`:`:
 * every place the prefixed match can start, and some where it cannot (the regex decides).
 */
function withPrefixes(text: string, at: number, out: number[]): void {
  const c = text.charCodeAt(at - 1);
  for (const end of c === DOT || c === COLON ? [at - 1, at] : [at]) {
    if (!isLetter(text.charCodeAt(end - 1))) continue;
    if (isLetter(text.charCodeAt(end - 5))) out.push(end - 5);
    if (isLetter(text.charCodeAt(end - 3))) out.push(end - 3);
  }
  out.push(at);
}

type PhoneStart = Exclude<StartShape, 'keyed'>;

/**
 * Where a phone number's value can start, by kind, in one pass over the runs: `+81` ('+' before a run starting
 * 81), `(0…)` ('(' before a run of 2–5 digits starting with 0, then ')'), `0…` and a separator (such a run
 * followed by - space ( . /), or `0` and 9–10 digits (a run of 10–11 starting with 0).
 */
function eachStart(text: string, runs: Runs, found: (kind: PhoneStart, at: number) => void): void {
  const { starts, ends, count } = runs;
  for (let i = 0; i < count; i++) {
    const s = starts[i] as number;
    const first = text.charCodeAt(s);
    if (first === 0x38) {
      if (text.charCodeAt(s + 1) === 0x31 && text.charCodeAt(s - 1) === PLUS) found('plus81', s - 1);
      continue;
    }
    if (first !== 0x30) continue;
    const e = ends[i] as number;
    const length = e - s;
    if (length === 10 || length === 11) found('plain', s);
    if (length < 2 || length > 5) continue;
    const next = text.charCodeAt(e);
    if (next === CLOSE && text.charCodeAt(s - 1) === OPEN) found('paren', s - 1);
    if (next === HYPHEN || next === SPACE || next === OPEN || next === DOT || next === SLASH) found('grouped', s);
  }
}

/**
 * Every place a match of each start shape can start, ascending (a superset: the regex, run there, decides):
 * each value start of eachStart, and before it where a prefix may stand (withPrefixes).
 */
function startsOf(text: string, runs: Runs, into: Map<StartShape, number[]>): void {
  const places: Record<PhoneStart, number[]> = { plus81: [], paren: [], grouped: [], plain: [] };
  eachStart(text, runs, (kind, at) => withPrefixes(text, at, places[kind]));
  into.set('plus81', ascending(places.plus81)).set('paren', ascending(places.paren)).set('grouped', ascending(places.grouped)).set('plain', ascending(places.plain));
}

/** A prefix place of one number can fall before the place of the number before it: sorted, without repeats. */
function ascending(places: number[]): number[] {
  for (let i = 1; i < places.length; i++) if ((places[i] as number) <= (places[i - 1] as number)) return [...new Set(places)].sort((a, b) => a - b);
  return places;
}

/**
 * A short text's runs (a spreadsheet cell's), read into the scratch arrays without a copy: valid until the next
 * text's runs are found (findRuns forgets them), remembered for the text they were found in.
 */
const short: { text: string | undefined; starts: Int32Array; ends: Int32Array; reach: Uint8Array; count: number; kinds: number } = {
  text: undefined,
  starts: scratchStarts,
  ends: scratchEnds,
  reach: new Uint8Array(256),
  count: 0,
  kinds: -1,
};

const KIND_BIT: Record<PhoneStart, number> = { plus81: 1, paren: 2, grouped: 4, plain: 8 };

function shortRuns(text: string): typeof short {
  if (short.text === text) return short;
  const n = findRuns(text);
  if (short.reach.length < n) short.reach = new Uint8Array(n * 2);
  fillReach(text, scratchStarts, scratchEnds, n, short.reach);
  short.text = text;
  short.starts = scratchStarts;
  short.ends = scratchEnds;
  short.count = n;
  short.kinds = -1;
  return short;
}

/**
 * Whether a regex whose every match holds a digit can match in a short text, judged from its runs: false when
 * the text has no digit, when its shape has no candidate run there, or when its phone start has no place there
 * (each finds every match of its regex: digit-shapes.test.ts). True says only "run the regex".
 */
export function mayMatchShort(text: string, shape: DigitShape | undefined, start: StartShape | undefined): boolean {
  const runs = shortRuns(text);
  if (runs.count === 0) return false;
  if (shape) return candidatesOf(runs, shape, 1).length > 0;
  if (start === undefined || start === 'keyed') return true;
  if (runs.kinds < 0) {
    let kinds = 0;
    eachStart(text, runs, (kind) => (kinds |= KIND_BIT[kind]));
    runs.kinds = kinds;
  }
  return (runs.kinds & KIND_BIT[start]) !== 0;
}
