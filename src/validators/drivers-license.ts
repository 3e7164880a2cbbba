/**
 * 運転免許証番号 (driver's licence number) validator: 12 digits opening with a 公安委員会コード.
 * Input: the matched text (NFKC, dashes unified). Output: the 12 digits with a small bonus, or a reason.
 * Never rejects on the check digit, because its algorithm is not officially published (CHECKSUMS.md §3).
 */
import { digitsOf, type Validator } from './types.js';

/**
 * Digits 1–2: the 公安委員会 of first issue (警察庁通達「運転免許証の番号の形式及び内容について」, 昭和56年, as
 * described by the secondary sources below; the circular itself is not online). The 51 codes agree across
 * https://www.benricho.org/drivinglicense/ , https://drive.nomaki.jp/d2.html , https://moneytimes.jp/archives/480136/2
 * and https://woman.excite.co.jp/article/lifestyle/rid_Suzie_18332/pid_2.html : 北海道 10–14 (本部, 函館, 旭川,
 * 釧路, 北見), 東北 20–25, 東京 30, 関東甲信越 40–49, 北陸中部 50–55, 近畿 60–65, 中国 70–74, 四国 80–83,
 * 九州沖縄 90–97. The "00 for converted foreign licences" era mentioned in CHECKSUMS.md is unconfirmed: left out.
 */
const CODE_RANGES: readonly (readonly [number, number])[] = [
  [10, 14], [20, 25], [30, 30], [40, 49], [50, 55], [60, 65], [70, 74], [80, 83], [90, 97],
];

export const PUBLIC_SAFETY_COMMISSION_CODES: ReadonlySet<string> = new Set(
  CODE_RANGES.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i))),
);

/**
 * Digit 11 [community, not official]: http://jiko0.com/bangou.html , https://kurechan.hatenadiary.org/entry/20050121/p2
 * S = Σ d1..d10 × 5,4,3,2,7,6,5,4,3,2; check = (11 − S mod 11) mod 10.
 */
export function driversLicenseCheckDigit(first10: string): number {
  const weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((s, w, i) => s + w * Number(first10[i]), 0);
  return (11 - (sum % 11)) % 10;
}

/** True for 12 ASCII digits opening with a known 公安委員会コード (the check digit is not required). */
export function isPlausibleDriversLicense(digits: string): boolean {
  return /^\d{12}$/.test(digits) && PUBLIC_SAFETY_COMMISSION_CODES.has(digits.slice(0, 2));
}

export const validateDriversLicense: Validator = (text) => {
  const digits = digitsOf(text);
  if (!/^\d{12}$/.test(digits)) return { ok: false, reason: 'not 12 digits' };
  if (/^(\d)\1*$/.test(digits)) return { ok: false, reason: 'all digits the same' };
  if (!PUBLIC_SAFETY_COMMISSION_CODES.has(digits.slice(0, 2))) {
    return { ok: false, reason: 'unknown public safety commission code' };
  }
  const checkPasses = driversLicenseCheckDigit(digits.slice(0, 10)) === Number(digits[10]);
  return { ok: true, value: digits, bonus: checkPasses ? 0.1 : -0.1 };
};
