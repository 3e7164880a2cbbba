/**
 * 法人番号 (Corporate Number) validator, also written as an invoice registration number `T` + 13 digits.
 * Input: the matched text (NFKC, dashes unified). Output: the 13 digits (without `T`), or a reason.
 * Never rejects a `T` form only for its check digit (see §2a below); never puts the value in a reason.
 */
import { allSame, digitAt, digitsOf, isDigits, rejection, type Validator } from './types.js';

/**
 * Check digit of the 法人番号: 法人番号の指定等に関する省令 (平成26年財務省令第70号) 第2条, NTA worked example
 * https://www.houjin-bangou.nta.go.jp/documents/checkdigit.pdf (../shared/CHECKSUMS.md §2).
 * 検査用数字 = 9 − (Σ Pn×Qn mod 9), Pn counted from the lowest digit of the 12-digit base, Qn = 1 (odd n), 2 (even n).
 */
export function corporateCheckDigit(base12: string, from = 0): number {
  // `from`: where the 12 digits start (a whole 13-digit number is read in place, no slice per candidate).
  let sum = 0;
  for (let n = 1; n <= 12; n++) sum += digitAt(base12, from + 12 - n) * (n % 2 === 1 ? 1 : 2);
  return 9 - (sum % 9);
}

/** True for exactly 13 ASCII digits whose FIRST digit is the check digit of the other 12. */
export function isValidCorporateNumber(digits: string): boolean {
  if (digits.length !== 13 || !isDigits(digits)) return false;
  return corporateCheckDigit(digits, 1) === digitAt(digits, 0);
}

/**
 * A 13-digit JAN/EAN (GS1 prefixes 45/49 = GS1 Japan, 978/979 = ISBN) whose GS1 mod-10 check digit holds
 * (GS1 General Specifications, "check digit calculation": weights 1,3 alternating from the left, sum ≡ 0 mod 10).
 * One such code in nine also passes the corporate check, so a bare match of this shape is weaker evidence.
 */
export function looksLikeJanCode(digits: string): boolean {
  if (!JAN_PREFIX.test(digits) || digits.length !== 13) return false;
  let sum = 0;
  for (let i = 0; i < 13; i++) sum += digitAt(digits, i) * (i % 2 === 0 ? 1 : 3);
  return sum % 10 === 0;
}

/** `T` + 13 digits is the 適格請求書発行事業者登録番号 (NTA インボイス公表サイト, CHECKSUMS.md §2a). */
const INVOICE_FORM = /^T[\s-]?(?<digits>[\d\s\-./]+)$/;
const JAN_PREFIX = /^(45|49|978|979)\d+$/;
const NOT_13 = rejection('not 13 digits');
const SAME = rejection('all digits the same');
const CHECK = rejection('check digit mismatch');

export const validateCorporateNumber: Validator = (text) => {
  // A bare number (most candidates: what a digit shape matched) has no `T` to look for and nothing to trim.
  const bare = isDigits(text);
  const trimmed = bare ? text : text.trim().toUpperCase();
  const invoice = bare ? null : INVOICE_FORM.exec(trimmed);
  const digits = digitsOf(invoice?.groups?.digits ?? trimmed);
  if (digits.length !== 13 || !isDigits(digits)) return NOT_13;
  if (allSame(digits)) return SAME;
  const valid = isValidCorporateNumber(digits);
  if (invoice) {
    // Individuals' invoice numbers are not documented to use the corporate check digit (§2a):
    // a failure lowers confidence instead of rejecting.
    // A failing T-form stays below medium even with context (CHECKSUMS.md §2a: low, not rejected).
    return { ok: true, value: digits, bonus: valid ? 0.3 : -0.45 };
  }
  if (!valid) return CHECK;
  if (looksLikeJanCode(digits)) return { ok: true, value: digits, bonus: -0.2 };
  return { ok: true, value: digits };
};
