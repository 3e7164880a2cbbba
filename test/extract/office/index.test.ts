import { describe, expect, it } from 'vitest';
import { officeExtractors, officeFormatOf } from '../../../src/extract/office/index.js';
import type { ExtractResult } from '../../../src/model.js';
// @ts-expect-error: plain JS fixture script without type declarations
import { makeZip } from '../../../scripts/make-office-fixtures.js';
import { ctx, load } from './helpers.js';

const ZIP = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
const CFB = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const TEXT = new TextEncoder().encode('氏名,電話番号\n');
const chosen = (name: string, head: Uint8Array): string | undefined => officeExtractors.find((e) => e.matches(name, head))?.format;
const extractor = (format: string) => officeExtractors.find((e) => e.format === format)!;
const zipOf = (entries: [string, string | Buffer, boolean?][]): Uint8Array => new Uint8Array(makeZip(entries));

describe('officeFormatOf', () => {
  it.each([
    ['顧客/名簿.XLSM', 'xlsm'],
    ['a.docx', 'docx'],
    ['a.b.pptx', 'pptx'],
    ['old.doc', 'doc'],
    ['a.xlsx.bak', undefined],
    ['xlsx', undefined],
    ['a.pdf', undefined],
  ])('%s → %s', (name, format) => {
    expect(officeFormatOf(name)).toBe(format);
  });
});

describe('matches: extension and leading bytes', () => {
  it.each([
    ['a.xlsx', ZIP, 'xlsx'],
    ['a.XLSX', ZIP, 'xlsx'],
    ['a.xlsm', ZIP, 'xlsx'],
    ['a.xlsx', CFB, 'xlsx'],
    ['a.docx', ZIP, 'docx'],
    ['a.pptm', ZIP, 'pptx'],
    ['a.odt', ZIP, 'ods'],
    ['a.doc', CFB, 'doc'],
    ['a.xls', CFB, 'xls'],
    ['a.ppt', CFB, 'ppt'],
    ['a.xlsb', ZIP, 'xlsb'],
    ['a.xlsb', CFB, 'xlsb'],
    ['a.xlsx', TEXT, undefined],
    ['a.docx', ZIP.subarray(0, 2), undefined],
    ['a.ods', CFB, undefined],
    ['a.doc', ZIP, undefined],
    ['a.doc', new TextEncoder().encode('{\\rtf1'), undefined],
    ['a.zip', ZIP, undefined],
  ])('%s with %j → %s', (name, head, format) => {
    expect(chosen(name, head)).toBe(format);
  });
});

describe('bad inputs: a status and a reason, never a throw', () => {
  it.each([
    ['truncated.xlsx', 'xlsx', { status: 'error', reason: expect.stringMatching(/^corrupt or truncated zip: End of central directory record signature not found/) }],
    ['corrupt.docx', 'docx', { status: 'error', reason: expect.stringMatching(/^corrupt or truncated zip: /) }],
    ['encrypted.xlsx', 'xlsx', { status: 'skipped', reason: 'encrypted (password-protected) Office file' }],
    ['encrypted.xlsx', 'docx', { status: 'skipped', reason: 'encrypted (password-protected) Office file' }],
    ['report.docx', 'xlsx', { status: 'error', reason: 'not a spreadsheet: xl/workbook.xml is missing' }],
    ['customers.xlsx', 'pptx', { status: 'error', reason: 'not a presentation: ppt/presentation.xml is missing' }],
    ['customers.xlsx', 'ods', { status: 'error', reason: 'not an OpenDocument file: content.xml is missing' }],
  ])('%s read as %s', async (fixture, format, expected) => {
    const name = `input.${format}`;
    expect(await extractor(format).extract(load(fixture), ctx(name))).toEqual({ ok: false, format, ...expected });
  });

  it('refuses bytes that contradict the extension when called directly', async () => {
    expect(await extractor('docx').extract(TEXT, ctx('a.docx'))).toEqual({
      ok: false,
      format: 'docx',
      status: 'error',
      reason: 'not a valid .docx file (unexpected leading bytes)',
    });
  });

  it('checks declared sizes against the limits before inflating', async () => {
    const big = await extractor('xlsx').extract(load('customers.xlsx'), ctx('a.xlsx', { maxTotalBytes: 1000 }));
    expect(big).toMatchObject({ ok: false, status: 'skipped', reason: expect.stringMatching(/^too large \(\d+ bytes uncompressed > max 1000\)$/) });
    const many = await extractor('xlsx').extract(load('customers.xlsx'), ctx('a.xlsx', { maxEntries: 3 }));
    expect(many).toMatchObject({ ok: false, status: 'error', reason: expect.stringMatching(/^too many entries \(\d+ > max 3\)$/) });
  });

  it('suspects a bomb when a big part compresses too well', async () => {
    const bytes = zipOf([['content.xml', `<office:text>${' '.repeat(4 << 20)}</office:text>`]]);
    expect(await extractor('ods').extract(bytes, ctx('a.odt'))).toMatchObject({
      ok: false,
      status: 'error',
      reason: expect.stringMatching(/^zip bomb suspected \(content\.xml: ratio \d+:1\)$/),
    });
  });

  it('does not call a workbook clean when a listed sheet has no part', async () => {
    const bytes = zipOf([['xl/workbook.xml', '<workbook><sheets><sheet name="顧客" sheetId="1" r:id="rId1"/></sheets></workbook>']]);
    expect(await extractor('xlsx').extract(bytes, ctx('a.xlsx'))).toEqual({
      ok: false,
      format: 'xlsx',
      status: 'error',
      reason: 'broken workbook: no part for sheet 顧客',
    });
  });

  it('checks every part it inflates, not only those announced up front', async () => {
    const bytes = zipOf([['_rels/.rels', `<Relationships>${' '.repeat(4 << 20)}</Relationships>`], ['word/document.xml', '<w:document/>']]);
    expect(await extractor('docx').extract(bytes, ctx('a.docx'))).toMatchObject({
      ok: false,
      status: 'error',
      reason: expect.stringMatching(/^zip bomb suspected \(_rels\/\.rels: ratio \d+:1\)$/),
    });
  });

  it('reports a part whose CRC does not match instead of returning wrong text', async () => {
    const bytes = Buffer.from(zipOf([['content.xml', '<office:text><text:p>090-1234-5678</text:p></office:text>', true]]));
    bytes.write('8', bytes.indexOf('090-1234-5678') + 1, 'latin1');
    expect(await extractor('ods').extract(new Uint8Array(bytes), ctx('a.odt'))).toEqual({
      ok: false,
      format: 'odt',
      status: 'error',
      reason: 'corrupt zip entry content.xml: CRC mismatch',
    });
  });

  const FIXTURES = ['customers.xlsx', 'report.docx', 'slides.pptx', 'customers.ods', 'memo.odt', 'legacy.doc', 'encrypted.xlsx', 'encrypted.ods'];
  const READERS = ['xlsx', 'docx', 'pptx', 'ods', 'doc'];
  /** Deterministic damage: truncations and overwritten byte runs at spread-out offsets. */
  const damaged = (bytes: Uint8Array): Uint8Array[] =>
    [0.1, 0.35, 0.6, 0.85, 0.97].flatMap((f) => {
      const at = Math.floor(bytes.length * f);
      const flipped = bytes.slice();
      for (let i = at; i < Math.min(at + 16, bytes.length); i++) flipped[i] = (flipped[i] ?? 0) ^ 0xa5;
      return [bytes.slice(0, at), flipped];
    });

  it.each(FIXTURES)('damaged copies of %s give ok or a status with a reason, for every reader', async (fixture) => {
    for (const bytes of damaged(load(fixture))) {
      for (const format of READERS) {
        const result: ExtractResult = await extractor(format).extract(bytes, ctx(`damaged.${format}`));
        if (!result.ok) {
          expect(['skipped', 'error']).toContain(result.status);
          expect(result.reason.length).toBeGreaterThan(0);
        }
      }
    }
  });
});
