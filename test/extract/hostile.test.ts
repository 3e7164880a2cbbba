/**
 * The hostile corpus (fixtures/documents/hostile, scripts/make-legacy-fixtures.js) and the legacy formats through
 * the whole scan: no report path outside the scan root, every partly read file scanned with a note, and nothing
 * written to $TMPDIR by a scan — also when the scan is stopped with SIGTERM or SIGKILL.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../../src/model.js';
import { scan } from '../../src/scan/scan.js';

const DOCS = fileURLToPath(new URL('../../fixtures/documents/', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/jpii.js', import.meta.url));

describe('hostile corpus', () => {
  let result: ScanResult;
  beforeAll(async () => {
    result = await scan({ roots: [join(DOCS, 'hostile'), join(DOCS, 'legacy')], base: DOCS, jobs: 1, analyzer: { minConfidence: 0.5 } });
  });

  it('no report path leaves the scan root or looks absolute', () => {
    for (const f of result.files) {
      for (const level of f.path.split('!/')) {
        expect(level.split('/'), f.path).not.toContain('..');
        expect(level, f.path).not.toMatch(/^(\/|[A-Za-z]:)/);
      }
    }
    expect(result.files.map((f) => f.path)).toContain('hostile/traversal.zip!/tmp/x/pwned.txt');
  });

  it('every partly decoded or renamed file is scanned with a note saying so', () => {
    const noted = (path: string): string[] => result.files.find((f) => f.path === path)?.notes ?? [];
    for (const path of ['hostile/broken-utf8.txt', 'hostile/broken-sjis.csv', 'hostile/bad-hex.rtf', 'hostile/bin-bomb.rtf', 'hostile/garbage.ppt', 'hostile/traversal.zip!/etc/absolute.txt', 'legacy/mail.msg!/pwned.txt']) {
      expect(result.files.find((f) => f.path === path)?.status, path).toBe('scanned');
      expect(noted(path).length, path).toBeGreaterThan(0);
    }
    expect(result.files.find((f) => f.path === 'hostile/broken-sjis.csv')?.findings.some((x) => x.type === 'phone')).toBe(true);
  });

  it('no file that was not read is clean: errors and skips carry their reason', () => {
    for (const f of result.files) if (f.status !== 'scanned') expect(f.reason, f.path).toBeTruthy();
    expect(result.files.filter((f) => f.status === 'error').map((f) => f.path)).toEqual(['hostile/garbage.xls', 'hostile/truncated.msg', 'hostile/truncated.ppt']);
  });

  it('the legacy formats are scanned, not skipped', () => {
    const legacy = result.files.filter((f) => f.path.startsWith('legacy/') && !f.path.includes('!/'));
    expect(legacy.map((f) => [f.format, f.status])).toEqual(legacy.map((f) => [f.path.replace(/^.*\./, ''), 'scanned']));
    expect(legacy.every((f) => f.findings.length > 0)).toBe(true);
  });
});

describe('a scan leaves nothing in $TMPDIR', () => {
  const work = mkdtempSync(join(tmpdir(), 'jpii-tmpcheck-'));
  const corpus = join(work, 'corpus');
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  beforeAll(() => {
    // Every document format, many times over, so a signal lands while documents are being parsed.
    for (let i = 0; i < 4; i++) cpSync(DOCS, join(corpus, `copy-${i}`), { recursive: true });
    mkdirSync(join(work, 'out'));
  });

  /** Runs a scan with its own empty TMPDIR; `signal` stops it after `afterMs`. */
  function run(name: string, signal?: NodeJS.Signals, afterMs = 0): Promise<{ tmp: string[]; code: number | null; signal: NodeJS.Signals | null }> {
    const tmp = join(work, `tmp-${name}`);
    mkdirSync(tmp);
    const child = spawn(process.execPath, [BIN, 'scan', corpus, '--no-progress', '--jobs', '2', '--fail-on', 'never', '-f', 'json', '-o', join(work, 'out', `${name}.json`)], {
      env: { ...process.env, TMPDIR: tmp },
      stdio: 'ignore',
    });
    if (signal) setTimeout(() => child.kill(signal), afterMs);
    return new Promise((resolve) => child.on('exit', (code, sig) => resolve({ tmp: readdirSync(tmp), code, signal: sig })));
  }

  it('after a complete scan', async () => {
    const r = await run('complete');
    expect(r.code).toBe(0);
    expect(r.tmp).toEqual([]);
  }, 120_000);

  it('after SIGTERM in the middle of a scan', async () => {
    const r = await run('term', 'SIGTERM', 1500);
    expect(r.code).not.toBe(0); // stopped, not finished before the signal
    expect(r.tmp).toEqual([]);
  }, 120_000);

  // No handler runs on SIGKILL: jpii writes nothing to $TMPDIR but the report's spill sections, whose files are
  // removed from disk as soon as they are open (src/output/spill.ts), so a killed scan leaves nothing either.
  it.skipIf(process.platform === 'win32')('after SIGKILL in the middle of a scan', async () => {
    const r = await run('kill', 'SIGKILL', 1500);
    expect(r.signal).toBe('SIGKILL');
    expect(r.tmp).toEqual([]);
  }, 120_000);
});

