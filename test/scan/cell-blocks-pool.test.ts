/**
 * A big workbook through the worker pool with two workers: its cells go out in blocks to the other worker and
 * back through the main thread (pool.ts, worker.ts, remote-cells.ts). The report must be the one a single
 * worker gives (which never splits), with every occurrence listed.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/scan/scan.js';
import { seededRandom } from '../properties/generators.js';

const dir = mkdtempSync(join(tmpdir(), 'jpii-blocks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function bigWorkbook(rows: number): Promise<Uint8Array> {
  const random = seededRandom(20261206);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('顧客');
  sheet.addRow(['番号', '氏名', '電話番号', '状態', 'メモ']);
  for (let r = 2; r <= rows; r++) {
    const phone = `090-${String(1000 + (r % 9000)).padStart(4, '0')}-${String((r * 37) % 10_000).padStart(4, '0')}`;
    sheet.addRow([String(100_000 + r), random() < 0.5 ? '試験 太郎' : '試験 花子', phone, random() < 0.5 ? '完了' : '未着手', random() < 0.01 ? '糖尿病' : '']);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('a big workbook over two workers', () => {
  it('gives the report one worker gives', async () => {
    // 5,000 rows × 4-5 cells: past the 8,192 cells read alone, then blocks of 4,096.
    writeFileSync(join(dir, 'roster.xlsx'), await bigWorkbook(5000));
    const run = (jobs: number) => scan({ roots: [dir], base: dir, jobs, analyzer: { minConfidence: 0.3 } });
    const one = await run(1);
    const two = await run(2);
    expect(one.files[0]?.status).toBe('scanned');
    expect(one.summary.findings).toBeGreaterThan(9_000);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  }, 120_000);
});
