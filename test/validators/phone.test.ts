import { describe, it, expect } from 'vitest';
import { validatePhone, writtenAsMobile, writtenGroups } from '../../src/validators/phone.js';

// Example numbers are the textbook forms of CHECKSUMS.md §10 (03-1234-5678, 090-1234-5678, 0120-123-456…).
describe('validatePhone accepts Japanese numbers and returns national digits', () => {
  const cases: [string, string, number][] = [
    ['03-1234-5678', '0312345678', 0],
    ['0312345678', '0312345678', 0],
    ['03 1234 5678', '0312345678', 0],
    ['(03)1234-5678', '0312345678', 0],
    ['03(1234)5678', '0312345678', 0],
    ['06-1234-5678', '0612345678', 0],
    ['090-1234-5678', '09012345678', 0.1],
    ['080 1234 5678', '08012345678', 0.1],
    ['070-1234-5678', '07012345678', 0.1],
    ['+81 90-1234-5678', '09012345678', 0.1],
    ['+819012345678', '09012345678', 0.1],
    ['+8190-1234-5678', '09012345678', 0.1],
    ['+81-3-1234-5678', '0312345678', 0],
    ['+81(0)3-1234-5678', '0312345678', 0],
    ['+81 (0)90 1234 5678', '09012345678', 0.1],
    ['+81 090 1234 5678', '09012345678', 0.1],
    ['050-1234-5678', '05012345678', 0],
    ['0120-123-456', '0120123456', -0.3],
    ['0800-123-4567', '08001234567', -0.3],
    ['0570-123-456', '0570123456', -0.3],
    ['0990-123-456', '0990123456', -0.3],
    ['020-1234-5678', '02012345678', -0.2],
  ];
  it.each(cases)('%s → %s (bonus %d)', (text, value, bonus) => {
    expect(validatePhone(text)).toEqual({ ok: true, value, bonus });
  });
});

describe('validatePhone penalises groupings that differ from the official one', () => {
  const cases: [string, number][] = [
    ['031-234-5678', -0.2], // Tokyo is 03-XXXX-XXXX
    ['0312-34-5678', -0.2],
    ['0901-234-5678', -0.1], // mobile +0.1, grouping −0.2
    ['0120-12-3456', -0.4], // toll-free −0.3 and grouping −0.2, clamped to −0.4
    ['0729 12 3456', -0.2], // CHECKSUMS.md §10: same digits as 072-912-3456, unusual grouping
    ['0312345678', 0], // no separators: nothing to compare
  ];
  it.each(cases)('%s → bonus %d', (text, bonus) => {
    const r = validatePhone(text);
    expect(r.ok && r.bonus).toBe(bonus);
  });
});

describe('validatePhone rejects look-alikes', () => {
  const cases: [string, string][] = [
    ['12345678901', 'no trunk 0'],
    ['0000000000', 'all zeros'],
    ['4901234567894', 'JAN barcode'],
    ['90 1234 5678', 'mobile without trunk 0 (CHECKSUMS.md §13)'],
    ['90-1111-2222', 'without trunk 0 (CHECKSUMS.md §13)'],
    ['81 90 1234 5678', 'country code without +'],
    ['01-2222-3333', 'unallocated (CHECKSUMS.md §13)'],
    ['0111-22-3333', 'unallocated (CHECKSUMS.md §13)'],
    ['0110-22-3333', 'unallocated (CHECKSUMS.md §13)'],
    ['01111-2-3333', 'unallocated (CHECKSUMS.md §13)'],
    ['+81 1 2222 3333', 'unallocated international (CHECKSUMS.md §13)'],
    ['+81122223333', 'unallocated international (CHECKSUMS.md §13)'],
    ['0180-123-456', 'テレドーム, invalid in libphonenumber (CHECKSUMS.md §10)'],
    ['2024-01-15', 'ISO date'],
    ['2024/01/15', 'slashed date'],
    ['03/12/2024', 'day-first date'],
    ['+1 212 555 1234', 'foreign number'],
    ['+44 20 7946 0958', 'foreign number'],
    ['03-1234-567', 'too short'],
    ['090-1234-56789', 'too long'],
    ['TEL 03-1234-5678', 'letters'],
    ['03-1234+5678', 'plus inside'],
    ['', 'empty'],
  ];
  it.each(cases)('%s (%s)', (text) => {
    expect(validatePhone(text).ok).toBe(false);
  });
});

describe('validatePhone with trunkDropped (spreadsheet column 電話番号 stored as a number)', () => {
  const cases: [string, string | null][] = [
    ['9012345678', '09012345678'],
    ['312345678', '0312345678'],
    ['0312345678', '0312345678'],
    ['12345678901', null],
    ['122223333', null],
  ];
  it.each(cases)('%s → %s', (text, value) => {
    const r = validatePhone(text, { trunkDropped: true });
    expect(r.ok ? r.value : null).toBe(value);
  });
  it('still rejects a missing trunk 0 without the option', () => {
    expect(validatePhone('9012345678', { trunkDropped: 'yes' }).ok).toBe(false);
  });
});

describe('writtenGroups', () => {
  const cases: [string, boolean, string[]][] = [
    ['03-1234-5678', false, ['03', '1234', '5678']],
    ['(03)1234-5678', false, ['03', '1234', '5678']],
    ['+81 90-1234-5678', true, ['090', '1234', '5678']],
    ['+8190-1234-5678', true, ['090', '1234', '5678']],
    ['+81(0)3-1234-5678', true, ['03', '1234', '5678']],
  ];
  it.each(cases)('%s', (text, international, groups) => {
    expect(writtenGroups(text, international)).toEqual(groups);
  });
});

describe('080-0xxx-xxxx written as a mobile (the digits read as 0800 toll-free)', () => {
  it.each([
    ['080-0123-4567', 0],
    ['080(0123)4567', 0],
    ['０８０－０１２３－４５６７'.normalize('NFKC').replace('－', '-').replace('－', '-'), 0],
  ])('%s → mobile as written, no toll-free penalty (bonus %d)', (text, bonus) => {
    expect(validatePhone(text)).toEqual({ ok: true, value: '08001234567', bonus });
  });
  it.each([
    ['08001234567', -0.3],
    ['0800-123-4567', -0.3],
  ])('%s stays toll-free (bonus %d)', (text, bonus) => {
    const r = validatePhone(text);
    expect(r.ok && r.bonus).toBe(bonus);
  });
  it('tells the written shapes apart', () => {
    expect(writtenAsMobile('080-0123-4567', false)).toBe(true);
    expect(writtenAsMobile('0800-123-4567', false)).toBe(false);
    expect(writtenAsMobile('08001234567', false)).toBe(false);
    expect(writtenAsMobile('+81 80-0123-4567', true)).toBe(true);
  });
});

describe('dots and slashes as separators', () => {
  it.each(['090.1234.5678', '090/1234/5678'])('%s is a mobile', (text) => {
    expect(validatePhone(text)).toEqual({ ok: true, value: '09012345678', bonus: 0.1 });
  });
});
