/**
 * pdf-join: the spaces PDF text extraction puts between Japanese characters and digits, removed.
 * Word processors write digits in a Latin font and kanji in a Japanese one; at each font switch the glyphs are
 * positioned a little apart, and pdf.js turns that gap into a space: `1954 年 7 月 18 日`, `中妻 9 丁目 5 番
 * 10 号`, `昭和 35 年`. Japanese text puts no space there, so such a space is removed.
 * Input: the text of one cell or line (cells are already split on wide gaps, see pdf-lines.ts).
 * Never glues what may be two values: a space after a number is removed only before a counter (年, 番, 号…), and
 * a number of more than 8 digits (phone, My Number, account next to a
 * name) keeps its space, so does a number grouped by spaces (`6035 6569 0538`), a number that is part of a
 * Latin id (`TZ4104117`), and an ideographic space (U+3000), which a writer typed on purpose.
 */

const JA = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}々〆ー〒';
/** A number as written in dates, addresses and block numbers: digits with `-./,` between them. */
const NUM = '[0-9０-９][0-9０-９.,/\\-‐－]*';
/** Characters that make a number part of a longer token (a Latin id, a space-grouped number). */
const TOKEN = '[A-Za-z0-9０-９.,/\\-‐－]';

/** `和 35` → `和35`: a number after Japanese text. */
const AFTER_JA = new RegExp(`(?<=[${JA}]) (${NUM})(?!${TOKEN}| [0-9０-９])`, 'gu');
/**
 * Counters and units that follow a number in dates, ages, amounts and addresses. Only before these is a space
 * after a number removed: `100-0001 東京都` is a postal code and the next value, `1954 年` one date.
 */
const UNIT = '年月日時分秒歳才円万千百丁番地号階室棟の条線区画名人件個回枚本部割ヶケか箇';
/** `35 年` → `35年`: a number before a counter. */
const BEFORE_JA = new RegExp(`(?<!${TOKEN}|[0-9０-９] )(${NUM}) (?=[${UNIT}])`, 'gu');

const MAX_DIGITS = 8;

function shortNumber(num: string): boolean {
  return (num.match(/[0-9０-９]/g)?.length ?? 0) <= MAX_DIGITS;
}

export function joinJapaneseDigitSpaces(text: string): string {
  if (!text.includes(' ')) return text;
  return text
    .replace(AFTER_JA, (whole: string, num: string) => (shortNumber(num) ? num : whole))
    .replace(BEFORE_JA, (whole: string, num: string) => (shortNumber(num) ? num : whole));
}

/**
 * pdf.js breaks a line where the PDF does, so `〒100-` / `0001` arrive on two lines. A newline is removed
 * only after a digit followed by a hyphen-like character and before a digit: the number was visibly cut at
 * its separator. Newlines between plain digits stay, since joining them would fuse neighbouring table
 * cells (`123456` / `789012`) into long numbers that were never written. Applied to running text.
 */
const SPLIT_NUMBER = /(\d[-‐‑‒–—―−ー－])[ \t]*\r?\n[ \t]*(?=\d)/g;

export function joinSplitNumbers(text: string): string {
  return text.replace(SPLIT_NUMBER, '$1');
}
