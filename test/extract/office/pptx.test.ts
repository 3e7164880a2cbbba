import { describe, expect, it } from 'vitest';
import { officeExtractors } from '../../../src/extract/office/index.js';
import { slideSegments } from '../../../src/extract/office/pptx.js';
import { ctx, load, withoutCell } from './helpers.js';

const pptx = officeExtractors.find((e) => e.format === 'pptx')!;

describe('pptx extractor on slides.pptx', () => {
  it('gives slide and notes paragraphs numbered in show order (slide3.xml is shown second)', async () => {
    expect(withoutCell(await pptx.extract(load('slides.pptx'), ctx('slides.pptx')))).toEqual({
      ok: true,
      format: 'pptx',
      labels: [],
      segments: [
        { text: '社外秘 顧客説明会', origin: { slide: 1 }, labelZone: true },
        { text: '2024年度\n第1回', origin: { slide: 1 }, labelZone: true },
        { text: 'マイナンバー 123456789018 は読み上げない', origin: { slide: 1, part: 'notes' }, labelZone: true },
        { text: '名簿', origin: { slide: 2 } },
        { text: '氏名', origin: { slide: 2 } },
        { text: '試験 太郎', origin: { slide: 2 } },
        { text: '電話', origin: { slide: 2 } },
        { text: '090-1234-5678', origin: { slide: 2 } },
        { text: '〒100-0001', origin: { slide: 2, part: 'notes' } },
        { text: '連絡先: taro@example.com', origin: { slide: 3 } },
      ],
    });
  });

  it('reports format pptm for a macro-enabled name', async () => {
    const result = await pptx.extract(load('slides.pptx'), ctx('deck.pptm'));
    expect(result.ok && result.format).toBe('pptm');
  });
});

describe('slideSegments', () => {
  it('drops the slide-number field and the Fallback copy of alternate content', () => {
    const xml =
      '<p:sld><a:p><a:fld id="{1}" type="slidenum"><a:t>7</a:t></a:fld></a:p>' +
      '<mc:AlternateContent><mc:Choice><a:p><a:r><a:t>機密</a:t></a:r></a:p></mc:Choice>' +
      '<mc:Fallback><a:p><a:r><a:t>機密</a:t></a:r></a:p></mc:Fallback></mc:AlternateContent></p:sld>';
    expect(slideSegments(xml, 4, undefined)).toEqual([{ text: '機密', origin: { slide: 4 } }]);
  });
});
