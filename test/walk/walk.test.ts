/**
 * The walk and symbolic links: reported as skipped by default; with followSymlinks, links to files and
 * directories are followed, a link back into its own ancestry is a loop (reported, not walked), a dangling
 * or self-referencing link is reported, and the walk goes on.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walk, type WalkItem, type WalkOptions } from '../../src/walk/walk.js';
import { jpii, tempDir } from '../cli/run.js';

let dir: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir, cleanup } = tempDir('jpii-walk-'));
  mkdirSync(join(dir, 'share', 'sub'), { recursive: true });
  mkdirSync(join(dir, 'elsewhere'));
  writeFileSync(join(dir, 'share', 'a.txt'), 'マイナンバー：1234 5678 9018\n');
  writeFileSync(join(dir, 'elsewhere', 'b.txt'), 'TEL 03-1234-5678\n');
  symlinkSync('..', join(dir, 'share', 'sub', 'up')); // loop: back to share/
  symlinkSync('.', join(dir, 'share', 'sub', 'self')); // loop: itself
  symlinkSync('../a.txt', join(dir, 'share', 'sub', 'a-link.txt')); // link to a file
  symlinkSync('../elsewhere', join(dir, 'share', 'other')); // link to a directory outside
  symlinkSync('nowhere.txt', join(dir, 'share', 'dangling.txt'));
  symlinkSync('chain2', join(dir, 'share', 'chain1'));
  symlinkSync('chain1', join(dir, 'share', 'chain2'));
});
afterAll(() => cleanup());

async function items(opts: Partial<WalkOptions> = {}): Promise<[string, string][]> {
  const out: [string, string][] = [];
  const base = join(dir, 'share');
  for await (const item of walk([base], { base, ...opts })) {
    out.push(item.kind === 'file' ? [item.ref.relPath, 'file'] : [item.relPath, `${item.status}: ${item.reason}`]);
  }
  return out;
}

describe('walk and symbolic links', () => {
  it('does not follow links by default', async () => {
    expect(await items()).toEqual([
      ['a.txt', 'file'],
      ['chain1', 'skipped: symbolic link (not followed)'],
      ['chain2', 'skipped: symbolic link (not followed)'],
      ['dangling.txt', 'skipped: symbolic link (not followed)'],
      ['other', 'skipped: symbolic link (not followed)'],
      ['sub/a-link.txt', 'skipped: symbolic link (not followed)'],
      ['sub/self', 'skipped: symbolic link (not followed)'],
      ['sub/up', 'skipped: symbolic link (not followed)'],
    ]);
  });

  it('with followSymlinks: files and outside folders are walked, loops and dangling links reported', async () => {
    expect(await items({ followSymlinks: true })).toEqual([
      ['a.txt', 'file'],
      ['chain1', 'skipped: symbolic link loop'],
      ['chain2', 'skipped: symbolic link loop'],
      ['dangling.txt', 'skipped: broken symbolic link'],
      ['other/b.txt', 'file'],
      ['sub/a-link.txt', 'file'],
      ['sub/self', 'skipped: symbolic link loop'],
      ['sub/up', 'skipped: symbolic link loop'],
    ]);
  });

  it('a followed link to a file carries the target size under the link path', async () => {
    const base = join(dir, 'share');
    const found: WalkItem[] = [];
    for await (const item of walk([join(base, 'sub')], { base, followSymlinks: true })) found.push(item);
    const link = found.find((i) => i.kind === 'file' && i.ref.relPath === 'sub/a-link.txt');
    expect(link?.kind === 'file' && link.ref.size).toBe(Buffer.byteLength('マイナンバー：1234 5678 9018\n'));
  });

  it('jpii scan --follow-symlinks reports the findings behind links and the loops', async () => {
    const r = await jpii(['scan', '.', '--follow-symlinks', '--format', 'json', '--fail-on', 'never'], join(dir, 'share'));
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { files: { path: string; status: string; reason?: string; findings: { type: string }[] }[] };
    const byPath = new Map(report.files.map((f) => [f.path, f]));
    expect(byPath.get('sub/a-link.txt')?.findings.map((f) => f.type)).toContain('my-number');
    expect(byPath.get('other/b.txt')?.findings.map((f) => f.type)).toContain('phone');
    expect(byPath.get('sub/up')).toMatchObject({ status: 'skipped', reason: 'symbolic link loop' });
  });
});

describe('absolute paths of the files walked', () => {
  it('are path.join of the folder and the name, whatever form the root was given in', async () => {
    const deep = join(dir, 'abs', 'フォルダ 1', 'sub');
    mkdirSync(deep, { recursive: true });
    for (const name of ['a.txt', '名簿 (1).csv', '.hidden']) writeFileSync(join(deep, name), 'x\n');
    writeFileSync(join(dir, 'abs', 'top.txt'), 'x\n');
    const base = join(dir, 'abs');
    for (const root of [base, `${base}/`, `${base}/./フォルダ 1/../`, join(base, 'フォルダ 1')]) {
      let files = 0;
      for await (const item of walk([root], { base })) {
        if (item.kind !== 'file') continue;
        files++;
        expect(item.ref.absPath).toBe(resolve(base, item.ref.relPath));
        expect(item.ref.absPath).toBe(join(base, item.ref.relPath));
      }
      expect(files).toBe(root.endsWith('フォルダ 1') ? 3 : 4);
    }
  });
});
