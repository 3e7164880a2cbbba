/**
 * Tests exercise the current source, never a stale dist/: the globalSetup (test/setup/global-setup.ts)
 * builds dist/ before the suite. Proved twice: dist/ carries the digest of the very sources it was built
 * from in this run, and a copy of the repository with a deliberately broken mask (a My Number shown in
 * full) fails masked-through-dist.test.ts there, with no build step but vitest's own.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtDigest, sourceDigest } from '../setup/build.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PROBE = 'test/build/masked-through-dist.test.ts';
const COPIED = ['src', 'patterns', 'bin', 'scripts/build-patterns.js', 'tsconfig.json', 'package.json', 'vitest.config.ts', 'test/setup', PROBE];
const LINKED = ['node_modules', 'data', 'fixtures'];

/** A copy of what the probe needs, with the bulky read-only parts linked; no dist/. */
function copyRepo(to: string): void {
  for (const p of COPIED) {
    mkdirSync(join(to, p, '..'), { recursive: true });
    cpSync(join(ROOT, p), join(to, p), { recursive: true });
  }
  for (const p of LINKED) symlinkSync(join(ROOT, p), join(to, p));
}

/** Masking that shows every character: the kind of source change a stale build would hide. */
function breakMasking(root: string): void {
  const file = join(root, 'src', 'score', 'mask.ts');
  const before = readFileSync(file, 'utf8');
  const signature = 'export function maskValue(type: string, value: string): string {';
  expect(before, 'maskValue changed its signature: update this test').toContain(signature);
  writeFileSync(file, before.replace(signature, `${signature}\n  if (type.length > 0) return value;`));
}

interface VitestJson {
  numTotalTests: number;
  numFailedTests: number;
  testResults: { assertionResults: { status: string; failureMessages: string[] }[] }[];
}

describe('the suite runs the current source', () => {
  it('dist/ was built in this run from the sources as they are now', () => {
    expect(builtDigest(ROOT)).toBe(sourceDigest(ROOT));
  });

  it('a source change reaches worker threads and the bin without a manual rebuild', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jpii-stale-'));
    try {
      copyRepo(dir);
      breakMasking(dir);
      const out = join(dir, 'vitest.json');
      const env = { ...process.env, CI: '', UPDATE_SNAPSHOTS: '' };
      const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', PROBE, '--reporter=json', `--outputFile.json=${out}`], { cwd: dir, env, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(1);
      const report = JSON.parse(readFileSync(out, 'utf8')) as VitestJson;
      // Both probes ran and both failed on their assertions (not on a setup problem).
      expect(report.numTotalTests).toBe(2);
      expect(report.numFailedTests).toBe(2);
      const failures = report.testResults.flatMap((f) => f.assertionResults).flatMap((a) => a.failureMessages);
      expect(failures.every((m) => /AssertionError/.test(m))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
