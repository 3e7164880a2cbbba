import { describe, expect, it } from 'vitest';
import { extractAs, lines, load } from './helpers.js';

describe('.xls / .xlsb through SheetJS, no LibreOffice', () => {
  it.each([['customers.xls', 'xls'], ['customers.xlsb', 'xlsb']])('%s: cells with sheet, cell and column header, like xlsx', async (name, format) => {
    const r = await extractAs(name, load(`legacy/${name}`));
    expect(r.ok && r.format).toBe(format);
    expect(r.ok && r.segments.find((s) => s.origin.cell === 'B2' && s.origin.sheet === '顧客')).toEqual({
      text: '090-1234-5678',
      origin: { sheet: '顧客', cell: 'B2' },
      header: '電話番号',
      labelZone: true,
      cell: { table: 1, row: 1, col: 1, headers: ['電話番号'] },
    });
    expect(lines(r)).toEqual(expect.arrayContaining([
      '連絡先 090-8765-4321 @ {"sheet":"備考","cell":"A2"}',
      'TEL 080-1111-2222 @ {"sheet":"顧客","cell":"A2","part":"comments"}',
      'Title: 【社外秘】顧客名簿 @ {"part":"properties"}',
      'Author: 試験 次郎 @ {"part":"properties"}',
      'Company: 株式会社サンプル @ {"part":"properties"}',
    ]));
  });

  it('the .xls also carries its custom property (SheetJS reads the user-defined property set)', async () => {
    expect(lines(await extractAs('customers.xls', load('legacy/customers.xls')))).toContain('担当者: 試験 三郎 @ {"part":"properties"}');
  });

  it('Excel 95 (BIFF5) with its strings in cp932 (CODEPAGE 932)', async () => {
    const r = await extractAs('excel95-cp932.xls', load('legacy/excel95-cp932.xls'));
    expect(lines(r).slice(0, 7)).toEqual([
      '氏名 @ {"sheet":"名簿","cell":"A1"}',
      '電話番号 @ {"sheet":"名簿","cell":"B1"}',
      'マイナンバー @ {"sheet":"名簿","cell":"C1"}',
      '住所 @ {"sheet":"名簿","cell":"D1"}',
      'メール @ {"sheet":"名簿","cell":"E1"}',
      '試験 太郎 @ {"sheet":"名簿","cell":"A2"}',
      '090-1234-5678 @ {"sheet":"名簿","cell":"B2"}',
    ]);
  });

  it('an OLE file whose Workbook stream is garbage is an error, not a clean file', async () => {
    expect(await extractAs('garbage.xls', load('hostile/garbage.xls'))).toEqual({ ok: false, format: 'xls', status: 'error', reason: 'corrupt .xls: no worksheet could be read' });
  });
});
