import { describe, expect, it } from 'vitest';
import { pageLines, type RawTextItem } from '../../src/extract/pdf-lines.js';

/** A pdf.js text item at (x, y), `size` points high, `width` points wide. */
const item = (str: string, x: number, y: number, width: number, size = 10): RawTextItem => ({ str, transform: [size, 0, 0, size, x, y], width, height: size });
const texts = (items: RawTextItem[]) => pageLines(items).lines.map((l) => l.cells.map((c) => c.text));

describe('pageLines: lines and cells rebuilt from text positions', () => {
  it('orders lines top to bottom and items by x, whatever the stream order', () => {
    expect(texts([item('b', 24, 700, 10), item('下', 10, 680, 10), item('a', 10, 700.2, 10), item('c', 60, 699.8, 10)])).toEqual([['a b', 'c'], ['下']]);
  });

  it('splits cells at a gap of 1.5 em and more, keeps a narrower gap as a space, kerning as nothing', () => {
    expect(texts([item('氏名', 10, 700, 20), item('梅田', 45, 700, 20), item('花子', 68, 700, 20), item('子', 88.5, 700, 10)])).toEqual([['氏名', '梅田 花子子']]);
  });

  it('removes the space a font switch leaves between digits and kanji', () => {
    expect(texts([item('1954', 10, 700, 22), item('年', 34, 700, 10), item('7', 46, 700, 5.5), item('月', 53, 700, 10)])).toEqual([['1954年7月']]);
  });

  it('keeps a subscript or ruby line apart (baseline off by more than a third of the size)', () => {
    expect(texts([item('うめだ', 10, 712, 15, 5), item('梅田', 10, 700, 20)])).toEqual([['うめだ'], ['梅田']]);
  });

  it('keeps text printed twice at the same place (fake bold) once', () => {
    expect(texts([item('梅田', 10, 700, 20), item('梅田', 10.3, 700, 20)])).toEqual([['梅田']]);
  });

  it('gives vertical and rotated text back in stream order, joined as pdf.js reads it, never dropped', () => {
    const rotated = (str: string, y: number, hasEOL = false) => ({ ...item(str, 10, y, 30), transform: [0, 10, -10, 0, 10, y], hasEOL });
    const vertical = { ...item('縦書き', 200, 700, 30), dir: 'ttb', hasEOL: true };
    expect(pageLines([rotated('090-', 700), rotated('5555-0199', 660, true), item(' ', 0, 0, 3), item('横', 50, 600, 10), vertical])).toEqual({
      lines: [{ y: 600, size: 10, cells: [expect.objectContaining({ text: '横' })] }],
      other: '090-5555-0199\n縦書き',
    });
  });
});
