import { describe, expect, it } from 'vitest';
import { columnCells } from '../../src/scan/table-cells.js';

describe('columnCells', () => {
  it('yields the chosen columns of the rows after the header, unquoted, without CR, skipping empty cells', () => {
    const text = 'h1,h2,h3\n山田,"03-1,2",x\r\n"髙橋",,y\r\nｶﾅ,"a""b",z';
    const at = (s: string): number => text.indexOf(s);
    expect(columnCells(text, ',', new Set([0, 1]))).toEqual([
      { column: 0, start: at('山田'), end: at('山田') + 2 },
      { column: 1, start: at('03-1'), end: at('03-1') + 6 },
      { column: 0, start: at('髙橋'), end: at('髙橋') + 2 },
      { column: 0, start: at('ｶﾅ'), end: at('ｶﾅ') + 2 },
      { column: 1, start: at('a""b'), end: at('a""b') + 4 },
    ]);
  });

  it('splits on tabs for TSV and ignores other delimiters', () => {
    const text = 'a\tb\n1,2\t3\n';
    expect(columnCells(text, '\t', new Set([1]))).toEqual([{ column: 1, start: text.indexOf('3'), end: text.indexOf('3') + 1 }]);
  });
});
