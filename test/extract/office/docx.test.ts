import { describe, expect, it } from 'vitest';
import { partSegments } from '../../../src/extract/office/docx.js';
import { officeExtractors } from '../../../src/extract/office/index.js';
import { paragraphTexts } from '../../../src/extract/office/xml-text.js';
import { ctx, load, withoutCell, withoutProperties } from './helpers.js';

const docx = officeExtractors.find((e) => e.format === 'docx')!;
const body = (paragraph: number, text: string, labelZone = false) => ({
  text,
  origin: { part: 'document', paragraph },
  ...(labelZone ? { labelZone } : {}),
});

describe('docx extractor on report.docx', () => {
  it('gives body, table, text box, header, footer, watermark, notes and comments paragraphs with origins', async () => {
    expect(withoutCell(withoutProperties(await docx.extract(load('report.docx'), ctx('report.docx'))))).toEqual({
      ok: true,
      format: 'docx',
      labels: ['社外秘', 'Confidential', '人事'],
      segments: [
        body(1, '顧客対応記録', true),
        body(2, '電話番号: 090-1234-5678', true),
        body(3, '氏名\t試験 花子', true),
        body(4, 'マイナンバー'),
        body(5, '1234 5678 9018'),
        body(6, '(地図参照)'),
        body(7, '〒100-0001 東京都千代田区千代田1-1'),
        body(8, 'A & B <株>'),
        { text: '【社外秘】', origin: { part: 'header1', paragraph: 1 }, labelZone: true },
        { text: 'CONFIDENTIAL', origin: { part: 'header2' }, labelZone: true },
        { text: 'ページ 1', origin: { part: 'footer1', paragraph: 1 }, labelZone: true },
        { text: '連絡先 hanako@example.com', origin: { part: 'footnotes', paragraph: 1 } },
        { text: '出典: 試験データ', origin: { part: 'endnotes', paragraph: 1 } },
        { text: '生年月日 1980年4月1日 を確認', origin: { part: 'comments', paragraph: 1 } },
      ],
    });
  });

  it('reads .docm and reports format docm', async () => {
    const result = await docx.extract(load('report.docx'), ctx('macro.docm'));
    expect(result.ok && result.format).toBe('docm');
  });

  it('refuses a zip that is not a Word document', async () => {
    expect(await docx.extract(load('slides.pptx'), ctx('slides.docx'))).toEqual({
      ok: false,
      format: 'docx',
      status: 'error',
      reason: 'not a Word document: word/document.xml is missing',
    });
  });
});

describe('paragraphTexts', () => {
  it.each([
    ['runs joined', '<w:p><w:r><w:t>社外</w:t></w:r><w:r><w:t>秘</w:t></w:r></w:p>', ['社外秘']],
    ['tab stop definitions are not text, run tabs are', '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="840"/></w:tabs></w:pPr><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t></w:r></w:p>', ['a\tb']],
    ['breaks and non-breaking hyphens', '<w:p><w:r><w:t>090</w:t><w:noBreakHyphen/><w:t>1234</w:t><w:br/><w:t>x</w:t></w:r></w:p>', ['090-1234\nx']],
    ['entities and numeric references', '<w:p><w:r><w:t>&lt;&#x3012;&#12306;&amp;&gt;</w:t></w:r></w:p>', ['<〒〒&>']],
    ['empty paragraphs kept as empty strings', '<w:p/><w:p></w:p>', ['', '']],
    ['deleted text (w:delText) is not current text', '<w:p><w:del><w:r><w:delText>旧</w:delText></w:r></w:del><w:r><w:t>新</w:t></w:r></w:p>', ['新']],
    ['nested text box paragraph after its parent', '<w:p><w:r><w:t>外</w:t><w:txbxContent><w:p><w:r><w:t>内</w:t></w:r></w:p></w:txbxContent></w:r></w:p>', ['外', '内']],
  ])('%s', (_, xml, expected) => {
    expect(paragraphTexts(xml, 'w')).toEqual(expected);
  });

  it('counts only non-empty paragraphs and marks the first three body paragraphs as label zones', () => {
    const xml = ['', '一', ' ', '二', '三', '四'].map((t) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`).join('');
    expect(partSegments('document', xml).map((s) => [s.origin.paragraph, s.text, s.labelZone ?? false])).toEqual([
      [1, '一', true],
      [2, '二', true],
      [3, '三', true],
      [4, '四', false],
    ]);
  });
});
