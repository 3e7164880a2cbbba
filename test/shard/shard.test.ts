/**
 * --shard K/N: spec parsing, a pinned hash (shards of one scan may run on machines with different builds),
 * and N shards of a tree partitioning its files and walk problems exactly.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/options.js';
import { scan, type ScanOptions } from '../../src/scan/scan.js';
import { inShard, parseShard, shardOf } from '../../src/shard/shard.js';
import { jpii, tempDir } from '../cli/run.js';

let dir: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir, cleanup } = tempDir('jpii-shard-'));
  mkdirSync(join(dir, '顧客'));
  for (let i = 0; i < 40; i++) writeFileSync(join(dir, i % 2 ? '顧客' : '.', `f${i}.txt`), `連絡先 TEL 03-1234-${5600 + i}\n`);
  for (let i = 0; i < 6; i++) symlinkSync(join(dir, 'f0.txt'), join(dir, `link${i}.txt`)); // walk problems: skipped links
  symlinkSync(join(dir, 'missing'), join(dir, 'broken.txt'));
});
afterAll(() => cleanup());

const opts = (extra: Partial<ScanOptions> = {}): ScanOptions => ({ roots: [dir], base: dir, jobs: 1, analyzer: { minConfidence: 0.5 }, ...extra });

describe('parseShard', () => {
  it.each([
    ['1/1', { index: 1, count: 1 }],
    ['2/8', { index: 2, count: 8 }],
    [' 3 / 3 ', { index: 3, count: 3 }],
  ])('%s is accepted', (spec, expected) => {
    expect(parseShard(spec)).toEqual(expected);
  });

  it.each(['0/3', '4/3', '1/0', '-1/2', '1.5/3', '3', 'a/b', '', '1/2/3'])('%s is a usage error', (spec) => {
    expect(() => parseShard(spec)).toThrow(UsageError);
  });
});

describe('shardOf', () => {
  it.each([
    ['a.txt', 7, 5],
    ['顧客/名簿.csv', 7, 1],
    ['sub/f1.txt', 1000, 221],
  ])('%s among %d shards is pinned to %d (SHA-1, first 4 bytes, big-endian)', (path, n, expected) => {
    expect(shardOf(path, n)).toBe(expected);
  });

  it('puts every path in exactly one shard', () => {
    for (const path of ['a', 'b/c.txt', '顧客/名簿.csv', 'x.zip']) {
      expect([1, 2, 3, 4, 5].filter((k) => inShard(path, { index: k, count: 5 }))).toHaveLength(1);
    }
  });
});

describe('scan --shard', () => {
  it('shards 1..3 partition the files and walk problems of a tree', async () => {
    const all = (await scan(opts())).files.map((f) => f.path);
    const parts = await Promise.all([1, 2, 3].map(async (k) => (await scan(opts({ shard: { index: k, count: 3 } }))).files.map((f) => f.path)));
    for (const part of parts) expect(part.length).toBeGreaterThan(0);
    expect(parts.flat().sort()).toEqual([...all].sort());
    expect(new Set(parts.flat()).size).toBe(all.length);
    expect(all).toContain('link3.txt');
    expect(all).toContain('broken.txt');
  });

  it.each([['4/3'], ['0/2'], ['two/three']])('--shard %s exits 2 with a clear message', async (spec) => {
    const r = await jpii(['scan', '.', '--shard', spec], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`jpii: --shard: '${spec}' is not K/N with 1 ≤ K ≤ N`);
    expect(r.stdout).toBe('');
  });
});
