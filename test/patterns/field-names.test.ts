/**
 * fieldNameTest answers as the full test does (generic words, then every rule's headers and keys) for every
 * kind of cell: header words with things around them, names, addresses, numbers, Latin keys. The shortcut it
 * takes for text without Latin letters, digits or a header word's first character must change no answer.
 */
import { describe, expect, it } from 'vitest';
import { fieldNameTest, keyNames, keyTokens, KeyVocabulary, readFieldNames } from '../../src/patterns/field-names.js';
import { loadBuiltinRules, PATTERNS_DIR } from '../../src/patterns/load.js';

const rules = loadBuiltinRules();
const names = readFieldNames(PATTERNS_DIR, undefined);

/** The test as written before the shortcut: the reference. */
function reference(text: string): boolean {
  const genericJa = (names.generic ?? []).filter((w) => !/^[\x20-\x7e]+$/.test(w)).map((w) => w.normalize('NFKC'));
  const genericKeys = new KeyVocabulary((names.generic ?? []).filter((w) => /^[\x20-\x7e]+$/.test(w)));
  const t = text.normalize('NFKC').trim();
  if (!t || t.length > 24 || /\d{3}|@/.test(t)) return false;
  const tokens = keyTokens(t);
  if (!/[0-9]/.test(t) && (genericKeys.longest(tokens) > 0 || genericJa.some((w) => t.endsWith(w) || t.startsWith(w)))) return true;
  return rules.some((r) => (r.headers.test(t) && !r.negative.test(t)) || keyNames(r, tokens));
}

/** Cells of every kind: each header word and generic word alone and with text around it, and values. */
function cells(): string[] {
  const words = [...new Set([...rules.flatMap((r) => [...r.headers.starts, ...r.negative.words]), ...(names.generic ?? [])])];
  const around = ['', 'お', '顧客', '（', '）', '1', '１', ' ', 'x', '_no', 'ご', '様'];
  const out: string[] = [];
  for (const w of words) for (const a of around) out.push(`${a}${w}`, `${w}${a}`);
  out.push('小林 拓也', 'ヤマダ タロウ', 'やまだ たろう', '生田 花子', '電気 太郎', '住吉 一郎', '東京都千代田区', '営業部', '総務課', '有限会社こだま印刷');
  out.push('E000001', '2023/07/17', '2023年1月20日', '7837366', '03-5289-7236', 'a@b.jp', 'TRUE', '複合機トナー', '㈱テスト', 'ＴＥＬ', 'Ｅメール');
  let x = 7;
  const pool = '氏名住所電話メール生年月日性別年齢番号お客様会員社員部署備考山田太郎花子一二三アイウエオカナかなTELtelNameID-_ 0１（）İ';
  for (let i = 0; i < 4000; i++) {
    let s = '';
    const len = 1 + ((x = (x * 1103515245 + 12345) & 0x7fffffff) % 8);
    for (let j = 0; j < len; j++) s += pool[(x = (x * 1103515245 + 12345) & 0x7fffffff) % pool.length];
    out.push(s);
  }
  return out;
}

describe('fieldNameTest', () => {
  it('answers as the full test for header words, generic words, values and random cells', () => {
    const test = fieldNameTest(rules, names);
    const all = cells();
    const differ = all.filter((c) => test(c) !== reference(c));
    expect(differ).toEqual([]);
    // Both answers occur, and the shortcut's texts are among the cells.
    expect(all.filter((c) => reference(c)).length).toBeGreaterThan(200);
    expect(all.filter((c) => !reference(c)).length).toBeGreaterThan(200);
  });

  it('tells names and values from field names', () => {
    const test = fieldNameTest(rules, names);
    expect(['氏名', '電話番号', 'メールアドレス', '備考', 'TEL', 'customerName'].map(test)).toEqual([true, true, true, true, true, true]);
    expect(['小林 拓也', '営業部', '2023/07/17', '有限会社こだま印刷'].map(test)).toEqual([false, false, false, false]);
  });
});
