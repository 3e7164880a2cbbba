/**
 * 生年月日 validator. Input: a date as written — 西暦 (`1985年4月12日`, `1985/04/12`, `1985-4-12`, `1985.4.12`,
 * `19850412` only with options.compact) or 和暦 (`昭和60年4月12日`, `S60.4.12`, `H2/1/1`, `平成元年1月8日`; NFKC has
 * already turned ㍻ ㍼ ㍽ ㍾ into 平成 昭和 大正 明治 and full-width digits into ASCII).
 * Output: `YYYY-MM-DD`. Never accepts an impossible day, a date outside its era, a year before 1900 or a date
 * after today (options.today, `YYYY-MM-DD` or a Date, makes "today" fixed for tests).
 */
import type { ValidationResult, Validator } from './types.js';

export interface Era {
  name: string;
  /** Romaji initial used in forms (`S60.4.12`). */
  letter: string;
  /** First and last day of the era (inclusive), `YYYY-MM-DD`. */
  start: string;
  end?: string;
}

/**
 * Era boundaries. 令和: 元号を改める政令 (平成31年政令第143号), from 2019-05-01. 平成: 元号を改める政令
 * (昭和64年政令第1号), from 1989-01-08, so 昭和64年 ends on 1-07 and 平成31年 on 4-30. 昭和 began 1926-12-25 and
 * 大正 1912-07-30 (each on the day of accession). 明治 counts from 1868-01-25 (明治元年1月1日, the era applied
 * retroactively to the whole year); years before 1900 are rejected anyway.
 */
export const ERAS: readonly Era[] = [
  { name: '令和', letter: 'R', start: '2019-05-01' },
  { name: '平成', letter: 'H', start: '1989-01-08', end: '2019-04-30' },
  { name: '昭和', letter: 'S', start: '1926-12-25', end: '1989-01-07' },
  { name: '大正', letter: 'T', start: '1912-07-30', end: '1926-12-24' },
  { name: '明治', letter: 'M', start: '1868-01-25', end: '1912-07-29' },
];

const MIN_YEAR = 1900;

/**
 * Default dates of software, not birthdays: the Unix epoch (`new Date(0)`, `dob: '1970-01-01'` in code samples)
 * and the first day of 1900 (Excel's and many databases' empty date). About 1 person in 29,000 is born on any
 * given day; these two are written as defaults far more often.
 */
const DEFAULT_DATES: ReadonlySet<string> = new Set(['1970-01-01', '1900-01-01']);

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

const KANJI_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
/** One separator used twice: `1985/04-12` is not a date someone wrote. */
const SEPARATED_DATE = /^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const WAREKI_DATE =
  /^(令和|平成|昭和|大正|明治|[RHSTM])\.?(元|\d{1,2})(?:年(\d{1,2})月(\d{1,2})日|([/.-])(\d{1,2})\5(\d{1,2}))$/i;

/** `YYYY-MM-DD` with zero padding. */
export function formatYmd({ year, month, day }: Ymd): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A real calendar day (proleptic Gregorian; 2月29日 only in leap years). Counted, not asked of a Date: every
 * date-shaped match of a text is checked. Years 0–99 are read as 1900–1999, as Date.UTC reads them (those
 * years are rejected later anyway, but the reason stays the same).
 */
export function isRealDay({ year, month, day }: Ymd): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const y = year >= 0 && year <= 99 ? year + 1900 : year;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return day <= (month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] as number));
}

export function findEra(nameOrLetter: string): Era | undefined {
  const key = nameOrLetter.toUpperCase();
  return ERAS.find((e) => e.name === key || e.letter === key);
}

/** 和暦 → 西暦, or a reason when the day lies outside the era (`昭和65年`, `平成31年5月1日`, `令和1年4月30日`). */
export function warekiToYmd(era: Era, eraYear: number, month: number, day: number): Ymd | string {
  if (eraYear < 1) return 'era year 0';
  const ymd = { year: Number(era.start.slice(0, 4)) + eraYear - 1, month, day };
  if (!isRealDay(ymd)) return 'no such day';
  const iso = formatYmd(ymd);
  if (iso < era.start || (era.end !== undefined && iso > era.end)) return `outside the ${era.name} era`;
  return ymd;
}

/** Parse any accepted form; a string is the reason for rejecting it. */
export function parseDate(text: string, compact: boolean): Ymd | string {
  const t = text.replace(/\s+/g, '');
  const w = WAREKI_DATE.exec(t);
  if (w) {
    const era = findEra(w[1] ?? '');
    if (era === undefined) return 'unknown era';
    const eraYear = w[2] === '元' ? 1 : Number(w[2]);
    return warekiToYmd(era, eraYear, Number(w[3] ?? w[6]), Number(w[4] ?? w[7]));
  }
  const m = KANJI_DATE.exec(t) ?? (compact ? COMPACT_DATE.exec(t) : null);
  const s = m ? null : SEPARATED_DATE.exec(t);
  const parts = m ? [m[1], m[2], m[3]] : s ? [s[1], s[3], s[4]] : null;
  if (parts === null) return 'not a date';
  const ymd = { year: Number(parts[0]), month: Number(parts[1]), day: Number(parts[2]) };
  return isRealDay(ymd) ? ymd : 'no such day';
}

/** Today as `YYYY-MM-DD` (local time), or the fixed day given in options. */
function todayOf(option: unknown): string {
  if (typeof option === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(option)) return option;
  if (option instanceof Date) return localYmd(option);
  const now = Date.now();
  if (!today || now < today.from || now >= today.until) {
    const d = new Date(now);
    const from = new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
    today = { iso: localYmd(d), from, until: new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime() };
  }
  return today.iso;
}

/** Today's date and the local day it holds for (a scan may run past midnight): one Date per day, not per match. */
let today: { iso: string; from: number; until: number } | undefined;

function localYmd(d: Date): string {
  return formatYmd({ year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() });
}

export const validateBirthDate: Validator = (text, options): ValidationResult => {
  const parsed = parseDate(text, options?.['compact'] === true);
  if (typeof parsed === 'string') return { ok: false, reason: parsed };
  const value = formatYmd(parsed);
  if (parsed.year < MIN_YEAR) return { ok: false, reason: `before ${MIN_YEAR}` };
  // Written in 西暦 only: 明治33年1月1日 is a date someone wrote, not a default. Under a 生年月日 header
  // (`keepDefaults`, the column matcher) it is a person's: one in 29,000 people is born on any given day.
  if (DEFAULT_DATES.has(value) && options?.['keepDefaults'] !== true && /^\s*\d{4}/.test(text)) return { ok: false, reason: 'a default date of software (epoch)' };
  if (value > todayOf(options?.['today'])) return { ok: false, reason: 'in the future' };
  return { ok: true, value };
};
