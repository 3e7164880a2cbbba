import { describe, expect, it } from 'vitest';
import { officeExtractors } from '../../../src/extract/office/index.js';
import { olePropertySet } from '../../../src/extract/office/properties.js';
import { trackedDeletionSegments } from '../../../src/extract/office/tracked-changes.js';
import { propertyStreams } from '../../../scripts/lib/legacy-writers.js';
import { makeZip } from '../../../scripts/make-office-fixtures.js';
import { ctx, load } from './helpers.js';

const extractor = (format: string) => officeExtractors.find((e) => e.format === format)!;
const properties = async (format: string, name: string): Promise<string[]> => {
  const r = await extractor(format).extract(load(name), ctx(name));
  return r.ok ? r.segments.filter((s) => s.origin.part === 'properties').map((s) => `${s.text}${s.labelZone ? ' [label zone]' : ''}`) : [];
};

describe('document properties as their own location', () => {
  it.each([
    ['docx', 'report.docx', ['Title: 顧客対応記録 [label zone]', 'Category: 人事 [label zone]', 'ContentStatus: Confidential [label zone]', 'Owner: 総務部 [label zone]']],
    ['xlsx', 'customers.xlsx', ['Author: jpii fixtures [label zone]', 'LastAuthor: Unknown [label zone]']],
    ['ods', 'customers.ods', ['Keywords: 顧客 [label zone]']],
    ['ods', 'memo.odt', ['Keywords: 議事録 [label zone]']],
  ])('%s %s', async (format, name, expected) => {
    expect(await properties(format, name)).toEqual(expected);
  });

  it('OLE property sets in cp932: built-in and user-defined (dictionary) properties', () => {
    const [summary, document] = propertyStreams({ title: '【社外秘】名簿', author: '試験 次郎', keywords: '顧客', company: '株式会社サンプル', manager: '試験 部長', custom: { 担当者: '試験 三郎', 部署: '営業部' } });
    expect(olePropertySet(summary![1], 'summary')).toEqual([
      { name: 'Title', value: '【社外秘】名簿' }, { name: 'Author', value: '試験 次郎' }, { name: 'Keywords', value: '顧客' },
    ]);
    expect(olePropertySet(document![1], 'document')).toEqual([
      { name: 'Manager', value: '試験 部長' }, { name: 'Company', value: '株式会社サンプル' }, { name: '担当者', value: '試験 三郎' }, { name: '部署', value: '営業部' },
    ]);
  });

  it('a truncated or garbage property set gives no properties instead of failing the file', () => {
    const [summary] = propertyStreams({ title: 'x' });
    expect(olePropertySet(summary![1].subarray(0, 60), 'summary')).toEqual([]);
    expect(olePropertySet(new Uint8Array(100).fill(0xff), 'summary')).toEqual([]);
  });
});

const CT = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const REL = (type: string, target: string, id = 'rId1') => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
const RELS = (...r: string[]) => `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${r.join('')}</Relationships>`;

describe('xlsx comments and notes', () => {
  it('legacy comments (notes) and threaded comments, by sheet and cell', async () => {
    const zip = makeZip([
      ['[Content_Types].xml', CT],
      ['_rels/.rels', RELS(REL('officeDocument', 'xl/workbook.xml'))],
      ['xl/workbook.xml', '<workbook xmlns:r="r"><sheets><sheet name="顧客" sheetId="1" r:id="rId1"/></sheets></workbook>'],
      ['xl/_rels/workbook.xml.rels', RELS(REL('worksheet', 'worksheets/sheet1.xml'))],
      ['xl/worksheets/sheet1.xml', '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>氏名</t></is></c></row></sheetData></worksheet>'],
      ['xl/worksheets/_rels/sheet1.xml.rels', RELS(REL('comments', '../comments1.xml'), '<Relationship Id="rId2" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/>')],
      ['xl/comments1.xml', '<comments><authors><author>試験</author></authors><commentList><comment ref="A1" authorId="0"><text><r><t>試験:\n</t></r><r><t>携帯 090-1234-5678</t></r></text></comment></commentList></comments>'],
      ['xl/threadedComments/threadedComment1.xml', '<ThreadedComments><threadedComment ref="B2" id="{1}"><text>住所は東京都千代田区千代田1-1</text></threadedComment></ThreadedComments>'],
    ]);
    const r = await extractor('xlsx').extract(new Uint8Array(zip), ctx('c.xlsx'));
    expect(r.ok && r.segments.filter((s) => s.origin.part === 'comments')).toEqual([
      { text: '試験:\n携帯 090-1234-5678', origin: { sheet: '顧客', cell: 'A1', part: 'comments' } },
      { text: '住所は東京都千代田区千代田1-1', origin: { sheet: '顧客', cell: 'B2', part: 'comments' } },
    ]);
  });
});

describe('docx tracked changes', () => {
  const xml = '<w:document><w:body>' +
    '<w:p><w:r><w:t>電話 </w:t></w:r><w:del w:author="x"><w:r><w:delText>090-1234-</w:delText></w:r><w:r><w:delText>5678</w:delText></w:r></w:del><w:ins w:author="x"><w:r><w:t>（削除済み）</w:t></w:r></w:ins></w:p>' +
    '<w:p><w:r><w:t>変更なし</w:t></w:r></w:p></w:body></w:document>';

  it('gives each paragraph with deletions as it read before the changes', () => {
    expect(trackedDeletionSegments('document', xml)).toEqual([{ text: '電話 090-1234-5678', origin: { part: 'document-deleted', paragraph: 1 } }]);
  });

  it('reads them from a docx, beside the current text (insertions are part of it)', async () => {
    const zip = makeZip([
      ['[Content_Types].xml', CT],
      ['_rels/.rels', RELS(REL('officeDocument', 'word/document.xml'))],
      ['word/document.xml', xml],
    ]);
    const r = await extractor('docx').extract(new Uint8Array(zip), ctx('t.docx'));
    expect(r.ok && r.segments.map((s) => `${s.text} @ ${JSON.stringify(s.origin)}`)).toEqual([
      '電話 （削除済み） @ {"part":"document","paragraph":1}',
      '変更なし @ {"part":"document","paragraph":2}',
      '電話 090-1234-5678 @ {"part":"document-deleted","paragraph":1}',
    ]);
  });
});
