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
