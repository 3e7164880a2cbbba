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

describe('TableCells read block by block', () => {
  it('hands out the cells of every block exactly once, in order, as one read of the whole table does', async () => {
    const { TableCells } = await import('../../src/scan/table-cells.js');
    const { loadBuiltinRules } = await import('../../src/patterns/load.js');
    const rules = loadBuiltinRules();
    const rows = ['氏名,電話番号,備考'];
    for (let i = 0; i < 200; i++) rows.push(`山田 花子,"03-${String(1000 + i)}-5678",メモ${i}\r`);
    const text = rows.join('\n');
    const seg = { text, table: { delimiter: ',', headers: ['氏名', '電話番号', '備考'] }, origin: { line: 1, column: 1 } };
    const whole: unknown[] = [];
    new TableCells(text, seg, rules).until(Infinity, whole as never[]);
    const cells = new TableCells(text, seg, rules);
    const blocks: unknown[] = [];
    // Block ends anywhere, cells' starts included: a cell belongs to the block its start is in.
    for (let to = 7; to < text.length + 50; to += 173) cells.until(to, blocks as never[]);
    cells.until(Infinity, blocks as never[]);
    expect(whole.length).toBeGreaterThanOrEqual(400);
    expect(blocks).toEqual(whole);
  });
});
