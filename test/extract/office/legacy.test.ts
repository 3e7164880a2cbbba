import { describe, expect, it } from 'vitest';
import { officeExtractors } from '../../../src/extract/office/index.js';
import { extractDoc } from '../../../src/extract/office/legacy.js';
import { ctx, load } from './helpers.js';

describe('.doc via word-extractor', () => {
  it('gives body paragraphs, header and footer with origins and label zones', async () => {
    expect(await extractDoc(load('legacy.doc'))).toEqual({
      ok: true,
      format: 'doc',
      segments: [
        { text: '顧客対応記録', origin: { part: 'document', paragraph: 1 }, labelZone: true },
        { text: '電話番号 090-1234-5678', origin: { part: 'document', paragraph: 2 }, labelZone: true },
        { text: 'マイナンバー 123456789018', origin: { part: 'document', paragraph: 3 }, labelZone: true },
        { text: '【社外秘】', origin: { part: 'header', paragraph: 1 }, labelZone: true },
        { text: '試験用', origin: { part: 'footer', paragraph: 1 }, labelZone: true },
      ],
    });
  });

  it.each([
    ['encrypted.doc', { ok: false, format: 'doc', status: 'skipped', reason: 'encrypted (password-protected) Office file' }],
    ['legacy.xls', { ok: false, format: 'doc', status: 'error', reason: expect.stringMatching(/^cannot read \.doc: /) }],
    ['customers.xlsx', { ok: false, format: 'doc', status: 'error', reason: 'not a Word 97-2003 file (no OLE header)' }],
  ])('%s', async (name, expected) => {
    expect(await extractDoc(load(name))).toEqual(expected);
  });

  it('reads a .doc saved under a .docx name as the .doc it is', async () => {
    const docx = officeExtractors.find((e) => e.format === 'docx')!;
    const result = await docx.extract(load('legacy.doc'), ctx('renamed.docx'));
    expect(result.ok && result.format).toBe('doc');
  });
});
