#!/usr/bin/env node
/**
 * Writes the HTML e-mail fixtures under fixtures/documents/html-mail/ (test/extract/html-mail-fixtures.test.ts):
 * an HTML-only message whose fields sit in a table (`<th>` label, `<td>` value), a roster table with a header
 * row inside a layout table, a `<dl>` / `<label>` form, and a look-alike order table; and the same HTML as
 * HTML-only Outlook items (.msg, PR_HTML without PR_BODY, written by scripts/lib/legacy-writers.js).
 * Deterministic (fixed headers, no timestamps). Every value is synthetic: My Numbers are check-digit-valid
 * numbers made for the purpose (scripts/lib/check-digits.js), phones are in 090-5555 style, names made up.
 * Usage: node scripts/make-html-mail-fixtures.js
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { myNumberCheck } from './lib/check-digits.js';
import { makeMsg } from './lib/legacy-writers.js';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'documents', 'html-mail');
const myNumber = (d11) => `${d11}${myNumberCheck(d11)}`;

/** An Outlook item whose only body is its HTML (UTF-8, internet code page 65001). */
function outlookItem(subject, html) {
  return makeMsg({ subject, from: { name: '送信 者', email: 'sender@example.co.jp' }, to: [{ name: '総務', email: 'staff@example.co.jp' }], html: Buffer.from(html, 'utf8'), internetCodepage: 65001 });
}

function message(subject, html) {
  const head = [
    'From: sender@example.co.jp', 'To: staff@example.co.jp', `Subject: =?UTF-8?B?${Buffer.from(subject).toString('base64')}?=`,
    'Date: Tue, 1 Apr 2025 09:00:00 +0900', 'MIME-Version: 1.0', 'Content-Type: text/html; charset=UTF-8', 'Content-Transfer-Encoding: base64',
  ];
  return Buffer.from(`${head.join('\r\n')}\r\n\r\n${Buffer.from(html, 'utf8').toString('base64').replace(/.{1,76}/g, '$&\r\n')}`, 'utf8');
}

const labelTableHtml = [
  '<html><body><p>入社手続きの内容は以下のとおりです。</p><table border="1">',
  '<tr><th>氏名</th><td>梅田 花子</td></tr>',
  '<tr><th>生年月日</th><td>1954年7月18日</td></tr>',
  '<tr><th>個人番号</th><td>', myNumber('31415926535'), '</td></tr>',
  '<tr><th>基礎年金番号</th><td>4664329850</td></tr>',
  '<tr><th>口座番号</th><td>1234567</td></tr>',
  '</table></body></html>',
].join('');
const labelTable = message('入社手続きの件', labelTableHtml);

const rosterHtml = [
  '<html><body><table width="600"><tr><td><h2>社員名簿</h2>',
  '<table><thead><tr><th>お名前</th><th>誕生日</th><th>マイナンバー</th></tr></thead><tbody>',
  '<tr><td>梅田 花子</td><td>1954/7/18</td><td>', myNumber('27182818284'), '</td></tr>',
  '<tr><td>北野 一郎</td><td>1985/2/1</td><td>', myNumber('16180339887'), '</td></tr>',
  '</tbody></table></td></tr></table></body></html>',
].join('');
const roster = message('名簿送付', rosterHtml);

const dlForm = message('お問い合わせ', [
  '<html><body><dl><dt>お名前</dt><dd>梅田 花子</dd><dt>生年月日</dt><dd>1954年7月18日</dd></dl>',
  '<div><label>基礎年金番号</label><span>4664329850</span></div>',
  '</body></html>',
].join(''));

const lookalikeHtml = [
  '<html><body><table><tr><th>注文番号</th><th>金額</th><th>出荷日</th></tr>',
  '<tr><td>202407010042</td><td>12,800円</td><td>2024/7/1</td></tr>',
  '<tr><td>202407020117</td><td>3,300円</td><td>2024/7/2</td></tr>',
  '</table></body></html>',
].join('');
const lookalike = message('出荷一覧', lookalikeHtml);

mkdirSync(OUT, { recursive: true });
const files = {
  'label-table.eml': labelTable, 'roster.eml': roster, 'dl-form.eml': dlForm, 'lookalike.eml': lookalike,
  'label-table.msg': outlookItem('入社手続きの件', labelTableHtml), 'roster.msg': outlookItem('名簿送付', rosterHtml),
  'lookalike.msg': outlookItem('出荷一覧', lookalikeHtml),
};
for (const [name, bytes] of Object.entries(files)) writeFileSync(join(OUT, name), bytes);
process.stdout.write(`wrote ${Object.keys(files).length} files to ${OUT}\n`);
