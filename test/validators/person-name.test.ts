import { describe, it, expect } from 'vitest';
import { validatePersonName, stripHonorific, isPlaceholderName } from '../../src/validators/person-name.js';

// Names are the stock examples of Japanese forms (山田 太郎 = "John Doe"), not real people.
describe('validatePersonName accepts kanji/kana names and removes spaces', () => {
  const cases: [string, string, number][] = [
    ['山田 太郎', '山田太郎', 0.1],
    ['山田\u3000太郎'.normalize('NFKC'), '山田太郎', 0.1],
    ['山田太郎', '山田太郎', 0],
    ['ヤマダ タロウ', 'ヤマダタロウ', 0.1],
    ['やまだ たろう', 'やまだたろう', 0.1],
    ['佐々木 花子', '佐々木花子', 0.1],
    ['山田 ユーコ', '山田ユーコ', 0.1],
    ['山田 ユ-コ', '山田ユ-コ', 0.1], // ー unified to '-' by the normalizer
    ['山田 太郎様', '山田太郎', 0.1],
    ['山田 太郎 様', '山田太郎', 0.1],
    ['山田太郎殿', '山田太郎', 0],
    ['やまださん', 'やまだ', -0.2],
    ['勅使河原 三郎', '勅使河原三郎', 0.1],
    ['ヤマダ ジュンイチロウ', 'ヤマダジュンイチロウ', 0.1], // kana reading of 7
    ['やまだ じゅんいちろう', 'やまだじゅんいちろう', 0.1],
    ['  山田 太郎  ', '山田太郎', 0.1],
  ];
  it.each(cases)('%s → %s', (text, value, bonus) => {
    expect(validatePersonName(text)).toEqual({ ok: true, value, bonus });
  });
});

describe('validatePersonName rejects placeholders and non-names', () => {
  const cases: [string, string][] = [
    ['未記入', 'placeholder'],
    ['不明', 'placeholder'],
    ['なし', 'placeholder'],
    ['該当なし', 'placeholder'],
    ['記入例', 'placeholder'],
    ['サンプル', 'placeholder'],
    ['テスト 太郎', 'contains テスト'],
    ['氏名', 'field label'],
    ['名前', 'field label'],
    ['様', 'honorific alone'],
    ['殿', 'honorific alone'],
    ['営業部 御中', 'addressed to an organisation'],
    ['山田 太郎2', 'digit'],
    ['社員1', 'digit'],
    ['山田 太郎 次郎', 'three parts'],
    ['山田山田山田山 太郎', 'kanji part over 6 characters'],
    ['ヤマダ ジュンイチロウタロ', 'kana part over 8 characters'],
    ['山田ジュンイチ', 'mixed part over 6 characters'],

    ['Taro Yamada', 'romaji without options.latin'],
    ['山田-太郎', 'dash after kanji'],
    ['-タロウ', 'leading dash'],
    ['山田、太郎', 'punctuation'],
    ['', 'empty'],
    ['さん', 'honorific alone'],
  ];
  it.each(cases)('%s (%s)', (text) => {
    expect(validatePersonName(text).ok).toBe(false);
  });
});

describe('validatePersonName with options.latin', () => {
  const cases: [string, string | null][] = [
    ['Taro Yamada', 'TaroYamada'],
    ['TARO YAMADA', 'TAROYAMADA'],
    ["Sean O'Brien", "SeanO'Brien"],
    ['山田 太郎', '山田太郎'],
    ['Yamada', null], // one Latin word is any word
    ['Taro Yamada Jr', null],
    ['R2 D2', null],
    ['Test Sample', null],
    ['Taro Dummy', null],
    ['Name Unknown', null],
  ];
  it.each(cases)('%s → %s', (text, value) => {
    const r = validatePersonName(text, { latin: true });
    expect(r.ok ? r.value : null).toBe(value);
  });
});

describe('helpers', () => {
  it('strips one trailing honorific', () => {
    expect(stripHonorific('山田 太郎 様')).toBe('山田 太郎');
    expect(stripHonorific('山田さん')).toBe('山田');
    expect(stripHonorific('様山田')).toBe('様山田');
  });
  it('finds placeholders inside the name but short ones only as whole parts', () => {
    expect(isPlaceholderName(['記入例', '太郎'])).toBe(true);
    expect(isPlaceholderName(['なし'])).toBe(true);
    expect(isPlaceholderName(['たなしま'])).toBe(false);
  });
});

describe('placeholders and products added for code and data files', () => {
  it.each(['ドット イグザンプル', 'エグザンプル タロウ', 'ダミー', 'ポイントカード', 'エポスカード'])('rejects %s', (text) => {
    expect(validatePersonName(text).ok).toBe(false);
  });
  it('still accepts a katakana name', () => {
    expect(validatePersonName('カドタ ミカ')).toMatchObject({ ok: true, value: 'カドタミカ' });
  });
});
