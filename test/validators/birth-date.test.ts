import { describe, it, expect, vi } from 'vitest';
import { validateBirthDate, warekiToYmd, findEra, isRealDay } from '../../src/validators/birth-date.js';

const TODAY = { today: '2026-11-22' };

describe('validateBirthDate accepts 西暦 and 和暦 dates', () => {
  const cases: [string, string][] = [
    ['1985年4月12日', '1985-04-12'],
    ['1985 年 4 月 12 日', '1985-04-12'],
    ['1985/04/12', '1985-04-12'],
    ['1985-4-12', '1985-04-12'],
    ['1985.4.12', '1985-04-12'],
    ['昭和60年4月12日', '1985-04-12'],
    ['昭和６０年４月１２日'.normalize('NFKC'), '1985-04-12'],
    ['S60.4.12', '1985-04-12'],
    ['s60/4/12', '1985-04-12'],
    ['S.60.4.12', '1985-04-12'],
    ['H2/1/1', '1990-01-01'],
    ['平成元年1月8日', '1989-01-08'],
    ['昭和64年1月7日', '1989-01-07'],
    ['昭和元年12月25日', '1926-12-25'],
    ['平成31年4月30日', '2019-04-30'],
    ['令和元年5月1日', '2019-05-01'],
    ['R1.5.1', '2019-05-01'],
    ['令和7年10月1日', '2025-10-01'],
    ['大正15年12月24日', '1926-12-24'],
    ['大正元年7月30日', '1912-07-30'],
    ['明治45年7月29日', '1912-07-29'],
    ['明治33年1月1日', '1900-01-01'],
    ['T10.3.3', '1921-03-03'],
    ['M40.2.11', '1907-02-11'],
    ['㍻2年1月1日'.normalize('NFKC'), '1990-01-01'],
    ['㍼60年4月12日'.normalize('NFKC'), '1985-04-12'],
    ['㍽10年3月3日'.normalize('NFKC'), '1921-03-03'],
    ['㍾40年2月11日'.normalize('NFKC'), '1907-02-11'],
    ['\u32ff2年3月4日'.normalize('NFKC'), '2020-03-04'], // ㋿ (U+32FF) → 令和
    ['2000年2月29日', '2000-02-29'],
    ['2026-11-22', '2026-11-22'],
  ];
  it.each(cases)('%s → %s', (text, value) => {
    expect(validateBirthDate(text, TODAY)).toEqual({ ok: true, value });
  });
});

describe('validateBirthDate rejects impossible, out-of-era and out-of-range dates', () => {
  const cases: [string, string][] = [
    ['1985年2月30日', 'no 30 February'],
    ['1900/2/29', '1900 is not a leap year'],
    ['1985-13-01', 'month 13'],
    ['1985-04-00', 'day 0'],
    ['昭和65年1月1日', '昭和 ended in its 64th year'],
    ['昭和64年1月8日', 'first day of 平成'],
    ['平成元年1月7日', 'last day of 昭和'],
    ['平成31年5月1日', 'first day of 令和'],
    ['平成32年1月1日', '平成 has no 32nd year'],
    ['令和1年4月30日', 'before 令和'],
    ['大正15年12月25日', 'first day of 昭和'],
    ['昭和0年1月1日', 'era year 0'],
    ['明治32年12月31日', '1899: before 1900'],
    ['1899-12-31', 'before 1900'],
    ['2026-11-23', 'tomorrow'],
    ['2027年1月1日', 'next year'],
    ['令和9年1月1日', 'future 和暦'],
    ['19850412', 'compact form needs options.compact'],
    ['85/4/12', 'two-digit year'],
    ['1985/04-12', 'mixed separators'],
    ['1985年4月', 'no day'],
    ['昭和60年', 'year only'],
    ['X60.4.12', 'unknown era letter'],
    ['1985-04-12T10:00', 'timestamp'],
    ['', 'empty'],
  ];
  it.each(cases)('%s (%s)', (text) => {
    expect(validateBirthDate(text, TODAY).ok).toBe(false);
  });
});

describe('validateBirthDate options', () => {
  it('accepts 19850412 with options.compact', () => {
    expect(validateBirthDate('19850412', { ...TODAY, compact: true })).toEqual({ ok: true, value: '1985-04-12' });
  });
  it('rejects an impossible compact date', () => {
    expect(validateBirthDate('19851332', { ...TODAY, compact: true }).ok).toBe(false);
  });
  it('takes today from a Date', () => {
    expect(validateBirthDate('2020-01-02', { today: new Date(2020, 0, 1) }).ok).toBe(false);
    expect(validateBirthDate('2020-01-01', { today: new Date(2020, 0, 1) }).ok).toBe(true);
  });
  it('uses the real date without options', () => {
    expect(validateBirthDate('1985-04-12').ok).toBe(true);
    expect(validateBirthDate(`${new Date().getFullYear() + 1}-01-01`).ok).toBe(false);
  });
});

describe('helpers', () => {
  it('finds eras by name and by letter', () => {
    expect(findEra('平成')?.letter).toBe('H');
    expect(findEra('r')?.name).toBe('令和');
    expect(findEra('X')).toBeUndefined();
  });
  it('converts 和暦 with era bounds', () => {
    const showa = findEra('S');
    expect(showa && warekiToYmd(showa, 64, 1, 7)).toEqual({ year: 1989, month: 1, day: 7 });
    expect(showa && typeof warekiToYmd(showa, 64, 1, 8)).toBe('string');
  });
  it('knows leap years', () => {
    expect(isRealDay({ year: 2024, month: 2, day: 29 })).toBe(true);
    expect(isRealDay({ year: 2023, month: 2, day: 29 })).toBe(false);
    expect(isRealDay({ year: 2000, month: 2, day: 29 })).toBe(true);
  });
});

describe('default dates of software', () => {
  it.each(['1970-01-01', '1970/01/01', '1900-01-01', '1970年1月1日'])('rejects %s written in 西暦', (text) => {
    expect(validateBirthDate(text, TODAY)).toMatchObject({ ok: false, reason: 'a default date of software (epoch)' });
  });
  it('still accepts the day before and after, and the same day written in 和暦', () => {
    expect(validateBirthDate('1970-01-02', TODAY).ok).toBe(true);
    expect(validateBirthDate('1969-12-31', TODAY).ok).toBe(true);
    expect(validateBirthDate('昭和45年1月1日', TODAY)).toEqual({ ok: true, value: '1970-01-01' });
  });
});

describe('era letters with 元 and a dot', () => {
  it.each([
    ['R元.5.1', '2019-05-01'],
    ['r元/5/1', '2019-05-01'],
    ['H.2.1.14', '1990-01-14'],
  ])('%s → %s', (text, value) => {
    expect(validateBirthDate(text, TODAY)).toEqual({ ok: true, value });
  });
  it('rejects 令和元年 before 5月1日', () => {
    expect(validateBirthDate('R元.4.30', TODAY).ok).toBe(false);
  });
});

describe('calendar days and today, counted instead of asked of Date for each match', () => {
  it('isRealDay answers as Date.UTC does for every year 0–2200, month -1–14 and day -1–33', () => {
    let differing = 0;
    let real = 0;
    for (let year = 0; year <= 2200; year++) {
      for (let month = -1; month <= 14; month++) {
        for (let day = -1; day <= 33; day++) {
          const expected = month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
          if (expected) real++;
          if (isRealDay({ year, month, day }) !== expected) differing++;
        }
      }
    }
    expect(differing).toBe(0);
    expect(real).toBeGreaterThan(2201 * 365);
  });

  it('moves "today" on at local midnight during a scan', () => {
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date(2026, 11, 6, 23, 59, 58));
      expect(validateBirthDate('2026年12月7日')).toMatchObject({ ok: false, reason: 'in the future' });
      expect(validateBirthDate('2026年12月6日')).toMatchObject({ ok: true, value: '2026-12-06' });
      vi.setSystemTime(new Date(2026, 11, 7, 0, 0, 1));
      expect(validateBirthDate('2026年12月7日')).toMatchObject({ ok: true, value: '2026-12-07' });
      expect(validateBirthDate('2026年12月8日')).toMatchObject({ ok: false, reason: 'in the future' });
      // And back (a clock set back): the day is read again.
      vi.setSystemTime(new Date(2026, 11, 6, 12, 0, 0));
      expect(validateBirthDate('2026年12月7日')).toMatchObject({ ok: false, reason: 'in the future' });
    } finally {
      vi.useRealTimers();
    }
  });
});
