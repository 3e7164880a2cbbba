/**
 * --cache as a merge-join: the new cache is written in report order whatever order analyses finish in, a
 * second run reuses exactly the unchanged files between added, removed and changed ones, a corrupt line
 * ends the reuse there (with a note), an out-of-order cache only costs misses (never a wrong hit), and a
 * format-1 cache (completion order) is stale. Refs are synthetic (no file is read without --cache-verify).
 */
import { readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ScanCache, type CacheOptions } from '../../src/cache/cache.js';
import { comparePaths, type FileRef, type FileResult } from '../../src/model.js';
import { jpii, tempDir, writeFiles } from '../cli/run.js';

const T = Date.parse('2024-01-02T03:04:05Z'); // far before "now": not racy

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('jpii-cache-merge-')));
afterEach(() => cleanup());

const cacheFile = (): string => join(dir, 'c.jsonl');
const options = (notes: string[] = []): CacheOptions => ({ file: cacheFile(), version: '9.9.9', digest: 'd1', verify: false, reuse: true, maxHashSize: 1e9, note: (t) => void notes.push(t) });
/** Same size and time for every file unless told: only the path tells entries apart. */
const ref = (relPath: string, size = 10): FileRef => ({ absPath: join(dir, 'none', relPath), relPath, size, mtimeMs: T });
const result = (path: string, status: FileResult['status'] = 'scanned'): FileResult[] => [
  { path, format: 'text', status, labels: [], labelled: false, risk: 0, sensitive: false, findings: [] },
];
const cachedPaths = (): string[] => readFileSync(cacheFile(), 'utf8').trim().split('\n').slice(1).map((l) => (JSON.parse(l) as { path: string }).path);

/** One run over `refs` in walk order, every call in flight at once (as the scanner overlaps them). */
async function run(refs: FileRef[], notes: string[] = []): Promise<{ calls: string[]; results: FileResult[][] }> {
  const cache = await ScanCache.open(options(notes));
  const calls: string[] = [];
  const results = await Promise.all(refs.map((r) => cache.through(r, async (x) => (calls.push(x.relPath), result(x.relPath)))));
  await cache.commit();
  return { calls: calls.sort(comparePaths), results };
}

describe('ScanCache merge-join', () => {
  it('writes the new cache in report order when analyses finish in reverse order', async () => {
    const names = ['a.txt', 'b/x.txt', 'b/y.txt', 'b-c.txt', 'err.txt', 'z.txt'];
    const cache = await ScanCache.open(options());
    const gates: (() => void)[] = [];
    const pending = names.map((name) =>
      cache.through(ref(name), (r) => new Promise<FileResult[]>((done) => gates.push(() => done(result(r.relPath, name === 'err.txt' ? 'error' : 'scanned'))))),
    );
    const blob = cache.through({ absPath: '', relPath: 'blob.txt', size: 1 }, async (r) => result(r.relPath)); // not on disk
    while (gates.length < names.length) await new Promise((r) => setImmediate(r)); // every analysis waiting
    for (const open of gates.reverse()) open();
    await Promise.all([...pending, blob]);
    await cache.commit();
    expect(cachedPaths()).toEqual(['a.txt', 'b/x.txt', 'b/y.txt', 'b-c.txt', 'z.txt']);
  });

  it('a second run reuses exactly the unchanged files between added, removed and changed ones', async () => {
    await run(['b', 'd', 'f', 'h', 'j'].map((n) => ref(n)));
    const second = await run([ref('a'), ref('b'), ref('c'), ref('d', 11), ref('e'), ref('h'), ref('i'), ref('k')]);
    expect(second.calls).toEqual(['a', 'c', 'd', 'e', 'i', 'k']);
    expect(cachedPaths()).toEqual(['a', 'b', 'c', 'd', 'e', 'h', 'i', 'k']);
    expect((await run(['a', 'b', 'c', 'e', 'h', 'i', 'k'].map((n) => ref(n)))).calls).toEqual([]);
  });

  it('a corrupt line in the middle: entries before it are reused, every later file is scanned, one note', async () => {
    await run(['a', 'b', 'c', 'd', 'e'].map((n) => ref(n)));
    const lines = readFileSync(cacheFile(), 'utf8').split('\n');
    writeFileSync(cacheFile(), [...lines.slice(0, 3), '{"path":"c","size":', ...lines.slice(4)].join('\n'));
    const notes: string[] = [];
    expect((await run(['a', 'b', 'c', 'd', 'e'].map((n) => ref(n)), notes)).calls).toEqual(['c', 'd', 'e']);
    expect(notes).toEqual([`jpii: warning: cache '${cacheFile()}' is corrupt (line 4); the rest is ignored, every later file is scanned`]);
    expect(cachedPaths()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('an entry of the wrong shape mid-way is corrupt too', async () => {
    await run(['a', 'b', 'c'].map((n) => ref(n)));
    const lines = readFileSync(cacheFile(), 'utf8').split('\n');
    writeFileSync(cacheFile(), [...lines.slice(0, 2), '{"path":"b","size":10}', ...lines.slice(3)].join('\n'));
    const notes: string[] = [];
    expect((await run(['a', 'b', 'c'].map((n) => ref(n)), notes)).calls).toEqual(['b', 'c']);
    expect(notes).toHaveLength(1);
  });

  it('an out-of-order cache never yields a wrong hit', async () => {
    const names = ['a', 'a/b', 'a-b', 'b', 'c/d/e', 'c0', 'd', 'e', 'f', 'g'];
    let seed = 7;
    let hits = 0;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 20; round++) {
      const shuffled = [...names].sort(() => random() - 0.5);
      const header = JSON.stringify({ jpiiCache: 2, jpiiVersion: '9.9.9', patternsDigest: 'd1' });
      const entries = shuffled.map((path) => JSON.stringify({ path, size: 10, mtimeMs: T, results: result(path) }));
      writeFileSync(cacheFile(), `${[header, ...entries].join('\n')}\n`);
      const refs = names.map((n) => ref(n));
      const { calls, results } = await run(refs);
      results.forEach((rs, i) => expect(rs[0]?.path).toBe(names[i]));
      hits += names.length - calls.length;
    }
    expect(hits).toBeGreaterThan(0); // the rounds did reuse entries, each of its own path
  });

  it('a format-1 cache (completion order) is ignored as stale', async () => {
    await run(['a', 'b'].map((n) => ref(n)));
    const text = readFileSync(cacheFile(), 'utf8');
    writeFileSync(cacheFile(), text.replace('"jpiiCache":2', '"jpiiCache":1'));
    const notes: string[] = [];
    expect((await run(['a', 'b'].map((n) => ref(n)), notes)).calls).toEqual(['a', 'b']);
    expect(notes).toEqual([`jpii: cache '${cacheFile()}' was made by jpii 9.9.9; ignored, every file is scanned`]);
  });
});

describe('jpii scan --cache across folders', () => {
  it('a file added and one removed between cached ones: the rest is reused, the cache stays in report order', async () => {
    const files: Record<string, string> = {};
    for (const d of ['a', 'a-b', 'b']) for (const f of ['1.txt', '3.txt', '5.txt']) files[`share/${d}/${f}`] = 'nothing here\n';
    writeFiles(dir, files);
    const args = ['scan', 'share', '--cache', 'c.jsonl', '--format', 'json', '--fail-on', 'never'];
    await jpii(args, dir);
    // Times far back, so the second run stores them and the third trusts them.
    for (const f of Object.keys(files)) utimesSync(join(dir, f), new Date(T), new Date(T));
    await jpii(args, dir);
    writeFiles(dir, { 'share/a-b/2.txt': 'nothing here\n' });
    rmSync(join(dir, 'share/a/3.txt'));
    const r = await jpii(args, dir);
    expect(r.stderr).toContain('8 unchanged file(s) reused, 1 scanned');
    const paths = cachedPaths();
    expect(paths).toEqual([...paths].sort(comparePaths));
    expect(paths).toHaveLength(9);
  });
});
