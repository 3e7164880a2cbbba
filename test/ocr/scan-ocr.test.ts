/**
 * --ocr end to end on scanned-paper fixtures of the tune set (fixtures/ocr/tune, scripts/make-ocr-fixtures.js):
 * recognised in workers with the shipped model, values found on their page with `ocr: true` and the OCR
 * ceiling; without --ocr the same files are skipped and counted. Slow (1–5 s a page): a few pages only.
 * The held-out set is scored by `npm run ocr-accuracy` instead (ACCURACY.md / BENCHMARKS.md).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/extract/limits.js';
import { imageExtractor } from '../../src/extract/ocr/image-file.js';
import { DEFAULT_OCR } from '../../src/extract/ocr/settings.js';
import { OCR_CONFIDENCE_CEILING } from '../../src/scan/analyze-segment.js';
import { scan, type ScanOptions } from '../../src/scan/scan.js';

const dir = fileURLToPath(new URL('../../fixtures/ocr/tune/', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/jpii.js', import.meta.url));
const expected = JSON.parse(readFileSync(`${dir}expected.json`, 'utf8')) as Record<string, { type: string; value: string; page: number }[]>;
const FILES = ['onboarding-form.png', 'scanned-forms.pdf', 'fax-order.tif'];
const options = (ocr: boolean): ScanOptions => ({
  roots: FILES.map((f) => `${dir}${f}`),
  base: dir,
  jobs: 2,
  // Behaviour, not speed: the whole suite runs beside this test on two cores, so the time limits are wide.
  analyzer: { minConfidence: 0.5, limits: ocr ? { timeoutMs: 200_000, ocr: { ...DEFAULT_OCR, pageTimeoutMs: 90_000 } } : {} },
});

describe('scan --ocr', () => {
  it('finds the values of printed forms, a two-page JPEG PDF and a Group 4 fax, with their pages', async () => {
    const result = await scan(options(true));
    for (const file of FILES) {
      const entry = result.files.find((f) => f.path === file);
      expect(entry, `${file}: ${entry?.reason ?? ''}`).toMatchObject({ status: 'scanned', sensitive: file === 'fax-order.tif' ? expect.any(Boolean) : true });
      const found = entry?.findings.filter((f) => f.type !== 'unlabelled-sensitive-file') ?? [];
      for (const f of found) {
        expect(f.ocr).toBe(true);
        expect(f.confidence).toBeLessThanOrEqual(OCR_CONFIDENCE_CEILING);
      }
      const got = found.map((f) => `${f.type}|${f.value}|${f.location.page}`);
      const want = (expected[file] ?? []).map((e) => `${e.type}|${e.value}|${e.page}`);
      // Recognition may miss a digit; at least 80 % must be there, and nothing found may be a wrong number.
      const hits = want.filter((w) => got.includes(w)).length;
      expect(hits / want.length, `${file}: ${got.join(', ')}`).toBeGreaterThanOrEqual(0.8);
    }
    expect(result.files.find((f) => f.path === 'scanned-forms.pdf')?.ocrPages).toBe(2);
  }, 400_000);

  it('names the pages over --ocr-max-pages in the file notes, and reads the others', async () => {
    const ocr = { ...DEFAULT_OCR, maxPages: 1, pageTimeoutMs: 90_000 };
    const bytes = new Uint8Array(readFileSync(`${dir}multi-page.tif`));
    const result = await imageExtractor.extract(bytes, { name: 'multi-page.tif', depth: 0, limits: { ...DEFAULT_LIMITS, timeoutMs: 200_000, ocr } });
    expect(result).toMatchObject({ ok: true, format: 'tiff', ocrPages: 1, notes: ['OCR: page 2 not examined (OCR page limit of 1 (--ocr-max-pages))'] });
    expect(result.ok && result.segments.map((s) => [s.origin.page, s.ocr])).toEqual([[1, true]]);
  }, 200_000);

  it('without --ocr skips the same files as not examined and counts them', async () => {
    const result = await scan(options(false));
    expect(result.files.map((f) => [f.path, f.status])).toEqual(FILES.map((f) => [f, 'skipped']).sort());
    expect(result.summary.imageOnly).toBe(3);
  }, 60_000);
});

/** `unshare -n`: a new network namespace with no interface up, so any connection attempt fails. */
const unshare = process.platform === 'linux' && spawnSync('unshare', ['-n', 'true']).status === 0;
const hook = fileURLToPath(new URL('./no-network.cjs', import.meta.url));

describe('scan --ocr offline', () => {
  it(`reads the model and core from node_modules only (network calls trapped${unshare ? ', network namespace removed' : ''})`, () => {
    const cli = [process.execPath, '--require', hook, bin, 'scan', 'onboarding-form.png', '--ocr', '-f', 'json', '--show-values', '--fail-on', 'never', '--no-progress'];
    const [cmd = '', ...args] = unshare ? ['unshare', '-n', ...cli] : cli;
    const run = spawnSync(cmd, args, { cwd: dir, maxBuffer: 64 << 20 });
    expect(run.stderr.toString()).not.toMatch(/NETWORK ATTEMPT/);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout.toString()) as { files: { findings: { type: string; value: string }[] }[] };
    const values = report.files[0]?.findings.map((f) => `${f.type}|${f.value}`) ?? [];
    for (const e of expected['onboarding-form.png'] ?? []) expect(values).toContain(`${e.type}|${e.value}`);
  }, 120_000);

  it('the trap works: a fetch in a worker thread is caught', () => {
    const code = "new (require('node:worker_threads').Worker)('fetch(\\'http://127.0.0.1:9/\\').catch(() => {})', { eval: true })";
    const run = spawnSync(process.execPath, ['--require', hook, '-e', code]);
    expect(run.stderr.toString()).toMatch(/NETWORK ATTEMPT: fetch/);
  });
});
