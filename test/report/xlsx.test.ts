/**
 * The xlsx report read back with exceljs: its sheets, the frozen and filterable header, the summary's
 * numbers, text cells that never become formulas (also in the sheet XML itself), file names with
 * characters XML cannot carry, and no raw value without --show-values. Every value is synthetic.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { FileResult } from '../../src/model.js';
import { renderBytes, reportWriter } from '../../src/report/index.js';
import { textCell } from '../../src/report/xlsx-rows.js';
import { FILES, makeResult, RULES } from './fixture.js';
import { readZipEntries } from './zip.js';

async function xlsx(files: readonly FileResult[] = FILES, options: { showValues?: boolean; lang?: 'ja' | 'en' } = {}): Promise<Buffer> {
  const result = makeResult(files);
  return renderBytes(reportWriter('xlsx', result.tool, RULES, { showValues: options.showValues ?? false, color: false, ...(options.lang ? { lang: options.lang } : {}) }), result);
}

async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

function column(sheet: ExcelJS.Worksheet, header: string): unknown[] {
  const col = (sheet.getRow(1).values as unknown[]).indexOf(header);
  const out: unknown[] = [];
  sheet.eachRow((row, n) => void (n > 1 && out.push(row.getCell(col).value)));
  return out;
}

const VALUES = FILES.flatMap((f) => f.findings.map((x) => x.value)).filter((v) => v !== '');

describe('xlsx report', () => {
  it('has a summary, files, occurrences and findings sheet; tables have a frozen, filterable header', async () => {
    const wb = await workbook(await xlsx());
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Summary', 'Files', 'Occurrences', 'Findings']);
    const files = wb.getWorksheet('Files')!;
    expect(files.autoFilter).toBe('A1:P1');
    expect(files.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(column(files, 'path')).toEqual(FILES.map((f) => f.path));
    expect(column(wb.getWorksheet('Findings')!, 'masked').filter(Boolean)).toContain('2025 **** ****');
  });

  it('summary numbers are the scan summary', async () => {
    const summary = (await workbook(await xlsx())).getWorksheet('Summary')!;
    const value = (label: string) => {
      let found: unknown;
      summary.eachRow((row) => void (row.getCell(1).value === label && (found = row.getCell(2).value)));
      return found;
    };
    const s = makeResult().summary;
    expect([value('Files considered'), value('Scanned'), value('Not examined'), value('Findings')]).toEqual([s.files, s.scanned, s.skipped + s.errors, s.findings]);
    const appi = FILES.filter((f) => f.appi);
    expect(appi.length).toBeGreaterThan(0);
    expect(value('Rosters (名簿)')).toBe(appi.filter((f) => f.appi?.roster).length);
    expect(value('Breach-reportable')).toBe(appi.filter((f) => f.appi?.breachReportable).length);
  });

  it('counts occurrences from the findings when a report has no counts, and copies counts when it has', async () => {
    const occ = (await workbook(await xlsx())).getWorksheet('Occurrences')!;
    expect(column(occ, 'count').reduce((a: number, b) => a + Number(b), 0)).toBe(FILES.flatMap((f) => f.findings).filter((f) => !f.suppressed && f.type !== 'unlabelled-sensitive-file').length);
    const counted: FileResult = { ...FILES[4]!, occurrences: [{ type: 'my-number', count: 8602, distinct: 8590, level: 'high', where: { sheet: '顧客', column: '個人番号' }, listed: 1 }] };
    const one = (await workbook(await xlsx([counted]))).getWorksheet('Occurrences')!;
    expect(one.getRow(2).values).toEqual([undefined, 'data/customers.xlsx', 'my-number', 'My Number', 8602, 8590, 'high', '顧客 / 個人番号', 1]);
  });

  it('never writes a formula: strings are text, neutralised like the CSV report', async () => {
    const hostile: FileResult = { ...FILES[6]!, path: '=HYPERLINK("https://attacker.example","x").txt', labels: ['+cmd|calc'] };
    const bytes = await xlsx([hostile]);
    const sheets = Object.entries(readZipEntries(bytes)).filter(([name]) => name.startsWith('xl/worksheets/sheet'));
    expect(sheets.length).toBe(4);
    for (const [, xml] of sheets) expect(xml).not.toMatch(/<f[ >]/);
    const files = (await workbook(bytes)).getWorksheet('Files')!;
    expect(files.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(files.getCell('A2').value).toBe(`'${hostile.path}`);
    expect(column(files, 'labels')).toEqual(["'+cmd|calc"]);
  });

  it('replaces characters XML cannot carry, so the workbook still opens', async () => {
    expect(textCell('a\u0001b\u0000c\ud800')).toBe('a\ufffdb\ufffdc\ufffd');
    const odd: FileResult = { ...FILES[0]!, path: 'bad\u0001name\u001f.zip' };
    const files = (await workbook(await xlsx([odd]))).getWorksheet('Files')!;
    expect(files.getCell('A2').value).toBe('bad\ufffdname\ufffd.zip');
  });

  it('carries raw values only with showValues', async () => {
    const text = (bytes: Buffer) => Object.values(readZipEntries(bytes)).join('\n');
    const masked = text(await xlsx());
    expect(VALUES.filter((v) => masked.includes(v))).toEqual([]);
    const shown = text(await xlsx(FILES, { showValues: true }));
    expect(VALUES.filter((v) => !shown.includes(v))).toEqual([]);
  });

  it('names its sheets in Japanese with --lang ja', async () => {
    expect((await workbook(await xlsx(FILES, { lang: 'ja' }))).worksheets.map((s) => s.name)).toEqual(['概要', 'ファイル', '出現', '検出']);
  });
});

describe('xlsx report: cost per cell', () => {
  it('shares one style among the data rows and cells, so exceljs renders styles a fixed number of times, not once per cell', async () => {
    const { createRequire } = await import('node:module');
    const StylesXform = createRequire(import.meta.url)('exceljs/lib/xlsx/xform/style/styles-xform.js') as { prototype: { _addStyle: (s: unknown) => number } };
    const original = StylesXform.prototype._addStyle;
    let calls = 0;
    StylesXform.prototype._addStyle = function (this: unknown, style: unknown): number {
      calls++;
      return original.call(this, style);
    };
    const run = async (n: number): Promise<{ calls: number; cells: number; bold: boolean | undefined }> => {
      calls = 0;
      const many: FileResult[] = Array.from({ length: n }, (_, i) => ({ ...FILES[6]!, path: `d/f${String(i).padStart(4, '0')}.txt` }));
      const bytes = await xlsx(many);
      const made = calls;
      const wb = await workbook(bytes);
      const cells = wb.worksheets.reduce((k, s) => k + s.actualRowCount * s.actualColumnCount, 0);
      return { calls: made, cells, bold: wb.getWorksheet('Files')!.getRow(1).font?.bold };
    };
    try {
      const [small, big] = [await run(50), await run(400)];
      expect(big.cells).toBeGreaterThan(small.cells + 10_000);
      expect(small.calls).toBeGreaterThan(0);
      expect(big.calls).toBe(small.calls);
      expect(big.bold).toBe(true);
    } finally {
      StylesXform.prototype._addStyle = original;
    }
  });
});
