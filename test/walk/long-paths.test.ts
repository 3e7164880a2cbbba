/**
 * Share realities: Japanese folder and file names at every depth, and a folder whose path is longer than the
 * platform allows (Linux PATH_MAX, 4,096 bytes). Every file that can be opened is scanned under its full
 * Japanese path; the folder beyond the limit is one error result with its reason, and the scan goes on.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/scan/scan.js';

const dir = mkdtempSync(join(tmpdir(), 'jpii-long-'));
afterAll(() => rmSync(dir, { recursive: true, force: true })); // what is left on other platforms: an empty folder

/**
 * 20 nested folders of ≈ 220 bytes each (Japanese), one file in each. No absolute path may exceed PATH_MAX,
 * so a child node walks down with relative chdir (vitest's workers may not chdir).
 */
const DEEP_TREE = `
const fs = require('node:fs');
process.chdir(process.argv[1]);
for (let i = 0; i < 20; i++) {
  const n = String(i).padStart(2, '0');
  const d = n + '_' + '顧客データ_フォルダ_'.repeat(7) + '顧客データ_';
  fs.mkdirSync(d);
  process.chdir(d);
  fs.writeFileSync('連絡先_' + n + '.txt', '連絡先 TEL 03-1234-56' + n + ' まで\\n');
}`;

describe.skipIf(process.platform !== 'linux')('very long paths', () => {
  /** rm -rf: Node's rmSync stops at paths over PATH_MAX. */
  afterAll(() => execFileSync('rm', ['-rf', dir]));

  it('scans every reachable file under its Japanese path and reports the folder past PATH_MAX', async () => {
    execFileSync(process.execPath, ['-e', DEEP_TREE, dir]);
    const result = await scan({ roots: [dir], base: dir, jobs: 1, analyzer: { minConfidence: 0.5 } });
    const scanned = result.files.filter((f) => f.status === 'scanned');
    const errors = result.files.filter((f) => f.status === 'error');
    expect(errors).toEqual([expect.objectContaining({ reason: 'cannot read (ENAMETOOLONG)' })]);
    expect(Buffer.byteLength(join(dir, errors[0]?.path ?? ''))).toBeGreaterThan(4096);
    expect(scanned.length).toBeGreaterThanOrEqual(15);
    expect(scanned.every((f) => f.findings.some((x) => x.type === 'phone') && /連絡先_\d\d\.txt$/.test(f.path))).toBe(true);
    expect(Math.max(...scanned.map((f) => Buffer.byteLength(join(dir, f.path))))).toBeGreaterThan(3500);
  });
});
