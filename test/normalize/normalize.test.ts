import { describe, expect, it } from 'vitest';
import { lineColumn, lineStarts } from '../../src/normalize/lines.js';
import { normalize, originalOffset } from '../../src/normalize/normalize.js';

describe('normalize', () => {
  it.each([
    ['full-width digits and letters', '０９０ＡＢｃ', '090ABc'],
    ['every dash variant between digits', '1‐2‑3‒4–5—6―7−8－9﹣0', '1-2-3-4-5-6-7-8-9-0'],
    ['prolonged sound mark between digits', '０９０ー１２３４ｰ５６７８', '090-1234-5678'],
    ['prolonged sound mark in words is kept', 'データー', 'データー'],
    ['ideographic space', '1234\u30005678', '1234 5678'],
    ['full-width colon', 'マイナンバー：', 'マイナンバー:'],
    ['half-width katakana with voiced mark', 'ｶﾞｲﾄﾞ', 'ガイド'],
    ['era ligature', '㍾60年', '明治60年'],
    ['circled digit', '①', '1'],
    ['plain ASCII and kanji untouched', 'abc 東京都 123', 'abc 東京都 123'],
  ])('%s', (_name, input, expected) => {
    expect(normalize(input).text).toBe(expected);
  });

  it('maps offsets back to the original text when lengths change', () => {
    const original = 'ｶﾞ㍾X123';
    const n = normalize(original);
    expect(n.text).toBe('ガ明治X123');
    // 'X' is at normalized 3 and original 3 (ｶﾞ is two code units, ㍾ one).
    expect(originalOffset(n, n.text.indexOf('X'))).toBe(original.indexOf('X'));
    expect(originalOffset(n, n.text.indexOf('1'))).toBe(original.indexOf('1'));
    // both characters of 明治 point at ㍾
    expect(originalOffset(n, 1)).toBe(2);
    expect(originalOffset(n, 2)).toBe(2);
  });

  it('keeps offsets one to one when lengths do not change', () => {
    const n = normalize('電話：０３－１２３４－５６７８');
    expect(n.shifts).toEqual([]);
    expect(originalOffset(n, 5)).toBe(5);
  });
});

/** The straightforward form of normalize (one NFKC call and one substring per character outside the
 * stable ranges, every stretch copied): the optimized one must give the same text and shifts. */
function referenceNormalize(text: string): { text: string; shifts: { normStart: number; normLen: number; origStart: number; origLen: number }[] } {
  const unstable = /[^\t\n\r\x20-\x7e\u3001-\u3035\u3041-\u3096\u309d\u309e\u30a1-\u30fa\u30fd\u30fe\u4e00-\u9fff]+/g;
  const dashes = /[\u2010-\u2015\u2043\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d]/g;
  const digitAt = (i: number): boolean => /[0-9０-９]/.test(text[i] ?? '');
  const parts: string[] = [];
  const shifts: { normStart: number; normLen: number; origStart: number; origLen: number }[] = [];
  let last = 0;
  let normLen = 0;
  for (let m = unstable.exec(text); m; m = unstable.exec(text)) {
    parts.push(text.slice(last, m.index));
    normLen += m.index - last;
    const runEnd = m.index + m[0].length;
    let i = m.index;
    while (i < runEnd) {
      let j = i + 1;
      const code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && j < text.length) j++;
      while (j < text.length && /[\u0300-\u036f\u3099\u309a\uff9e\uff9f]/.test(text[j] ?? '')) j++;
      const group = text.slice(i, j);
      const out = group === 'ー' || group === 'ｰ' ? (digitAt(i - 1) && digitAt(j) ? '-' : 'ー') : group.normalize('NFKC').replace(dashes, '-');
      if (out.length !== group.length) shifts.push({ normStart: normLen, normLen: out.length, origStart: i, origLen: group.length });
      parts.push(out);
      normLen += out.length;
      i = j;
    }
    last = Math.max(runEnd, i);
    unstable.lastIndex = last;
  }
  parts.push(text.slice(last));
  return { text: parts.join(''), shifts };
}

describe('normalize matches its reference form', () => {
  // Stable text, characters NFKC changes (with and without a length change), dashes, ー between digits
  // or not, voiced marks (combining and half-width), surrogate pairs, lone surrogates, line ends.
  const alphabet = ['a', '1', ' ', '\n', '\r', '東', 'カ', 'ー', 'ｰ', '０', '９', '－', '−', '‐', '（', '）', '・', '：', '㍾', '①', 'ｶ', 'ﾞ', 'ﾟ',
    '\u3099', '\u0301', 'e', '😀', '\ud800', '\udc00', '\u3000', 'Ａ', '〒', '﨑', 'ｱ', '。'];
  let seed = 12345;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const samples = Array.from({ length: 2000 }, () => Array.from({ length: 1 + next(24) }, () => alphabet[next(alphabet.length)]).join(''));
  samples.push('', 'ｰ', 'ﾞ', '\ud800', '1ー', 'ー1', '０ー', '東京都千代田区', 'abc');

  it('on 2,000 random strings of tricky characters', () => {
    for (const text of samples) {
      const n = normalize(text);
      expect({ text: n.text, shifts: n.shifts }).toEqual(referenceNormalize(text));
    }
  });
});

describe('normalize says when its text is plain NFKC', () => {
  // The flag lets the special-care scan skip a second NFKC of the text (special-care-scan.ts): when it is
  // true the text must be exactly String.prototype.normalize('NFKC') of the original, whole.
  const alphabet = ['a', 'e', '1', ' ', '\n', '東', 'か', 'カ', 'ウ', 'ー', 'ｰ', '０', '－', '−', '‐', '―', '（', '・', '：', '㍾', '①', 'ｶ', 'ﾞ', 'ﾟ', '゛',
    '\u3099', '\u309a', '\u0301', '\u0323', '\u20d0', '😀', '\ud834\udd65', '\ud800', '\u3000', 'Ａ', '〒', '가', '\u1100', '\u1161', '\u11a8', 'ক', '\u09be', '\u0344', '﹣', '\ufe31'];
  let seed = 777;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const samples = Array.from({ length: 5000 }, () => Array.from({ length: 1 + next(16) }, () => alphabet[next(alphabet.length)]).join(''));

  it('is never true of a text whose normalized form is not its NFKC form (5,000 random strings)', () => {
    let plain = 0;
    for (const text of samples) {
      const n = normalize(text);
      if (n.nfkc) {
        plain++;
        expect(n.text).toBe(text.normalize('NFKC'));
      }
    }
    expect(plain).toBeGreaterThan(100);
  });

  it.each([
    ['a dash made -', '03−1234−5678'],
    ['ー between digits', '０９０ー１２３４'],
    ['a mark after a kept letter', 'e\u0301'],
    ['a voiced mark after kana', 'か\u3099'],
    ['two voiced marks after kana (read as one group)', 'か\u3099\u3099'],
    ['two marks after a kept letter (read as one group)', 'e\u0301\u0301'],
    ['a half-width voiced mark after kana', 'かﾞ'],
    ['Hangul jamo', '\u1100\u1161'],
    ['a mark for symbols', 'a\u20d0'],
  ])('is false for %s', (_name, text) => {
    expect(normalize(text).nfkc).toBe(false);
  });

  it.each([
    ['Japanese prose', '東京都千代田区のカード（ポイント）・お名前：山田'],
    ['full-width digits and letters', '０９０ＡＢｃ①㍾'],
    ['half-width katakana with its voiced mark', 'ｶﾞｲﾄﾞ'],
    ['ー in a word', 'データー'],
    ['plain ASCII', 'tel: 03 1234 5678'],
  ])('is true for %s', (_name, text) => {
    const n = normalize(text);
    expect(n.nfkc).toBe(true);
    expect(n.text).toBe(text.normalize('NFKC'));
  });
});

describe('lines', () => {
  it.each([
    [0, 1, 1],
    [3, 1, 4],
    [4, 2, 1],
    [9, 3, 1],
    [10, 3, 2],
  ])('offset %i is line %i column %i', (offset, line, column) => {
    expect(lineColumn(lineStarts('abc\ndefg\nhi'), offset)).toEqual({ line, column });
  });
});
