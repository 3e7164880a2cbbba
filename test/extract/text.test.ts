import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ExtractContext } from '../../src/model.js';
import { columnIndexAt, detectDelimiter, firstLines, LineCells, parseHeaderRow } from '../../src/extract/csv-header.js';
import { extractText, textExtractor, textFormatOf } from '../../src/extract/text.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const ctx = (name: string): ExtractContext => ({
  name,
  depth: 0,
  limits: { maxFileSize: 1e8, maxDepth: 3, maxEntries: 1000, maxTotalBytes: 1e9, maxRatio: 100, timeoutMs: 30000 },
});

describe('textExtractor', () => {
  it('reads a Shift_JIS CSV into one segment with its header row', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('../../fixtures/encodings/customers.sjis.csv', import.meta.url)));
    const result = await textExtractor.extract(bytes, ctx('顧客一覧.csv'));
    expect(result).toEqual({
      ok: true,
      format: 'csv',
      segments: [
        {
          text:
            '氏名,電話番号,郵便番号,メール\r\n' +
            '山田 太郎,03-5555-0123,100-0001,yamada.taro@example.com\r\n' +
            '"髙橋, 花子",090-5555-0199,150-0002,hanako@example.com\r\n',
          origin: { line: 1, column: 1 },
          table: { delimiter: ',', headers: ['氏名', '電話番号', '郵便番号', 'メール'] },
        },
      ],
    });
  });

  it.each([
    ['notes.txt', '株式会社サンプル、山田様\nお世話になっております。\n', 'text', undefined],
    ['notes.txt', 'Dear Sir, hello, world\nthanks\n', 'text', undefined], // commas on one line only
    ['export.txt', 'a\tb\tc\n1\t2\t3\n', 'text', { delimiter: '\t', headers: ['a', 'b', 'c'] }],
    ['export.dat', '氏名|電話|住所\n山田|03-5555-0123|東京\n', 'text', { delimiter: '|', headers: ['氏名', '電話', '住所'] }],
    ['list.TSV', '氏名\t電話\n山田\t03-5555-0123\n', 'tsv', { delimiter: '\t', headers: ['氏名', '電話'] }],
    ['eu.csv', 'name;phone;city\nfoo;03-5555-0123;bar\n', 'csv', { delimiter: ';', headers: ['name', 'phone', 'city'] }],
    ['one-line.csv', '氏名,電話\n', 'csv', { delimiter: ',', headers: ['氏名', '電話'] }],
  ])('%s %j → %s', (name, text, format, table) => {
    const segment = table === undefined ? { text, origin: { line: 1, column: 1 } } : { text, origin: { line: 1, column: 1 }, table };
    expect(extractText(utf8(text), name)).toEqual({ ok: true, format, segments: [segment] });
  });

  it('strips the BOM and reports an empty file (or a lone BOM) as fully read with no segments', () => {
    expect(extractText(utf8('\ufeffa,b,c\n1,2,3\n'), 'x.csv')).toMatchObject({
      segments: [{ text: 'a,b,c\n1,2,3\n', table: { headers: ['a', 'b', 'c'] } }],
    });
    expect(extractText(new Uint8Array(0), 'empty.csv')).toEqual({ ok: true, format: 'csv', segments: [] });
    expect(extractText(Uint8Array.from([0xef, 0xbb, 0xbf]), 'bom.txt')).toEqual({ ok: true, format: 'text', segments: [] });
  });

  it('skips binary files and reads undecodable text with a note instead of giving up', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(extractText(png, 'photo.txt')).toEqual({
      ok: false,
      format: 'text',
      status: 'skipped',
      reason: 'binary file (PNG image)',
    });
    expect(extractText(new Uint8Array(40).fill(0xff), 'data.csv')).toMatchObject({
      ok: true,
      format: 'csv',
      notes: ['partly decoded: 40 invalid byte sequences in utf-8 replaced by U+FFFD'],
    });
  });

  it('sniffs a head the caller already sniffed as text only beyond it (chooseExtractor tells it how far)', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    // Told that these bytes are text, it reads them as text; told less than the head, it sniffs.
    expect(extractText(png, 'photo.txt', png.length)).toMatchObject({ ok: true, format: 'text' });
    expect(extractText(png, 'photo.txt', png.length - 1)).toMatchObject({ ok: false, status: 'skipped' });
    expect(await textExtractor.extract(png, { ...ctx('photo.txt'), textHead: 4 })).toMatchObject({ ok: false, status: 'skipped' });
    // chooseExtractor sniffs the head once and passes it on; binary bytes never reach the text extractor.
    const { chooseExtractor } = await import('../../src/extract/index.js');
    const text = utf8('氏名,電話\n山田,03-1234-5678\n');
    expect(chooseExtractor('a.csv', text, text)).toEqual({ extractor: textExtractor, textHead: text.length });
    const nul = utf8('a\0b');
    expect(chooseExtractor('x.txt', nul, nul)).toMatchObject({ skipped: 'binary file (contains NUL bytes)' });
  });

  it('matches anything that is not binary (it is the fallback)', () => {
    expect(textExtractor.format).toBe('text');
    expect(textExtractor.matches('README', utf8('hello'))).toBe(true);
    expect(textExtractor.matches('a.bin', new Uint8Array(0))).toBe(true);
    expect(textExtractor.matches('a.csv', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0]))).toBe(false);
    expect(textExtractor.matches('a.txt', utf8('a\0b'))).toBe(false);
  });

  it.each([
    ['a.csv', 'csv'],
    ['dir/B.CSV', 'csv'],
    ['outer.zip!/inner/list.tsv', 'tsv'],
    ['C:\\share\\data.tab', 'tsv'],
    ['notes.txt', 'text'],
    ['Makefile', 'text'],
    ['csv', 'text'],
  ])('format of %s is %s', (name, format) => {
    expect(textFormatOf(name)).toBe(format);
  });
});

describe('parseHeaderRow', () => {
  it.each([
    ['a,b,c\n1,2,3', ',', ['a', 'b', 'c']],
    ['\ufeff氏名, 電話番号 ,住所\r\n', ',', ['氏名', '電話番号', '住所']],
    ['"氏名","電話, FAX","備考 ""社外秘"""\n', ',', ['氏名', '電話, FAX', '備考 "社外秘"']],
    ['  "a" ,b,\n', ',', ['a', 'b', '']],
    ['size 5",x\n', ',', ['size 5"', 'x']], // a quote inside an unquoted cell is data
    ['"複数\n行",b\nx,y', ',', ['複数\n行', 'b']], // a quoted header cell may span lines
    ['a\tb\t"c\td"', '\t', ['a', 'b', 'c\td']],
    ['', ',', ['']],
  ])('%j', (text, delimiter, headers) => {
    expect(parseHeaderRow(text, delimiter)).toEqual(headers);
  });
});

describe('columnIndexAt', () => {
  const csv = '氏名,電話,メール\n山田,03-5555-0123,yamada@example.com\n"髙橋, 花子","090-5555-0199",h@example.com\n';
  it.each([
    ['start of the file', 0, 0],
    ['header cell 2', csv.indexOf('電話'), 1],
    ['line 2 cell 1', csv.indexOf('山田'), 0],
    ['line 2 phone', csv.indexOf('03-5555'), 1],
    ['line 2 phone end', csv.indexOf('0123') + 3, 1],
    ['line 2 delimiter belongs to the cell it ends', csv.indexOf(',yamada'), 1],
    ['line 2 mail', csv.indexOf('yamada@'), 2],
    ['quoted comma is data', csv.indexOf('花子'), 0],
    ['quoted phone', csv.indexOf('090'), 1],
    ['after quoted cells', csv.indexOf('h@example'), 2],
    ['past the end', csv.length + 5, 0],
  ])('%s', (_name, offset, column) => {
    expect(columnIndexAt(csv, offset, ',')).toBe(column);
  });

  it('handles tabs and CRLF lines', () => {
    const tsv = 'a\tb\tc\r\n1\t2\t3\r\n';
    expect(columnIndexAt(tsv, tsv.indexOf('3'), '\t')).toBe(2);
    expect(columnIndexAt(tsv, tsv.indexOf('1'), '\t')).toBe(0);
  });
});

describe('detectDelimiter', () => {
  it.each([
    [['a,b,c', '1,2,3', '4,5,6'], ','],
    [['a\tb\tc', '1\t2\t3'], '\t'],
    [['a;b;c', '1;2;3'], ';'],
    [['a,b;c;d', '1,2;3;4'], ';'], // the delimiter giving most columns wins
    [['"x,y",b,c', '1,2,3'], ','], // commas inside quotes are not counted
    [['a,b', '1,2'], undefined], // two columns are too little to tell a table from prose
    [['a,b,c', '1,2'], undefined],
    [['a,b,c'], undefined],
    [['a,b,c', '', '1,2,3', ''], ','], // blank lines are ignored
    [['東京、大阪、名古屋', 'お世話になります。'], undefined],
  ])('%j → %j', (lines, delimiter) => {
    expect(detectDelimiter(lines)).toBe(delimiter);
  });

  it('LineCells counts each line once and agrees with parseHeaderRow and detectDelimiter', () => {
    const lines = ['顧客一覧', '', '\ufeff"氏名,カナ",電話|x,住所', 'a;b,"c,d",e', '"x\ty"\t1\t2', '  "q" ,r,s', '1,2,3', '4,5,6', 'size 5",7,8'];
    const cells = new LineCells(lines);
    for (const delimiter of [',', '\t', ';', '|']) {
      lines.forEach((line, i) => expect(cells.cells(i, delimiter), `${i} ${JSON.stringify(delimiter)}`).toBe(line.trim() === '' ? -1 : parseHeaderRow(line, delimiter).length));
    }
    for (let from = 0; from < lines.length; from++) expect(cells.delimiterFrom(from), String(from)).toBe(detectDelimiter(lines.slice(from)));
    expect(cells.delimiterFrom(5)).toBe(',');
  });

  it('firstLines takes only the first lines, without their line ends', () => {
    expect(firstLines('a\r\nb\nc\nd', 3)).toEqual(['a', 'b', 'c']);
    expect(firstLines('', 3)).toEqual([]);
    expect(firstLines('x\n', 5)).toEqual(['x']);
  });
});
