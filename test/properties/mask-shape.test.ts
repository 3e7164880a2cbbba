/**
 * The shape of a mask, whatever the value's length (mask.test.ts checks the share shown of realistic values):
 * a mask never shows a whole value, however short; it keeps the value's length, with single spaces between
 * the groups of a My Number or card number; what it shows is taken from the start of the value. The cases
 * a mutation test found unchecked: values no longer than the share, an "e-mail" without `@`, an address
 * without a prefecture, or one after a line break.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskValue } from '../../src/score/mask.js';
import { digits } from './generators.js';

const STARS = /[*＊]/gu;
/** What a masked value shows: every character that is not a star or a group space. */
const shown = (masked: string): string => masked.replace(STARS, '').replace(/ /g, '');

/** Types whose mask keeps a head (and a tail) of the value and stars the rest. Not postal codes and birth
 * dates (fixed layouts of 7 digits and a date) nor names (the first character of even a one-character name). */
const KEEPING = ['my-number', 'credit-card', 'corporate-number', 'phone', 'email', 'address', 'bank-account', 'passport', 'custom-id'];

describe('mask shapes', () => {
  it('never show the whole of a non-empty value, however short (1–24 characters)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KEEPING), fc.integer({ min: 1, max: 24 }).chain((n) => digits(n)), (type, value) => {
        expect(shown(maskValue(type, value)).length).toBeLessThan(value.length);
      }),
      { seed: 30, numRuns: 600 },
    );
  });

  it('of all-digit values keep their length; My Number and card groups are separated by single spaces', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KEEPING), fc.integer({ min: 1, max: 24 }).chain((n) => digits(n)), (type, value) => {
        const masked = maskValue(type, value);
        expect(masked).not.toMatch(/^ | $| {2}/);
        expect(masked.replace(/ /g, '')).toHaveLength(value.length);
      }),
      { seed: 31, numRuns: 600 },
    );
  });

  it('of an address without a prefecture show at most 3 characters, and only from the start of the value', () => {
    const word = fc.string({ unit: fc.constantFrom(...'見本川山中央港南台横浜千代田架空丸内'), minLength: 3, maxLength: 8 });
    fc.assert(
      fc.property(word, fc.constantFrom('市', '区', '町', '村', '郡'), fc.integer({ min: 1, max: 99 }), (name, unit, block) => {
        const value = `${name}${unit}${name}${block}-${block + 1}`;
        const revealed = shown(maskValue('address', value));
        expect(revealed.length).toBeLessThanOrEqual(3);
        expect(value.startsWith(revealed)).toBe(true);
      }),
      { seed: 32, numRuns: 300 },
    );
  });

  it('of an address after a line break show only characters from the start of the value', () => {
    const word = fc.string({ unit: fc.constantFrom(...'見本川山中央港南台架空勤務先'), minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(word, word, (first, town) => {
        const value = `${first}\n東京都${town}区1-2`;
        expect(value.startsWith(shown(maskValue('address', value)))).toBe(true);
      }),
      { seed: 33, numRuns: 200 },
    );
  });

  it('of an e-mail value without @ show at most its first character', () => {
    const text = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789._+-'), minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(text, (value) => {
        const masked = maskValue('email', value);
        expect(shown(masked)).toBe(value.length > 1 ? value.slice(0, 1) : '');
        expect(masked).not.toContain('@');
      }),
      { seed: 34, numRuns: 200 },
    );
  });
});
