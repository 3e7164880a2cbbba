/**
 * 住所 validator. Input: an address as matched (`東京都千代田区千代田1-1`, `大阪府大阪市北区梅田一丁目1番1号`).
 * Output: the address as written with surrounding spaces trimmed, and a bonus when it is precise down to the
 * block (丁目/番地/号 or N-N-N). Never accepts a prefecture or city name alone: without a municipality and a
 * block number it is a place, not someone's address. Does not check that the town exists.
 */
import type { ValidationResult, Validator } from './types.js';

/** The 47 都道府県 in JIS X 0401 order (codes 01–47). */
export const PREFECTURES: readonly string[] = [
  '北海道', '青森県', '岩手県', '宮城県', '秋田県', '山形県', '福島県',
  '茨城県', '栃木県', '群馬県', '埼玉県', '千葉県', '東京都', '神奈川県',
  '新潟県', '富山県', '石川県', '福井県', '山梨県', '長野県', '岐阜県',
  '静岡県', '愛知県', '三重県', '滋賀県', '京都府', '大阪府', '兵庫県',
  '奈良県', '和歌山県', '鳥取県', '島根県', '岡山県', '広島県', '山口県',
  '徳島県', '香川県', '愛媛県', '高知県', '福岡県', '佐賀県', '長崎県',
  '熊本県', '大分県', '宮崎県', '鹿児島県', '沖縄県',
];

/** Longest addresses seen in Japan Post data stay well under this; longer text is a paragraph, not an address. */
const MAX_LENGTH = 120;

/** 市/区/町/村/郡 after a name of 1–7 kanji/kana (郡 comes before its 町/村: 北佐久郡軽井沢町). */
const MUNICIPALITY = /^[\p{Script=Han}ぁ-ゖァ-ヺヶー々]{1,7}?[市区町村郡]/u;
/** Any municipality marker further in (the text after a prefecture may start with a 郡 or 市). */
const MUNICIPALITY_MARKER = /[市区町村郡]/;
/** Block numbers: digits, 丁目, 番地, 番, 号, or kanji numerals followed by one of those. */
const BLOCK = /\d|丁目|番地|番|号/;
/** Precise to the block: 丁目, 番地, 号, or N-N / N-N-N. */
const PRECISE = /丁目|番地|号|\d+-\d+/;
const PRECISE_BONUS = 0.1;

/** The prefecture the address starts with, if any. */
export function prefectureOf(address: string): string | undefined {
  return PREFECTURES.find((p) => address.startsWith(p));
}

/** Where the part after the prefecture (or the whole text, without one) begins, or a reason. */
function afterPrefecture(address: string, noPrefecture: boolean): number | string {
  const prefecture = prefectureOf(address);
  if (prefecture !== undefined) return prefecture.length;
  if (noPrefecture && MUNICIPALITY.test(address)) return 0;
  return noPrefecture ? 'does not start with a municipality' : 'does not start with a prefecture';
}

export const validateAddress: Validator = (text, options): ValidationResult => {
  const value = text.trim();
  if (value.length > MAX_LENGTH) return { ok: false, reason: 'too long for an address' };
  const start = afterPrefecture(value, options?.['noPrefecture'] === true);
  if (typeof start === 'string') return { ok: false, reason: start };
  const rest = value.slice(start);
  const marker = MUNICIPALITY_MARKER.exec(rest);
  if (marker === null) return { ok: false, reason: 'no municipality (市/区/町/村/郡)' };
  if (!BLOCK.test(rest.slice(marker.index + 1))) return { ok: false, reason: 'no block number' };
  return { ok: true, value, bonus: PRECISE.test(rest) ? PRECISE_BONUS : 0 };
};
