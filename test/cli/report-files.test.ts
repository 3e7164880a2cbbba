/**
 * Report files are written as the scan goes: they are opened before it (an unwritable path fails at once,
 * exit 2, before any file is read), never scanned themselves, and hold the same report as stdout would.
 */
import { chmodSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeUnprivileged, unprivilegedUid } from '../unprivileged.js';
import { BIN, jpii, pathsWithFindings, tempDir, testEnv, writeFiles } from './run.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('jpii-reports-')));
afterEach(() => cleanup());

describe('report files', () => {
  it('are not scanned when written inside the scanned folder, even with --show-values', async () => {
    writeFiles(dir, { 'a.txt': 'マイナンバー: 123456789018\n' });
    for (let run = 0; run < 2; run++) {
      const r = await jpii(['scan', '.', '--format', 'json', '--show-values', '-o', 'out.json', '--report', 'csv=out.csv', '--no-progress'], dir);
      expect(r.code).toBe(1);
      expect(pathsWithFindings(readFileSync(join(dir, 'out.json'), 'utf8'))).toEqual(['a.txt']);
      const listed = (JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as { files: { path: string }[] }).files.map((f) => f.path);
      expect(listed).toEqual(['a.txt']);
    }
  });

  it('hold the same report as stdout', async () => {
    writeFiles(dir, { 'a.txt': '電話番号 03-1234-5678\n', 'b/c.csv': '氏名,メール\n見本 太郎,taro@example.com\n' });
    const toStdout = await jpii(['scan', '.', '--format', 'sarif', '--no-progress'], dir);
    await jpii(['scan', '.', '--format', 'sarif', '-o', 'out.sarif', '--no-progress'], dir);
    expect(readFileSync(join(dir, 'out.sarif'), 'utf8')).toBe(toStdout.stdout);
  });

  it('that cannot be written stop the command before the scan, with exit 2 (as root too: run as nobody)', () => {
    writeFiles(dir, { 'a.txt': 'マイナンバー: 123456789018\n' });
    mkdirSync(join(dir, 'ro'));
    chmodSync(join(dir, 'ro'), 0o500);
    expect(unprivilegedUid(dir)).not.toBe(0);
    const r = nodeUnprivileged([BIN, 'scan', 'a.txt', '--report', `json=${join('ro', 'r.json')}`, '--no-progress'], { cwd: dir, env: testEnv(), owned: [dir] });
    chmodSync(join(dir, 'ro'), 0o700);
    expect(r.stderr).toMatch(/cannot write 'ro\/r.json': EACCES/);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(readdirSync(join(dir, 'ro'))).toEqual([]);
  });

  it('in a missing folder fail with exit 2', async () => {
    writeFiles(dir, { 'a.txt': 'x\n' });
    const r = await jpii(['scan', 'a.txt', '-o', join('missing', 'r.json'), '--no-progress'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write 'missing\/r.json': ENOENT/);
  });
});
