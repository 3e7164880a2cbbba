#!/usr/bin/env node
/**
 * Writes the PDF layout fixtures under fixtures/documents/pdf-layout/ (test/extract/pdf-layout-fixtures.test.ts):
 * forms with the label left of the value or above it, a list table whose header and one date run over the next
 * column (as Excel's PDF export writes clipped text), and a look-alike table of order numbers and amounts.
 * Text is written the way Word writes Japanese to PDF: digits and Latin letters in one font, kanji in another,
 * a small gap at each switch, which readers turn into a space (`1954 年 7 月 18 日`).
 * Deterministic (no timestamps, no randomness). Every value is synthetic: My Numbers are check-digit-valid
 * numbers made for the purpose (scripts/lib/check-digits.js), names and addresses are made up.
 * Usage: node scripts/make-pdf-layout-fixtures.js
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { myNumberCheck } from './lib/check-digits.js';
import { pdf } from './lib/document-writers.js';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'documents', 'pdf-layout');
const myNumber = (d11) => `${d11}${myNumberCheck(d11)}`;

/** Label and value pairs of one person, as a form shows them. */
const PERSON = [
  ['氏名', '梅田 花子'],
  ['生年月日', '1954 年 7 月 18 日'],
  ['現住所', '大阪府大阪市北区梅田 2 丁目 5 番 10 号'],
  ['個人番号', myNumber('31415926535')],
  ['所属', '経理課'],
];

function formLeft() {
  const items = [{ x: 60, y: 790, text: '扶養控除等申告書', size: 14 }];
  PERSON.forEach(([label, value], i) => items.push({ x: 60, y: 750 - i * 24, text: label }, { x: 200, y: 750 - i * 24, text: value }));
  return pdf([items], 1.5);
}

function formAbove() {
  const items = [{ x: 60, y: 790, text: '入社手続き確認票', size: 14 }];
  PERSON.forEach(([label, value], i) => items.push({ x: 60, y: 750 - i * 36, text: label, size: 8 }, { x: 60, y: 736 - i * 36, text: value }));
  return pdf([items], 3);
}

/**
 * A roster whose column 3 header (12 kanji at 8 pt, 96 pt in a 95 pt column) runs into the next column, and
 * whose long era date ends 6 pt (under one em and a half) before the next column's text.
 */
function listTable() {
  const xs = [30, 125, 242, 337];
  const rows = [
    ['お名前', '生年月日', '個人番号（マイナンバー）', '基礎年金番号'],
    ['梅田 花子', '昭和 48 年 11 月 12 日', myNumber('27182818284'), '4664329850'],
    ['北野 一郎', '1985/2/1', myNumber('16180339887'), '5386645893'],
  ];
  const items = [{ x: 30, y: 800, text: '【社外秘】社員名簿', size: 14 }];
  rows.forEach((row, r) => row.forEach((text, c) => items.push({ x: xs[c], y: 770 - r * 16, text, size: 8 })));
  return pdf([items], 3);
}

/** Order numbers, amounts and dates in a table, and a date with its counters: nothing here is personal. */
function lookalike() {
  const xs = [30, 140, 250];
  const rows = [
    ['注文番号', '金額', '出荷日'],
    ['2024 0701 0042', '12,800 円', '2024 年 7 月 1 日'],
    ['2024 0702 0117', '3,300 円', '2024 年 7 月 2 日'],
  ];
  const items = [{ x: 30, y: 800, text: '出荷一覧 第 3 四半期', size: 14 }];
  rows.forEach((row, r) => row.forEach((text, c) => items.push({ x: xs[c], y: 770 - r * 16, text, size: 8 })));
  return pdf([items], 1.5);
}

mkdirSync(OUT, { recursive: true });
const files = { 'form-left.pdf': formLeft(), 'form-above.pdf': formAbove(), 'list-table.pdf': listTable(), 'lookalike.pdf': lookalike() };
for (const [name, bytes] of Object.entries(files)) writeFileSync(join(OUT, name), bytes);
process.stdout.write(`wrote ${Object.keys(files).length} files to ${OUT}\n`);
