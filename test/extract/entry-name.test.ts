import { describe, expect, it } from 'vitest';
import { attachmentName, safeEntryName, uniqueName } from '../../src/extract/entry-name.js';
import { archiveExtractor } from '../../src/extract/archive.js';
import { DEFAULT_LIMITS } from '../../src/extract/limits.js';
import { makeZip } from '../../scripts/make-office-fixtures.js';

describe('safeEntryName', () => {
  it.each([
    ['inner/file.csv', 'inner/file.csv', undefined],
    ['../../../../tmp/x/pwned.txt', 'tmp/x/pwned.txt', '".." segments resolved inside the container'],
    ['a/b/../../../c.txt', 'c.txt', '".." segments resolved inside the container'],
    ['/etc/passwd', 'etc/passwd', 'absolute path made relative'],
    ['C:/Windows/x.txt', 'Windows/x.txt', 'drive letter removed'],
    ['c:x.txt', 'x.txt', 'drive letter removed'],
    ['//server/share/x.txt', 'x.txt', 'absolute path made relative'],
    ['a\\..\\..\\b.txt', 'b.txt', '".." segments resolved inside the container'],
    ['a!/b.txt', 'a!_/b.txt', '"!/" (the archive-level separator) replaced'],
    ['bad\nname.txt', 'bad_name.txt', 'control characters replaced'],
    ['./a/./b.txt', 'a/b.txt', undefined],
    ['../..', 'entry-1', '".." segments resolved inside the container'],
  ])('%j → %j', (raw, name, problem) => {
    const safe = safeEntryName(raw, 'entry-1');
    expect(safe.name).toBe(name);
    if (problem) expect(safe.note).toBe(`entry name ${JSON.stringify(raw)} made safe as ${JSON.stringify(name)}: ${problem}`);
    else expect(safe.note).toBeUndefined();
  });

  it('never yields a path that leaves the container or looks absolute', () => {
    for (const raw of ['..', '/..', '....//..//x', 'a/../../..', 'C:\\..\\..\\x', '\\\\?\\C:\\x']) {
      const { name } = safeEntryName(raw, 'entry');
      expect(name.split('/')).not.toContain('..');
      expect(name).not.toMatch(/^(\/|[A-Za-z]:)/);
    }
  });
});

describe('uniqueName and attachmentName', () => {
  it('numbers a second member with the same path', () => {
    const taken = new Set<string>();
    expect([uniqueName('a.csv', taken), uniqueName('a.csv', taken), uniqueName('a.csv', taken)]).toEqual(['a.csv', 'a (2).csv', 'a (3).csv']);
  });

  it('keeps one level for an attachment and notes a name that had folders', () => {
    const taken = new Set<string>();
    expect(attachmentName('..\\..\\x.txt', 'attachment-1.bin', taken)).toEqual({ name: 'x.txt', note: 'attachment name "..\\\\..\\\\x.txt" shown as "x.txt" (one level, inside the message)' });
    expect(attachmentName('名簿.csv', 'attachment-2.bin', taken)).toEqual({ name: '名簿.csv' });
    expect(attachmentName(undefined, 'attachment-3.bin', taken)).toEqual({ name: 'attachment-3.bin' });
  });
});

describe('zip members with hostile names', () => {
  it('are normalised inside the archive, flagged in their entry, and never collide', async () => {
    const zip = makeZip([['../../../../tmp/x/pwned.txt', 'a'], ['tmp/x/pwned.txt', 'b'], ['/etc/abs.txt', 'c'], ['ok.txt', 'd']]);
    const r = await archiveExtractor.extract(new Uint8Array(zip), { name: 'x.zip', depth: 0, limits: DEFAULT_LIMITS });
    expect(r.ok && r.children?.map((c) => [c.name, c.notes?.length ?? 0])).toEqual([
      ['tmp/x/pwned.txt', 1],
      ['tmp/x/pwned (2).txt', 1],
      ['etc/abs.txt', 1],
      ['ok.txt', 0],
    ]);
    expect(r.ok && r.children?.[1]?.notes).toEqual(['renamed to "tmp/x/pwned (2).txt": another member has the same path']);
  });
});
