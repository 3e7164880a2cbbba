/**
 * 電話番号 validator. Input: a Japanese number as written (`03-1234-5678`, `(03)1234-5678`, `+81 90-1234-5678`,
 * `+81(0)3-1234-5678`; NFKC'd, dashes unified). Output: national digits with the trunk 0 (`09012345678`) and a
 * bonus by number type and grouping. Never accepts a number without trunk 0 or +81 unless the caller says the 0
 * was dropped (a spreadsheet column of numbers), and never accepts a foreign number.
 *
 * Digit-level validity comes from libphonenumber's JP metadata (CHECKSUMS.md §10): the `max` build is needed,
 * the default `min` metadata only checks length. Unallocated ranges such as 01-2222-3333 are rejected there
 * (CHECKSUMS.md §13).
 */
import { createRequire } from 'node:module';
import type { MetadataJson, PhoneNumber } from 'libphonenumber-js/core';
import type { ValidationResult, Validator } from './types.js';
import { groupingOf, officialGroups, type PlanSource } from './phone-grouping.js';
import { japaneseType, type TypeSource } from './phone-type.js';

interface Libphonenumber {
  core: typeof import('libphonenumber-js/core');
  metadata: MetadataJson;
  /** Japan's international call prefix (010): `010-81-…` is a call abroad, read by the parser. */
  idd: string;
}
let library: Libphonenumber | undefined;

/**
 * libphonenumber's `max` metadata and its ~100 modules take 25–45 ms to load: they are loaded (its CommonJS
 * build, the quicker one to load) when the first phone-shaped match is validated, so a pre-commit scan of
 * files without one never pays for them.
 */
function libphonenumber(): Libphonenumber {
  if (!library) {
    const require = createRequire(import.meta.url);
    const core = require('libphonenumber-js/core') as Libphonenumber['core'];
    const metadata = require('libphonenumber-js/metadata.max.json') as MetadataJson;
    const plan = new core.Metadata(metadata);
    plan.selectNumberingPlan('JP');
    library = { core, metadata, idd: plan.numberingPlan?.IDDPrefix() ?? '010' };
  }
  return library;
}

/**
 * The number libphonenumber would parse from the text, or undefined. A national number written with its
 * trunk 0 and no carrier prefix (`0[1-9]…`, nearly every number in a roster) is built straight from its
 * digits: the text was already checked here (prepare), and libphonenumber's text parser (extensions,
 * punctuation, national-prefix rules) cost 40 % of validating a roster's phones. JP national numbers never
 * start with 0, so the trunk 0 is what the parser strips too (test/validators/phone-fast-path.test.ts
 * compares both ways on generated numbers). Everything else (+81, 00XY carriers, 010 calls abroad) goes
 * through the parser.
 */
export function parseJapanese(prepared: { text: string; international: boolean }): PhoneNumber | undefined {
  const { core, metadata, idd } = libphonenumber();
  if (!prepared.international) {
    const digits = prepared.text.replace(/\D+/g, '');
    if (digits.length >= 2 && digits.length <= 17 && digits.charCodeAt(1) !== 0x30 && !digits.startsWith(idd)) {
      // Built from +81 (the E.164 form), the number knows its calling code, not its country: 81 is JP's alone.
      const phone = new core.PhoneNumber(`+81${digits.slice(1)}`, metadata);
      phone.country = 'JP';
      return phone;
    }
  }
  return core.parsePhoneNumberFromString(prepared.text, 'JP', metadata);
}

/** Characters a written phone number may contain (CONTRACT.md normalization leaves '-' as the only dash). */
const ALLOWED = /^[\d\s\-().+/]+$/;

/**
 * Bonus by libphonenumber type (CHECKSUMS.md §10 table): personal lines up, company-only services down.
 * 020 (PAGER) is today mostly M2M/IoT, rarely a person's number.
 */
const TYPE_BONUS: Readonly<Record<string, number>> = {
  MOBILE: 0.1,
  FIXED_LINE: 0,
  FIXED_LINE_OR_MOBILE: 0,
  VOIP: 0,
  PERSONAL_NUMBER: 0,
  PAGER: -0.2,
  TOLL_FREE: -0.3,
  SHARED_COST: -0.3,
  PREMIUM_RATE: -0.3,
  UAN: -0.3,
};

/** Written grouping differs from the official one (`031-234-5678` for a Tokyo number): suspicious, not fatal. */
const GROUPING_PENALTY = -0.2;

export interface PhoneOptions {
  /** The number sits in a column headed 電話番号 and Excel dropped its leading 0 (9012345678). */
  trunkDropped?: boolean;
}

type Prepared = { ok: true; text: string; international: boolean } | { ok: false; reason: string };

/** Decide the form (national with 0, international +81) before handing the text to libphonenumber. */
function prepare(text: string, trunkDropped: boolean): Prepared {
  const t = text.trim();
  if (!ALLOWED.test(t)) return { ok: false, reason: 'unexpected characters' };
  if (t.startsWith('+')) {
    if (!/^\+\s*81/.test(t)) return { ok: false, reason: 'not a Japanese country code' };
    return { ok: true, text: t, international: true };
  }
  if (t.includes('+')) return { ok: false, reason: "'+' inside the number" };
  const first = firstDigit(t);
  if (first === ZERO) return { ok: true, text: t, international: false };
  // libphonenumber would accept `90 1234 5678` as a JP mobile (CHECKSUMS.md §13): too lenient for a scanner.
  if (first >= 0 && trunkDropped) return { ok: true, text: `0${t}`, international: false };
  return { ok: false, reason: 'no trunk 0 or +81' };
}

const ZERO = 0x30;

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Code unit of the text's first ASCII digit, or -1. */
function firstDigit(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) return c;
  }
  return -1;
}

/** Digit groups as written, in national form: drop `81`, fold a `(0)` group, restore the trunk 0. */
export function writtenGroups(text: string, international: boolean): string[] {
  const groups = text.split(/\D+/).filter((g) => g !== '');
  if (international) {
    const rest = (groups[0] ?? '').slice(2); // the first group starts with 81 (checked by prepare)
    if (rest === '') groups.shift();
    else groups[0] = rest;
    if (groups[0] === '0' && groups.length > 1) groups.splice(0, 2, `0${groups[1] ?? ''}`);
  }
  const head = groups[0];
  if (head !== undefined && !head.startsWith('0')) groups[0] = `0${head}`;
  return groups;
}

/** The plan's metadata for phone-grouping.ts and phone-type.ts (the same source: the library's Metadata class). */
function formatPlan(): PlanSource & TypeSource {
  const { core, metadata } = libphonenumber();
  return { metadata, Metadata: core.Metadata as unknown as PlanSource['Metadata'] & TypeSource['Metadata'] };
}

/** True when the written groups differ from libphonenumber's national format (`03-1234-5678`). */
export function hasUnusualGrouping(text: string, international: boolean, phone: PhoneNumber): boolean {
  const written = writtenGroups(text, international);
  // A single written group means no separators; a single official group means no known grouping (0066…).
  if (written.length < 2) return false;
  const official = officialGroups(phone, formatPlan);
  if (official.length < 2) return false;
  return written.join('-') !== official.join('-');
}

/**
 * `080-0123-4567`: the digits read as the toll-free 0800-123-4567, but whoever wrote 3-4-4 after 080 wrote a
 * mobile number (test data and typed-in forms do): neither the toll-free nor the grouping penalty applies.
 * Without separators (08001234567) nothing says which was meant, and the toll-free reading stays.
 */
export function writtenAsMobile(text: string, international: boolean): boolean {
  const groups = writtenGroups(text, international);
  return groups.length === 3 && /^0[789]0$/.test(groups[0] ?? '') && groups[1]?.length === 4 && groups[2]?.length === 4;
}

function clamp(bonus: number): number {
  return Math.round(Math.min(0.3, Math.max(-0.4, bonus)) * 100) / 100;
}

/**
 * Results by prepared text (the text as validated, so `trunkDropped` is in it). A number in a column headed
 * 電話番号 is validated twice — as text and as the column's cell — and a block of a roster holds a few hundred
 * numbers: a small memo, emptied when full, answers the second time. Results are shared: never mutated.
 */
const memo = new Map<string, ValidationResult>();
const MEMO_ENTRIES = 4096;

export const validatePhone: Validator = (text, options): ValidationResult => {
  const prepared = prepare(text, options?.['trunkDropped'] === true);
  if (!prepared.ok) return prepared;
  // Asked again (the column's cell after the text match): one look-up, nothing read or built.
  let result = memo.get(prepared.text);
  if (!result) {
    const written = prepared.international ? undefined : writtenNational(prepared.text);
    result = (written && isPlainNational(written.digits) && validateWritten(written)) || validatePrepared(prepared);
    if (memo.size >= MEMO_ENTRIES) memo.clear();
    memo.set(ownCopy(prepared.text), result);
  }
  return result;
};

/**
 * The key as a string of its own. A match cut from a big text may be a view into that text (V8 makes a slice of
 * 13 or more characters a view), and the memo outlives the text: a worker's memo kept whole 2 MB chunks of
 * earlier files alive (the bench's 64 MB file peaked 60 MB higher). Shorter slices are copies already.
 * The copy: one unit more in front makes a new (cons) string, which slice() first flattens into a string of
 * its own, so the slice is a view into that copy: no Buffer made and decoded for each number (a latin1 round
 * trip before; test/validators/phone-memo-memory.test.ts checks that no big text stays alive).
 */
function ownCopy(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

/** A national number as written: its digits (the trunk 0 first) and the widths of its digit groups. */
interface Written {
  digits: string;
  widths: number[];
}

/** `writtenGroups` of a national text, read by code unit: no group strings, the digits as one new string. */
function writtenNational(text: string): Written {
  const widths: number[] = [];
  let digits = '';
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      run++;
      continue;
    }
    if (run > 0) {
      digits += groupAt(text, i - run, i);
      widths.push(run);
    }
    run = 0;
  }
  if (run > 0) {
    digits += groupAt(text, text.length - run, text.length);
    widths.push(run);
  }
  return { digits, widths };
}

/** A group's digits, a string of its own (see ownCopy): they become the value, which the memo keeps. */
function groupAt(text: string, start: number, end: number): string {
  return ownCopy(text.slice(start, end));
}

/** The digits of a number parseJapanese builds from its digits: the trunk 0, no carrier (00XY), no call abroad (010). */
function isPlainNational(digits: string): boolean {
  return digits.length >= 2 && digits.length <= 17 && digits.charCodeAt(0) === ZERO && digits.charCodeAt(1) !== ZERO && !digits.startsWith(libphonenumber().idd);
}

/**
 * validatePrepared for a national number written with its trunk 0 and no carrier or international prefix (the
 * numbers parseJapanese builds from digits): the same answer, read from the digits and the written widths
 * without building the number, splitting the text or formatting it. Undefined: not such a number (the
 * general path decides).
 */
function validateWritten({ digits, widths }: Written): ValidationResult | undefined {
  const national = digits.slice(1);
  const type = japaneseType(national, formatPlan);
  if (type === undefined) return { ok: false, reason: 'not an allocated Japanese number range' };
  if (type === 'TOLL_FREE' && widths.length === 3 && widths[1] === 4 && widths[2] === 4 && /^0[789]0$/.test(digits.slice(0, widths[0]))) return { ok: true, value: digits, bonus: 0 };
  let bonus = TYPE_BONUS[type] ?? 0;
  if (widths.length >= 2) {
    const grouping = groupingOf(national, formatPlan, () => phoneOf(national));
    if (!grouping) return undefined;
    // The written groups join to the trunk 0 + national number, the official ones to prefix + national number.
    if (grouping.widths.length >= 2 && (grouping.prefix !== '0' || !sameWidths(widths, grouping.widths))) bonus += GROUPING_PENALTY;
  }
  return { ok: true, value: digits, bonus: clamp(bonus) };
}

function sameWidths(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The number parseJapanese builds for a national number whose trunk 0 is dropped (`nationalNumber`). */
function phoneOf(national: string): PhoneNumber {
  const { core, metadata } = libphonenumber();
  const phone = new core.PhoneNumber(`+81${national}`, metadata);
  phone.country = 'JP';
  return phone;
}

function validatePrepared(prepared: { text: string; international: boolean }): ValidationResult {
  const phone = parseJapanese(prepared);
  if (phone === undefined || phone.country !== 'JP') return { ok: false, reason: 'not a Japanese phone number' };
  // With the max metadata a number is valid exactly when it has a type (libphonenumber's isValid says so).
  const type = japaneseType(phone.nationalNumber, formatPlan);
  if (type === undefined) return { ok: false, reason: 'not an allocated Japanese number range' };
  // nationalNumber lacks the trunk 0, except for 00XY carrier numbers (0066…), which keep it.
  const national = phone.nationalNumber;
  const value = national.startsWith('0') ? national : `0${national}`;
  if (type === 'TOLL_FREE' && writtenAsMobile(prepared.text, prepared.international)) return { ok: true, value, bonus: 0 };
  let bonus = TYPE_BONUS[type] ?? 0;
  if (hasUnusualGrouping(prepared.text, prepared.international, phone)) bonus += GROUPING_PENALTY;
  return { ok: true, value, bonus: clamp(bonus) };
}
