import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { keepNamedRoots } from '../../src/walk/named-roots.js';
import { initRepo, jpii, pathsWithFindings, tempDir, writeFiles } from './run.js';

// Synthetic My Number (check digit valid), the same in every file: only which files are read matters here.
const PII = 'マイナンバー: 123456789018\n';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('jpii-roots-')));
afterEach(() => cleanup());

const scan = async (args: string[], cwd = dir) => {
  const r = await jpii(['scan', '--format', 'json', '--fail-on', 'never', ...args], cwd);
  return { paths: pathsWithFindings(r.stdout), summary: JSON.parse(r.stdout).summary, stderr: r.stderr };
};

/** A git work tree whose .gitignore lists node_modules, build/ and *.log. */
function repo(): void {
  initRepo(dir);
  writeFiles(dir, {
    '.gitignore': 'node_modules\nbuild/\n*.log\n',
    'node_modules/pkg/readme.txt': PII,
    'node_modules/pkg/debug.log': PII,
    'node_modules/pkg/node_modules/inner/x.txt': PII,
    'build/out.txt': PII,
    'src/a.txt': PII,
  });
}

describe('a folder named on the command line is walked; the rules apply below it', () => {
  it('scans node_modules named as the root inside a git work tree whose .gitignore lists it', async () => {
    repo();
    const r = await scan(['node_modules']);
    // *.log still applies below the root, and so does the node_modules default (the nested one).
    expect(r.paths).toEqual(['node_modules/pkg/readme.txt']);
    expect(r.summary.excluded).toEqual({ gitignore: { files: 1, folders: 0 } });
  });

  it('scans it from inside (cd node_modules; jpii scan .) and when named deeper (node_modules/pkg)', async () => {
    repo();
    expect((await scan(['.'], join(dir, 'node_modules'))).paths).toEqual(['pkg/readme.txt']);
    expect((await scan(['node_modules/pkg'])).paths).toEqual(['node_modules/pkg/readme.txt']);
    expect((await scan(['build'])).paths).toEqual(['build/out.txt']);
  });

  it('leaves a walk from the top as it was: ignored folders stay out and are counted', async () => {
    repo();
    const r = await scan([]);
    expect(r.paths).toEqual(['src/a.txt']);
    // node_modules is a default skip (not counted); build/ is the .gitignore's.
    expect(r.summary.excluded).toEqual({ gitignore: { files: 0, folders: 1 } });
    expect(r.stderr).toContain('jpii: 1 folder excluded by .gitignore, not scanned (--no-ignore scans them)');
    const all = await scan(['--no-ignore']);
    expect(all.paths).toEqual(['build/out.txt', 'src/a.txt']);
    expect(all.summary.excluded).toBeUndefined();
  });

  it('walks a folder .jpiiignore lists when it is named, while a file it lists stays excluded (and counted)', async () => {
    writeFiles(dir, { '.jpiiignore': 'fixtures/\n', 'fixtures/c.txt': PII, 'fixtures/sub/d.txt': PII, 'a.txt': PII });
    expect((await scan(['fixtures'])).paths).toEqual(['fixtures/c.txt', 'fixtures/sub/d.txt']);
    const files = await scan(['fixtures/c.txt', 'a.txt']);
    expect(files.paths).toEqual(['a.txt']);
    expect(files.summary.excluded).toEqual({ jpiiignore: { files: 1, folders: 0 } });
  });

  it('counts --exclude by its own source, and says it in the text report', async () => {
    writeFiles(dir, { 'a.txt': PII, 'b.txt': PII, 'old/c.txt': PII });
    const r = await scan(['--exclude', 'b.txt', '--exclude', 'old/']);
    expect(r.summary.excluded).toEqual({ exclude: { files: 1, folders: 1 } });
    const text = await jpii(['scan', '--fail-on', 'never', '--exclude', 'b.txt', '--exclude', 'old/'], dir);
    expect(text.stdout).toContain('1 file and 1 folder excluded by --exclude, not scanned');
  });
});

describe('keepNamedRoots (src/walk/named-roots.ts)', () => {
  it('re-includes each folder from below the rule file down to the named folder, escaped', () => {
    expect(keepNamedRoots('/r', ['/r/a/node_modules'])).toEqual(['!/a/', '!/a/node_modules/']);
    expect(keepNamedRoots('/r', ['/r/[x]*!#'])).toEqual(['!/\\[x\\]\\*\\!\\#/']);
    expect(keepNamedRoots('/r', ['/r', '/other', '/r/../x'])).toEqual([]);
  });
});
