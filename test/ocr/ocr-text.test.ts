import { describe, expect, it } from 'vitest';
import { joinWords, normaliseOcrText } from '../../src/extract/ocr/ocr-text.js';
import type { OcrLine } from '../../src/extract/ocr/engine.js';
import { findIn } from '../helpers.js';

// Inputs are what tesseract's jpn model printed for the synthetic fixtures (fixtures/ocr), or made to look so.
describe('normaliseOcrText (plain recognised text)', () => {
  it.each([
    ['spaces between CJK characters and between kanji and digits', '京都 府 京都 市 左京 区', '京都府京都市左京区'],
    ['a date read with spaces', '生年 月 日 昭和 60 年 4 月 12 日', '生年月日昭和60年4月12日'],
    ['digit groups keep their spaces', '個人 番号 1234 5678 9012', '個人番号1234 5678 9012'],
    ['a number wrapped at its hyphen', '電話 番号 080-5560-\n5433', '電話番号080-5560-5433'],
    ['noise from an underline before a number', '郵便 番号 _〒606-8501\nTEL __ 06-8351-1437', '郵便番号〒606-8501\nTEL 06-8351-1437'],
    ['O and l read inside numbers', '電話 O80-l234-567O', '電話080-1234-5670'],
    ['一 and _ read as the hyphen between digits', '080一1234_5678', '080-1234-5678'],
    ['full-width digits', '０９０－１２３４－５６７８', '090-1234-5678'],
    ['blank lines between lines of a paragraph', 'A\n\n\nB', 'A\nB'],
  ])('%s', (_why, input, expected) => {
    expect(normaliseOcrText(input)).toBe(expected);
  });

  it.each([
    ['letters next to letters', 'info1@example.jp Lot Il'],
    ['an underscore inside a value', 'a_1@example.jp'],
    ['〇 inside kanji numerals', '一〇三番地'],
    ['a line break between two numbers without a hyphen (two cells)', '123456\n789012'],
  ])('leaves %s alone', (_why, input) => {
    expect(normaliseOcrText(input)).toBe(input);
  });
});

const line = (height: number, ...words: [string, number, number][]): OcrLine => ({ height, words: words.map(([text, x0, x1]) => ({ text, x0, x1 })) });

describe('joinWords (positions of the recognised words)', () => {
  it('joins CJK words close together, keeps a wide gap between a label and its value', () => {
    // Positions from the fax fixture: 前 ends at 583, 橋本 starts at 639 on a 77 px line.
    const text = joinWords([line(77, ['お', 333, 400], ['名', 407, 556], ['前', 511, 583], ['橋本', 639, 790], ['明美', 817, 964], ['様', 987, 1060])]);
    expect(text).toBe('お名前 橋本明美様');
    expect(findIn(text).map((h) => [h.type, h.value])).toContainEqual(['person-name', '橋本明美']);
  });

  it('joins the single characters of a letter-spaced label however wide their gap', () => {
    expect(joinWords([line(34, ['氏', 162, 195], ['名', 269, 300], ['加藤', 521, 591], ['直樹', 602, 671])])).toBe('氏名 加藤直樹');
  });

  it('keeps a space between digit groups and between Latin words', () => {
    expect(joinWords([line(34, ['個人', 161, 231], ['番号', 239, 302], ['3229', 521, 598], ['5438', 609, 686], ['0774', 698, 775])])).toBe('個人番号 3229 5438 0774');
    expect(joinWords([line(53, ['2024/10/15', 207, 486], ['15:02', 505, 632], ['FROM:', 665, 818])])).toBe('2024/10/15 15:02 FROM:');
  });

  it('joins words whose boxes overlap (one number cut in two)', () => {
    expect(joinWords([line(57, ['TEL', 327, 458], ['06-8351-143', 541, 1030], ['7', 998, 1033])])).toBe('TEL 06-8351-1437');
  });

  it('gives one line per recognised line', () => {
    expect(joinWords([line(30, ['電話', 0, 60]), line(30, ['番号', 0, 60])])).toBe('電話\n番号');
  });
});
