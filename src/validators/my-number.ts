/**
 * 個人番号 (My Number) validator.
 * Input: the matched text (NFKC, dashes unified). Output: the 12 digits, or a reason to reject.
 * Never accepts a number whose check digit fails, and never returns the value inside a reason.
 */
import { digitsOf, type Validator } from './types.js';

/**
 * Check digit of the 個人番号: 平成26年総務省令第85号 第5条 (see ../shared/CHECKSUMS.md §1).
 * 検査用数字 = 11 − (Σ Pn×Qn mod 11), 0 when the remainder is ≤ 1; Pn counted from the lowest digit,
 * Qn = n+1 for n ≤ 6, n−5 for 7 ≤ n ≤ 11.
 */
export function myNumberCheckDigit(first11: string): number {
  // Reads digits 0–10 only: the whole 12-digit number may be given (no slice per candidate).
  let sum = 0;
  for (let n = 1; n <= 11; n++) sum += Number(first11[11 - n]) * (n <= 6 ? n + 1 : n - 5);
  const r = sum % 11;
  return r <= 1 ? 0 : 11 - r;
}

/** True for exactly 12 ASCII digits whose last digit is the statutory check digit. */
export function isValidMyNumber(digits: string): boolean {
  if (!/^\d{12}$/.test(digits)) return false;
  return myNumberCheckDigit(digits) === Number(digits[11]);
}

export const validateMyNumber: Validator = (text) => {
  const digits = digitsOf(text);
  if (!/^\d{12}$/.test(digits)) return { ok: false, reason: 'not 12 digits' };
  // 000000000000 passes the check digit; a run of one digit is a placeholder, not a number.
  if (/^(\d)\1*$/.test(digits)) return { ok: false, reason: 'all digits the same' };
  if (!isValidMyNumber(digits)) return { ok: false, reason: 'check digit mismatch' };
  return { ok: true, value: digits };
};
