/**
 * Files and folders the scanning user cannot read: each is reported with status `error` and the reason
 * `permission denied`, never as scanned and clean, and the scan goes on. Run as nobody when the suite runs
 * as root (test/unprivileged.ts), since root reads everything.
 */
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, tempDir, testEnv, writeFiles } from '../cli/run.js';
import { nodeUnprivileged, unprivilegedUid } from '../unprivileged.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('jpii-perm-')));
afterEach(() => {
  chmodSync(join(dir, 'locked'), 0o755);
  cleanup();
});

interface Report {
  files: { path: string; status: string; reason?: string; findings: { type: string }[] }[];
  summary: { errors: number };
}

describe('unreadable files and folders', () => {
  it('are errors with "permission denied", never scanned and clean; the readable file is still scanned', () => {
    writeFiles(dir, { 'a.txt': 'マイナンバー: 123456789018\n', 'secret.txt': 'マイナンバー: 123456789018\n', 'locked/inner.txt': 'x\n' });
    chmodSync(join(dir, 'secret.txt'), 0o000);
    chmodSync(join(dir, 'locked'), 0o000);
    expect(unprivilegedUid(dir)).not.toBe(0);
    const r = nodeUnprivileged([BIN, 'scan', '.', '--format', 'json', '--no-progress'], { cwd: dir, env: testEnv(), owned: [dir] });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as Report;
    const status = Object.fromEntries(report.files.map((f) => [f.path, [f.status, f.reason ?? '', f.findings.map((x) => x.type).join(' ')]]));
    expect(status).toEqual({
      'a.txt': ['scanned', '', 'my-number unlabelled-sensitive-file'],
      locked: ['error', 'permission denied', ''],
      'secret.txt': ['error', 'permission denied', ''],
    });
    expect(report.summary.errors).toBe(2);
  });
});
