import { describe, expect, it } from 'vitest';
import { inRanges, parseAddedLines, parseNumstat, unquotePath } from '../../src/git/diff-parse.js';
import { parseBatch } from '../../src/git/blob-store.js';
import { parseRaw } from '../../src/git/staged.js';

describe('parseNumstat', () => {
  it.each([
    ['a text file', ['3\t1\tsrc/a.txt'], [{ path: 'src/a.txt', binary: false, added: [] }]],
    ['a binary file', ['-\t-\tdocs/名簿.xlsx'], [{ path: 'docs/名簿.xlsx', binary: true, added: [] }]],
    ['a rename (old and new path follow)', ['0\t0\t', 'old.txt', 'new name.txt', '1\t0\tz.txt'], [
      { path: 'new name.txt', binary: false, added: [] },
      { path: 'z.txt', binary: false, added: [] },
    ]],
    ['a tab in a name', ['1\t0\ta\tb.txt'], [{ path: 'a\tb.txt', binary: false, added: [] }]],
  ])('%s', (_name, fields, expected) => {
    expect(parseNumstat(fields)).toEqual(expected);
  });
});

describe('unquotePath', () => {
  it.each([
    ['plain', 'b/a.txt', 'b/a.txt'],
    ['tab and quote', '"b/a\\tb\\"c.txt"', 'b/a\tb"c.txt'],
    ['octal UTF-8 bytes (core.quotePath=true)', '"b/\\345\\220\\215\\347\\260\\277.txt"', 'b/名簿.txt'],
    ['backslash', '"b/a\\\\b"', 'b/a\\b'],
  ])('%s', (_name, input, expected) => {
    expect(unquotePath(input)).toBe(expected);
  });
});

const PATCH = [
  'diff --git a/a.txt b/a.txt',
  'index 1111111..2222222 100644',
  '--- a/a.txt',
  '+++ b/a.txt',
  '@@ -2,0 +3,2 @@ context',
  '+new line 3',
  '++++ b/looks-like-a-header.txt',
  '@@ -10 +12 @@',
  '-old',
  '+new 12',
  '@@ -20,3 +21,0 @@',
  '-gone',
  '-gone',
  '-gone',
  'diff --git a/with space.txt b/with space.txt',
  'new file mode 100644',
  '--- /dev/null',
  '+++ b/with space.txt\t',
  '@@ -0,0 +1 @@',
  '+only line',
  '\\ No newline at end of file',
  'diff --git a/img.png b/img.png',
  'Binary files a/img.png and b/img.png differ',
  '',
].join('\n');

describe('parseAddedLines', () => {
  const added = parseAddedLines(PATCH);

  it('collects added ranges per new path; pure deletions add nothing', () => {
    expect(added.get('a.txt')).toEqual([
      [3, 4],
      [12, 12],
    ]);
  });

  it('never reads a hunk line as a file header, and strips the tab git puts after a name with a space', () => {
    expect([...added.keys()]).toEqual(['a.txt', 'with space.txt']);
    expect(added.get('with space.txt')).toEqual([[1, 1]]);
  });

  it.each([
    [2, false],
    [3, true],
    [4, true],
    [5, false],
    [12, true],
  ])('line %i added: %s', (line, expected) => {
    expect(inRanges(line, added.get('a.txt') ?? [])).toBe(expected);
  });
});

describe('git plumbing output', () => {
  it('parseRaw reads mode, blob id and path pairs', () => {
    const sha = 'a'.repeat(40);
    expect(parseRaw([`:000000 100644 ${'0'.repeat(40)} ${sha} A`, 'dir/名簿.csv', `:100644 120000 ${'1'.repeat(40)} ${'b'.repeat(40)} T`, 'link'])).toEqual([
      { path: 'dir/名簿.csv', sha, mode: '100644' },
      { path: 'link', sha: 'b'.repeat(40), mode: '120000' },
    ]);
  });

  it('parseBatch splits cat-file --batch output by the sizes in its headers (content may hold newlines)', () => {
    const a = Buffer.from('line1\nline2\n');
    const b = Buffer.from('電話');
    const out = Buffer.concat([Buffer.from(`aaa blob ${a.length}\n`), a, Buffer.from('\n'), Buffer.from(`bbb blob ${b.length}\n`), b, Buffer.from('\n')]);
    const blobs = parseBatch(out);
    expect(blobs.get('aaa')?.toString()).toBe('line1\nline2\n');
    expect(blobs.get('bbb')?.toString()).toBe('電話');
  });

  it('parseBatch refuses a missing object', () => {
    expect(() => parseBatch(Buffer.from('ccc missing\n'))).toThrow(/missing/);
  });
});
