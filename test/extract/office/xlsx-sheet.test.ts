import { describe, expect, it } from 'vitest';
import { columnName } from '../../../src/extract/office/sheet-cells.js';
import { headerFooterText, parseRef, scanSheet, type RawCell } from '../../../src/extract/office/xlsx-sheet.js';
import { chunked } from './helpers.js';

const SHEET = `<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cols><col min="1" max="3"/></cols>
<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>電話番号</t></is></c></row>
<row r="2"><c r="A2" s="3"><v>9012345678</v></c><c r="C2"/><c r="D2" t="str"><f>"試験"</f><v>試験 太郎</v></c></row>
<row><c><v>1</v></c><c><v>2</v></c></row>
</sheetData><headerFooter><oddHeader>&amp;C&amp;"ＭＳ ゴシック,太字"社外秘 &amp;&amp; 部外秘</oddHeader><evenFooter>&amp;L&amp;P / &amp;N</evenFooter></headerFooter></worksheet>`;

/** A cell as reported, with its A1 reference (what a reader shows) beside its row and column. */
type Reported = Omit<RawCell, 'style'> & { ref: string };

async function scan(chunks: AsyncIterable<Uint8Array>): Promise<{ cells: Reported[]; margins: string[] }> {
  const cells: Reported[] = [];
  const margins: string[] = [];
  await scanSheet(chunks, {
    cell: ({ style: _style, ...cell }) => cells.push({ ref: `${columnName(cell.col)}${cell.row}`, ...cell }),
    headerFooter: (kind, text) => margins.push(`${kind}:${text}`),
  });
  return { cells, margins };
}

describe('scanSheet', () => {
  it('reports each cell with its reference, type and inner XML, computing missing references', async () => {
    const { cells, margins } = await scan(chunked(new TextEncoder().encode(SHEET), [1 << 16]));
    expect(cells.map((c) => [c.ref, c.type, c.inner])).toEqual([
      ['A1', 's', '<v>0</v>'],
      ['B1', 'inlineStr', '<is><t>電話番号</t></is>'],
      ['A2', undefined, '<v>9012345678</v>'],
      ['C2', undefined, ''],
      ['D2', 'str', '<f>"試験"</f><v>試験 太郎</v>'],
      ['A3', undefined, '<v>1</v>'],
      ['B3', undefined, '<v>2</v>'],
    ]);
    expect(margins).toEqual(['header:社外秘 & 部外秘', 'footer:/']);
  });

  it.each([[[1]], [[2, 3]], [[7]], [[13, 1, 5]], [[64]]])('gives the same result whatever the chunk sizes %j', async (sizes) => {
    const bytes = new TextEncoder().encode(SHEET);
    const whole = await scan(chunked(bytes, [bytes.length]));
    expect(await scan(chunked(bytes, sizes))).toEqual(whole);
  });

  it('reads a sheet delivered in chunks larger than its decoding pieces, a character cut between two pieces', async () => {
    // ASCII rows, then a cell whose 試 (3 bytes in UTF-8) starts one byte before the 64 KB mark, then Japanese rows.
    let xml = '<sheetData>';
    let r = 1;
    for (; xml.length < 60_000; r++) xml += `<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`;
    const open = `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>`;
    const cut = `${'x'.repeat(65_535 - xml.length - open.length)}試験 太郎`;
    xml += `${open}${cut}</t></is></c></row>`;
    for (const last = r + 3000; ++r <= last; ) xml += `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>試験 太郎${r}</t></is></c></row>`;
    const bytes = new TextEncoder().encode(`${xml}</sheetData>`);
    expect(new TextDecoder().decode(bytes.subarray(65_535, 65_538))).toBe('試');
    const small = await scan(chunked(bytes, [4096]));
    expect(small.cells).toHaveLength(r - 1);
    expect(small.cells.find((c) => c.inner.includes('x'))?.inner).toBe(`<is><t>${cut}</t></is>`);
    expect(await scan(chunked(bytes, [bytes.length]))).toEqual(small);
    expect(await scan(chunked(bytes, [256 * 1024]))).toEqual(small);
  });

  it('reads namespace-prefixed sheets (OpenXML SDK writes <x:c>)', async () => {
    const xml = '<x:worksheet><x:sheetData><x:row r="4"><x:c r="B4" t="s"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    const { cells } = await scan(chunked(new TextEncoder().encode(xml), [5]));
    expect(cells).toEqual([{ ref: 'B4', row: 4, col: 1, type: 's', inner: '<x:v>1</x:v>' }]);
  });

  it('decodes a UTF-16 sheet with a byte order mark', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<row r="1"><c r="A1" t="str"><v>氏名</v></c></row>', 'utf16le')]);
    const { cells } = await scan(chunked(utf16, [3]));
    expect(cells.map((c) => c.inner)).toEqual(['<v>氏名</v>']);
  });
});

describe('cell references', () => {
  it.each([
    ['A1', { row: 1, col: 0 }],
    ['Z9', { row: 9, col: 25 }],
    ['AA10', { row: 10, col: 26 }],
    ['$XFD$1048576', { row: 1048576, col: 16383 }],
    ['1A', undefined],
  ])('parseRef(%s)', (ref, expected) => {
    expect(parseRef(ref)).toEqual(expected);
  });

  it.each([[0, 'A'], [25, 'Z'], [26, 'AA'], [701, 'ZZ'], [702, 'AAA'], [16383, 'XFD']])('columnName(%i) = %s', (col, name) => {
    expect(columnName(col)).toBe(name);
  });
});

describe('headerFooterText', () => {
  it.each([
    ['&C社外秘', '社外秘'],
    ['&L&"ＭＳ Ｐゴシック,標準"&12機密&R&D &T', '機密'],
    ['&KFF0000Confidential&K01+000 &P/&N', 'Confidential /'],
    ['A&&B', 'A&B'],
  ])('%s → %s', (raw, text) => {
    expect(headerFooterText(raw)).toBe(text);
  });
});
