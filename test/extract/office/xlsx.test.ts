import { describe, expect, it } from 'vitest';
import { officeExtractors } from '../../../src/extract/office/index.js';
import { cellText } from '../../../src/extract/office/xlsx.js';
import { cellFormatOf, formatNumber, generalNumber, type CellFormat } from '../../../src/extract/office/xlsx-format.js';
import type { RawCell } from '../../../src/extract/office/xlsx-sheet.js';
import type { Segment } from '../../../src/model.js';
import { ctx, load, withoutCell, withoutProperties } from './helpers.js';

const xlsx = officeExtractors.find((e) => e.format === 'xlsx')!;

/** [cell, text, header?, labelZone?] of sheet 顧客 */
type Row = [string, string, string?, boolean?];
const cells = (sheet: string, rows: Row[]): Segment[] =>
  rows.map(([cell, text, header, labelZone]) => ({
    text,
    origin: { sheet, cell },
    ...(header === undefined ? {} : { header }),
    ...(labelZone ? { labelZone } : {}),
  }));

describe('xlsx extractor on customers.xlsx (written by exceljs)', () => {
  it('gives every non-empty cell as displayed, with its column header and label zones', async () => {
    const result = withoutProperties(await xlsx.extract(load('customers.xlsx'), ctx('customers.xlsx')));
    expect(withoutCell(result)).toEqual({
      ok: true,
      format: 'xlsx',
      labels: [],
      segments: [
        ...cells('顧客', [
          ['A1', '氏名', undefined, true], ['B1', '電話番号', undefined, true], ['C1', 'マイナンバー', undefined, true],
          ['D1', '郵便番号', undefined, true], ['E1', '住所', undefined, true], ['F1', 'メール', undefined, true],
          ['G1', '生年月日', undefined, true],
          ['A2', '試験 太郎', '氏名', true], ['B2', '9012345678', '電話番号', true], ['C2', '123456789018', 'マイナンバー', true],
          ['D2', '100-0001', '郵便番号', true], ['E2', '東京都千代田区千代田1-1', '住所', true],
          ['F2', 'taro@example.com', 'メール', true], ['G2', '1980-04-01', '生年月日', true],
          ['A3', '試験 花子', '氏名', true], ['B3', '090-1234-5678', '電話番号', true], ['C3', '123456789018', 'マイナンバー', true],
          ['D3', '100-0001', '郵便番号', true], ['E3', '東京都千代田区千代田1-1', '住所', true],
          ['F3', 'hanako@example.com', 'メール', true], ['G3', '1985/12/24', '生年月日', true],
          ['A5', '合計', '氏名'], ['B5', '2', '電話番号'], ['C5', '0.3', 'マイナンバー'], ['D5', 'TRUE', '郵便番号'],
        ]),
        { text: '社外秘', origin: { sheet: '顧客', part: 'header' }, labelZone: true },
        { text: '/ 試験用', origin: { sheet: '顧客', part: 'footer' }, labelZone: true },
        ...cells('備考', [['A1', 'メモ', undefined, true], ['B4', '連絡先 090-1234-5678', undefined]]),
      ],
    });
  });

  it('renders the phone stored as a number without exponent and gives its column header as context', async () => {
    const result = await xlsx.extract(load('customers.xlsx'), ctx('customers.xlsx'));
    if (!result.ok) throw new Error(result.reason);
    const b2 = result.segments.find((s) => s.origin.sheet === '顧客' && s.origin.cell === 'B2');
    expect(b2).toMatchObject({ text: '9012345678', header: '電話番号' });
  });

  it('reads .xlsm the same way and reports format xlsm', async () => {
    const result = await xlsx.extract(load('customers.xlsx'), ctx('macro.xlsm'));
    expect(result.ok && result.format).toBe('xlsm');
  });
});

const book = (formats: CellFormat[] = [], date1904 = false) => ({ strings: ['共有', '試験 太郎'], formats, date1904 });
const raw = (inner: string, type?: string, style = 0): RawCell => ({ row: 1, col: 0, type, style, inner });

describe('cellText: what Excel shows for each cell type', () => {
  it.each([
    ['shared string', raw('<v>1</v>', 's'), '試験 太郎'],
    ['inline rich text, phonetic reading left out', raw('<is><r><t>試験</t></r><r><t xml:space="preserve"> 花子</t></r><rPh sb="0" eb="2"><t>シケン</t></rPh></is>', 'inlineStr'), '試験 花子'],
    ['formula string result', raw('<f>A1&amp;B1</f><v>090-1234-5678</v>', 'str'), '090-1234-5678'],
    ['formula number result', raw('<f>1+1</f><v>2</v>'), '2'],
    ['boolean', raw('<v>0</v>', 'b'), 'FALSE'],
    ['error value is not text', raw('<v>#N/A</v>', 'e'), undefined],
    ['ISO date cell', raw('<v>1980-04-01T00:00:00Z</v>', 'd'), '1980-04-01'],
    ['large integer stays whole', raw('<v>123456789012</v>'), '123456789012'],
    ['exponent form from other writers', raw('<v>1.23456789012E+11</v>'), '123456789012'],
    ['float noise trimmed to 15 digits', raw('<v>0.30000000000000004</v>'), '0.3'],
    ['escaped control character', raw('<v>a_x000D_b</v>', 'str'), 'a\rb'],
    ['prefixed elements (OpenXML SDK)', raw('<x:v>9012345678</x:v>'), '9012345678'],
    ['empty cell', raw(''), undefined],
  ])('%s', (_, cell, expected) => {
    expect(cellText(cell, book())).toBe(expected);
  });

  it('applies the style of the cell: dates in both date systems and digit patterns', () => {
    const formats = [cellFormatOf(0, undefined), cellFormatOf(14, undefined), cellFormatOf(176, '000-0000')];
    expect(cellText(raw('<v>29312</v>', undefined, 1), book(formats))).toBe('1980/04/01');
    expect(cellText(raw('<v>27850</v>', undefined, 1), book(formats, true))).toBe('1980/04/01');
    expect(cellText(raw('<v>1000001</v>', undefined, 2), book(formats))).toBe('100-0001');
    expect(cellText(raw('<v>1000001</v>', undefined, 9), book(formats))).toBe('1000001');
  });
});

describe('number formats', () => {
  it.each([
    [0, undefined, { kind: 'general' }],
    [14, undefined, { kind: 'date', slash: true }],
    [31, undefined, { kind: 'date', slash: false }],
    [20, undefined, { kind: 'time' }],
    [176, 'yyyy"年"m"月"d"日"', { kind: 'date', slash: false }],
    [177, '[$-411]ggge"年"m"月"d"日"', { kind: 'date', slash: false }],
    [178, 'yyyy/m/d h:mm', { kind: 'date', slash: true }],
    [179, 'h:mm:ss', { kind: 'time' }],
    [180, '0.00E+00', { kind: 'general' }],
    [181, '#,##0', { kind: 'general' }],
    [182, 'General', { kind: 'general' }],
    [183, '"〒"000-0000', { kind: 'pattern', code: '"〒"000-0000' }],
  ] as const)('id %i code %s', (id, code, expected) => {
    expect(cellFormatOf(id, code)).toEqual(expected);
  });

  it.each([
    [9012345678, '0##-####-####', '090-1234-5678'],
    [1000001, '000-0000', '100-0001'],
    [1000001, '"〒"000-0000', '〒100-0001'],
    [123, '00000', '00123'],
    [12345, '[<=999]000;[<=9999]000-00;000-0000', '001-2345'],
    [12, '[<=999]000;[<=9999]000-00;000-0000', '012'],
    [1234, '[<=999]000;[<=9999]000-00;000-0000', '012-34'],
  ])('pattern %d with %s', (value, code, expected) => {
    expect(formatNumber(value, { kind: 'pattern', code }, false)).toBe(expected);
  });

  it.each([
    [1, false, '1900-01-01'],
    [61, false, '1900-03-01'],
    [0, true, '1904-01-01'],
  ])('date serial %d (1904: %s)', (serial, date1904, expected) => {
    expect(formatNumber(serial, { kind: 'date', slash: false }, date1904)).toBe(expected);
  });

  it.each([
    [123456789012, '123456789012'],
    [-0, '0'],
    [1e20, '100000000000000000000'],
    [1.5, '1.5'],
  ])('General %d', (value, expected) => {
    expect(generalNumber(value)).toBe(expected);
  });
});
