import { chmodSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitAll, findingsOf, git, initRepo, jpii, pathsWithFindings, tempDir, testEnv, writeFiles } from '../cli/run.js';

const MY_NUMBER = 'マイナンバー: 123456789018\n';
const PHONE = '電話 090-1234-5678\n';

let dir: string;
let cleanup: () => void;

beforeEach(() => {
  ({ dir, cleanup } = tempDir('jpii-staged-'));
  initRepo(dir);
  writeFiles(dir, { 'README.md': 'hello\n', 'notes.txt': 'nothing here\n' });
  commitAll(dir, 'init');
});
afterEach(() => cleanup());

const staged = (...args: string[]) => jpii(['scan', '--staged', '--format', 'json', ...args], dir);

describe('jpii scan --staged', () => {
  it('reads a staged Office document (parsed in a worker thread) as it is in the index', async () => {
    const { copyFileSync } = await import('node:fs');
    const { REPO_ROOT } = await import('../cli/run.js');
    copyFileSync(join(REPO_ROOT, 'fixtures/documents/office/report.docx'), join(dir, 'report.docx'));
    git(dir, 'add', 'report.docx');
    const r = await staged();
    const report = JSON.parse(r.stdout) as { files: { path: string; format: string; labels: string[] }[] };
    expect(report.files).toEqual([expect.objectContaining({ path: 'report.docx', format: 'docx', labels: expect.arrayContaining(['社外秘']) })]);
    expect(findingsOf(r.stdout).map((f) => f.type)).toContain('phone');
  });

  it('reads the index, not the working tree: clean staged content with PII only in the working tree finds nothing', async () => {
    writeFiles(dir, { 'notes.txt': 'still nothing\n' });
    git(dir, 'add', 'notes.txt');
    writeFiles(dir, { 'notes.txt': `still nothing\n${MY_NUMBER}` });
    const r = await staged();
    expect(r.code).toBe(0);
    expect(findingsOf(r.stdout)).toEqual([]);
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual(['notes.txt']);
  });

  it('finds PII that is staged even when the working tree no longer has it', async () => {
    writeFiles(dir, { 'notes.txt': `nothing here\n${MY_NUMBER}` });
    git(dir, 'add', 'notes.txt');
    writeFiles(dir, { 'notes.txt': 'nothing here\n' });
    const r = await staged();
    expect(r.code).toBe(1);
    expect(findingsOf(r.stdout)).toContainEqual({ path: 'notes.txt', type: 'my-number', line: 2 });
  });

  it('scans only staged files: unstaged and untracked files with PII are left out', async () => {
    writeFiles(dir, { 'a.txt': PHONE, 'untracked.txt': MY_NUMBER, 'README.md': `hello\n${MY_NUMBER}` });
    git(dir, 'add', 'a.txt');
    const r = await staged();
    expect(pathsWithFindings(r.stdout)).toEqual(['a.txt']);
  });

  it('limits the scan to the file names a hook passes', async () => {
    writeFiles(dir, { 'a.txt': PHONE, 'b.txt': MY_NUMBER, 'sub/c.txt': PHONE });
    git(dir, 'add', '-A');
    expect(pathsWithFindings((await staged('b.txt')).stdout)).toEqual(['b.txt']);
    expect(pathsWithFindings((await staged('sub')).stdout)).toEqual(['sub/c.txt']);
    expect(pathsWithFindings((await staged(join(dir, 'a.txt'))).stdout)).toEqual(['a.txt']);
  });

  it('reports paths as git does (from the top) and scans the whole index, even from a subfolder', async () => {
    writeFiles(dir, { 'sub/c.txt': PHONE, 'top.txt': MY_NUMBER });
    git(dir, 'add', '-A');
    const r = await jpii(['scan', '--staged', '--format', 'json'], join(dir, 'sub'));
    expect(pathsWithFindings(r.stdout)).toEqual(['sub/c.txt', 'top.txt']);
  });

  it('skips deleted files, lists symbolic links as skipped, and obeys .jpiiignore', async () => {
    writeFiles(dir, { '.jpiiignore': 'fixtures/\n', 'fixtures/x.txt': MY_NUMBER, 'real.txt': PHONE });
    symlinkSync('real.txt', join(dir, 'link.txt'));
    git(dir, 'rm', '-q', 'README.md');
    git(dir, 'add', '-A');
    const report = JSON.parse((await staged()).stdout) as { files: { path: string; status: string; reason?: string }[] };
    expect(report.files.map((f) => [f.path, f.status])).toEqual([
      ['.jpiiignore', 'scanned'],
      ['link.txt', 'skipped'],
      ['real.txt', 'scanned'],
    ]);
  });

  it('notes when nothing is staged and exits 0', async () => {
    const r = await jpii(['scan', '--staged'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('no staged files');
  });

  it('works before the first commit', async () => {
    const fresh = tempDir('jpii-unborn-');
    try {
      initRepo(fresh.dir);
      writeFiles(fresh.dir, { 'a.txt': PHONE });
      git(fresh.dir, 'add', 'a.txt');
      const r = await jpii(['scan', '--staged', '--format', 'json'], fresh.dir);
      expect(findingsOf(r.stdout)).toContainEqual({ path: 'a.txt', type: 'phone', line: 1 });
    } finally {
      fresh.cleanup();
    }
  });

  it('exits 2 outside a git repository', async () => {
    const plain = tempDir('jpii-nogit-');
    try {
      const r = await jpii(['scan', '--staged'], plain.dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('not inside a git repository');
    } finally {
      plain.cleanup();
    }
  });

  // Outside a repository `git diff --cached` fails too, with git's usage text; the two run at once, and the
  // one that failed first used to be reported. A git whose rev-parse answers last makes that order certain.
  it('says it is not inside a git repository even when git diff fails first', async () => {
    const plain = tempDir('jpii-nogit-');
    const bin = tempDir('jpii-fakegit-');
    try {
      const fake = join(bin.dir, 'git');
      writeFileSync(
        fake,
        '#!/bin/sh\nfor a in "$@"; do case "$a" in\n  rev-parse) sleep 0.3; echo "fatal: not a git repository (or any of the parent directories): .git" >&2; exit 128;;\n  diff) echo "error: unknown option \\`cached\'" >&2; exit 129;;\nesac; done\nexit 1\n',
      );
      chmodSync(fake, 0o755);
      const env = testEnv();
      const r = await jpii(['scan', '--staged'], plain.dir, { env: { ...env, PATH: `${bin.dir}:${env.PATH ?? ''}` } });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('not inside a git repository');
    } finally {
      plain.cleanup();
      bin.cleanup();
    }
  });

  it('refuses --staged together with --diff', async () => {
    const r = await jpii(['scan', '--staged', '--diff', 'HEAD'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--staged and --diff');
  });
});
