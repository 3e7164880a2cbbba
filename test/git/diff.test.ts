import Encoding from 'encoding-japanese';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitAll, findingsOf, git, initRepo, jpii, tempDir, writeFiles } from '../cli/run.js';

let dir: string;
let cleanup: () => void;

const utf16le = (text: string): Uint8Array => Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
const sjis = (text: string): Uint8Array => Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE', type: 'array' }));

beforeEach(() => {
  ({ dir, cleanup } = tempDir('jpii-diff-'));
  initRepo(dir);
  writeFiles(dir, {
    'old.txt': 'マイナンバー: 987654321093\nfiller\n',
    'keep.txt': 'nothing\n',
  });
  commitAll(dir, 'base');
  git(dir, 'branch', 'base');
});
afterEach(() => cleanup());

const diffArgs = (ref: string, args: string[]) => ['scan', '--diff', ref, '--format', 'json', ...args];

/** A --diff scan that must work: exit 0 or 1 (a failing command never reads as "no findings"). */
const diff = async (ref = 'base', ...args: string[]) => {
  const r = await jpii(diffArgs(ref, args), dir);
  if (r.code !== 0 && r.code !== 1) throw new Error(`jpii --diff ${ref} exited ${r.code}: ${r.stderr}`);
  return { ...r, findings: findingsOf(r.stdout) };
};

describe('jpii scan --diff REF', () => {
  it('reports only findings on lines added since REF, not PII that was already there', async () => {
    writeFiles(dir, { 'old.txt': 'マイナンバー: 987654321093\nfiller\n電話 090-1234-5678\n' });
    commitAll(dir, 'add a phone');
    const r = await diff();
    expect(r.code).toBe(1);
    expect(r.findings).toEqual([
      { path: 'old.txt', type: 'phone', line: 3 },
      { path: 'old.txt', type: 'unlabelled-sensitive-file' },
    ]);
  });

  it('counts the working tree too (uncommitted added lines are new)', async () => {
    writeFiles(dir, { 'keep.txt': 'nothing\n〒100-0001 東京都千代田区千代田1-1\n' });
    const r = await diff('HEAD');
    expect(r.findings.map((f) => [f.path, f.line])).toContainEqual(['keep.txt', 2]);
    expect(r.findings.every((f) => f.path === 'keep.txt')).toBe(true);
  });

  it('treats a line moved within a file as added (as git does) and leaves untouched files out', async () => {
    writeFiles(dir, { 'old.txt': 'filler\nマイナンバー: 987654321093\n' });
    commitAll(dir, 'swap lines');
    const r = await diff();
    // The moved line counts as added (git shows it so), the untouched file is not scanned at all.
    expect(r.findings).toEqual([
      { path: 'old.txt', type: 'my-number', line: 2 },
      { path: 'old.txt', type: 'unlabelled-sensitive-file' },
    ]);
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual(['old.txt']);
  });

  it('keeps a file-level finding of a text file only when a line finding of it is new', async () => {
    writeFiles(dir, { 'old.txt': 'マイナンバー: 987654321093\nfiller\nmore filler\n' });
    commitAll(dir, 'no new PII');
    const r = await diff();
    expect(r.code).toBe(0);
    expect(r.findings).toEqual([]);
  });

  it('keeps every finding of a file git cannot diff by lines (UTF-16) when it changed', async () => {
    writeFiles(dir, { 'u16.txt': utf16le('マイナンバー: 123456789018\n') });
    commitAll(dir, 'utf-16 file');
    const r = await diff();
    expect(r.findings).toContainEqual({ path: 'u16.txt', type: 'my-number', line: 1 });
  });

  it('follows git line numbers in a Shift_JIS file', async () => {
    writeFiles(dir, { 'sj.txt': sjis('一行目\n二行目\n') });
    commitAll(dir, 'sjis');
    git(dir, 'branch', '-f', 'base');
    writeFiles(dir, { 'sj.txt': sjis('一行目\n二行目\n電話 090-1234-5678\n') });
    const r = await diff();
    // A mobile number is personal information: the unlabelled file is reported too (docs/appi.md).
    expect(r.findings).toEqual([
      { path: 'sj.txt', type: 'phone', line: 3 },
      { path: 'sj.txt', type: 'unlabelled-sensitive-file' },
    ]);
  });

  it('diffs from the merge base, so changes made on REF after the branch point are not blamed on the branch', async () => {
    git(dir, 'checkout', '-q', '-b', 'feature');
    writeFiles(dir, { 'feature.txt': '電話 090-1234-5678\n' });
    commitAll(dir, 'feature work');
    git(dir, 'checkout', '-q', 'base');
    writeFiles(dir, { 'keep.txt': 'nothing\nマイナンバー: 123456789018\n' });
    commitAll(dir, 'work on base');
    git(dir, 'checkout', '-q', 'feature');
    const r = await diff('base');
    expect(r.findings).toEqual([
      { path: 'feature.txt', type: 'phone', line: 1 },
      { path: 'feature.txt', type: 'unlabelled-sensitive-file' },
    ]);
  });

  it('limits to the paths given and reports a rename without re-reporting its old lines', async () => {
    git(dir, 'mv', 'old.txt', 'renamed.txt');
    writeFiles(dir, { 'other.txt': '電話 090-1234-5678\n' });
    commitAll(dir, 'rename');
    const renamed = await diff('base', 'renamed.txt');
    expect(renamed.code).toBe(0);
    expect(renamed.findings).toEqual([]);
    expect(JSON.parse(renamed.stdout).files.map((f: { path: string }) => f.path)).toEqual(['renamed.txt']);
    expect((await diff('base', 'other.txt')).findings.map((f) => f.path)).toEqual(['other.txt', 'other.txt']);
  });

  it('exits 2 with a clear message for an unknown revision', async () => {
    await expect(diff('no-such-branch')).rejects.toThrow(/exited 2/);
    const r = await jpii(diffArgs('no-such-branch', []), dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("unknown revision 'no-such-branch'");
  });
});
