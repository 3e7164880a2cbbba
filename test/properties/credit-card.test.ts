/**
 * Payment card numbers, over generated numbers rather than single examples: Luhn (ISO/IEC 7812-1), the brand
 * IIN ranges and lengths, the sandbox PANs and the grouping as printed on the card (../shared/CHECKSUMS.md §11).
 * The oracle below restates the documented table and the check digit; it does not import the validator's.
 * Every number is generated (a brand prefix, random digits, the Luhn digit): none is a real card.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardBrand, luhn, validateCreditCard, type CardBrand } from '../../src/validators/credit-card.js';
import { digits, luhnOk, withLuhnDigit } from './generators.js';

/** Brands, inclusive IIN ranges and lengths as credit-card.ts documents them (CyberSource cross-checked with
 * jp-pii-detector `brandOK`; Visa 13 left out for JAN codes, Diners 14–16). */
const TABLE: readonly { brand: CardBrand; ranges: readonly [string, string][]; lengths: readonly number[] }[] = [
  { brand: 'visa', ranges: [['4', '4']], lengths: [16, 19] },
  { brand: 'mastercard', ranges: [['51', '55'], ['2221', '2720']], lengths: [16] },
  { brand: 'jcb', ranges: [['3528', '3589']], lengths: [16, 17, 18, 19] },
  { brand: 'amex', ranges: [['34', '34'], ['37', '37']], lengths: [15] },
  { brand: 'diners', ranges: [['300', '305'], ['3095', '3095'], ['36', '36'], ['38', '39']], lengths: [14, 15, 16] },
  { brand: 'discover', ranges: [['6011', '6011'], ['644', '649'], ['65', '65']], lengths: [16, 19] },
  { brand: 'unionpay', ranges: [['62', '62']], lengths: [16, 17, 18, 19] },
];

const SANDBOX = [
  '4111111111111111', '4242424242424242', '5555555555554444', '378282246310005', '371449635398431',
  '6011111111111117', '6011000990139424', '30569309025904', '3530111333300000',
];

/** The brand of the table whose range and length fit, or undefined. */
function brandOf(d: string): CardBrand | undefined {
  return TABLE.find((r) => r.lengths.includes(d.length) && r.ranges.some(([from, to]) => d.slice(0, from.length) >= from && d.slice(0, from.length) <= to))?.brand;
}

/** Group sizes printed on the card: Amex 4-6-5, Diners of 14 digits 4-6-4, otherwise fours and a shorter tail. */
function printed(brand: CardBrand, length: number): number[] {
  if (brand === 'amex') return [4, 6, 5];
  if (brand === 'diners' && length === 14) return [4, 6, 4];
  return Array.from({ length: Math.ceil(length / 4) }, (_, i) => Math.min(4, length - 4 * i));
}

function split(d: string, sizes: readonly number[]): string[] {
  let at = 0;
  return sizes.map((n) => d.slice(at, (at += n)));
}

/** A prefix inside [from, to]: either end or any number between (same digit count). */
const prefixIn = ([from, to]: readonly [string, string]): fc.Arbitrary<string> =>
  fc.oneof(fc.constantFrom(from, to), fc.integer({ min: Number(from), max: Number(to) }).map(String));

/** A Luhn-valid number of a brand: a prefix in one of its ranges, one of its lengths, random digits. */
const cardOf = (rule: (typeof TABLE)[number]): fc.Arbitrary<string> =>
  fc
    .tuple(fc.constantFrom(...rule.ranges).chain(prefixIn), fc.constantFrom(...rule.lengths))
    .chain(([prefix, length]) => digits(length - 1 - prefix.length).map((rest) => withLuhnDigit(prefix + rest)))
    .filter((d) => !SANDBOX.includes(d));

const anyCard: fc.Arbitrary<{ brand: CardBrand; d: string }> = fc.constantFrom(...TABLE).chain((rule) => cardOf(rule).map((d) => ({ brand: rule.brand, d })));

/** A prefix near the edges of every range (one below, the ends, one above), so the borders are tried. */
const edgePrefix: fc.Arbitrary<string> = fc.constantFrom(
  ...TABLE.flatMap((r) => r.ranges.flatMap(([from, to]) => [Number(from) - 1, Number(from), Number(to), Number(to) + 1].map((n) => String(n).padStart(from.length, '0')))),
);

const NON_DIGITS = [' ', '\t', '\n', '\u3000', '-', 'a', 'X', '０', '.'];
const SEPARATORS = [' ', '-', ' - ', '\u3000'];

describe('luhn', () => {
  it('agrees with the written-out check on any digit string (1–24 digits)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 24 }).chain(digits), (d) => {
        expect(luhn(d)).toBe(luhnOk(d));
      }),
      { seed: 50, numRuns: 400 },
    );
  });

  it('accepts every number completed with its check digit and rejects every other last digit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 22 }).chain(digits), fc.integer({ min: 1, max: 9 }), (body, shift) => {
        const valid = withLuhnDigit(body);
        expect(luhn(valid)).toBe(true);
        expect(luhn(body + ((Number(valid.at(-1)) + shift) % 10))).toBe(false);
      }),
      { seed: 51, numRuns: 300 },
    );
  });

  it('is false for any text that is not digits only, wherever the other character is (even white space, which Number() reads as 0)', () => {
    // A valid number with a leading zero, or one ending in 0: a white space in place of that zero would still sum
    // to a multiple of 10, so only the digits-only rule rejects it.
    const leadingZero = fc.integer({ min: 1, max: 20 }).chain(digits).map((b) => `0${withLuhnDigit(b)}`);
    const trailingZero = fc.integer({ min: 1, max: 20 }).chain(digits).map(withLuhnDigit).filter((d) => d.endsWith('0'));
    const anyValid = fc.integer({ min: 1, max: 20 }).chain(digits).map(withLuhnDigit);
    fc.assert(
      fc.property(fc.oneof(leadingZero, trailingZero, anyValid), fc.constantFrom(...NON_DIGITS), fc.nat(), fc.boolean(), (valid, ch, at, replace) => {
        const p = at % valid.length;
        const zeroAt = valid.startsWith('0') ? 0 : valid.endsWith('0') ? valid.length - 1 : p;
        const text = replace ? valid.slice(0, zeroAt) + ch + valid.slice(zeroAt + 1) : valid.slice(0, p) + ch + valid.slice(p);
        expect(luhn(text)).toBe(false);
      }),
      { seed: 52, numRuns: 500 },
    );
  });

  it('is false for the empty string', () => expect(luhn('')).toBe(false));
});

describe('cardBrand', () => {
  it('names the brand of every generated number of every brand, range end and length', () => {
    fc.assert(
      fc.property(anyCard, ({ brand, d }) => {
        expect(cardBrand(d)).toBe(brand);
      }),
      { seed: 53, numRuns: 600 },
    );
  });

  it('agrees with the documented table on any 12–20 digit number, prefixes at the range edges included', () => {
    const number = fc.tuple(fc.oneof(edgePrefix, digits(1), digits(2), digits(4)), fc.integer({ min: 12, max: 20 })).chain(([prefix, length]) =>
      digits(Math.max(0, length - prefix.length)).map((rest) => (prefix + rest).slice(0, length)),
    );
    fc.assert(
      fc.property(number, (d) => {
        expect(cardBrand(d)).toBe(brandOf(d));
      }),
      { seed: 54, numRuns: 1500 },
    );
  });

  it('names no brand for a number with any other character after its prefix', () => {
    fc.assert(
      fc.property(anyCard, fc.constantFrom(...NON_DIGITS), fc.nat(), ({ d }, ch, at) => {
        const p = 4 + (at % (d.length - 5)); // after the longest prefix, before the last digit
        expect(cardBrand(d.slice(0, p) + ch + d.slice(p + 1))).toBeUndefined();
      }),
      { seed: 55, numRuns: 400 },
    );
  });
});

describe('validateCreditCard', () => {
  it('accepts every generated number of every brand written bare, without bonus', () => {
    fc.assert(
      fc.property(anyCard, ({ d }) => {
        expect(validateCreditCard(d)).toEqual({ ok: true, value: d });
      }),
      { seed: 56, numRuns: 300 },
    );
  });

  it('gives the grouping bonus to the grouping printed on the card (one separator kind), white space around it or not', () => {
    fc.assert(
      fc.property(anyCard, fc.constantFrom(...SEPARATORS), fc.constantFrom('', ' ', '\t', '  '), fc.constantFrom('', ' ', '\n'), ({ brand, d }, sep, before, after) => {
        const text = before + split(d, printed(brand, d.length)).join(sep) + after;
        expect(validateCreditCard(text)).toEqual({ ok: true, value: d, bonus: 0.15 });
      }),
      { seed: 57, numRuns: 400 },
    );
  });

  it('ignores white space around a bare number', () => {
    fc.assert(
      fc.property(anyCard, fc.constantFrom(' ', '\t', '\u3000 '), ({ d }, ws) => {
        expect(validateCreditCard(`${ws}${d}${ws}`)).toEqual({ ok: true, value: d });
      }),
      { seed: 58, numRuns: 200 },
    );
  });

  it('accepts the printed grouping with mixed separators, without bonus', () => {
    fc.assert(
      fc.property(anyCard, fc.nat(), ({ brand, d }, pick) => {
        const groups = split(d, printed(brand, d.length));
        const text = groups.map((g, i) => (i === 0 ? g : `${i === 1 + (pick % (groups.length - 1)) ? '-' : ' '}${g}`)).join('');
        expect(validateCreditCard(text)).toEqual({ ok: true, value: d });
      }),
      { seed: 59, numRuns: 300 },
    );
  });

  it('rejects any other grouping: other group sizes, or a separator left dangling at either end', () => {
    const sizes = (length: number): fc.Arbitrary<number[]> =>
      fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 2, maxLength: 6 }).map((parts) => {
        const out: number[] = [];
        let left = length;
        for (const n of parts) if (left > n) (out.push(n), (left -= n));
        return [...out, left];
      });
    const regrouped = anyCard.chain(({ brand, d }) =>
      sizes(d.length)
        .filter((s) => s.length > 1 && s.join() !== printed(brand, d.length).join())
        .map((s) => split(d, s).join(' ')),
    );
    const dangling = fc.tuple(anyCard, fc.constantFrom('-', '/', '.'), fc.boolean()).map(([{ brand, d }, sep, atEnd]) => {
      const grouped = split(d, printed(brand, d.length)).join(sep);
      return atEnd ? grouped + sep : sep + grouped;
    });
    fc.assert(
      fc.property(fc.oneof(regrouped, dangling), (text) => {
        expect(validateCreditCard(text)).toEqual({ ok: false, reason: 'grouping does not match the card brand' });
      }),
      { seed: 60, numRuns: 400 },
    );
  });

  it('rejects the sandbox PANs, bare and grouped as printed', () => {
    for (const d of SANDBOX) {
      const brand = brandOf(d);
      expect(brand).toBeDefined();
      for (const text of [d, split(d, printed(brand!, d.length)).join(' ')]) {
        expect(validateCreditCard(text)).toEqual({ ok: false, reason: 'well-known test card number' });
      }
    }
  });

  it('rejects a changed last digit (Luhn) and a number no brand has (IIN range or length)', () => {
    fc.assert(
      fc.property(anyCard, fc.integer({ min: 1, max: 9 }), ({ d }, shift) => {
        const broken = d.slice(0, -1) + ((Number(d.at(-1)) + shift) % 10);
        expect(validateCreditCard(broken)).toEqual({ ok: false, reason: 'Luhn check failed' });
      }),
      { seed: 61, numRuns: 200 },
    );
    const noBrand = fc
      .tuple(fc.oneof(edgePrefix, digits(2)), fc.integer({ min: 13, max: 19 }))
      .chain(([prefix, length]) => digits(length - 1 - prefix.length).map((rest) => withLuhnDigit(prefix + rest)))
      .filter((d) => brandOf(d) === undefined);
    fc.assert(
      fc.property(noBrand, (d) => {
        expect(validateCreditCard(d)).toEqual({ ok: false, reason: 'no card brand has this IIN range and length' });
      }),
      { seed: 62, numRuns: 300 },
    );
  });

  it('rejects fewer than 13 or more than 19 digits', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 20, max: 30 })).chain((n) => digits(n - 1)).map(withLuhnDigit), (d) => {
        expect(validateCreditCard(d)).toEqual({ ok: false, reason: 'not 13-19 digits' });
      }),
      { seed: 63, numRuns: 200 },
    );
  });
});
