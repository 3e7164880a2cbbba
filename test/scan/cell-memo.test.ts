/**
 * The per-file cell memo (src/scan/cell-memo.ts) is a cache: a scan with it must give exactly what a scan without
 * it gives — every finding at its own cell, the APPI evidence (special-care words under a header, in a cell, as a
 * label; organisations' numbers), counts and fingerprints. Compared on generated workbooks whose columns repeat,
 * never repeat, or change between the two (so columns are given up and memo entries run out mid-sheet).
 */
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { buildAnalyzer } from '../../src/scan/analyzer.js';
import { analyzeBytes } from '../../src/scan/analyze-file.js';
import { CELL_MEMO } from '../../src/scan/cell-memo.js';
import { seededRandom } from '../properties/generators.js';

const HEADERS = ['氏名', '電話番号', '連絡先', '備考', '病歴', '金額', '会社名', 'メモ', '状態', 'E-mail', '住所', ''];
const REPEATED = ['試験 太郎', '試験 花子', '株式会社テスト 03-1234-5678', '糖尿病', 'うつ病の予防', '通院中', 'なし', '病歴', '完了', '未着手', '東京都千代田区千代田1-1', 'taro@example.com', '090-1234-5678', '氏名'];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

/** A cell value: from a small pool (repeats), unique digits, or unique phone numbers / addresses. */
function value(random: () => number, row: number, style: number): string {
  if (style === 0 || random() < 0.15) return pick(random, REPEATED);
  if (style === 1) return String(1_000_000 + row * 7919);
  if (style === 2) return `090-${String(1000 + (row % 9000)).padStart(4, '0')}-${String(row * 37 % 10_000).padStart(4, '0')}`;
  return `${pick(random, ['東京都', '大阪府'])}${pick(random, ['千代田区', '北区'])}${row % 9 + 1}-${row % 30 + 1}`;
}

async function workbook(seed: number, rows: number): Promise<Uint8Array> {
  const random = seededRandom(seed);
  const book = new ExcelJS.Workbook();
  for (let s = 0; s < 2; s++) {
    const sheet = book.addWorksheet(`S${s}`);
    const columns = 3 + Math.floor(random() * 5);
    const styles = Array.from({ length: columns }, () => Math.floor(random() * 4));
    sheet.addRow(Array.from({ length: columns }, () => pick(random, HEADERS)));
    for (let r = 2; r <= rows; r++) {
      // Half-way, a column may change from repeating to unique values or back.
      const cells = styles.map((st, c) => (random() < 0.05 ? null : value(random, r * (c + 1), r > rows / 2 && c === 0 ? (st + 1) % 4 : st)));
      sheet.addRow(cells);
    }
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const opts = buildAnalyzer({ minConfidence: 0.3 });

afterEach(() => {
  CELL_MEMO.entries = 50_000;
});

describe('cell memo', () => {
  it.each([[1, 1300], [2, 700], [3, 1100]])('changes nothing a scan finds (seed %i, %i rows)', async (seed, rows) => {
    const bytes = await workbook(20261206 + seed, rows);
    CELL_MEMO.entries = 0;
    const without = await analyzeBytes('generated.xlsx', bytes, opts);
    CELL_MEMO.entries = 50_000;
    const withMemo = await analyzeBytes('generated.xlsx', bytes, opts);
    CELL_MEMO.entries = 300; // runs out in the middle of the first sheet
    const short = await analyzeBytes('generated.xlsx', bytes, opts);
    expect(without[0]?.findings.length).toBeGreaterThan(rows / 2);
    expect(without[0]?.appi?.specialCare?.length ?? 0).toBeGreaterThan(0);
    expect(withMemo).toEqual(without);
    expect(short).toEqual(without);
  }, 120_000);

  it('still ties a repeated special-care word to the row it is in', async () => {
    // The word's first cell has nobody in its row; only its repeat, remembered, sits beside a person.
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('S');
    sheet.addRow(['番号', '氏名', 'メモ']);
    sheet.addRow(['1', null, '糖尿病']);
    for (let r = 3; r < 40; r++) sheet.addRow([String(r), null, '完了']);
    sheet.addRow(['40', '試験 太郎', '糖尿病']);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    CELL_MEMO.entries = 0;
    const without = await analyzeBytes('one.xlsx', bytes, opts);
    CELL_MEMO.entries = 50_000;
    expect(without[0]?.appi?.specialCare).toContain('medical-history');
    expect(await analyzeBytes('one.xlsx', bytes, opts)).toEqual(without);
  });
});
