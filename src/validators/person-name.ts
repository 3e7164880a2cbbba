/**
 * 氏名 validator. Input: a name as matched (`山田 太郎`, `ヤマダ タロウ`, `やまだ たろう`, `山田太郎様`; romaji
 * `Taro Yamada` only with options.latin). Output: the name without spaces (CONTRACT.md) and a small bonus for
 * the family/given structure. Never accepts form placeholders (氏名, 未記入, 記入例…) or anything with digits;
 * whether the text is really a name is left to the pattern's context (labels such as 氏名: / 名前:).
 */
import { rejection, type ValidationResult, type Validator } from './types.js';

/** Honorifics after a name; stripped before validating (`山田 太郎 様` → `山田太郎`). */
const HONORIFIC = /\s*(?:様|殿|さん)$/;

/**
 * One part: 1–6 of kanji (incl. 々 and 〆), hiragana, katakana (incl. ヶ and the prolonged mark ー). A '-' right
 * after a katakana letter is accepted too, because dash unification may have turned ー into '-'.
 */
const KANA_KANJI_PART = /^(?:[\p{Script=Han}々〆ぁ-ゖゝゞァ-ヺヽヾー]|(?<=[ァ-ヺ])-){1,6}$/u;
/**
 * A reading written in kana alone is longer than its kanji (潤一郎 → ジュンイチロウ, 7): up to 8, as the フリガナ
 * pattern in patterns/types/person-name.yaml allows.
 */
const KANA_ONLY_PART = /^(?:[ぁ-ゖゝゞー]{1,8}|(?:[ァ-ヺヽヾー]|(?<=[ァ-ヺ])-){1,8})$/u;
/** Romaji part: `Taro`, `TARO`, `O'Brien`, `Smith-Jones`. */
const LATIN_PART = /^[A-Za-z][A-Za-z'-]{1,19}$/;
const HIRAGANA_ONLY = /^[ぁ-ゖゝゞー]+$/;

/** Words written in name fields of templates and forms instead of a name (contained anywhere → rejected). */
export const PLACEHOLDER_WORDS: readonly string[] = [
  '未記入',
  '不明',
  '該当なし',
  '記入例',
  'サンプル',
  'テスト',
  'イグザンプル',
  'エグザンプル',
  'ダミー',
  '氏名',
  '名前',
  '御中',
];
/** Placeholders that are rejected only as a whole part: short enough to occur inside real names. */
export const PLACEHOLDER_PARTS: ReadonlySet<string> = new Set(['なし', '様', '殿']);
/** English placeholders in romaji name fields, compared case-insensitively as whole parts. */
export const PLACEHOLDER_LATIN: ReadonlySet<string> = new Set(['test', 'sample', 'name', 'unknown', 'none', 'dummy']);

/**
 * Words that end a role, a group, an organisation or a product, not a person: ご担当者様, 関係者, 会員, 総務部,
 * 株式会社, ポイントカード… (a name followed by 様 is matched without a label, so these must not pass).
 */
const NOT_A_PERSON = /(?:者|員|方|位|社|店|部|課|係|長|会|所|局|室|団|庁|省|院|校|科|組合|法人|会社|銀行|支店|センター|グループ|チーム|各位|皆|客|番号|年月日|日付|区分|種別|コード|カード|欄|金額|名称|情報|一覧)$/u;
const ORGANISATION = /(?:株式会社|有限会社|合同会社|一般社団|財団|法人|協会|組合|銀行|事務所)/u;

/** Two parts (family and given name separated by a space) is how forms write a person. */
const TWO_PART_BONUS = 0.1;
/** A lone hiragana word (`ありがとう`) is far more often ordinary text than a name. */
const HIRAGANA_WORD_BONUS = -0.2;

export function stripHonorific(text: string): string {
  return text.trim().replace(HONORIFIC, '').trim();
}

export function isPlaceholderName(parts: readonly string[]): boolean {
  const joined = parts.join('');
  if (PLACEHOLDER_WORDS.some((w) => joined.includes(w))) return true;
  if (parts.some((p) => PLACEHOLDER_LATIN.has(p.toLowerCase()))) return true;
  return parts.some((p) => PLACEHOLDER_PARTS.has(p)) || PLACEHOLDER_PARTS.has(joined);
}

function checkParts(parts: readonly string[], latin: boolean): string | undefined {
  if (parts.length === 0) return 'empty';
  // Foreign residents' names are written in katakana in up to four parts (グエン ヴァン ナム).
  if (parts.length > 2 && !(parts.length <= 4 && parts.every((p) => KANA_ONLY_PART.test(p)))) return 'more than two parts';
  if (parts.every((p) => KANA_KANJI_PART.test(p) || KANA_ONLY_PART.test(p))) return undefined;
  if (!latin) return 'not 1–6 kanji/kana (8 kana) per part';
  // Romaji needs both parts: a single Latin word is any word.
  if (parts.length === 2 && parts.every((p) => LATIN_PART.test(p))) return undefined;
  return 'not a kanji/kana or romaji name';
}

const DIGIT = /\d/;
const SPACES = /\s+/;
const DIGITS = rejection('contains digits');
const PLACEHOLDER = rejection('placeholder, not a name');
const NOT_PERSON = rejection('a role or organisation, not a person');
/** checkParts' few reasons, each made into a rejection once. */
const PART_PROBLEMS = new Map<string, ValidationResult>();

export const validatePersonName: Validator = (text, options): ValidationResult => {
  const name = stripHonorific(text);
  if (DIGIT.test(name)) return DIGITS;
  const parts = name.split(SPACES).filter((p) => p !== '');
  const problem = checkParts(parts, options?.['latin'] === true);
  if (problem !== undefined) {
    let rejected = PART_PROBLEMS.get(problem);
    if (!rejected) PART_PROBLEMS.set(problem, (rejected = rejection(problem)));
    return rejected;
  }
  if (isPlaceholderName(parts)) return PLACEHOLDER;
  const joined = parts.join('');
  if (NOT_A_PERSON.test(joined) || ORGANISATION.test(joined)) return NOT_PERSON;
  let bonus = parts.length >= 2 ? TWO_PART_BONUS : 0;
  if (parts.length === 1 && HIRAGANA_ONLY.test(parts[0] ?? '')) bonus += HIRAGANA_WORD_BONUS;
  return { ok: true, value: joined, bonus };
};
