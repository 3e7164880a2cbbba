import { describe, expect, it } from 'vitest';
import { layoutGrid, TableLayout } from '../../src/extract/table-layout.js';
import { isBuiltinFieldName } from '../../src/patterns/load.js';
import { partSegments } from '../../src/extract/office/docx.js';
import { headerLineOf } from '../../src/extract/text.js';

const grid = (rows: string[][]) => layoutGrid(rows, isBuiltinFieldName);

describe('table layout: header rows and labels as sheets are made', () => {
  it('finds the header under a title row and a blank row, starting in column B', () => {
    const layout = new TableLayout(isBuiltinFieldName);
    expect(layout.row(1, [{ col: 1, text: '【社外秘】顧客一覧' }])).toEqual([{ headerRow: false }]);
    expect(layout.row(3, [{ col: 1, text: '氏名' }, { col: 2, text: '生年月日' }, { col: 3, text: '個人番号' }]).every((c) => c.headerRow)).toBe(true);
    const data = layout.row(4, [{ col: 1, text: '試験 花子' }, { col: 2, text: '1980/4/1' }, { col: 3, text: '123456789018' }]);
    expect(data.map((c) => c.headers)).toEqual([['氏名'], ['生年月日'], ['個人番号']]);
  });

  it('asks whether a cell is a field name only where a decision needs it (rows of values: never)', () => {
    const asked: string[] = [];
    const layout = new TableLayout((text) => (asked.push(text), isBuiltinFieldName(text)));
    layout.row(1, [{ col: 0, text: '氏名' }, { col: 1, text: '電話番号' }, { col: 2, text: 'メール' }]);
    asked.length = 0;
    const laid = layout.row(2, [{ col: 0, text: '090-1234-5678' }, { col: 1, text: 'hanako@example.jp' }, { col: 2, text: '0312345678' }]);
    expect(asked).toEqual([]);
    expect(laid.map((c) => c.headers)).toEqual([['氏名'], ['電話番号'], ['メール']]);
    // A label-shaped cell left of another is asked about (is it a label?), and the other only when it is.
    layout.row(3, [{ col: 0, text: '試験 花子' }, { col: 1, text: '090-1234-5678' }]);
    expect(asked).toEqual(['試験 花子']);
  });

  it('keeps both rows of a two-row header, the lower one last', () => {
    const laid = grid([['基本情報', '', '連絡先'], ['氏名', 'フリガナ', '電話番号'], ['試験 花子', 'シケン ハナコ', '090-1234-5678']]);
    expect(laid[2]?.map((c) => c?.headers)).toEqual([['氏名'], ['フリガナ'], ['電話番号']]);
  });

  it('starts a new table at a second header row further down', () => {
    const laid = grid([['氏名', '電話番号'], ['試験 花子', '090-1234-5678'], ['', ''], ['社員番号', '口座番号'], ['E0001', '1234567']]);
    expect(laid[4]?.map((c) => c?.headers)).toEqual([['社員番号'], ['口座番号']]);
  });

  it('reads a vertical form: the label left of each value, also two pairs per row', () => {
    const laid = grid([['氏名', '試験 花子', 'フリガナ', 'シケン ハナコ'], ['個人番号', '123456789018', '生年月日', '昭和55年4月1日']]);
    expect(laid.map((r) => r.map((c) => c?.label))).toEqual([[undefined, '氏名', undefined, 'フリガナ'], [undefined, '個人番号', undefined, '生年月日']]);
    expect(laid[0]?.some((c) => c?.headerRow)).toBe(false);
  });

  it('reads a label row over a value row as that row\'s header', () => {
    const laid = grid([['氏名', '生年月日', '電話番号'], ['試験 花子', '1980-04-01', '09012345678']]);
    expect(laid[1]?.map((c) => c?.headers?.[0])).toEqual(['氏名', '生年月日', '電話番号']);
  });

  it('does not take a data row of names and departments for a header', () => {
    const laid = grid([['氏名', '部署'], ['試験 花子', '営業部'], ['試験 太郎', '総務部']]);
    expect(laid[2]?.map((c) => c?.headerRow)).toEqual([false, false]);
    expect(laid[2]?.[0]?.headers).toEqual(['氏名']);
  });
});

describe('Word form tables', () => {
  it('gives each cell its structure: the label left of the value', () => {
    const tc = (t: string) => `<w:tc><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
    const xml = `<w:body><w:p><w:r><w:t>扶養控除等申告書</w:t></w:r></w:p><w:tbl><w:tr>${tc('個人番号')}${tc('123456789018')}</w:tr></w:tbl></w:body>`;
    const segs = partSegments('document', xml);
    expect(segs.map((s) => [s.text, s.origin.paragraph, s.cell?.label])).toEqual([['扶養控除等申告書', 1, undefined], ['個人番号', 2, undefined], ['123456789018', 3, '個人番号']]);
  });
});

describe('CSV header line', () => {
  it('skips a title line, an export date and a blank line', () => {
    expect(headerLineOf(['顧客一覧', '出力日,2025/04/01', '', '氏名,電話,住所', 'a,b,c', 'd,e,f'], ',')).toBe(3);
    expect(headerLineOf(['氏名,電話,住所', 'a,b,c'], ',')).toBe(0);
  });
});
