/**
 * 口座番号 (bank account number) validator: a 全銀 account number, or a ゆうちょ銀行 記号-番号.
 * Input: the matched text (NFKC, dashes unified). Output: the digits (separators removed), or a reason.
 * Never guesses a bank: 全銀 account numbers have no public check digit, so only their shape is checked.
 */
import { digitsOf, type Validator } from './types.js';

/** Doubling with the digits of the product summed, as in Luhn: D(x) = 2x, minus 9 when ≥ 10. */
function doubled(x: number): number {
  return x * 2 >= 10 ? x * 2 - 9 : x * 2;
}

/**
 * 4th digit of the ゆうちょ 記号 (s1 s2 s3 c s5), computed over the 記号 and the 番号 left-padded to 8 digits.
 * Source: JP Bank's converter script https://www.jp-bank.japanpost.jp/kojin/sokin/furikomi/kouza/js/kouza_1.js
 * as transcribed by jp-pii-detector `YuchoAccount` and sanmai/jpb-account-converter (CHECKSUMS.md §5):
 * S = s1 + 3·s2 + D(s3) + 3·s5 + D(n1) + n2 + 3·n3 + D(n4) + n5 + 3·n6 + D(n7) + n8; c = S mod 10.
 */
export function yuchoCheckDigit(kigou: string, bangou: string): number {
  const n = bangou.padStart(8, '0');
  const s = (i: number): number => Number(kigou[i]);
  const b = (i: number): number => Number(n[i]);
  const sum =
    s(0) + 3 * s(1) + doubled(s(2)) + 3 * s(4) +
    doubled(b(0)) + b(1) + 3 * b(2) + doubled(b(3)) + b(4) + 3 * b(5) + doubled(b(6)) + b(7);
  return sum % 10;
}

/** True for a 5-digit 記号 and a 1–8 digit 番号 whose 記号 carries the right check digit. */
export function isValidYuchoAccount(kigou: string, bangou: string): boolean {
  if (!/^\d{5}$/.test(kigou) || !/^\d{1,8}$/.test(bangou)) return false;
  return yuchoCheckDigit(kigou, bangou) === Number(kigou[3]);
}

/** 記号 `1XXX0` (総合口座) or `0XXX0` (振替口座), a separator, then the 番号 (CHECKSUMS.md §5). */
const YUCHO_SHAPE = /^(?<kigou>[01]\d{4})(?:\s*-\s*|\s+)(?<bangou>\d{1,8})$/;

export const validateBankAccount: Validator = (text) => {
  const yucho = YUCHO_SHAPE.exec(text.trim());
  if (yucho?.groups) {
    const { kigou = '', bangou = '' } = yucho.groups;
    if (!isValidYuchoAccount(kigou, bangou)) return { ok: false, reason: 'ゆうちょ 記号 check digit mismatch' };
    return { ok: true, value: kigou + bangou, bonus: 0.2 };
  }
  const digits = digitsOf(text);
  // 全銀 口座番号 are 7 digits (SAP Business One help, CHECKSUMS.md §5); 6 or 8 written digits are less typical.
  if (!/^\d{6,8}$/.test(digits)) return { ok: false, reason: 'not a 6-8 digit account number' };
  if (/^(\d)\1*$/.test(digits)) return { ok: false, reason: 'all digits the same' };
  return digits.length === 7 ? { ok: true, value: digits } : { ok: true, value: digits, bonus: -0.1 };
};
