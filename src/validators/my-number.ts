/**
 * 個人番号 (My Number) validator.
 * Input: the matched text (NFKC, dashes unified). Output: the 12 digits, or a reason to reject.
 * Never accepts a number whose check digit fails, and never returns the value inside a reason.
 */
import { allSame, digitAt, digitsOf, isDigits, rejection, type Validator } from './types.js';

/**
 * Check digit of the 個人番号: 平成26年総務省令第85号 第5条 (see ../shared/CHECKSUMS.md §1).
 * 検査用数字 = 11 − (Σ Pn×Qn mod 11), 0 when the remainder is ≤ 1; Pn counted from the lowest digit,
 * Qn = n+1 for n ≤ 6, n−5 for 7 ≤ n ≤ 11.
 */
export function myNumberCheckDigit(first11: string): number {
  // Reads digits 0–10 only: the whole 12-digit number may be given (no slice per candidate).
  let sum = 0;
  for (let n = 1; n <= 11; n++) sum += digitAt(first11, 11 - n) * (n <= 6 ? n + 1 : n - 5);
  const r = sum % 11;
  return r <= 1 ? 0 : 11 - r;
}

/** True for exactly 12 ASCII digits whose last digit is the statutory check digit. */
export function isValidMyNumber(digits: string): boolean {
  if (digits.length !== 12 || !isDigits(digits)) return false;
  return myNumberCheckDigit(digits) === digitAt(digits, 11);
}

const NOT_12 = rejection('not 12 digits');
const SAME = rejection('all digits the same');
const CHECK = rejection('check digit mismatch');

export const validateMyNumber: Validator = (text) => {
  const digits = digitsOf(text);
  if (digits.length !== 12 || !isDigits(digits)) return NOT_12;
  // 000000000000 passes the check digit; a run of one digit is a placeholder, not a number.
  if (allSame(digits)) return SAME;
  if (!isValidMyNumber(digits)) return CHECK;
  return { ok: true, value: digits };
};
