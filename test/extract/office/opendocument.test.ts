import { describe, expect, it } from 'vitest';
import { officeExtractors } from '../../../src/extract/office/index.js';
import { odfMarginSegments, odsSegments } from '../../../src/extract/office/opendocument.js';
import { ctx, load, withoutCell, withoutProperties } from './helpers.js';

const odf = officeExtractors.find((e) => e.format === 'ods')!;

describe('OpenDocument extractor', () => {
  it('gives ods cells with references computed through repeated rows and columns, headers from styles.xml', async () => {
    expect(withoutCell(withoutProperties(await odf.extract(load('customers.ods'), ctx('customers.ods'))))).toEqual({
      ok: true,
      format: 'ods',
      labels: ['機密', '顧客'],
      segments: [
        { text: '氏名', origin: { sheet: '顧客', cell: 'A2' }, labelZone: true },
        { text: '電話番号', origin: { sheet: '顧客', cell: 'B2' }, labelZone: true },
        { text: '郵便番号', origin: { sheet: '顧客', cell: 'D2' }, labelZone: true },
        { text: '試験 太郎', origin: { sheet: '顧客', cell: 'A3' }, header: '氏名', labelZone: true },
        { text: '090-1234-5678', origin: { sheet: '顧客', cell: 'B3' }, header: '電話番号', labelZone: true },
        { text: '100-0001', origin: { sheet: '顧客', cell: 'D3' }, header: '郵便番号', labelZone: true },
        { text: '同上', origin: { sheet: '顧客', cell: 'A1001' }, header: '氏名' },
        { text: 'X', origin: { sheet: '顧客', cell: 'C1001' } },
        { text: 'マイナンバー\n123456789018', origin: { sheet: 'メモ', cell: 'A1' }, labelZone: true },
        { text: '9012345678', origin: { sheet: 'メモ', cell: 'B1' }, labelZone: true },
        { text: '社外秘', origin: { part: 'header' }, labelZone: true },
        { text: 'Page 1', origin: { part: 'footer' }, labelZone: true },
      ],
    });
  });

  it('gives odt paragraphs in reading order: spaces, tabs, notes, annotations, tables; headers once', async () => {
    const p = (paragraph: number, text: string, labelZone = false) => ({
      text,
      origin: { part: 'document', paragraph },
      ...(labelZone ? { labelZone } : {}),
    });
    expect(withoutProperties(await odf.extract(load('memo.odt'), ctx('memo.odt')))).toEqual({
      ok: true,
      format: 'odt',
      labels: ['議事録'],
      segments: [
        p(1, '顧客対応メモ', true),
        p(2, '担当: 試験  花子', true),
        p(3, '電話\t090-1234-5678\nメール hanako@example.com', true),
        p(4, '脚注付きの段落'),
        p(5, '〒100-0001 東京都千代田区千代田1-1'),
        p(6, '本文 & 続き'),
        p(7, 'コメント: 生年月日 1980-04-01'),
        p(8, 'マイナンバー'),
        p(9, '123456789018'),
        { text: '【社外秘】', origin: { part: 'header' }, labelZone: true },
        { text: '試験用', origin: { part: 'footer' }, labelZone: true },
      ],
    });
  });

  it('skips a package whose manifest declares encryption', async () => {
    expect(await odf.extract(load('encrypted.ods'), ctx('encrypted.ods'))).toEqual({
      ok: false,
      format: 'ods',
      status: 'skipped',
      reason: 'encrypted (password-protected) OpenDocument file',
    });
  });
});

describe('odsSegments', () => {
  it('advances columns past repeated empty cells and reports a repeated non-empty cell once', () => {
    const xml =
      '<table:table table:name="S"><table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="3"/></table:table-row>' +
      '<table:table-row><table:table-cell table:number-columns-repeated="27"/><table:table-cell table:number-columns-repeated="5"><text:p>v</text:p></table:table-cell></table:table-row></table:table>';
    expect(withoutCell(odsSegments(xml))).toEqual([{ text: 'v', origin: { sheet: 'S', cell: 'AB3' }, labelZone: true }]);
  });

  it('gives an empty list for a sheet with no text', () => {
    expect(odsSegments('<table:table table:name="S"><table:table-row><table:table-cell/></table:table-row></table:table>')).toEqual([]);
  });
});

describe('odfMarginSegments', () => {
  it('ignores header styles (page layout properties) and reads left/first variants', () => {
    const xml =
      '<style:header-style><style:header-footer-properties/></style:header-style>' +
      '<style:header-first><text:p>極秘</text:p></style:header-first><text:p>本文ではない</text:p>';
    expect(odfMarginSegments(xml)).toEqual([{ text: '極秘', origin: { part: 'header' }, labelZone: true }]);
  });
});
