// Sources (../shared/CHECKSUMS.md §6–8): passport [A-Z]{2}\d{7} (Purview, validator.js JP); MRZ check digit
// ICAO Doc 9303 Part 3 (weights 7,3,1) with the smartdetax.com sample TR1234567 → 2 and the ICAO 9303 Part 4
// specimen document number L898902C3 → 6; residence card MOJ sample AB12345678CD; 基礎年金番号 4+6 digits
// (日本年金機構, 茂原市). No check digit exists in these numbers. All values are synthetic samples.
import { describe, expect, it } from 'vitest';
import {
  isPassportNumber,
  isPensionNumber,
  isResidenceCardNumber,
  mrzCheckDigit,
  validatePassport,
  validatePensionNumber,
  validateResidenceCard,
} from '../../src/validators/id-shapes.js';

type Row = readonly [text: string, expected: { ok: true; value: string; bonus?: number } | string];

function check(validate: (t: string) => unknown, rows: readonly Row[]): void {
  it.each(rows)('%s', (text, expected) => {
    const result = validate(text) as { ok: boolean; reason?: string };
    if (typeof expected === 'string') {
      expect(result.ok).toBe(false);
      expect(result.reason).toContain(expected);
    } else {
      expect(result).toEqual(expected);
    }
  });
}

describe('mrzCheckDigit', () => {
  it.each([
    ['TR1234567', 2],
    ['L898902C3', 6],
    ['740812', 2],
    ['120415', 9],
    ['AB<<<<<<<', 3],
  ])('%s → %i', (field, digit) => expect(mrzCheckDigit(field)).toBe(digit));
});

describe('shape predicates', () => {
  it.each([
    [isPassportNumber, 'TR1234567', true],
    [isPassportNumber, 'tr1234567', false],
    [isPassportNumber, 'T12345678', false],
    [isResidenceCardNumber, 'AB12345678CD', true],
    [isResidenceCardNumber, 'AB1234567CD', false],
    [isPensionNumber, '1234567890', true],
    [isPensionNumber, '1234-567890', false],
  ] as const)('%#', (predicate, value, expected) => expect(predicate(value)).toBe(expected));
});

describe('validatePassport', () => {
  check(validatePassport, [
    ['TR1234567', { ok: true, value: 'TR1234567' }],
    ['tr1234567', { ok: true, value: 'TR1234567', bonus: -0.2 }],
    ['Tr1234567', 'mixed case'],
    ['TR 1234567', { ok: true, value: 'TR1234567' }],
    ['MZ7654321', { ok: true, value: 'MZ7654321' }],
    ['AA0012345', { ok: true, value: 'AA0012345' }],
    ['TR0000000', 'placeholder'],
    ['T12345678', 'two letters'],
    ['TR123456', 'two letters'],
    ['TR12345678', 'two letters'],
    ['1R1234567', 'two letters'],
  ]);
});

describe('validateResidenceCard', () => {
  check(validateResidenceCard, [
    ['AB12345678CD', { ok: true, value: 'AB12345678CD' }],
    ['ab12345678cd', { ok: true, value: 'AB12345678CD', bonus: -0.2 }],
    ['Ab12345678cD', 'mixed case'],
    ['AB 12345678 CD', { ok: true, value: 'AB12345678CD' }],
    ['ZY98765432XW', { ok: true, value: 'ZY98765432XW' }],
    ['QQ00112233RR', { ok: true, value: 'QQ00112233RR' }],
    ['AB00000000CD', 'placeholder'],
    ['AB1234567CD', 'two letters'],
    ['A123456789CD', 'two letters'],
    ['AB12345678C1', 'two letters'],
    ['AB123456789CD', 'two letters'],
  ]);
});

describe('validatePensionNumber', () => {
  check(validatePensionNumber, [
    ['1234-567890', { ok: true, value: '1234567890', bonus: 0.1 }],
    ['1234 567890', { ok: true, value: '1234567890', bonus: 0.1 }],
    ['1234 - 567890', { ok: true, value: '1234567890', bonus: 0.1 }],
    ['1234567890', { ok: true, value: '1234567890' }],
    ['5555-000123', { ok: true, value: '5555000123', bonus: 0.1 }],
    ['0000-000000', 'same'],
    ['7777777777', 'same'],
    ['012-345-6789', '4-6'],
    ['03-1234-5678', '4-6'],
    ['123456-7890', '4-6'],
    ['1234-56789', '10 digits'],
    ['12345678901', '10 digits'],
  ]);
});
