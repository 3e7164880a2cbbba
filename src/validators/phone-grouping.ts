/**
 * The official grouping of a Japanese number (`03-1234-5678`), remembered by what decides it. libphonenumber
 * formats a national number with the first of the plan's formats whose last leading-digits pattern matches at
 * its start and whose pattern matches it whole; JP's patterns are fixed-width digit groups (`(\d{2})(\d{4})(\d{4})`),
 * so the format, and the width of every group it writes, depend only on the number's length and its first few
 * digits (as many as the longest leading-digits match). Formatting each number of a roster (a new RegExp per
 * format tried) was 13 % of a worker's time; numbers of the same key now reuse the first one's widths.
 * Any plan this reasoning does not fit (a pattern with another shape) turns the memo off.
 */
import type { MetadataJson, PhoneNumber } from 'libphonenumber-js/core';

export interface Grouping {
  /** Digits the format writes before the national number (the national prefix `0`). */
  prefix: string;
  widths: number[];
}

/** Undefined: the memo is off for this plan. */
let keyDigits: number | undefined | null = null;
/** By length and first digits (keyOf); real numbers lead to a few thousand keys (a 40,000-phone roster: 4,697). */
const memo = new Map<number, Grouping | false>();
const MEMO_ENTRIES = 65_536;

/** Digit groups of libphonenumber's national format of `phone` (`['03', '1234', '5678']`). */
export function officialGroups(phone: PhoneNumber, plan: () => PlanSource): string[] {
  // An extension or carrier code is written too: not the plain shape the memo knows.
  if (phone.ext || phone.carrierCode) return groupsOf(phone.formatNational());
  const national = phone.nationalNumber;
  const grouping = groupingOf(national, plan, () => phone);
  if (!grouping) return groupsOf(phone.formatNational());
  const digits = grouping.prefix + national;
  const out: string[] = [];
  let at = 0;
  for (const w of grouping.widths) out.push(digits.slice(at, (at += w)));
  return out;
}

/**
 * The official grouping of a plain national number (no extension, no carrier code): the format's prefix and
 * group widths, or undefined when the memo cannot say (a plan of another shape, a format that does not end in
 * the national number). `phoneOf` builds the number only when its key is new: most numbers of a roster share
 * a key with an earlier one and are never formatted or even built.
 */
export function groupingOf(national: string, plan: () => PlanSource, phoneOf: () => PhoneNumber): Grouping | undefined {
  if (keyDigits === null) keyDigits = decisiveDigits(plan());
  if (keyDigits === undefined) return undefined;
  const key = keyOf(national, keyDigits);
  let grouping = memo.get(key);
  if (grouping === undefined) {
    grouping = widthsOf(groupsOf(phoneOf().formatNational()), national);
    if (memo.size >= MEMO_ENTRIES) memo.clear();
    memo.set(key, grouping);
  }
  return grouping || undefined;
}

function groupsOf(formatted: string): string[] {
  return formatted.split(/\D+/).filter((g) => g !== '');
}

/** Groupings are few (a format and a length): one object each, however many keys lead to it. */
const shared = new Map<string, Grouping>();

/** The widths of the written groups, when their digits are some prefix followed by the national number. */
/**
 * The length, then the first `digits` digits (fewer when the number is shorter), as one decimal number: a small
 * integer, no string per number. Distinct for distinct keys: a length ℓ ≥ `digits` gives keys in
 * [ℓ·10^digits, (ℓ+1)·10^digits), a shorter one in [ℓ·10^ℓ, (ℓ+1)·10^ℓ), ranges that never meet.
 */
function keyOf(national: string, digits: number): number {
  let key = national.length;
  const n = Math.min(national.length, digits);
  for (let i = 0; i < n; i++) key = key * 10 + (national.charCodeAt(i) - 0x30);
  return key;
}

function widthsOf(groups: string[], national: string): Grouping | false {
  const digits = groups.join('');
  if (!digits.endsWith(national)) return false;
  const prefix = digits.slice(0, digits.length - national.length);
  const widths = groups.map((g) => g.length);
  const id = `${prefix}:${widths.join(',')}`;
  let grouping = shared.get(id);
  if (!grouping) shared.set(id, (grouping = { prefix, widths }));
  return grouping;
}

interface FormatPlan {
  selectNumberingPlan(country: string): void;
  numberingPlan?: { formats(): { pattern(): string; leadingDigitsPatterns(): string[] }[] };
}

/** libphonenumber's metadata and its Metadata class (phone.ts loads them lazily). */
export interface PlanSource {
  metadata: MetadataJson;
  Metadata: new (m: MetadataJson) => FormatPlan;
}

/** How many leading digits decide JP's format, or undefined when a format falls outside the fixed-width shape. */
function decisiveDigits({ metadata, Metadata }: PlanSource): number | undefined {
  const plan = new Metadata(metadata);
  plan.selectNumberingPlan('JP');
  let longest = 0;
  for (const format of plan.numberingPlan?.formats() ?? []) {
    if (!/^(?:\(\\d(?:\{\d+\})?\))+$/.test(format.pattern())) return undefined;
    const leading = format.leadingDigitsPatterns();
    const last = leading[leading.length - 1];
    if (last === undefined) continue;
    const length = maxMatchLength(last);
    if (length === undefined) return undefined;
    longest = Math.max(longest, length);
  }
  return longest;
}

/**
 * Longest string a leading-digits pattern can match: digits, classes `[…]`, groups `(?:…)` and `|` only (what
 * the metadata uses); undefined for anything else.
 */
export function maxMatchLength(source: string): number | undefined {
  let at = 0;
  const alternatives = (): number | undefined => {
    let best = 0;
    let current = 0;
    while (at < source.length) {
      const c = source[at] as string;
      if (c === '|') {
        best = Math.max(best, current);
        current = 0;
        at++;
      } else if (c === ')') {
        break;
      } else if (c >= '0' && c <= '9') {
        current++;
        at++;
      } else if (c === '[') {
        const close = source.indexOf(']', at);
        if (close < 0 || !/^[\d-]+$/.test(source.slice(at + 1, close))) return undefined;
        current++;
        at = close + 1;
      } else if (source.startsWith('(?:', at)) {
        at += 3;
        const inner = alternatives();
        if (inner === undefined || source[at] !== ')') return undefined;
        at++;
        current += inner;
      } else {
        return undefined;
      }
    }
    return Math.max(best, current);
  };
  const length = alternatives();
  return at === source.length ? length : undefined;
}
