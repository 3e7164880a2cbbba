/**
 * Validators for identifiers that have a fixed shape but no check digit in the number itself:
 * 旅券番号 (passport), 在留カード番号 (residence card), 基礎年金番号 (basic pension number).
 * Input: the matched text (NFKC, dashes unified). Output: the canonical value (separators removed, letters
 * upper-cased), or a reason. Never claims a check digit: only shape and placeholder checks are made.
 */
import { digitsOf, type Validator } from './types.js';

/** Separators removed and letters upper-cased (CONTRACT.md, normalized value). */
function canonical(text: string): string {
  return digitsOf(text).toUpperCase();
}

/**
 * Letters as typed: all upper-case (as printed on the card), all lower-case (typed into a form: scored
 * lower, as hex ids and hashes share the shape), or mixed (`Tr1234567`: an identifier, rejected).
 */
function letterCase(text: string): 'upper' | 'lower' | 'mixed' {
  const letters = text.replace(/[^A-Za-z]/g, '');
  if (letters === letters.toUpperCase()) return 'upper';
  return letters === letters.toLowerCase() ? 'lower' : 'mixed';
}
const LOWER_CASE_BONUS = -0.2;

function caseBonus(text: string): number | undefined {
  const c = letterCase(text);
  return c === 'mixed' ? undefined : c === 'lower' ? LOWER_CASE_BONUS : 0;
}

/** Passport: two letters and seven digits (Purview, validator.js `JP`; CHECKSUMS.md §7). MOFA does not publish the letters. */
export function isPassportNumber(value: string): boolean {
  return /^[A-Z]{2}\d{7}$/.test(value);
}

/** Residence card: two letters, eight digits, two letters (MOJ sample card `AB12345678CD`; CHECKSUMS.md §6). */
export function isResidenceCardNumber(value: string): boolean {
  return /^[A-Z]{2}\d{8}[A-Z]{2}$/.test(value);
}

/** 基礎年金番号: 記号 4 digits + 番号 6 digits (日本年金機構; 茂原市 page cited in CHECKSUMS.md §8). */
export function isPensionNumber(value: string): boolean {
  return /^\d{10}$/.test(value);
}

/**
 * MRZ check digit, ICAO Doc 9303 Part 3: weights 7,3,1 repeating, digits as themselves, A=10…Z=35, '<'=0,
 * sum mod 10 (CHECKSUMS.md §7). Only for the MRZ line; the printed passport number has no check digit.
 */
export function mrzCheckDigit(field: string): number {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < field.length; i++) {
    const ch = field.charAt(i).toUpperCase();
    const value = /\d/.test(ch) ? Number(ch) : /[A-Z]/.test(ch) ? ch.charCodeAt(0) - 55 : 0;
    sum += value * (weights[i % 3] ?? 0);
  }
  return sum % 10;
}

const SAME_DIGITS = /^(\d)\1*$/;

export const validatePassport: Validator = (text) => {
  const value = canonical(text);
  if (!isPassportNumber(value)) return { ok: false, reason: 'not two letters and seven digits' };
  if (SAME_DIGITS.test(value.slice(2))) return { ok: false, reason: 'placeholder digits' };
  const bonus = caseBonus(text);
  if (bonus === undefined) return { ok: false, reason: 'letters in mixed case' };
  return bonus ? { ok: true, value, bonus } : { ok: true, value };
};

export const validateResidenceCard: Validator = (text) => {
  const value = canonical(text);
  if (!isResidenceCardNumber(value)) return { ok: false, reason: 'not two letters, eight digits, two letters' };
  if (SAME_DIGITS.test(value.slice(2, 10))) return { ok: false, reason: 'placeholder digits' };
  const bonus = caseBonus(text);
  if (bonus === undefined) return { ok: false, reason: 'letters in mixed case' };
  return bonus ? { ok: true, value, bonus } : { ok: true, value };
};

export const validatePensionNumber: Validator = (text) => {
  const value = digitsOf(text);
  if (!isPensionNumber(value)) return { ok: false, reason: 'not 10 digits' };
  if (SAME_DIGITS.test(value)) return { ok: false, reason: 'all digits the same' };
  const trimmed = text.trim();
  if (/^\d{10}$/.test(trimmed)) return { ok: true, value };
  // Written with separators, only the 4+6 split is a pension number; 3-3-4 or 2-4-4 is a phone number.
  if (!/^\d{4}(?:\s*-\s*|\s+)\d{6}$/.test(trimmed)) return { ok: false, reason: 'not grouped 4-6' };
  return { ok: true, value, bonus: 0.1 };
};
