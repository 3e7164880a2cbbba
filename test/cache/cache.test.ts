/**
 * --cache FILE: unchanged files are not read again (counted with a spy on the analysis, and shown by
 * replacing a file's bytes behind its unchanged size and time), changed files are, a cache made by another
 * version or with other options is ignored and rewritten, a corrupt one is a warning, and the cache file
 * never holds a raw value.
 */
import { existsSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ScanCache, type CacheOptions } from '../../src/cache/cache.js';
import type { FileRef, FileResult } from '../../src/model.js';
import { jpii, tempDir, writeFiles } from '../cli/run.js';

const MY_NUMBER = '123456789018'; // synthetic, check digit valid
const OLD = new Date('2024-01-02T03:04:05Z'); // far from "now": not racy

let dir: string;
let cleanup: () => void;

beforeEach(() => {
  ({ dir, cleanup } = tempDir('jpii-cache-'));
  writeFiles(dir, {
    'share/a.txt': `マイナンバー：${MY_NUMBER}\n`,
    'share/b.txt': 'TEL 03-1234-5678\n',
    'share/c.txt': 'nothing here\n',
  });
  for (const f of ['a.txt', 'b.txt', 'c.txt']) utimesSync(join(dir, 'share', f), OLD, OLD);
});
afterEach(() => cleanup());

const cacheFile = (): string => join(dir, 'jpii-cache.jsonl');
const scanArgs = (...extra: string[]): string[] => ['scan', 'share', '--cache', 'jpii-cache.jsonl', '--format', 'json', '--fail-on', 'never', ...extra];
type Report = { files: { path: string; findings: { type: string; value?: string }[] }[] };
const typesOf = (stdout: string, path: string): string[] =>
  ((JSON.parse(stdout) as Report).files.find((f) => f.path === path)?.findings ?? []).map((f) => f.type);

describe('ScanCache', () => {
  const result = (path: string): FileResult[] => [
    { path, format: 'text', status: 'scanned', labels: [], labelled: false, risk: 0.5, sensitive: false, findings: [{ type: 'my-number', confidence: 0.9, level: 'high', location: { line: 1 }, value: MY_NUMBER, masked: '1234 **** ****', fingerprint: 'f' }] },
  ];
  const options = (extra: Partial<CacheOptions> = {}): CacheOptions => ({ file: cacheFile(), version: '9.9.9', digest: 'd1', verify: false, reuse: true, maxHashSize: 1e9, note: () => undefined, ...extra });
  const ref = (name: string): FileRef => {
    const abs = join(dir, 'share', name);
    const st = statSync(abs);
    return { absPath: abs, relPath: name, size: st.size, mtimeMs: st.mtimeMs };
  };

  async function pass(opts: CacheOptions, names: string[]): Promise<{ calls: string[]; results: FileResult[][] }> {
    const cache = await ScanCache.open(opts);
    const calls: string[] = [];
    const spy = async (r: FileRef): Promise<FileResult[]> => (calls.push(r.relPath), result(r.relPath));
    const results = [];
    for (const name of names) results.push(await cache.through(ref(name), spy));
    await cache.commit();
    return { calls, results };
  }

  it('the second pass analyzes nothing and returns the cached results without values', async () => {
    expect((await pass(options(), ['a.txt', 'b.txt'])).calls).toEqual(['a.txt', 'b.txt']);
    const second = await pass(options(), ['a.txt', 'b.txt']);
    expect(second.calls).toEqual([]);
    expect(second.results[0]?.[0]?.findings[0]).toMatchObject({ type: 'my-number', masked: '1234 **** ****', value: '' });
  });

  it.each([
    ['another version', { version: '9.9.10' }],
    ['another digest', { digest: 'd2' }],
    ['--show-values (reuse off)', { reuse: false }],
  ])('%s: every file is analyzed again', async (_name, extra) => {
    await pass(options(), ['a.txt']);
    expect((await pass(options(extra), ['a.txt'])).calls).toEqual(['a.txt']);
  });

  it('a file changed within 2 s of the scan start is not trusted by its time', async () => {
    const now = OLD.getTime() + 1000;
    await pass(options({ now }), ['a.txt']);
    expect((await pass(options({ now }), ['a.txt'])).calls).toEqual(['a.txt']);
  });

  it('failed files are not cached (retried next time)', async () => {
    const cache = await ScanCache.open(options());
    await cache.through(ref('a.txt'), async (r) => [{ ...result(r.relPath)[0]!, status: 'error', reason: 'cannot read (EBUSY)', findings: [] }]);
    await cache.commit();
    expect((await pass(options(), ['a.txt'])).calls).toEqual(['a.txt']);
  });
});

describe('jpii scan --cache', () => {
  it('a second run reuses every file and reports the same', async () => {
    const first = await jpii(scanArgs(), dir);
    const second = await jpii(scanArgs(), dir);
    expect(first.stderr).toContain('0 unchanged file(s) reused, 3 scanned');
    expect(second.stderr).toContain('3 unchanged file(s) reused, 0 scanned');
    expect(second.stdout).toBe(first.stdout);
    expect(readdirSync(dir).sort()).toEqual(['jpii-cache.jsonl', 'share']); // no temporary file left
  });

  it('an unchanged file is not read: new bytes behind the same size and time keep the cached findings', async () => {
    await jpii(scanArgs(), dir);
    const size = statSync(join(dir, 'share', 'a.txt')).size;
    writeFileSync(join(dir, 'share', 'a.txt'), `${'x'.repeat(size - 1)}\n`);
    utimesSync(join(dir, 'share', 'a.txt'), OLD, OLD);
    expect(typesOf((await jpii(scanArgs(), dir)).stdout, 'share/a.txt')).toContain('my-number');
    // --cache-verify hashes the content and sees the change
    expect(typesOf((await jpii(scanArgs('--cache-verify'), dir)).stdout, 'share/a.txt')).toEqual([]);
  });

  it('a touched file is scanned again', async () => {
    await jpii(scanArgs(), dir);
    writeFileSync(join(dir, 'share', 'c.txt'), `マイナンバー：${MY_NUMBER}\n`);
    const r = await jpii(scanArgs(), dir);
    expect(r.stderr).toContain('2 unchanged file(s) reused, 1 scanned');
    expect(typesOf(r.stdout, 'share/c.txt')).toContain('my-number');
  });

  it('a cache from another version is ignored and rewritten', async () => {
    await jpii(scanArgs(), dir);
    const lines = readFileSync(cacheFile(), 'utf8').split('\n');
    writeFileSync(cacheFile(), [lines[0]!.replace(/"jpiiVersion":"[^"]*"/, '"jpiiVersion":"0.0.0-old"'), ...lines.slice(1)].join('\n'));
    const r = await jpii(scanArgs(), dir);
    expect(r.stderr).toContain("jpii: cache 'jpii-cache.jsonl' was made by jpii 0.0.0-old; ignored");
    expect(r.stderr).toContain('0 unchanged file(s) reused, 3 scanned');
    expect(readFileSync(cacheFile(), 'utf8')).not.toContain('0.0.0-old');
  });

  it('a cache made with other options is ignored', async () => {
    await jpii(scanArgs(), dir);
    const r = await jpii(scanArgs('--min-confidence', 'low'), dir);
    expect(r.stderr).toContain('made with other patterns or options');
    expect(r.stderr).toContain('0 unchanged file(s) reused, 3 scanned');
  });

  it('a corrupt cache is a warning, not a failure', async () => {
    writeFileSync(cacheFile(), '{"jpiiCache":1,"jpiiVersion"\nnot json\n');
    const r = await jpii(scanArgs(), dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("jpii: warning: cache 'jpii-cache.jsonl' is corrupt");
    expect(typesOf(r.stdout, 'share/a.txt')).toContain('my-number');
  });

  it('never stores a raw value, and --show-values rescans instead of reusing', async () => {
    await jpii(scanArgs(), dir);
    const shown = await jpii(scanArgs('--show-values'), dir);
    expect(shown.stderr).toContain('0 unchanged file(s) reused, 3 scanned');
    expect((JSON.parse(shown.stdout) as Report).files.find((f) => f.path === 'share/a.txt')?.findings[0]?.value).toBe(MY_NUMBER);
    const text = readFileSync(cacheFile(), 'utf8');
    expect(text).toContain('my-number');
    expect(text).not.toContain(MY_NUMBER);
    expect(text).not.toContain('"value"');
    expect(text).not.toContain('03-1234-5678');
    expect(text).not.toContain('0312345678');
  });

  it('--cache-verify without --cache, or --cache with --staged, is a usage error', async () => {
    expect((await jpii(['scan', 'share', '--cache-verify'], dir)).code).toBe(2);
    expect((await jpii(['scan', '--staged', '--cache', 'x.jsonl'], dir)).code).toBe(2);
    expect(existsSync(join(dir, 'x.jsonl'))).toBe(false);
  });
});
