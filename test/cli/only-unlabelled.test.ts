/** --only-unlabelled: the report lists the sensitive files without a classification label, nothing else. */
import { afterAll, describe, expect, it } from 'vitest';
import { jpii, tempDir, testEnv, writeFiles } from './run.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);
writeFiles(dir, {
  '顧客.csv': '氏名,電話番号,マイナンバー\n山田 太郎,090-1234-5678,123456789018\n',
  '【社外秘】顧客.csv': '氏名,電話番号,マイナンバー\n山田 太郎,090-1234-5678,123456789018\n',
  'memo.txt': '本日の会議は15時からです。\n',
});

describe('--only-unlabelled', () => {
  it('keeps only the unlabelled sensitive file and still fails on its findings', async () => {
    const run = await jpii(['scan', '.', '--only-unlabelled', '--format', 'json', '--no-progress'], dir, { env: testEnv() });
    const report = JSON.parse(run.stdout) as { files: { path: string; labelled: boolean; sensitive: boolean }[]; summary: { files: number } };
    expect(report.files.map((f) => f.path)).toEqual(['顧客.csv']);
    expect(report.files[0]).toMatchObject({ labelled: false, sensitive: true });
    expect(report.summary.files).toBe(1);
    expect(run.code).toBe(1);
  });

  it('without it, the labelled file is reported too', async () => {
    const run = await jpii(['scan', '.', '--format', 'json', '--no-progress'], dir, { env: testEnv() });
    const report = JSON.parse(run.stdout) as { files: { path: string; labels: string[] }[] };
    expect(report.files.map((f) => [f.path, f.labels])).toEqual([
      ['memo.txt', []],
      ['【社外秘】顧客.csv', ['社外秘']],
      ['顧客.csv', []],
    ]);
  });
});
