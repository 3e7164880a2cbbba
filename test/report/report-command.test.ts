/**
 * `jpii report REPORT.json… --format F -o FILE`: a saved JSON report (or shard reports, merged here) renders
 * as the scan itself would have; SARIF inputs and foreign files are errors (exit 2). Synthetic values only.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpii, tempDir, writeFiles } from '../cli/run.js';

const MY_NUMBER = '123456789018'; // synthetic, check digit valid

let dir: string;
let cleanup: () => void;
const read = (name: string): string => readFileSync(join(dir, name), 'utf8');

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('jpii-report-'));
  const files: Record<string, string> = { 'share/名簿.csv': `氏名,電話番号,マイナンバー\n見本 太郎,090-1234-5678,${MY_NUMBER}\n` };
  for (let i = 0; i < 12; i++) files[`share/d${i % 3}/f${i}.txt`] = i % 4 ? `TEL 03-1234-${5600 + i}\n` : 'nothing here\n';
  writeFiles(dir, files);
  for (const args of [['-o', 'all.json'], ['--shard', '1/2', '-o', 's1.json'], ['--shard', '2/2', '-o', 's2.json']]) {
    const r = await jpii(['scan', 'share', '-f', 'json', '--fail-on', 'never', '--show-values', ...args], dir);
    expect(r.code).toBe(0);
  }
});
afterAll(() => cleanup());

describe('jpii report', () => {
  it.each(['csv', 'text'])('renders %s exactly as the scan wrote it (masked)', async (format) => {
    const direct = await jpii(['scan', 'share', '-f', format, '--fail-on', 'never'], dir);
    const rendered = await jpii(['report', 'all.json', '-f', format], dir);
    expect(rendered.code).toBe(0);
    expect(rendered.stdout).toBe(direct.stdout);
    expect(rendered.stdout).not.toContain(MY_NUMBER);
  });

  it('renders SARIF with the same results and fingerprints as the scan', async () => {
    const direct = JSON.parse((await jpii(['scan', 'share', '-f', 'sarif', '--fail-on', 'never'], dir)).stdout) as { runs: { results: { partialFingerprints: unknown; ruleId: string }[] }[] };
    const r = await jpii(['report', 'all.json', '-f', 'sarif', '-o', 'r.sarif'], dir);
    expect(r.code).toBe(0);
    const rendered = JSON.parse(read('r.sarif')) as typeof direct;
    const key = (l: typeof direct) => l.runs[0]?.results.map((x) => [x.ruleId, x.partialFingerprints]);
    expect(key(rendered)).toEqual(key(direct));
  });

  it('renders HTML by default, and merges shard reports like jpii merge', async () => {
    expect((await jpii(['report', 'all.json', '-o', 'all.html'], dir)).code).toBe(0);
    expect((await jpii(['report', 's2.json', 's1.json', '-o', 'shards.html'], dir)).code).toBe(0);
    expect(read('all.html')).toMatch(/^<!DOCTYPE html>/);
    expect(read('shards.html')).toBe(read('all.html'));
    expect(read('all.html')).not.toContain(MY_NUMBER);
  });

  it('writes an xlsx workbook that exceljs reads back, and refuses to put one on a terminal', async () => {
    const r = await jpii(['report', 's1.json', 's2.json', '-f', 'xlsx', '-o', 'r.xlsx', '--lang', 'ja'], dir);
    expect(r.code).toBe(0);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'r.xlsx'));
    const all = JSON.parse(read('all.json')) as { files: { path: string }[] };
    expect(wb.worksheets.map((w) => w.name)).toEqual(['概要', 'ファイル', '出現', '検出']);
    expect(wb.getWorksheet('ファイル')?.rowCount).toBe(all.files.length + 1);
    const { main } = await import('../../src/cli.js');
    const { PassThrough } = await import('node:stream');
    const out = Object.assign(new PassThrough(), { isTTY: true });
    const err = new PassThrough();
    const code = await main(['report', 'all.json', '-f', 'xlsx'], { stdout: out, stderr: err, cwd: dir, env: { LANG: 'C' } });
    expect([code, String(err.read())]).toEqual([2, expect.stringContaining('--format xlsx writes a binary file: give -o FILE')]);
  });

  it('refuses a SARIF log and a foreign JSON file (exit 2, naming the file)', async () => {
    await jpii(['scan', 'share', '-f', 'sarif', '-o', 'x.sarif', '--fail-on', 'never'], dir);
    writeFileSync(join(dir, 'other.json'), '{"files": [], "tool": {"name": "other"}}');
    const sarif = await jpii(['report', 'x.sarif'], dir);
    expect([sarif.code, sarif.stderr]).toEqual([2, expect.stringContaining('x.sarif: a SARIF log cannot be rendered again')]);
    const other = await jpii(['report', 'other.json', '-f', 'csv'], dir);
    expect([other.code, other.stderr]).toEqual([2, expect.stringContaining('other.json: tool.name: not a jpii report')]);
    const format = await jpii(['report', 'all.json', '-f', 'pdf'], dir);
    expect([format.code, format.stderr]).toEqual([2, expect.stringContaining("--format: unknown format 'pdf'")]);
  });

  it('shows what changed since a previous report (--previous, html only)', async () => {
    const all = JSON.parse(read('all.json')) as { files: { path: string }[] };
    const s2 = (JSON.parse(read('s2.json')) as { files: { path: string }[] }).files.map((f) => f.path);
    const r = await jpii(['report', 'all.json', '--previous', 's1.json', '-o', 'changes.html', '--lang', 'en'], dir);
    expect(r.code).toBe(0);
    const page = read('changes.html');
    const card = (key: string): string | undefined => new RegExp(`data-c="${key}">([^<]*)<`).exec(page)?.[1];
    expect([card('newFiles'), card('goneFiles'), card('more'), card('fewer')]).toEqual([String(s2.length), '0', '0', '0']);
    expect(s2.length).toBeGreaterThan(0);
    expect(s2.length).toBeLessThan(all.files.length);
    expect(page).toContain('Compared with s1.json');
    const csv = await jpii(['report', 'all.json', '--previous', 's1.json', '-f', 'csv'], dir);
    expect([csv.code, csv.stderr]).toEqual([2, expect.stringContaining('--previous: only the html report shows what changed')]);
    const missing = await jpii(['report', 'all.json', '--previous', 'nope.json'], dir);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('nope.json: cannot read (ENOENT)')]);
    expect((await jpii(['report', '--help'], dir)).stdout).toContain('--previous <file>');
  });

  it('reads its input as a stream and writes nothing when the input is bad (an existing output stays as it was)', async () => {
    const whole = read('all.json');
    writeFileSync(join(dir, 'cut.json'), whole.slice(0, Math.floor(whole.length * 0.8)));
    writeFileSync(join(dir, 'keep.html'), 'previous page');
    const cut = await jpii(['report', 'cut.json', '-o', 'keep.html'], dir);
    expect([cut.code, cut.stderr]).toEqual([2, expect.stringContaining('cut.json: not JSON (unexpected end of the file')]);
    expect(read('keep.html')).toBe('previous page');
    // The input may be the output: it is read to its end before the output is opened.
    writeFileSync(join(dir, 'same.json'), whole);
    const same = await jpii(['report', 'same.json', '-f', 'json', '-o', 'same.json'], dir);
    expect(same.code).toBe(0);
    expect(JSON.parse(read('same.json')).summary).toEqual(JSON.parse(whole).summary);
  });
});
