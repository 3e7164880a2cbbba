import { describe, expect, it } from 'vitest';
import { joinJapaneseDigitSpaces } from '../../src/extract/pdf-join.js';

describe('joinJapaneseDigitSpaces: the spaces extraction puts between Japanese text and digits', () => {
  it.each([
    ['1954 年 7 月 18 日', '1954年7月18日'],
    ['昭和 35 年 9 月 19 日', '昭和35年9月19日'],
    ['中妻 9 丁目 5 番 10 号', '中妻9丁目5番10号'],
    ['東大通二丁目 16 番地 19', '東大通二丁目16番地19'],
    ['加納町 4-23-17', '加納町4-23-17'],
    ['コーポ緑 903', 'コーポ緑903'],
    ['10 番地の 7', '10番地の7'],
    ['〒 100-0001 東京都', '〒100-0001 東京都'],
  ])('%s → %s', (input, joined) => {
    expect(joinJapaneseDigitSpaces(input)).toBe(joined);
  });

  it.each([
    ['a phone next to a name', '山田太郎 090-1234-5678'],
    ['a phone before a name', '090-1234-5678 山田'],
    ['a 12-digit number after its label', '個人番号 123456789012'],
    ['a space-grouped number', '日 6035 6569 0538'],
    ['a Latin id', 'TZ4104117 在留'],
    ['an ideographic space', '山田　1954'],
    ['Latin text', 'Room 12 A'],
    ['a postal code before the address', '100-0001 東京都'],
  ])('keeps %s apart', (_, input) => {
    expect(joinJapaneseDigitSpaces(input)).toBe(input);
  });

  it('joins a date but leaves the grouped number after it apart', () => {
    expect(joinJapaneseDigitSpaces('昭和 35 年 9 月 19 日 6035 6569 0538')).toBe('昭和35年9月19日 6035 6569 0538');
  });
});
