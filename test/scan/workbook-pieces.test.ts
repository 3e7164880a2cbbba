/**
 * A workbook read in pieces (workbook-pieces.ts on this thread, sheet-piece.ts where the pieces go) gives the
 * result the whole reading gives, byte for byte — findings, fingerprints, occurrences, verdict, labels — on
 * generated workbooks cut into many small pieces: headers at the top, tables one below the other (a piece
 * read from a state that turns out wrong is read again), two-row headers, rows without numbers, shared and
 * inline strings, dates, several sheets, page headers, comments and properties. Cuts the whole reading would
 * not make give the file back to it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeBytes, SegmentSink } from '../../src/scan/analyze-file.js';
import { scan } from '../../src/scan/scan.js';
import { buildAnalyzer } from '../../src/scan/analyzer.js';
import { analyzeSheetPiece, type SheetPiece } from '../../src/scan/sheet-piece.js';
import { analyzeWorkbookInPieces, PIECES, piecesRead, rowStart } from '../../src/scan/workbook-pieces.js';
import type { FileRef, FileResult } from '../../src/model.js';
import { makeZip } from '../../scripts/make-office-fixtures.js';
import { seededRandom } from '../properties/generators.js';

const SAVED = { ...PIECES };
afterEach(() => Object.assign(PIECES, SAVED));

const REL = (type: string, target: string, id = 'rId1') => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
const RELS = (...r: string[]) => `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${r.join('')}</Relationships>`;
const STYLES = '<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy/mm/dd"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>';

const FAMILY = ['山田', '佐藤', '鈴木', '高橋', '田中', '渡辺', '伊藤', '中村'];
const GIVEN = ['太郎', '花子', '一郎', '美咲', '健太', '陽子'];
const HEADERS = [['氏名', '電話番号', 'メールアドレス', '郵便番号', '生年月日', '備考'], ['顧客名', '連絡先', 'E-mail', '〒', '誕生日', 'メモ'], ['社員番号', '部署', '携帯', '住所']];
const NOTES = ['', '', '特になし', '要確認', '糖尿病で通院中', '090-1234-5678 に折り返し', '株式会社テスト 03-1234-5678'];

interface Cell {
  col: number;
  /** s: shared string, i: inline string, n: number (style), b: boolean */
  kind: 's' | 'i' | 'n' | 'b';
  text: string;
  style?: number;
}

/** A sheet's XML from rows of cells; `noRowNumbers`: every other row without `r` (`noCellRows`: its cells' references without a row too). */
function sheetXml(rows: (Cell[] | undefined)[], strings: string[], opts: { noRowNumbers?: boolean; noCellRows?: boolean; prefix?: string; footer?: string } = {}): string {
  const p = opts.prefix ?? '';
  const index = new Map(strings.map((s, i) => [s, i]));
  const sst = (text: string): number => index.get(text) ?? (index.set(text, strings.length), strings.push(text) - 1);
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  let xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${p}worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${p}sheetData>`;
  rows.forEach((cells, r) => {
    if (!cells) return;
    const numbered = !(opts.noRowNumbers && r % 2 === 1);
    xml += `<${p}row${numbered ? ` r="${r + 1}"` : ''} spans="1:8">`;
    for (const c of cells) {
      const ref = `${String.fromCharCode(65 + c.col)}${numbered || !opts.noCellRows ? r + 1 : ''}`;
      if (c.kind === 's') xml += `<${p}c r="${ref}" t="s"><${p}v>${sst(c.text)}</${p}v></${p}c>`;
      else if (c.kind === 'i') xml += `<${p}c r="${ref}" t="inlineStr"><${p}is><${p}t>${esc(c.text)}</${p}t></${p}is></${p}c>`;
      else if (c.kind === 'b') xml += `<${p}c r="${ref}" t="b"><${p}v>${c.text}</${p}v></${p}c>`;
      else xml += `<${p}c r="${ref}"${c.style ? ` s="${c.style}"` : ''}><${p}v>${c.text}</${p}v></${p}c>`;
    }
    xml += `</${p}row>`;
  });
  xml += `</${p}sheetData>`;
  if (opts.footer) xml += `<${p}headerFooter><${p}oddFooter>${opts.footer}</${p}oddFooter></${p}headerFooter>`;
  return `${xml}</${p}worksheet>`;
}

/** Rows of a roster: tables one below the other (a title, a header row or two, then data), blank rows between. */
function rosterRows(rnd: () => number, count: number, tables: number, twoRowHeader: boolean): Cell[][] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const kind = (): Cell['kind'] => (rnd() < 0.7 ? 's' : 'i');
  const rows: Cell[][] = [];
  for (let t = 0; t < tables; t++) {
    const headers = pick(HEADERS);
    if (t > 0) rows.push([], []);
    rows.push([{ col: 0, kind: 's', text: `顧客一覧 その${t + 1}` }]);
    if (twoRowHeader) rows.push([{ col: 0, kind: 's', text: '基本情報' }, { col: 2, kind: 's', text: '連絡先' }]);
    rows.push(headers.map((text, col) => ({ col, kind: 's', text })));
    for (let i = 0; i < count; i++) {
      const n = rows.length;
      const phone = `0${pick(['90', '80', '70'])}-${String(1000 + Math.floor(rnd() * 9000))}-${String(1000 + Math.floor(rnd() * 9000))}`;
      const cells: Cell[] = [
        { col: 0, kind: kind(), text: `${pick(FAMILY)} ${pick(GIVEN)}` },
        rnd() < 0.2 ? { col: 1, kind: 'n', text: String(Math.floor(rnd() * 9e9)) } : { col: 1, kind: kind(), text: phone },
        { col: 2, kind: kind(), text: `user${n}.${Math.floor(rnd() * 1000)}@example.co.jp` },
        { col: 3, kind: kind(), text: `${100 + Math.floor(rnd() * 899)}-${String(Math.floor(rnd() * 10000)).padStart(4, '0')}` },
        { col: 4, kind: 'n', text: String(20000 + Math.floor(rnd() * 15000)), style: rnd() < 0.5 ? 1 : 2 },
      ];
      const note = pick(NOTES);
      if (note) cells.push({ col: 5, kind: kind(), text: note });
      if (rnd() < 0.05) cells.push({ col: 6, kind: 'b', text: rnd() < 0.5 ? '1' : '0' });
      rows.push(cells.filter(() => rnd() > 0.05));
    }
  }
  return rows;
}

interface Book {
  sheets: { name: string; xml: string }[];
  strings: string[];
  extras?: [string, string][];
  date1904?: boolean;
}

function workbook(book: Book): Uint8Array {
  const sheetList = book.sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const rels = book.sheets.map((_, i) => REL('worksheet', `worksheets/sheet${i + 1}.xml`, `rId${i + 1}`));
  const n = book.sheets.length;
  const sst = `<sst count="${book.strings.length}">${book.strings.map((s) => `<si><t>${s.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</t></si>`).join('')}</sst>`;
  return new Uint8Array(makeZip([
    ['[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
    ['_rels/.rels', RELS(REL('officeDocument', 'xl/workbook.xml'))],
    ['xl/workbook.xml', `<workbook xmlns:r="r">${book.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheetList}</sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', RELS(...rels, REL('sharedStrings', 'sharedStrings.xml', `rId${n + 1}`), REL('styles', 'styles.xml', `rId${n + 2}`))],
    ...book.sheets.map((s, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, s.xml]),
    ['xl/sharedStrings.xml', sst],
    ['xl/styles.xml', STYLES],
    ...(book.extras ?? []),
  ]));
}

const ALL = buildAnalyzer({ minConfidence: 0.5 });
const LISTED = buildAnalyzer({ minConfidence: 0.5, listed: 3 });

/** Pieces analyzed here, through a copy as a worker would get them; counts the pieces analyzed again. */
function inProcess(opts = ALL) {
  const seen = { pieces: 0, again: 0 };
  return {
    seen,
    pieces: {
      parallel: 3,
      analyze: async (piece: SheetPiece) => {
        seen.pieces++;
        if (piece.fresh) seen.again++;
        return structuredClone(await analyzeSheetPiece(structuredClone(piece), opts));
      },
    },
  };
}

async function both(bytes: Uint8Array, opts = ALL, name = 'a/名簿.xlsx'): Promise<{ whole: FileResult[]; pieces: FileResult[] | undefined; seen: { pieces: number; again: number } }> {
  const ref: FileRef = { relPath: name, absPath: `/x/${name}`, size: bytes.length };
  const whole = await analyzeBytes(name, bytes, opts);
  for (const r of whole.slice(0, 1)) r.size = bytes.length;
  const run = inProcess(opts);
  const pieces = await analyzeWorkbookInPieces(ref, bytes, opts, run.pieces);
  return { whole, pieces, seen: run.seen };
}

function small(): void {
  Object.assign(PIECES, { minSheetBytes: 0, firstBytes: 300, pieceBytes: 700 });
}

describe('a workbook read in pieces', () => {
  it("gives the whole reading's result, byte for byte, cut into many pieces (tables one below the other, read again from the right state)", async () => {
    small();
    for (const seed of [1, 2, 3]) {
      const rnd = seededRandom(seed);
      const strings: string[] = [];
      const first = sheetXml(rosterRows(rnd, 60, 3, seed === 2), strings, { footer: '&amp;L社外秘&amp;R&amp;P' });
      const second = sheetXml(rosterRows(rnd, 25, 1, false), strings);
      const bytes = workbook({ sheets: [{ name: '顧客', xml: first }, { name: '空', xml: sheetXml([], strings) }, { name: '名簿2', xml: second }], strings, date1904: seed === 3 });
      for (const opts of [ALL, LISTED]) {
        const { whole, pieces, seen } = await both(bytes, opts);
        expect(whole[0]?.status).toBe('scanned');
        expect(whole[0]?.findings.length).toBeGreaterThan(opts === ALL ? 200 : 10);
        expect(seen.pieces).toBeGreaterThan(20);
        // Each new table changes the state: the pieces sent before it was merged are read again.
        expect(seen.again).toBeGreaterThan(0);
        expect(JSON.stringify(pieces)).toBe(JSON.stringify(whole));
      }
    }
  });

  it('with rows without numbers, comments, properties and labels, as the whole reading', async () => {
    small();
    const rnd = seededRandom(7);
    const strings: string[] = [];
    const xml = sheetXml(rosterRows(rnd, 80, 1, false), strings, { noRowNumbers: true });
    const bytes = workbook({
      sheets: [{ name: 'Sheet1', xml }],
      strings,
      extras: [
        ['xl/worksheets/_rels/sheet1.xml.rels', RELS(REL('comments', '../comments1.xml'))],
        ['xl/comments1.xml', '<comments><authors><author>a</author></authors><commentList><comment ref="B7" authorId="0"><text><t>携帯 090-8765-4321</t></text></comment></commentList></comments>'],
        ['docProps/core.xml', '<cp:coreProperties xmlns:cp="cp" xmlns:dc="dc"><dc:title>顧客名簿（社外秘）</dc:title><cp:keywords>個人情報</cp:keywords></cp:coreProperties>'],
      ],
    });
    const { whole, pieces, seen } = await both(bytes);
    expect(whole[0]?.findings.some((f) => f.location.part === 'comments')).toBe(true);
    expect(whole[0]?.labels.length).toBeGreaterThan(0);
    expect(seen.pieces).toBeGreaterThan(20);
    // One table with its header on top: the first piece is merged before the others are sent, none is read again.
    expect(seen.again).toBe(0);
    expect(JSON.stringify(pieces)).toBe(JSON.stringify(whole));
  });

  it('rows whose cells have no row number either are counted on from the rows before: such a sheet is read whole', async () => {
    small();
    const strings: string[] = [];
    const xml = sheetXml(rosterRows(seededRandom(8), 60, 1, false), strings, { noRowNumbers: true, noCellRows: true });
    const { whole, pieces } = await both(workbook({ sheets: [{ name: 'S', xml }], strings }));
    expect(whole[0]?.findings.length).toBeGreaterThan(60);
    expect(pieces).toBeUndefined();
  });

  it('a sheet written with a namespace prefix has no row to cut at: one piece, the same result', async () => {
    small();
    const strings: string[] = [];
    const xml = sheetXml(rosterRows(seededRandom(5), 30, 1, false), strings, { prefix: 'x:' }).replace('<x:worksheet xmlns=', '<x:worksheet xmlns:x=');
    const { whole, pieces, seen } = await both(workbook({ sheets: [{ name: 'S', xml }], strings }));
    expect(whole[0]?.findings.length).toBeGreaterThan(30);
    expect(seen.pieces).toBe(1);
    expect(JSON.stringify(pieces)).toBe(JSON.stringify(whole));
  });

  it('gives a file back to the whole reading when a cut falls where that reading would not cut', async () => {
    small();
    PIECES.pieceBytes = 1;
    const strings: string[] = [];
    const rows = rosterRows(seededRandom(9), 10, 1, false);
    // A `<row>` inside a cell's CDATA: the reading takes it as the cell's text; a cut there leaves the cell open.
    const cdata = sheetXml(rows, strings).replace('</sheetData>', '<row r="90"><c r="A90" t="inlineStr"><is><t><![CDATA[x<row r="91">y]]></t></is></c></row></sheetData>');
    expect((await both(workbook({ sheets: [{ name: 'S', xml: cdata }], strings }))).pieces).toBeUndefined();
    // One row's cells in two `<row>` elements: the whole reading lays them out as one row.
    const split = sheetXml(rows, strings).replace('</sheetData>', '<row r="90"><c r="A90" t="inlineStr"><is><t>氏名</t></is></c></row><row r="90"><c r="B90" t="inlineStr"><is><t>山田 太郎</t></is></c></row></sheetData>');
    expect((await both(workbook({ sheets: [{ name: 'S', xml: split }], strings }))).pieces).toBeUndefined();
    // Both read whole give their usual result (a control: the files are fine).
    expect((await both(workbook({ sheets: [{ name: 'S', xml: split }], strings }))).whole[0]?.status).toBe('scanned');
  });

  it('reads small workbooks, broken zips and other formats whole (undefined)', async () => {
    const strings: string[] = [];
    const bytes = workbook({ sheets: [{ name: 'S', xml: sheetXml(rosterRows(seededRandom(4), 20, 1, false), strings) }], strings });
    expect((await both(bytes)).pieces).toBeUndefined(); // below the size where pieces pay
    small();
    expect((await both(bytes.subarray(0, bytes.length - 30))).pieces).toBeUndefined(); // truncated zip
    expect((await both(bytes, ALL, 'a/名簿.docx')).pieces).toBeUndefined();
  });

  it('a piece that fails gives the file back to the whole reading; a file past its time limit fails as the whole reading does', async () => {
    small();
    const strings: string[] = [];
    const bytes = workbook({ sheets: [{ name: 'S', xml: sheetXml(rosterRows(seededRandom(6), 40, 1, false), strings) }], strings });
    const ref: FileRef = { relPath: 'b.xlsx', absPath: '/x/b.xlsx', size: bytes.length };
    let n = 0;
    const failing = { parallel: 2, analyze: async (piece: SheetPiece) => (++n === 5 ? Promise.reject(new Error('worker crashed')) : analyzeSheetPiece(structuredClone(piece), ALL)) };
    expect(await analyzeWorkbookInPieces(ref, bytes, ALL, failing)).toBeUndefined();
    const slow = { parallel: 2, analyze: async (piece: SheetPiece) => (await new Promise((r) => setTimeout(r, 5)), analyzeSheetPiece(structuredClone(piece), ALL)) };
    const timed = buildAnalyzer({ minConfidence: 0.5, limits: { timeoutMs: 1 } });
    const [r] = (await analyzeWorkbookInPieces(ref, bytes, timed, slow)) ?? [];
    expect(r).toMatchObject({ path: 'b.xlsx', status: 'error', reason: 'timed out after 1 ms (xlsx)', format: 'xlsx', size: bytes.length });
  });
});

describe('a scan with workers', () => {
  it('reads a big workbook in pieces when it has enough workers, with the report a single thread gives', async () => {
    small();
    const dir = mkdtempSync(join(tmpdir(), 'jpii-pieces-'));
    try {
      const strings: string[] = [];
      const rnd = seededRandom(11);
      const bytes = workbook({ sheets: [{ name: '顧客', xml: sheetXml(rosterRows(rnd, 150, 2, false), strings) }, { name: '社員', xml: sheetXml(rosterRows(rnd, 50, 1, true), strings) }], strings });
      writeFileSync(join(dir, '顧客名簿.xlsx'), bytes);
      writeFileSync(join(dir, 'メモ.txt'), '担当 山田太郎 090-1111-2222\n');
      const opts = { roots: [dir], base: dir, analyzer: { minConfidence: 0.5 } };
      const before = { ...piecesRead };
      // A scan of a few files reads documents on at most two workers (scan.ts isolation()).
      PIECES.minWorkers = 3;
      await scan({ ...opts, jobs: 3 });
      expect(piecesRead.files - before.files).toBe(0);
      PIECES.minWorkers = 2;
      const two = await scan({ ...opts, jobs: 2 });
      expect(piecesRead.files - before.files).toBe(1);
      expect(piecesRead.pieces - before.pieces).toBeGreaterThan(50);
      const one = await scan({ ...opts, jobs: 1 });
      expect(piecesRead.files - before.files).toBe(1);
      const book = one.files.find((f) => f.path.endsWith('.xlsx'));
      expect(book?.findings.length).toBeGreaterThan(100);
      expect(JSON.stringify(two.files)).toBe(JSON.stringify(one.files));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SegmentSink.addLabels', () => {
  it("keeps a piece's first text only when nothing came before it, in the piece's order", () => {
    const sink = new SegmentSink(ALL, () => undefined, ['a.xlsx']);
    sink.addLabels([], -1);
    sink.addLabels(['社外秘', '山田 太郎', '部外秘'], 1);
    sink.addLabels(['氏名', '佐藤'], 1);
    sink.add({ text: '取扱注意', origin: { sheet: 'S', cell: 'A1' }, labelZone: true });
    expect(sink.labelSources).toEqual(['a.xlsx', '社外秘', '山田 太郎', '部外秘', '氏名', '取扱注意']);
    expect(sink.headAt).toBe(2);
  });
});

describe('rowStart', () => {
  it('finds a row start tag, not a longer name or one whose next byte is still to come', () => {
    const b = (s: string) => Buffer.from(s, 'latin1');
    expect(rowStart(b('<c/><rows/><row r="2">'), 0)).toBe(11);
    expect(rowStart(b('<row>x<row\t/>'), 1)).toBe(6);
    expect(rowStart(b('<rowBreaks/>'), 0)).toBe(-1);
    expect(rowStart(b('xx<row'), 0)).toBe(-1);
  });
});
