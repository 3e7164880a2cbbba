#!/usr/bin/env node
/**
 * Writes fixtures/documents/legacy/ (formats read without LibreOffice: .xls BIFF8 and BIFF5/cp932, .xlsb, .ppt,
 * .msg Unicode and cp932, .rtf cp932 and Unicode) and fixtures/documents/hostile/ (corrupt, bomb-like,
 * odd-name and broken-encoding inputs). Japanese text is in the legacy code page wherever the format has one
 * (BIFF5 cells, OLE property sets, PT_STRING8 message properties, RTF `\'xx` bytes).
 * Deterministic: re-running it rewrites identical files. Every PII value is synthetic: My Number 123456789018
 * is check-digit-valid and made for the purpose, phones and 〒100-0001 are sample values, mail is example.com.
 * Usage: node scripts/make-legacy-fixtures.js
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cp932, makeBiff5, makeMsg, makeOle, makePpt, makeRtf, makeWorkbook } from './lib/legacy-writers.js';
import { makeZip } from './make-office-fixtures.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'documents');
const write = (dir, name, bytes) => {
  mkdirSync(join(ROOT, dir), { recursive: true });
  writeFileSync(join(ROOT, dir, name), bytes);
};

const ROWS = [
  ['氏名', '電話番号', 'マイナンバー', '住所', 'メール'],
  ['試験 太郎', '090-1234-5678', '123456789018', '東京都千代田区千代田1-1', 'taro@example.com'],
  ['試験 花子', '03-5555-0123', '123456789018', '大阪府大阪市北区梅田1-1-1', 'hanako@example.com'],
];
const PROPS = { Title: '【社外秘】顧客名簿', Author: '試験 次郎', Company: '株式会社サンプル' };

function legacy() {
  const book = { sheets: { 顧客: ROWS, 備考: [['メモ'], ['連絡先 090-8765-4321']] }, comments: [{ sheet: '顧客', cell: 'A2', author: '試験', text: 'TEL 080-1111-2222' }], props: PROPS, custom: { 担当者: '試験 三郎' } };
  write('legacy', 'customers.xls', makeWorkbook(book, 'xls'));
  write('legacy', 'customers.xlsb', makeWorkbook(book, 'xlsb'));
  write('legacy', 'excel95-cp932.xls', makeBiff5({ 名簿: ROWS }));
  write('legacy', 'slides.ppt', makePpt({
    slides: [
      { title: '社外秘 顧客説明会', body: ['2024年度 第1回'], notes: ['マイナンバー 123456789018 は読み上げない'] },
      { title: '名簿', body: ['氏名 試験 太郎', '電話 090-1234-5678'], boxes: ['〒100-0001 東京都千代田区千代田1-1'] },
      { title: '連絡先', boxes: ['連絡先: taro@example.com'] },
    ],
    footer: '社外秘',
    properties: { title: '顧客説明会', author: '試験 次郎', company: '株式会社サンプル', custom: { 部署: '営業部' } },
  }));
  const mail = {
    subject: '【社外秘】顧客リストの件',
    body: 'お世話になっております。\n氏名：試験 太郎\n電話：090-1234-5678\nマイナンバー：123456789018\n',
    from: { name: '試験 花子', email: 'hanako@example.com' },
    to: [{ name: '試験 太郎', email: 'taro@example.com' }],
    cc: [{ name: '試験 次郎', email: 'jiro@example.com' }],
    attachments: [
      { name: '顧客リスト.csv', bytes: cp932('氏名,電話番号\n試験 太郎,03-5555-0123\n') },
      { name: '..\\..\\..\\tmp\\x\\pwned.txt', bytes: Buffer.from('tel 090-1234-5678\n') },
      { message: { subject: '転送: 住所', body: '住所：東京都千代田区千代田1-1\n電話：03-5555-0123', from: { name: '試験 三郎', email: 'saburo@example.com' } } },
    ],
  };
  write('legacy', 'mail.msg', makeMsg(mail));
  write('legacy', 'mail-cp932.msg', makeMsg({ ...mail, unicode: false }));
  write('legacy', 'mail-rtf-only.msg', makeMsg({ ...mail, body: undefined, attachments: [], rtf: makeRtf({ paragraphs: ['電話：090-1234-5678', 'マイナンバー：123456789018'] }) }));
  const rtf = { paragraphs: ['顧客対応記録', '氏名：試験 太郎', '電話番号：090-1234-5678', 'マイナンバー：123456789018', '〒100-0001 東京都千代田区千代田1-1'], header: '社外秘', info: { title: '顧客対応記録', author: '試験 次郎' } };
  write('legacy', 'memo-cp932.rtf', makeRtf(rtf));
  write('legacy', 'memo-unicode.rtf', makeRtf({ ...rtf, mode: 'unicode' }));
}

function hostile() {
  const tel = Buffer.from('tel 090-1234-5678\n');
  write('hostile', 'traversal.zip', makeZip([
    ['../../../../tmp/x/pwned.txt', tel], ['/etc/absolute.txt', tel], ['C:\\Windows\\drive.txt', tel], ['a!/fake-level.txt', tel], ['safe/../../twice.txt', tel],
  ]));
  const utf8 = Buffer.from('氏名：試験 太郎\n電話：090-1234-5678\n'.repeat(5));
  write('hostile', 'broken-utf8.txt', Buffer.concat([utf8, Buffer.from([0xe8, 0xa9]), Buffer.from('\n'), utf8])); // a cut character
  const sjis = cp932('氏名,電話番号\n試験 太郎,090-1234-5678\n'.repeat(5));
  write('hostile', 'broken-sjis.csv', Buffer.concat([sjis, Buffer.from([0x82, 0x0a]), sjis])); // a lead byte without its trail
  const ppt = makePpt({ slides: [{ title: '電話 090-1234-5678' }] });
  write('hostile', 'truncated.ppt', ppt.subarray(0, Math.floor(ppt.length * 0.6)));
  write('hostile', 'garbage.ppt', makeOle([['/PowerPoint Document', Buffer.from([0x0f, 0x00, 0xe8, 0x03, 0xff, 0xff, 0xff, 0x7f, ...new Array(64).fill(0x0f)])]]));
  write('hostile', 'garbage.xls', makeOle([['/Workbook', Buffer.alloc(600, 0x5a)]]));
  const msg = makeMsg({ subject: '件名', body: '電話 090-1234-5678' });
  write('hostile', 'truncated.msg', msg.subarray(0, Math.floor(msg.length / 2)));
  write('hostile', 'deep.rtf', Buffer.from(`{\\rtf1\\ansi ${'{'.repeat(200000)}090-1234-5678${'}'.repeat(200000)}}`));
  write('hostile', 'bin-bomb.rtf', Buffer.from('{\\rtf1\\ansi \\bin2147483647 tel 090-1234-5678}'));
  write('hostile', 'bad-hex.rtf', Buffer.from("{\\rtf1\\ansi\\ansicpg932 \\'zz\\'8\\'82}"));
}

legacy();
hostile();
