/**
 * Bounded memory, shown by structure rather than timing: the old-cache cursor pulls lines only as far as
 * the path looked up plus one look-ahead entry, releases its source at the end and on close, and the writer
 * holds only the entries that wait for an earlier file.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CacheHeader } from '../../src/cache/cache-file.js';
import { CacheWriter } from '../../src/cache/cache-writer.js';
import { openCursor, openLines } from '../../src/cache/cache-cursor.js';
import { tempDir } from '../cli/run.js';

const HEADER: CacheHeader = { jpiiCache: 2, jpiiVersion: '9.9.9', patternsDigest: 'd1' };
const entryLine = (path: string): string => JSON.stringify({ path, size: 1, mtimeMs: 1, results: [] });
const name = (i: number): string => `f${String(i).padStart(4, '0')}`;

/** A line source that counts what was pulled and whether it was released. */
function source(lines: string[]): { lines: AsyncGenerator<string>; pulled: () => number; released: () => boolean } {
  let pulled = 0;
  let released = false;
  async function* gen(): AsyncGenerator<string> {
    try {
      for (const line of lines) {
        pulled++;
        yield line;
      }
    } finally {
      released = true;
    }
  }
  return { lines: gen(), pulled: () => pulled, released: () => released };
}

async function cursorOver(lines: string[], notes: string[] = []) {
  const src = source([JSON.stringify(HEADER), ...lines]);
  const opened = await openLines(src.lines, HEADER, (d) => void notes.push(d));
  if (!opened.ok) throw new Error(opened.why);
  return { cursor: opened.cursor, ...src };
}

describe('CacheCursor', () => {
  it('reads no further than the path looked up plus one look-ahead entry', async () => {
    const { cursor, pulled, released } = await cursorOver(Array.from({ length: 1000 }, (_, i) => entryLine(name(i))));
    expect(pulled()).toBe(1); // the header only
    for (let i = 0; i < 1000; i += 10) {
      expect((await cursor.find(name(i)))?.path).toBe(name(i));
      expect(pulled()).toBe(1 + i + 1); // header, entries 0..i, nothing ahead
      expect(await cursor.find(`${name(i)}x`)).toBeUndefined(); // a new file between two cached ones
      expect(pulled()).toBe(1 + i + 2); // exactly one entry ahead is held
    }
    expect(released()).toBe(false);
    expect(await cursor.find('zzz')).toBeUndefined();
    expect(released()).toBe(true); // the end releases the file
  });

  it('close() releases the source and turns every later lookup into a miss', async () => {
    const { cursor, released } = await cursorOver(['a', 'b', 'c'].map(entryLine));
    expect((await cursor.find('a'))?.path).toBe('a');
    cursor.close();
    await new Promise((r) => setImmediate(r));
    expect(released()).toBe(true);
    expect(await cursor.find('b')).toBeUndefined();
  });

  it('close() while a line is being read (abort): the lookup is a miss, no note, the source is released', async () => {
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    let released = false;
    async function* slow(): AsyncGenerator<string> {
      try {
        yield JSON.stringify(HEADER);
        await gate;
        yield entryLine('a');
      } finally {
        released = true;
      }
    }
    const notes: string[] = [];
    const opened = await openLines(slow(), HEADER, (d) => void notes.push(d));
    if (!opened.ok) throw new Error(opened.why);
    const pending = opened.cursor.find('a');
    opened.cursor.close();
    open();
    expect(await pending).toBeUndefined();
    await new Promise((r) => setImmediate(r));
    expect(released).toBe(true);
    expect(notes).toEqual([]);
  });

  it('a corrupt line stops the reading with one note, after the entries before it', async () => {
    const notes: string[] = [];
    const { cursor, released } = await cursorOver([entryLine('a'), '', 'garbage', entryLine('c')], notes);
    expect((await cursor.find('a'))?.path).toBe('a');
    expect(await cursor.find('c')).toBeUndefined();
    expect(await cursor.find('d')).toBeUndefined();
    expect(notes).toEqual(['line 4']);
    expect(released()).toBe(true);
  });

  it('header problems are reported as before: missing, empty, no header, stale', async () => {
    const { dir, cleanup } = tempDir('jpii-cursor-');
    try {
      const file = join(dir, 'c.jsonl');
      const open = (): ReturnType<typeof openCursor> => openCursor(file, HEADER, () => undefined);
      expect(await open()).toEqual({ ok: false, why: 'missing' });
      writeFileSync(file, '');
      expect(await open()).toEqual({ ok: false, why: 'corrupt', detail: 'empty file' });
      writeFileSync(file, 'not json\n');
      expect(await open()).toEqual({ ok: false, why: 'corrupt', detail: 'no header' });
      writeFileSync(file, `${JSON.stringify({ ...HEADER, jpiiCache: 1 })}\n`);
      expect(await open()).toEqual({ ok: false, why: 'stale', detail: 'made by jpii 9.9.9' });
      writeFileSync(file, `${JSON.stringify(HEADER)}\r\n${entryLine('a')}\r\n${entryLine('b')}`); // CRLF, no final newline
      const opened = await open();
      expect(opened.ok && (await opened.cursor.find('b'))?.path).toBe('b');
    } finally {
      cleanup();
    }
  });
});

describe('CacheWriter', () => {
  it('holds only entries waiting for an earlier slot, and writes them in slot order', async () => {
    const { dir, cleanup } = tempDir('jpii-writer-');
    try {
      const file = join(dir, 'c.jsonl');
      const writer = new CacheWriter(file, HEADER);
      const slots = [0, 1, 2, 3].map(() => writer.reserve());
      const entry = (path: string) => ({ path, size: 1, results: [] });
      writer.fill(slots[3]!, entry('d'));
      writer.fill(slots[2]!, undefined); // a failed file: nothing, but its slot is done
      writer.fill(slots[1]!, entry('b'));
      expect(writer.waiting).toBe(3);
      writer.fill(slots[0]!, entry('a'));
      expect(writer.waiting).toBe(0);
      await writer.commit();
      expect(readFileSync(file, 'utf8').split('\n').slice(1, -1).map((l) => (JSON.parse(l) as { path: string }).path)).toEqual(['a', 'b', 'd']);
    } finally {
      cleanup();
    }
  });

  it('writes a private file (mode 0600) and keeps a write error for commit(), leaving no temporary file', async () => {
    const { dir, cleanup } = tempDir('jpii-writer-');
    try {
      const file = join(dir, 'c.jsonl');
      const writer = new CacheWriter(file, HEADER);
      writer.fill(writer.reserve(), { path: 'a', size: 1, results: [] });
      await writer.commit();
      expect(statSync(file).mode & 0o077).toBe(0);
      const broken = new CacheWriter(join(dir, 'missing', 'c.jsonl'), HEADER);
      broken.fill(broken.reserve(), { path: 'a', size: 1, results: [] });
      await expect(broken.commit()).rejects.toMatchObject({ code: 'ENOENT' });
      const aborted = new CacheWriter(join(dir, 'd.jsonl'), HEADER);
      await aborted.abort();
      expect(readdirSync(dir)).toEqual(['c.jsonl']);
    } finally {
      cleanup();
    }
  });
});
