/**
 * No CSV cell may start a spreadsheet formula (= + - @ tab CR: OWASP CSV Injection), in any column, with and
 * without --show-values: checked by parsing the written CSV back (RFC 4180) — for generated results where every
 * text that reaches a cell starts with a formula character, and for a real scan of files whose names and values
 * do (`-cmd@…`, `+sum@…`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FileResult, RuleInfo, ScanResult } from '../../src/model.js';
import { renderReport } from '../../src/report/index.js';
import { CSV_HEADER } from '../../src/report/csv.js';
import { jpii, tempDir, writeFiles } from '../cli/run.js';

const FORMULA_START = /^[=+\-@\t\r]/;

/** RFC 4180 rows of a CSV text (BOM and CRLF as the writer emits them). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && src[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      (row = []), (cell = ''), i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows;
}

const formulaText = fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r'), fc.string({ maxLength: 12 })).map(([a, b]) => `${a}${b}`);

function rule(id: string, nameJa: string): RuleInfo {
  return { id, nameJa, nameEn: id, description: '', validates: '', example: '', severity: 'high', securitySeverity: 8, tags: [] };
}

function resultWith(t: { path: string; type: string; sheet: string; value: string; masked: string; reason: string }): ScanResult {
  const file: FileResult = {
    path: t.path, format: 'xlsx', status: 'scanned', labels: [], labelled: false, risk: 0.9, sensitive: true,
    findings: [{ type: t.type, confidence: 0.9, level: 'high', location: { sheet: t.sheet, cell: 'A1' }, value: t.value, masked: t.masked, fingerprint: 'f', suppressed: { reason: t.reason } }],
  };
  return { tool: { name: 'jpii', version: '0' }, files: [file], summary: { files: 1, scanned: 1, skipped: 0, errors: 0, findings: 1, suppressed: 0, byType: {} } } as ScanResult;
}

describe('CSV cells', () => {
  it.each([false, true])('never start a formula in any column (showValues %s), and keep the text after the quote', (showValues) => {
    const texts = fc.record({ path: formulaText, type: formulaText, nameJa: formulaText, sheet: formulaText, value: formulaText, masked: formulaText, reason: formulaText });
    fc.assert(
      fc.property(texts, (t) => {
        const csv = renderReport('csv', resultWith(t), [rule(t.type, t.nameJa)], { showValues, color: false, lang: 'en' });
        const [header, ...rows] = parseCsv(csv);
        expect(header).toEqual([...CSV_HEADER]);
        expect(rows).toHaveLength(1);
        const cells = rows[0]!;
        expect(cells.filter((c) => FORMULA_START.test(c))).toEqual([]);
        const column = (name: (typeof CSV_HEADER)[number]): string => cells[CSV_HEADER.indexOf(name)]!;
        expect(column('path')).toBe(`'${t.path}`);
        expect(column('type')).toBe(`'${t.type}`);
        expect(column('type_ja')).toBe(`'${t.nameJa}`);
        expect(column('masked')).toBe(`'${t.masked}`);
        expect(column('value')).toBe(showValues ? `'${t.value}` : '');
        expect(column('location').startsWith("'") || !FORMULA_START.test(column('location'))).toBe(true);
      }),
      { seed: 30, numRuns: 200 },
    );
  });

  it.each([[[]], [['--show-values']]])('of a real scan never start a formula (%j)', async (extra) => {
    const { dir, cleanup } = tempDir('jpii-csv-');
    try {
      writeFiles(dir, {
        '=HYPERLINK(1).txt': 'メール: -cmd@example-shoji.co.jp\n',
        '+sum.txt': 'メール: +sum@example-shoji.co.jp\n',
        '-minus.csv': '氏名,メールアドレス\n見本 太郎,@at@example-shoji.co.jp\n見本 花子,-cmd@example-shoji.co.jp\n',
        '@at.txt': '電話 090-1234-5678\n',
      });
      const r = await jpii(['scan', '.', '--format', 'csv', '--no-progress', '--min-confidence', 'low', ...extra], dir);
      expect(r.code).toBe(1);
      const rows = parseCsv(r.stdout).slice(1);
      expect(rows.length).toBeGreaterThanOrEqual(5);
      expect(rows.flat().filter((c) => FORMULA_START.test(c))).toEqual([]);
      const paths = new Set(rows.map((row) => row[0]));
      for (const p of ["'=HYPERLINK(1).txt", "'+sum.txt", "'-minus.csv", "'@at.txt"]) expect(paths).toContain(p);
      if (extra.length) {
        const values = rows.map((row) => row[CSV_HEADER.indexOf('value')]);
        expect(values).toEqual(expect.arrayContaining(["'-cmd@example-shoji.co.jp", "'+sum@example-shoji.co.jp"]));
      }
    } finally {
      cleanup();
    }
  });
});
