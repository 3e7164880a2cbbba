#!/usr/bin/env node
/**
 * Writes the Office fixtures under fixtures/documents/office/: xlsx (exceljs), docx / pptx / ods / odt
 * (XML written here, zipped by a minimal writer on node:zlib), Word 97 .doc and OLE files (a minimal
 * Compound File writer), plus broken inputs (truncated xlsx, corrupt docx, encrypted xlsx and doc).
 * Deterministic: fixed timestamps, so re-running it gives byte-identical files.
 * Every PII value is synthetic: My Number 123456789018 is check-digit-valid and made for the purpose,
 * 090-1234-5678 and 〒100-0001 are sample values, names are 試験 太郎/花子, mail is example.com.
 * Usage: node scripts/make-office-fixtures.js
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { docxParts, odsParts, odtParts, pptxParts } from './office-fixture-xml.js';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'documents', 'office');
const u32 = (n) => { const b = Buffer.alloc(4); b.writeUInt32LE(n >>> 0); return b; };
const u16 = (n) => { const b = Buffer.alloc(2); b.writeUInt16LE(n); return b; };

// ---------- zip (APPNOTE 4.3; DOS date 1980-01-01 for every entry) ----------
/** entries: [name, string | Buffer, store?]; ODF wants `mimetype` first and stored. */
export function makeZip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, content, store] of entries) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const packed = store ? data : deflateRawSync(data, { level: 9 });
    const nameBytes = Buffer.from(name, 'utf8');
    const common = [u16(20), u16(0x0800), u16(store ? 0 : 8), u16(0), u16(0x0021), u32(crc32(data)), u32(packed.length), u32(data.length), u16(nameBytes.length), u16(0)];
    const local = Buffer.concat([u32(0x04034b50), ...common, nameBytes, packed]);
    centrals.push(Buffer.concat([u32(0x02014b50), u16(20), ...common, u16(0), u16(0), u16(0), u32(0), u32(offset), nameBytes]));
    locals.push(local);
    offset += local.length;
  }
  const central = Buffer.concat(centrals);
  const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(entries.length), u16(entries.length), u32(central.length), u32(offset), u16(0)]);
  return Buffer.concat([...locals, central, end]);
}

/** Re-zips another writer's output with fixed timestamps (exceljs stamps entries with the current time). */
async function rezip(buffer) {
  const zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true });
  const entries = [];
  for await (const entry of zip.eachEntry()) {
    const chunks = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk);
    entries.push([entry.fileName, Buffer.concat(chunks)]);
  }
  zip.close();
  return makeZip(entries);
}

// ---------- Compound File Binary ([MS-CFB]): 512-byte sectors, one FAT sector, one directory sector ----------
const FREE = 0xffffffff;
const END = 0xfffffffe;
const FATSECT = 0xfffffffd;

/** streams: [name, Buffer] (at most 3, each empty or ≥ 4096 bytes so that none lives in the mini stream). */
export function makeCfb(streams) {
  const sorted = [...streams].sort(([a], [b]) => a.length - b.length || (a.toUpperCase() < b.toUpperCase() ? -1 : 1));
  const fat = [FATSECT, END];
  const starts = sorted.map(([, data]) => {
    if (data.length === 0) return END;
    const first = fat.length;
    const count = Math.ceil(data.length / 512);
    for (let i = 1; i < count; i++) fat.push(first + i);
    fat.push(END);
    return first;
  });
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18); header.writeUInt16LE(3, 0x1a); header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e); header.writeUInt16LE(6, 0x20); header.writeUInt32LE(1, 0x2c);
  header.writeUInt32LE(1, 0x30); header.writeUInt32LE(4096, 0x38); header.writeUInt32LE(END, 0x3c);
  header.writeUInt32LE(END, 0x44);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREE, 0x4c + i * 4);
  const fatSector = Buffer.alloc(512, 0xff);
  fat.forEach((v, i) => fatSector.writeUInt32LE(v, i * 4));
  const dir = Buffer.alloc(512);
  const entry = (i, name, type, child, right, start, size) => {
    const at = i * 128;
    Buffer.from(`${name}\0`, 'utf16le').copy(dir, at);
    dir.writeUInt16LE((name.length + 1) * 2, at + 0x40);
    dir[at + 0x42] = type; dir[at + 0x43] = 1;
    dir.writeUInt32LE(FREE, at + 0x44); dir.writeUInt32LE(right, at + 0x48); dir.writeUInt32LE(child, at + 0x4c);
    dir.writeUInt32LE(start, at + 0x74); dir.writeUInt32LE(size, at + 0x78);
  };
  for (let i = 0; i < 4; i++) entry(i, '', 0, FREE, FREE, 0, 0);
  entry(0, 'Root Entry', 5, sorted.length ? 1 : FREE, FREE, END, 0);
  sorted.forEach(([name, data], i) => entry(i + 1, name, 2, FREE, i + 1 < sorted.length ? i + 2 : FREE, starts[i], data.length));
  const body = sorted.map(([, data]) => Buffer.concat([data, Buffer.alloc((512 - (data.length % 512)) % 512)]));
  return Buffer.concat([header, fatSector, dir, ...body]);
}

// ---------- Word 97 binary: FIB + piece table, enough for word-extractor ([MS-DOC] 2.5, 2.9.177) ----------
const TEXT_AT = 0x800;

/** body and stories end each paragraph with \r; stories: odd header and odd footer of section 1. */
export function makeDoc({ body, header, footer, encrypted = false }) {
  const text = Buffer.from(body + header + footer, 'utf16le');
  const word = Buffer.alloc(Math.max(4096, TEXT_AT + text.length));
  word.writeUInt16LE(0xa5ec, 0); word.writeUInt16LE(0xc1, 2);
  word.writeUInt16LE(0x0200 | (encrypted ? 0x0100 : 0), 0x0a); // fWhichTblStm: 1Table; fEncrypted
  word.writeUInt32LE(body.length, 0x4c); // ccpText
  word.writeUInt32LE(header.length + footer.length, 0x54); // ccpHdd
  text.copy(word, TEXT_AT);
  const total = body.length + header.length + footer.length;
  const plcPcd = Buffer.concat([u32(0), u32(total), u16(0), u32(TEXT_AT), u16(0)]);
  const clx = Buffer.concat([Buffer.from([2]), u32(plcPcd.length), plcPcd]);
  // plcfhdd: 6 separator stories, then even header, odd header, even footer, odd footer, first header/footer
  const h = header.length;
  const cps = [0, 0, 0, 0, 0, 0, 0, 0, h, h, h + footer.length, h + footer.length, h + footer.length];
  const plcfhdd = Buffer.concat(cps.map(u32));
  const table = Buffer.alloc(4096);
  clx.copy(table, 0);
  plcfhdd.copy(table, 0x100);
  word.writeUInt32LE(0x100, 0xf2); word.writeUInt32LE(plcfhdd.length, 0xf6);
  word.writeUInt32LE(0, 0x1a2); word.writeUInt32LE(clx.length, 0x1a6);
  return makeCfb([['WordDocument', word], ['1Table', table]]);
}

// ---------- xlsx with exceljs ----------
async function makeXlsx() {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jpii fixtures';
  wb.created = wb.modified = new Date(Date.UTC(2024, 0, 1));
  const ws = wb.addWorksheet('顧客');
  ws.addRow(['氏名', '電話番号', 'マイナンバー', '郵便番号', '住所', 'メール', '生年月日']);
  ws.addRow(['試験 太郎', 9012345678, '123456789018', '100-0001', '東京都千代田区千代田1-1', 'taro@example.com', new Date(Date.UTC(1980, 3, 1))]);
  ws.addRow([
    { richText: [{ text: '試験 ', font: { bold: true } }, { text: '花子' }] },
    { formula: '"090-"&"1234-"&"5678"', result: '090-1234-5678' },
    123456789018,
    1000001,
    { formula: 'E2', result: '東京都千代田区千代田1-1' },
    'hanako@example.com',
    new Date(Date.UTC(1985, 11, 24)),
  ]);
  ws.getCell('D3').numFmt = '[<=999]000;[<=9999]000-00;000-0000';
  ws.getCell('G2').numFmt = 'yyyy"年"m"月"d"日"';
  ws.getCell('G3').numFmt = 'yyyy/mm/dd';
  ws.getRow(5).values = ['合計', { formula: '1+1', result: 2 }, 0.1 + 0.2, true];
  ws.headerFooter.oddHeader = '&C&"ＭＳ ゴシック,太字"社外秘';
  ws.headerFooter.oddFooter = '&L&P / &N&R試験用';
  const notes = wb.addWorksheet('備考');
  notes.getCell('A1').value = 'メモ';
  notes.getCell('B4').value = '連絡先 090-1234-5678';
  return rezip(Buffer.from(await wb.xlsx.writeBuffer()));
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const junk = Buffer.alloc(4096, 0x5a);
  const write = (name, bytes) => writeFileSync(join(OUT, name), bytes);
  const xlsx = await makeXlsx();
  write('customers.xlsx', xlsx);
  write('truncated.xlsx', xlsx.subarray(0, Math.floor(xlsx.length * 0.6)));
  write('report.docx', makeZip(docxParts()));
  write('slides.pptx', makeZip(pptxParts()));
  write('customers.ods', makeZip(odsParts()));
  write('memo.odt', makeZip(odtParts()));
  // a password-protected ODF package: the manifest declares encryption, content.xml is ciphertext
  const locked = odsParts().map(([name, content, store]) =>
    name === 'META-INF/manifest.xml' ? [name, content.replace('media-type="text/xml"/>', 'media-type="text/xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="AAAA"/></manifest:file-entry>'), store]
      : name === 'content.xml' ? [name, junk, true] : [name, content, store]);
  write('encrypted.ods', makeZip(locked));
  const corrupt = Buffer.alloc(600, 0x41);
  Buffer.from([0x50, 0x4b, 0x03, 0x04]).copy(corrupt);
  write('corrupt.docx', corrupt);
  write('encrypted.xlsx', makeCfb([['EncryptionInfo', junk], ['EncryptedPackage', junk]]));
  const doc = { body: '顧客対応記録\r電話番号 090-1234-5678\rマイナンバー 123456789018\r', header: '【社外秘】\r', footer: '試験用\r' };
  write('legacy.doc', makeDoc(doc));
  write('encrypted.doc', makeDoc({ ...doc, encrypted: true }));
  write('legacy.xls', makeCfb([['Workbook', junk]]));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
