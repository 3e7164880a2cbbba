/**
 * Fingerprints are HMAC-SHA-256 under the configured key — recomputed here from the definition
 * (src/score/fingerprint.ts: path, type, value, occurrence of the value in the file), never read back from the
 * code under test — for text and for documents (xlsx, zip entries), in this thread and in worker threads, under
 * two keys. A worker that did not get the key would fingerprint with the public default key and fail here.
 */
import { createHash, createHmac } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FileResult } from '../../src/model.js';
import { DEFAULT_FINGERPRINT_KEY, fingerprint, valueHash } from '../../src/score/fingerprint.js';
import { analyzeBytes } from '../../src/scan/analyze-file.js';
import { buildAnalyzer } from '../../src/scan/analyzer.js';
import { WorkerPool } from '../../src/scan/pool.js';
import { scan } from '../../src/scan/scan.js';
import { jpii, tempDir, testEnv } from '../cli/run.js';
import { myNumber } from './generators.js';

const DOCS = fileURLToPath(new URL('../../fixtures/documents/', import.meta.url));
const KEYS = ['fingerprint-key-A-3f9c', 'fingerprint-key-B-81d2'] as const;

/** The definition, written out again: HMAC-SHA-256(key, path NUL type NUL value NUL occurrence), 32 hex digits. */
function expectedFingerprint(key: string, path: string, type: string, value: string, occurrence: number): string {
  return createHmac('sha256', key).update(`${path}\0${type}\0${value}\0${occurrence}`).digest('hex').slice(0, 32);
}

/** Every finding of `files` whose fingerprint is not the HMAC under `key` (occurrences counted per file, in order). */
function wrongFingerprints(files: readonly FileResult[], key: string): string[] {
  const wrong: string[] = [];
  for (const file of files) {
    const seen = new Map<string, number>();
    for (const f of file.findings) {
      const occurrence = (seen.get(`${f.type}\0${f.value}`) ?? 0) + 1;
      seen.set(`${f.type}\0${f.value}`, occurrence);
      if (f.fingerprint !== expectedFingerprint(key, file.path, f.type, f.value, occurrence)) wrong.push(`${file.path} ${f.type} #${occurrence}`);
    }
  }
  return wrong;
}

const findingCount = (files: readonly FileResult[]): number => files.reduce((n, f) => n + f.findings.length, 0);

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = tempDir('jpii-fp-'));
  // 60 files of 3 KB: enough for the scan to use its worker pool with --jobs 2 (tiny scans stay in this thread).
  const numbers = fc.sample(myNumber(), { numRuns: 60, seed: 10 });
  numbers.forEach((n, i) => {
    writeFileSync(join(dir, `t${String(i).padStart(2, '0')}.txt`), `マイナンバー: ${n}\n再掲 マイナンバー: ${n}\n${'本日の議事録です。'.repeat(110)}\n`);
  });
  copyFileSync(join(DOCS, 'office', 'customers.xlsx'), join(dir, 'customers.xlsx'));
  copyFileSync(join(DOCS, 'containers', 'normal.zip'), join(dir, 'normal.zip'));
});
afterAll(() => cleanup());
afterEach(() => vi.restoreAllMocks());

describe('fingerprints', () => {
  it('are the HMAC of path, type, value and occurrence under the given key (any key, any value)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string(), fc.string(), fc.string(), fc.integer({ min: 1, max: 1000 }), (key, path, type, value, occ) => {
        expect(fingerprint(key, path, type, value, occ)).toBe(expectedFingerprint(key, path, type, value, occ));
      }),
      { seed: 10, numRuns: 300 },
    );
  });

  it('are not a bare hash of the value or of the fingerprinted text, and depend on every input', () => {
    fc.assert(
      fc.property(myNumber(), fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (value, k1, k2) => {
        fc.pre(k1 !== k2);
        const fp = fingerprint(k1, 'a.txt', 'my-number', value, 1);
        const bare = [value, `a.txt\0my-number\0${value}\0${1}`].flatMap((t) => ['sha256', 'sha1', 'md5'].map((h) => createHash(h).update(t).digest('hex').slice(0, 32)));
        expect(bare).not.toContain(fp);
        expect(fingerprint(k2, 'a.txt', 'my-number', value, 1)).not.toBe(fp);
        expect(fingerprint(k1, 'b.txt', 'my-number', value, 1)).not.toBe(fp);
        expect(fingerprint(k1, 'a.txt', 'corporate-number', value, 1)).not.toBe(fp);
        expect(fingerprint(k1, 'a.txt', 'my-number', value, 2)).not.toBe(fp);
        expect(valueHash(k1, 'my-number', value)).toBe(createHmac('sha256', k1).update(`my-number\0${value}`).digest('hex').slice(0, 32));
        expect(valueHash(k2, 'my-number', value)).not.toBe(valueHash(k1, 'my-number', value));
      }),
      { seed: 11, numRuns: 100 },
    );
  });

  it.each(KEYS)('of a document analysed in this thread (xlsx, zip entries) are keyed with %s', async (key) => {
    const analyzer = buildAnalyzer({ minConfidence: 0.5, fingerprintKey: key });
    for (const name of ['customers.xlsx', 'normal.zip']) {
      const results = await analyzeBytes(name, readFileSync(join(dir, name)), analyzer);
      expect(findingCount(results)).toBeGreaterThan(0);
      expect(wrongFingerprints(results, key)).toEqual([]);
    }
  });

  it.each([1, 2])('of a whole scan with --jobs %i are keyed with either key, in worker threads too', async (jobs) => {
    const runBatch = vi.spyOn(WorkerPool.prototype, 'runBatch');
    const runBytes = vi.spyOn(WorkerPool.prototype, 'runBytes');
    const byKey: string[][] = [];
    for (const key of KEYS) {
      const r = await scan({ roots: [dir], base: dir, jobs, analyzer: { minConfidence: 0.5, fingerprintKey: key } });
      const types = new Set(r.files.flatMap((f) => f.findings.map((x) => `${f.path.includes('.xlsx') ? 'xlsx' : f.path.includes('!/') ? 'entry' : 'text'} ${x.type}`)));
      expect([...types]).toEqual(expect.arrayContaining(['text my-number', 'xlsx my-number', 'entry my-number']));
      expect(wrongFingerprints(r.files, key)).toEqual([]);
      expect(wrongFingerprints(r.files, DEFAULT_FINGERPRINT_KEY).length).toBe(findingCount(r.files));
      byKey.push(r.files.flatMap((f) => f.findings.map((x) => x.fingerprint)));
    }
    const [a, b] = byKey as [string[], string[]];
    expect(a.filter((fp) => b.includes(fp))).toEqual([]);
    // Documents always go to a worker thread; with --jobs 2 the text files do too (in batches).
    expect(runBytes).toHaveBeenCalled();
    if (jobs === 2) expect(runBatch).toHaveBeenCalled();
    else expect(runBatch).not.toHaveBeenCalled();
  });

  it.each(KEYS)('in the JSON and SARIF reports of the CLI are the HMAC under JPII_FINGERPRINT_KEY=%s', async (key) => {
    const { dir: small, cleanup: done } = tempDir('jpii-fp-cli-');
    try {
      const n = fc.sample(myNumber(), { numRuns: 1, seed: 12 })[0]!;
      writeFileSync(join(small, 'a.txt'), `マイナンバー: ${n}\n再掲 マイナンバー: ${n}\n電話 090-1234-5678\n`);
      copyFileSync(join(DOCS, 'office', 'customers.xlsx'), join(small, 'customers.xlsx'));
      const r = await jpii(['scan', '.', '--format', 'json', '--show-values', '--report', 'sarif=out.sarif', '--no-progress'], small, { env: testEnv({ JPII_FINGERPRINT_KEY: key }) });
      expect(r.code).toBe(1);
      const files = (JSON.parse(r.stdout) as { files: FileResult[] }).files;
      const fromJson = files.flatMap((f) => f.findings.map((x) => x.fingerprint)).sort();
      expect(fromJson.length).toBeGreaterThanOrEqual(6);
      expect(wrongFingerprints(files, key)).toEqual([]);
      const sarif = JSON.parse(readFileSync(join(small, 'out.sarif'), 'utf8')) as { runs: { results: { partialFingerprints?: Record<string, string> }[] }[] };
      const fromSarif = sarif.runs[0]!.results.flatMap((x) => Object.values(x.partialFingerprints ?? {})).sort();
      expect(fromSarif).toEqual(fromJson);
    } finally {
      done();
    }
  });
});
