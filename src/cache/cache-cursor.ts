/**
 * The old cache read as a sorted stream beside the walk (a merge-join): both are in report order
 * (`comparePaths`), so the entry for a path is found by skipping the entries before it (files gone from the
 * tree) and stopping at the first one after it (the path is new). Memory stays at one look-ahead entry and
 * one read chunk, whatever the size of the cache.
 * Input: the cache file and the header this scan would write; then paths, in walk order. Output: the entry
 * of each path, or nothing. Never throws on a bad cache and never returns an entry of another path: a
 * corrupt line ends the reading (reported once), an out-of-order file only costs misses.
 */
import { createReadStream } from 'node:fs';
import { comparePaths } from '../model.js';
import { isEntry, parseHeader, type CacheEntry, type CacheHeader, type CacheUnusable } from './cache-file.js';

export type CursorOpen = { ok: true; cursor: CacheCursor } | CacheUnusable;

/** Lines of a file, one read chunk at a time (the stream's backpressure: nothing is read ahead of the consumer). */
async function* linesOf(file: string): AsyncGenerator<string, void, undefined> {
  const input = createReadStream(file, { encoding: 'utf8' });
  try {
    // Pieces of a line longer than a chunk are joined once, not re-concatenated per chunk.
    let pending: string[] = [];
    for await (const chunk of input as AsyncIterable<string>) {
      let from = 0;
      for (let nl = chunk.indexOf('\n', from); nl !== -1; nl = chunk.indexOf('\n', from)) {
        pending.push(chunk.slice(from, nl));
        yield pending.join('').replace(/\r$/, '');
        pending = [];
        from = nl + 1;
      }
      if (from < chunk.length) pending.push(chunk.slice(from));
    }
    if (pending.length > 0) yield pending.join('').replace(/\r$/, '');
  } finally {
    input.destroy();
  }
}

/** Checks the header (missing, corrupt and stale files are not used); the cursor then stands on line 2. */
export async function openCursor(file: string, expected: CacheHeader, onCorrupt: (detail: string) => void): Promise<CursorOpen> {
  return openLines(linesOf(file), expected, onCorrupt);
}

/** openCursor over any source of lines (tests count what is pulled). */
export async function openLines(lines: AsyncIterator<string>, expected: CacheHeader, onCorrupt: (detail: string) => void): Promise<CursorOpen> {
  let first: IteratorResult<string>;
  try {
    first = await lines.next();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? { ok: false, why: 'missing' } : { ok: false, why: 'corrupt', detail: code ?? 'line 1' };
  }
  const bad = first.done ? ({ ok: false, why: 'corrupt', detail: 'empty file' } as const) : parseHeader(first.value, expected);
  if (!bad) return { ok: true, cursor: new CacheCursor(lines, onCorrupt) };
  await lines.return?.().catch(() => undefined);
  return bad;
}

export class CacheCursor {
  /** The first entry not yet passed: the only entry of the old cache held. */
  private ahead: CacheEntry | undefined;
  private line = 1;
  private closed = false;

  constructor(
    private readonly lines: AsyncIterator<string>,
    private readonly onCorrupt: (detail: string) => void,
  ) {}

  /** The entry of `path`; call in walk order, one call at a time (each moves the cursor). */
  async find(path: string): Promise<CacheEntry | undefined> {
    for (;;) {
      const head = this.ahead ?? (await this.read());
      if (head === undefined) return undefined;
      const order = comparePaths(head.path, path);
      // Behind the walk: a file that is gone (or, in an out-of-order file, one already passed: a miss).
      this.ahead = order > 0 ? head : undefined;
      if (order === 0) return head;
      if (order > 0) return undefined; // a new file: the entry waits for its own path
    }
  }

  /** Releases the file (idempotent); every later find() is a miss. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.ahead = undefined;
    void this.lines.return?.().catch(() => undefined);
  }

  /** The next entry, skipping blank lines; undefined at the end, after a close or a corrupt line. */
  private async read(): Promise<CacheEntry | undefined> {
    while (!this.closed) {
      let next: IteratorResult<string>;
      try {
        next = await this.lines.next();
      } catch (error) {
        return this.corrupt((error as NodeJS.ErrnoException).code ?? `line ${this.line + 1}`);
      }
      if (this.closed) return undefined; // closed (abort) while the line was being read
      if (next.done) return void this.close();
      this.line++;
      if (next.value === '') continue;
      const entry = parse(next.value);
      if (entry === undefined) return this.corrupt(`line ${this.line}`);
      return entry;
    }
    return undefined;
  }

  private corrupt(detail: string): undefined {
    if (!this.closed) this.onCorrupt(detail);
    this.close();
    return undefined;
  }
}

function parse(line: string): CacheEntry | undefined {
  try {
    const entry: unknown = JSON.parse(line);
    return isEntry(entry) ? entry : undefined;
  } catch {
    return undefined;
  }
}
