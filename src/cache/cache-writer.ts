/**
 * Writes the new cache file (format: cache-file.ts) in walk order while the scan goes on, to a temporary
 * file renamed over the old one at the end (atomic on one file system), mode 0600.
 * Input: entries tagged with the walk position of their file. Output: the file. Never holds more than the
 * entries waiting for an earlier file and one chunk of text; a write error is kept for commit() to throw.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import type { CacheEntry, CacheHeader } from './cache-file.js';

/** Characters of finished lines kept before they are written out. */
const BUFFER_CHARS = 1 << 18;

/**
 * Writes entries to `FILE.PID.tmp` in walk order whatever order they finish in: each file takes a slot
 * (reserve) when it starts and fills it when done, with an entry or nothing (a failed file). Only entries
 * waiting for an earlier slot are held, which the scanner bounds (files in flight, its reorder window).
 * Writes are synchronous, in chunks: a scan that reads files synchronously leaves an asynchronous stream no
 * turn to flush, and its buffer grew to the whole cache. commit() renames the file over FILE, abort() removes it.
 */
export class CacheWriter {
  private readonly tmp: string;
  private fd: number | undefined;
  private failure: Error | undefined;
  private taken = 0;
  private next = 0;
  /** Finished slots after a gap, as written lines ('' for nothing): strings are smaller than the results. */
  private readonly early = new Map<number, string>();
  private parts: string[] = [];
  private chars = 0;

  constructor(
    private readonly file: string,
    header: CacheHeader,
  ) {
    this.tmp = `${file}.${process.pid}.tmp`;
    try {
      this.fd = openSync(this.tmp, 'w', 0o600);
    } catch (error) {
      this.failure = error as Error; // reported by commit(): the scan goes on without a cache
    }
    this.write(`${JSON.stringify(header)}\n`);
  }

  /** The next slot in walk order; call in walk order. */
  reserve(): number {
    return this.taken++;
  }

  /** Fills a slot; every slot reserved must be filled once (with undefined when nothing is saved). */
  fill(slot: number, entry: CacheEntry | undefined): void {
    this.early.set(slot, entry === undefined ? '' : `${JSON.stringify(entry)}\n`);
    for (let line = this.early.get(this.next); line !== undefined; line = this.early.get(this.next)) {
      this.early.delete(this.next++);
      this.write(line);
    }
  }

  /** Finished entries held back by an earlier slot (tests: what the ordering holds). */
  get waiting(): number {
    return this.early.size;
  }

  /** Throws the first write error (the old cache file is then left as it was). */
  async commit(): Promise<void> {
    // Only if a caller commits with files still in flight: what is done is still in order, minus the gaps.
    for (const slot of [...this.early.keys()].sort((a, b) => a - b)) this.write(this.early.get(slot) ?? '');
    this.early.clear();
    this.flush();
    this.close();
    if (this.failure) {
      await unlink(this.tmp).catch(() => undefined);
      throw this.failure;
    }
    await rename(this.tmp, this.file);
  }

  async abort(): Promise<void> {
    this.early.clear();
    this.parts = [];
    this.close();
    await unlink(this.tmp).catch(() => undefined);
  }

  private write(line: string): void {
    if (line === '' || this.fd === undefined || this.failure) return;
    this.parts.push(line);
    this.chars += line.length;
    if (this.chars >= BUFFER_CHARS) this.flush();
  }

  private flush(): void {
    const bytes = Buffer.from(this.parts.join(''), 'utf8');
    this.parts = [];
    this.chars = 0;
    if (this.fd === undefined || this.failure) return;
    try {
      for (let at = 0; at < bytes.length; ) at += writeSync(this.fd, bytes, at);
    } catch (error) {
      this.failure = error as Error;
    }
  }

  private close(): void {
    if (this.fd === undefined) return;
    try {
      closeSync(this.fd);
    } catch (error) {
      this.failure ??= error as Error;
    }
    this.fd = undefined;
  }
}
