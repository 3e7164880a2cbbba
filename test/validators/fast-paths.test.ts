/**
 * The number validators answer without regex literals, sliced strings or a new rejection per call (they run on
 * every look-alike number of a text). Each must answer exactly what the regex-based code before it answered:
 * the oracles below are that code.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardBrand, validateCreditCard } from '../../src/validators/credit-card.js';
import { corporateCheckDigit, looksLikeJanCode, validateCorporateNumber } from '../../src/validators/corporate-number.js';
import { validateMyNumber } from '../../src/validators/my-number.js';
import { isKnownPostalCode, validatePostalCode } from '../../src/validators/postal-code.js';
import { allSame, digitsOf, isDigits, rejection, type ValidationResult } from '../../src/validators/types.js';

const oldDigitsOf = (text: string): string => text.replace(/[\s\-./()]/g, '');

function oldMyNumber(text: string): ValidationResult {
  const digits = oldDigitsOf(text);
  if (!/^\d{12}$/.test(digits)) return { ok: false, reason: 'not 12 digits' };
  if (/^(\d)\1*$/.test(digits)) return { ok: false, reason: 'all digits the same' };
  let sum = 0;
  for (let n = 1; n <= 11; n++) sum += Number(digits[11 - n]) * (n <= 6 ? n + 1 : n - 5);
  const r = sum % 11;
  if ((r <= 1 ? 0 : 11 - r) !== Number(digits[11])) return { ok: false, reason: 'check digit mismatch' };
  return { ok: true, value: digits };
}

function oldCorporate(text: string): ValidationResult {
  const trimmed = text.trim().toUpperCase();
  const invoice = /^T[\s-]?(?<digits>[\d\s\-./]+)$/.exec(trimmed);
  const digits = oldDigitsOf(invoice?.groups?.['digits'] ?? trimmed);
  if (!/^\d{13}$/.test(digits)) return { ok: false, reason: 'not 13 digits' };
  if (/^(\d)\1*$/.test(digits)) return { ok: false, reason: 'all digits the same' };
  const valid = corporateCheckDigit(digits.slice(1)) === Number(digits[0]);
  if (invoice) return { ok: true, value: digits, bonus: valid ? 0.3 : -0.45 };
  if (!valid) return { ok: false, reason: 'check digit mismatch' };
  if (looksLikeJanCode(digits)) return { ok: true, value: digits, bonus: -0.2 };
  return { ok: true, value: digits };
}

function oldLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d > 4 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** The card validator's early answers (the grouping that follows did not change). */
function oldCardRejection(text: string): ValidationResult | undefined {
  const digits = oldDigitsOf(text);
  if (!/^\d{13,19}$/.test(digits)) return { ok: false, reason: 'not 13-19 digits' };
  if (!oldLuhn(digits)) return { ok: false, reason: 'Luhn check failed' };
  if (cardBrand(digits) === undefined) return { ok: false, reason: 'no card brand has this IIN range and length' };
  return undefined;
}

function oldPostal(text: string): ValidationResult {
  const m = /^〒?\s*(\d{3})(\s*-\s*|\s?)(\d{4})$/.exec(text.trim());
  if (!m) return { ok: false, reason: 'not NNN-NNNN or NNNNNNN' };
  const value = `${m[1]}${m[3]}`;
  if (!isKnownPostalCode(value)) return { ok: false, reason: 'not in the Japan Post postal code list' };
  return { ok: true, value, bonus: m[2]?.includes('-') ? 0.1 : 0 };
}

/** Digits and what numbers are written with; real codes and numbers so that the accepting paths are reached. */
const UNITS = ['0', '1', '4', '9', '12', '1234', '150', '0002', '1500002', '1000001', '4912345678904', '8700110005901', '123456789018', '4111111111111111', '5555555555554444', '3530111333300000', '-', '-', ' ', '.', '/', '(', ')', 'T', 't', '〒', 'a', '１', '\u3000', '\t'];
const text = fc.array(fc.constantFrom(...UNITS), { minLength: 1, maxLength: 8 }).map((p) => p.join(''));

describe('the number validators answer as the regex-based code did', () => {
  it.each([
    ['my number', validateMyNumber, oldMyNumber],
    ['corporate number', validateCorporateNumber, oldCorporate],
    ['postal code', validatePostalCode, oldPostal],
  ] as const)('%s', (_name, validate, old) => {
    fc.assert(
      fc.property(text, (t) => {
        expect(validate(t)).toEqual(old(t));
      }),
      { numRuns: 4000 },
    );
  });

  it('credit card', () => {
    fc.assert(
      fc.property(text, (t) => {
        const early = oldCardRejection(t);
        const now = validateCreditCard(t);
        if (early) expect(now).toEqual(early);
        else expect(now.ok || now.reason !== 'not 13-19 digits').toBe(true);
      }),
      { numRuns: 4000 },
    );
  });

  it('examples at the edges of each check', () => {
    for (const t of ['000000000000', '100000000000', '000000000001', '111111111111', '1111-1111-1111', ' 123456789018 ']) expect(validateMyNumber(t)).toEqual(oldMyNumber(t));
    for (const t of ['0000000000000', '1000000000000', 'T1000000000000', 't 8700110005901', 'T-8700110005901', '4912345678904', ' 8700110005901']) expect(validateCorporateNumber(t)).toEqual(oldCorporate(t));
    for (const t of ['1500002', ' 1500002', '〒1500002', '150 0002', '150 - 0002', '0000000', '15000021']) expect(validatePostalCode(t)).toEqual(oldPostal(t));
  });

  it('reach their accepting paths on these texts', () => {
    expect(validateMyNumber('123456789018')).toEqual({ ok: true, value: '123456789018' });
    expect(validateCorporateNumber('8700110005901').ok).toBe(true);
    expect(validatePostalCode('1500002')).toEqual({ ok: true, value: '1500002', bonus: 0 });
    expect(validatePostalCode('150-0002')).toEqual({ ok: true, value: '1500002', bonus: 0.1 });
    expect(validateCreditCard('5555 5555 5555 4444').ok).toBe(false); // a test PAN
  });
});

describe('helpers', () => {
  it('isDigits is /^\\d+$/', () => {
    fc.assert(fc.property(fc.string(), text, (a, b) => {
      for (const t of [a, b]) expect(isDigits(t)).toBe(/^\d+$/.test(t));
    }));
  });

  it('digitsOf gives a bare number back as it is, and takes the separators out of others', () => {
    expect(digitsOf('1234')).toBe('1234');
    expect(digitsOf('1234-5678 90(1)2.3/4')).toBe('1234567890123' + '4');
    fc.assert(
      fc.property(text, (t) => {
        expect(digitsOf(t)).toBe(oldDigitsOf(t));
      }),
    );
  });

  it('allSame is /^(.)\\1*$/ on digits', () => {
    for (const t of ['000000000000', '1', '11112', '21111', '']) expect(allSame(t)).toBe(/^(\d)\1*$/.test(t) || t === '');
  });

  it('a rejection is one frozen object per reason, returned again', () => {
    const r = rejection('why');
    expect(Object.isFrozen(r)).toBe(true);
    expect(validateMyNumber('1')).toBe(validateMyNumber('2'));
    expect(validatePostalCode('0000000')).toBe(validatePostalCode('0000001'));
  });
});
