/**
 * 法人番号 and invoice numbers over generated numbers (../shared/CHECKSUMS.md §2, §2a): the invoice form `T` + 13
 * digits in every way it is written (`T-…`, `T …`, lower case, grouped digits) and nothing else; white space
 * around a number changes nothing; a JAN/ISBN look-alike is exactly a 13-digit code with a GS1 Japan or ISBN
 * prefix (45, 49, 978, 979) whose GS1 mod-10 check digit holds. The checks are written out again here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeJanCode, validateCorporateNumber } from '../../src/validators/corporate-number.js';
import { digits } from './generators.js';

/** 検査用数字 = 9 − (Σ Pn×Qn mod 9), weights 2,1,2,… from the left of the 12-digit base. */
function checkDigit(base12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(base12[i]) * (i % 2 === 0 ? 2 : 1);
  return 9 - (sum % 9);
}

/** GS1: weights 1,3,1,… from the left over all 13 digits, sum ≡ 0 mod 10. */
const gs1Ok = (d: string): boolean => [...d].reduce((s, ch, i) => s + Number(ch) * (i % 2 === 0 ? 1 : 3), 0) % 10 === 0;
const janOracle = (d: string): boolean => /^\d{13}$/.test(d) && /^(45|49|978|979)/.test(d) && gs1Ok(d);

/** A valid corporate number that is not one digit repeated. */
const corporate = digits(12)
  .map((b) => `${checkDigit(b)}${b}`)
  .filter((d) => !/^(\d)\1*$/.test(d));
/** The same digits with a wrong check digit. */
const wrongCheck = fc.tuple(corporate, fc.integer({ min: 1, max: 8 })).map(([d, s]) => `${(Number(d[0]) + s) % 10}${d.slice(1)}`).filter((d) => !/^(\d)\1*$/.test(d) && d[0] !== '0');

const grouped = (d: string, sep: string): string => [d.slice(0, 1), d.slice(1, 5), d.slice(5, 9), d.slice(9)].join(sep);
/** How a 13-digit number is written: bare or grouped 1-4-4-4 with spaces, hyphens or dots. */
const written = (d: string): fc.Arbitrary<string> => fc.constantFrom(d, grouped(d, ' '), grouped(d, '-'), grouped(d, '.'));
const T_FORMS = ['T', 't', 'T-', 'T ', 't-'];

describe('invoice registration numbers (T + 13 digits)', () => {
  it('are read in every written form: the check digit gives a bonus, a wrong one lowers without rejecting', () => {
    fc.assert(
      fc.property(fc.oneof(corporate.map((d) => [d, 0.3] as const), wrongCheck.map((d) => [d, -0.45] as const)), fc.constantFrom(...T_FORMS), fc.nat(3), ([d, bonus], t, g) => {
        const body = [d, grouped(d, ' '), grouped(d, '-'), grouped(d, '.')][g]!;
        expect(validateCorporateNumber(`${t}${body}`)).toEqual({ ok: true, value: d, bonus });
      }),
      { seed: 80, numRuns: 400 },
    );
  });

  it('are only `T` and digits: a letter or word before the T, or anything after the digits, is no invoice number', () => {
    fc.assert(
      fc.property(corporate, fc.constantFrom(...T_FORMS), fc.constantFrom('X', 'A', 'NO', 'TT', 'ST'), fc.boolean(), (d, t, junk, before) => {
        const text = before ? `${junk}${t}${d}` : `${t}${d}${junk}`;
        expect(validateCorporateNumber(text).ok).toBe(false);
      }),
      { seed: 81, numRuns: 300 },
    );
  });
});

describe('validateCorporateNumber', () => {
  it('gives the same answer with white space around the text', () => {
    fc.assert(
      fc.property(fc.oneof(corporate, wrongCheck), fc.constantFrom('', ...T_FORMS), fc.constantFrom(' ', '\t', '  ', '\u3000'), (d, t, ws) => {
        expect(validateCorporateNumber(`${ws}${t}${d}${ws}`)).toEqual(validateCorporateNumber(`${t}${d}`));
        expect(validateCorporateNumber(`${ws}${t}${d}`).ok).toBe(t !== '' || checkDigit(d.slice(1)) === Number(d[0]));
      }),
      { seed: 82, numRuns: 300 },
    );
  });

  it('lowers a valid number shaped like a JAN/ISBN code, and only such a number', () => {
    fc.assert(
      fc.property(corporate.chain((d) => written(d).map((text) => [d, text] as const)), ([d, text]) => {
        expect(validateCorporateNumber(text)).toEqual(janOracle(d) ? { ok: true, value: d, bonus: -0.2 } : { ok: true, value: d });
      }),
      { seed: 83, numRuns: 500 },
    );
  });
});

describe('looksLikeJanCode', () => {
  const PREFIXES = ['45', '49', '978', '979', '44', '46', '48', '50', '977', '980', '97', '4', '9'];
  const code = fc.tuple(fc.constantFrom(...PREFIXES), fc.integer({ min: 11, max: 15 })).chain(([p, n]) => digits(n - p.length).map((rest) => p + rest));
  /** A code whose GS1 check digit holds (last digit chosen so), so the prefix and the length decide. */
  const checked = code.map((d) => {
    for (let c = 0; c <= 9; c++) if (gs1Ok(d.slice(0, 12) + c)) return d.slice(0, 12) + c + d.slice(13);
    return d;
  });

  it('holds exactly for 13 digits with a GS1 Japan or ISBN prefix and a good GS1 check digit', () => {
    fc.assert(
      fc.property(fc.oneof(code, checked), (d) => {
        expect(looksLikeJanCode(d)).toBe(janOracle(d));
      }),
      { seed: 84, numRuns: 1500 },
    );
  });

  it('is false for text with anything but digits, even white space standing for a 0', () => {
    const withZero = checked.filter((d) => d.length === 13 && /^(45|49|978|979)/.test(d) && gs1Ok(d) && d.endsWith('0'));
    fc.assert(
      fc.property(withZero, fc.constantFrom(' ', '\t', '\u3000'), (d, ws) => {
        expect(looksLikeJanCode(d.slice(0, 12) + ws)).toBe(false);
        expect(looksLikeJanCode(`${ws}${d.slice(0, 12)}`)).toBe(false);
      }),
      { seed: 85, numRuns: 100 },
    );
  });
});
