/**
 * 保険者番号 (health-insurance insurer number) validator: 8 digits, or 6 for 国民健康保険.
 * Input: the matched text (NFKC, dashes unified). Output: the digits, or a reason.
 * Never accepts a failing 検証番号; does not check the member's 記号・番号 (no published check digit).
 */
import { digitsOf, type Validator } from './types.js';

/**
 * 検証番号 per 昭和49年9月20日 保険発第104号「診療報酬明細書等に記載される保険者番号の設定について」
 * (https://www.mhlw.go.jp/web/t_doc?dataId=00tb0648&dataType=1&pageNo=1, CHECKSUMS.md §4):
 * weights 2,1,2,… from the last body digit, digits of each product summed, 10 − (sum mod 10), 0 for 10.
 */
export function insurerCheckDigit(body: string): number {
  let sum = 0;
  let weight = 2;
  for (let i = body.length - 1; i >= 0; i--) {
    const product = Number(body[i]) * weight;
    sum += Math.floor(product / 10) + (product % 10);
    weight = 3 - weight;
  }
  return (10 - (sum % 10)) % 10;
}

/** True for 6 or 8 ASCII digits whose last digit is the 検証番号 of the others. */
export function isValidInsurerNumber(digits: string): boolean {
  if (!/^(\d{6}|\d{8})$/.test(digits)) return false;
  return insurerCheckDigit(digits.slice(0, -1)) === Number(digits[digits.length - 1]);
}

/**
 * 法別番号 in use for health insurance (厚生労働省「保険者番号等の設定について」; the list in
 * https://shinryo-hosyu.net/hokensya_bangou): 01 協会けんぽ, 02 船員, 03/04 日雇, 06 組合, 07 自衛官,
 * 31–34 共済, 39 後期高齢者, 63 特定健保, 67 国保退職, 72–75 特例退職. A YYYYMMDD date (19…/20…) is none.
 */
export const HOUBETSU: ReadonlySet<string> = new Set(['01', '02', '03', '04', '06', '07', '31', '32', '33', '34', '39', '63', '67', '72', '73', '74', '75']);

function plausiblePrefecture(two: string): boolean {
  const n = Number(two);
  return n >= 1 && n <= 47;
}

export const validateInsurerNumber: Validator = (text) => {
  const digits = digitsOf(text);
  if (!/^(\d{6}|\d{8})$/.test(digits)) return { ok: false, reason: 'not 6 or 8 digits' };
  // 000000 and 00000000 pass the check digit; they are placeholders.
  if (/^(\d)\1*$/.test(digits)) return { ok: false, reason: 'all digits the same' };
  if (!isValidInsurerNumber(digits)) return { ok: false, reason: 'check digit mismatch' };
  if (digits.length === 8 && !(HOUBETSU.has(digits.slice(0, 2)) && plausiblePrefecture(digits.slice(2, 4)))) {
    return { ok: false, reason: 'not a 法別番号 and prefecture' };
  }
  if (digits.length === 6 && !plausiblePrefecture(digits.slice(0, 2))) return { ok: false, reason: 'not a prefecture number' };
  return { ok: true, value: digits };
};
