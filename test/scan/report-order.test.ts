/**
 * Report order (comparePaths) is the walk's order: that is what lets results be written as they arrive,
 * and `jpii merge` sort shards back into the order of one scan.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { comparePaths } from '../../src/model.js';
import { scanEach } from '../../src/scan/scan.js';
import { walk } from '../../src/walk/walk.js';
import { mulberry32 } from '../../scripts/lib/prng.js';

describe('comparePaths', () => {
  it.each([
    ['a/b.txt', 'a.txt'],
    ['a/b.txt', 'a-b.txt'],
    ['a/b.txt', 'a b.txt'],
    ['a', 'a/b'],
    ['a.zip', 'a.zip!/x.csv'],
    ['a.zip!/x.csv', 'a.zip.bak'],
    ['a.zip!/x/y.csv', 'a.zip!/x.csv'],
    ['A.txt', 'a.txt'],
    ['x/z', 'x0'],
    ['名簿/a.csv', '名簿.csv'],
  ])('%s before %s', (a, b) => {
    expect(comparePaths(a, b)).toBeLessThan(0);
    expect(comparePaths(b, a)).toBeGreaterThan(0);
  });

  it('is 0 only for equal paths', () => {
    expect(comparePaths('a/b', 'a/b')).toBe(0);
    expect(comparePaths('a/b', 'a/b/')).not.toBe(0);
  });
});

describe('the walk yields files in report order', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jpii-order-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('for a random tree of names that extend each other', async () => {
    const next = mulberry32(42);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
    const stems = ['a', 'a-b', 'a.b', 'a b', 'a!', 'A', 'ab', '名簿', '名簿 2', 'z0'];
    const made: string[] = [];
    for (let i = 0; i < 120; i++) {
      const depth = 1 + Math.floor(next() * 3);
      const parts = Array.from({ length: depth }, () => pick(stems));
      const folder = join(dir, ...parts.slice(0, -1));
      const name = `${parts.at(-1)}${pick(['', '.txt', '-1.csv'])}`;
      try {
        mkdirSync(folder, { recursive: true });
        writeFileSync(join(folder, name), 'x', { flag: 'wx' });
        made.push([...parts.slice(0, -1), name].join('/'));
      } catch {
        // the name is already a folder (or a file is where a folder was wanted): another draw
      }
    }
    const walked: string[] = [];
    for await (const item of walk([dir], { base: dir })) if (item.kind === 'file') walked.push(item.ref.relPath);
    expect(walked.length).toBe(made.length);
    expect(walked).toEqual([...walked].sort(comparePaths));
  });

  it('with several roots given in any order', async () => {
    mkdirSync(join(dir, 'roots', 'b'), { recursive: true });
    mkdirSync(join(dir, 'roots', 'a'), { recursive: true });
    writeFileSync(join(dir, 'roots', 'b', 'x.txt'), 'x');
    writeFileSync(join(dir, 'roots', 'a', 'y.txt'), 'y');
    writeFileSync(join(dir, 'roots', 'a.txt'), 'z');
    const walked: string[] = [];
    const roots = ['b', 'a.txt', 'a'].map((r) => join(dir, 'roots', r));
    for await (const item of walk(roots, { base: join(dir, 'roots') })) if (item.kind === 'file') walked.push(item.ref.relPath);
    expect(walked).toEqual(['a/y.txt', 'a.txt', 'b/x.txt']);
  });
});

describe('results waiting for an earlier file stay bounded', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jpii-backlog-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a file held for the in-process decision starts before thousands of problems behind it pile up', async () => {
    writeFileSync(join(dir, 'a.txt'), '電話番号 03-1234-5678\n');
    for (let i = 0; i < 4200; i++) symlinkSync(join(dir, 'a.txt'), join(dir, `b${String(i).padStart(4, '0')}`));
    let walkedWhenFirstOut = -1;
    let walked = 0;
    const summary = await scanEach(
      { roots: [dir], base: dir, jobs: 1, analyzer: { minConfidence: 0.5 }, onProgress: (p) => (walked = p.files) },
      (f) => {
        if (f.path === 'a.txt') walkedWhenFirstOut = walked;
      },
    );
    expect(summary.files).toBe(4201);
    expect(summary.skipped).toBe(4200);
    expect(walkedWhenFirstOut).toBeGreaterThan(4000);
    expect(walkedWhenFirstOut).toBeLessThan(4200);
  });
});
