/**
 * The paths that run dist/ rather than src/: an xlsx is always analysed in a worker thread
 * (dist/scan/worker.js), and the bin imports dist/cli.js. Both must mask a My Number. current-source.test.ts
 * runs this file against a deliberately broken copy of the source to prove the suite sees source changes
 * without a manual rebuild — so it imports nothing but src/ and node built-ins.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/scan/scan.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** A synthetic My Number (check digit valid) and the cell of the fixture that holds another one. */
const MY_NUMBER = '123456789018';
const XLSX = join(ROOT, 'fixtures', 'documents', 'office', 'customers.xlsx');

/** Digits a masked value shows; a masked My Number shows 4 of its 12. */
const shownDigits = (masked: string): number => masked.replace(/\D/g, '').length;

describe('code that runs from dist/', () => {
  it('a worker thread (xlsx) masks the My Number, showing 4 digits', async () => {
    const r = await scan({ roots: [XLSX], base: ROOT, jobs: 2, analyzer: { minConfidence: 0.5, fingerprintKey: 'k' } });
    const found = r.files.flatMap((f) => f.findings).filter((x) => x.type === 'my-number');
    expect(found.length).toBeGreaterThan(0);
    for (const x of found) {
      expect(x.masked).not.toContain(x.value);
      expect(shownDigits(x.masked)).toBe(4);
    }
  });

  it('the built bin masks the My Number in a text file, showing 4 digits', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jpii-dist-'));
    try {
      writeFileSync(join(dir, 'a.txt'), `マイナンバー: ${MY_NUMBER}\n`);
      const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'jpii.js'), 'scan', 'a.txt', '--format', 'json', '--no-progress'], { cwd: dir, encoding: 'utf8' });
      expect(r.status).toBe(1);
      expect(r.stdout).not.toContain(MY_NUMBER);
      const report = JSON.parse(r.stdout) as { files: { findings: { type: string; masked: string }[] }[] };
      const masked = report.files.flatMap((f) => f.findings).filter((x) => x.type === 'my-number').map((x) => x.masked);
      expect(masked).toEqual(['1234 **** ****']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
