import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initRepo, jpii, pathsWithFindings, tempDir, writeFiles } from './run.js';

const PII = 'マイナンバー: 123456789018\n';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('jpii-ignore-')));
afterEach(() => cleanup());

const scanned = async (args: string[] = [], cwd = dir) => pathsWithFindings((await jpii(['scan', '--format', 'json', ...args], cwd)).stdout);

describe('.jpiiignore', () => {
  it('applies gitignore syntax from the scan root and from subfolders, deeper files winning', async () => {
    writeFiles(dir, {
      '.jpiiignore': '*.log\nfixtures/\n',
      'a.txt': PII,
      'b.log': PII,
      'fixtures/c.txt': PII,
      'sub/.jpiiignore': 'local.txt\n!keep.log\n',
      'sub/local.txt': PII,
      'sub/keep.log': PII,
      'sub/d.txt': PII,
    });
    expect(await scanned()).toEqual(['a.txt', 'sub/d.txt', 'sub/keep.log']);
  });

  it('applies to files named on the command line (as pre-commit passes them), and --no-ignore scans everything', async () => {
    writeFiles(dir, { '.jpiiignore': 'fixtures/\n', 'fixtures/c.txt': PII, 'a.txt': PII });
    expect(await scanned(['fixtures/c.txt', 'a.txt'])).toEqual(['a.txt']);
    expect(await scanned(['--no-ignore'])).toEqual(['a.txt', 'fixtures/c.txt']);
  });

  it('works outside git repositories, from the scan root', async () => {
    writeFiles(dir, { 'share/.jpiiignore': 'old/\n', 'share/old/x.txt': PII, 'share/new/y.txt': PII });
    expect(await scanned(['share'])).toEqual(['share/new/y.txt']);
  });
});

describe('.gitignore', () => {
  it('is respected inside a git work tree, including nested .gitignore files and .git/info/exclude', async () => {
    initRepo(dir);
    writeFiles(dir, {
      '.gitignore': 'build/\n',
      '.git/info/exclude': 'secret-notes.txt\n',
      'build/out.txt': PII,
      'secret-notes.txt': PII,
      'src/.gitignore': 'generated.txt\n',
      'src/generated.txt': PII,
      'src/real.txt': PII,
    });
    expect(await scanned()).toEqual(['src/real.txt']);
    expect(await scanned([], `${dir}/src`)).toEqual(['real.txt']);
    expect(await scanned(['--no-ignore'])).toEqual(['build/out.txt', 'secret-notes.txt', 'src/generated.txt', 'src/real.txt']);
  });

  it('is ignored outside git work trees', async () => {
    writeFiles(dir, { '.gitignore': '*.txt\n', 'a.txt': PII });
    expect(await scanned()).toEqual(['a.txt']);
  });

  it('--exclude globs still apply with --no-ignore', async () => {
    writeFiles(dir, { 'a.txt': PII, 'b.txt': PII });
    expect(await scanned(['--no-ignore', '--exclude', 'b.txt'])).toEqual(['a.txt']);
  });
});

describe('pathMatcher (src/walk/ignore-rules.ts)', () => {
  it.each([
    ['own files', { ownFiles: ['jpii.config.json'] }, 'jpii.config.json', true],
    ['config excludes are relative to the config folder', { configExcludes: { dir: 'proj', patterns: ['/gen/'] } }, 'proj/gen/a.txt', true],
    ['config excludes do not reach outside the config folder', { configExcludes: { dir: 'proj', patterns: ['/gen/'] } }, 'gen/a.txt', false],
    ['.gitignore is not read when gitignore is off', { gitignore: false }, 'build/a.txt', false],
    ['.jpiiignore is still read when gitignore is off', { gitignore: false }, 'fixtures/a.txt', true],
    ['nothing is read with both off', { gitignore: false, ignoreFiles: false }, 'fixtures/a.txt', false],
  ])('%s', async (_name, setup, path, expected) => {
    const { pathMatcher } = await import('../../src/walk/ignore-rules.js');
    initRepo(dir);
    writeFiles(dir, { '.gitignore': 'build/\n', '.jpiiignore': 'fixtures/\n' });
    const abs = (p: string) => `${dir}/${p}`;
    const s = setup as { ownFiles?: string[]; configExcludes?: { dir: string; patterns: string[] }; gitignore?: boolean; ignoreFiles?: boolean };
    const matcher = pathMatcher({
      base: dir,
      excludes: [],
      ignoreFiles: s.ignoreFiles ?? true,
      gitignore: s.gitignore ?? true,
      tops: [dir],
      ...(s.ownFiles ? { ownFiles: s.ownFiles.map(abs) } : {}),
      ...(s.configExcludes ? { configExcludes: { dir: abs(s.configExcludes.dir), patterns: s.configExcludes.patterns } } : {}),
    });
    expect(matcher?.(abs(path), false) ?? false).toBe(expected);
  });
});
