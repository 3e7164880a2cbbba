/**
 * Incremental scans (`--cache FILE`): a file whose size and modification time match its cache entry is not
 * read; its cached results are reported as if it had been scanned. With `verify`, every file is read and
 * hashed (SHA-256) and the hash decides instead of the time, which also survives a fresh checkout.
 * Input: each FileRef, in walk order, with the function that would analyze it. Output: its results, from
 * the cache or fresh. The old cache is read as a sorted stream beside the walk (cache-cursor.ts) and the new
 * one is written in walk order as files finish (cache-writer.ts), so memory does not grow with the tree.
 * Never stores a finding's raw value, never caches a file whose scan failed (status `error`): it is retried.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { FileRef, FileResult } from '../model.js';
import { CACHE_FORMAT, restoredResults, storedResults, type CacheEntry, type CacheHeader } from './cache-file.js';
import { openCursor, type CacheCursor } from './cache-cursor.js';
import { CacheWriter } from './cache-writer.js';

/**
 * A file modified this close before the scan started could change again within the same timestamp tick
 * (2 s on FAT and some SMB shares) after it was read; its time is not trusted (git's "racily clean" rule).
 */
export const RACY_MS = 2000;

export interface CacheOptions {
  file: string;
  /** The file as the user wrote it, for messages (default: file). */
  label?: string;
  version: string;
  digest: string;
  /** Hash contents instead of trusting size + mtime. */
  verify: boolean;
  /** False with --show-values: cached results carry no values, so every file is scanned (the cache is still written). */
  reuse: boolean;
  /** Files above this are not hashed (they are skipped unread whatever their content). */
  maxHashSize: number;
  /** Notes for stderr (why a cache file was ignored). */
  note: (text: string) => void;
  /** Scan start time (tests). */
  now?: number;
}

export interface CacheStats {
  reused: number;
  scanned: number;
}

async function sha256Of(path: string): Promise<string | undefined> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  } catch {
    return undefined;
  }
  return hash.digest('hex');
}

export class ScanCache {
  readonly stats: CacheStats = { reused: 0, scanned: 0 };
  private readonly startedAt: number;
  /** Lookups in call order: each moves the one cursor, so the next waits for it. Never rejects. */
  private lookups: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly opts: CacheOptions,
    private readonly cursor: CacheCursor | undefined,
    private readonly writer: CacheWriter,
  ) {
    this.startedAt = opts.now ?? Date.now();
  }

  /** Opens FILE (missing: empty; other version, patterns or options: ignored with a note; corrupt: warning). */
  static async open(opts: CacheOptions): Promise<ScanCache> {
    const header: CacheHeader = { jpiiCache: CACHE_FORMAT, jpiiVersion: opts.version, patternsDigest: opts.digest };
    const name = opts.label ?? opts.file;
    const corruptAt = (detail: string): void => opts.note(`jpii: warning: cache '${name}' is corrupt (${detail}); the rest is ignored, every later file is scanned`);
    const opened = await openCursor(opts.file, header, corruptAt);
    if (!opened.ok && opened.why === 'corrupt') opts.note(`jpii: warning: cache '${name}' is corrupt (${opened.detail ?? 'unreadable'}); ignored, every file is scanned`);
    if (!opened.ok && opened.why === 'stale') opts.note(`jpii: cache '${name}' was ${opened.detail ?? 'made differently'}; ignored, every file is scanned`);
    const cursor = opened.ok ? opened.cursor : undefined;
    if (!opts.reuse) cursor?.close(); // --show-values: the header was checked (and noted); no entry is used
    return new ScanCache(opts, cursor, new CacheWriter(opts.file, header));
  }

  /** Call in walk order: the slot in the new file and the lookup in the old one are taken before any await. */
  async through(ref: FileRef, analyze: (ref: FileRef) => Promise<FileResult[]>): Promise<FileResult[]> {
    const slot = this.writer.reserve();
    let saved: CacheEntry | undefined;
    try {
      if (ref.mtimeMs === undefined) return await analyze(ref); // not a file on disk (git blob)
      const found = this.lookup(ref.relPath);
      const sha = this.opts.verify && ref.size <= this.opts.maxHashSize ? await sha256Of(ref.absPath) : undefined;
      const old = await found;
      if (old && this.opts.reuse && this.unchanged(old, ref, sha)) {
        this.stats.reused++;
        saved = this.entry(ref, old.results, sha ?? old.sha256);
        return restoredResults(old.results);
      }
      const results = await analyze(ref);
      this.stats.scanned++;
      if (!results.some((r) => r.status === 'error')) saved = this.entry(ref, storedResults(results), sha);
      return results;
    } finally {
      // Filled even when nothing is saved (or analyze threw), or every later entry would wait forever.
      this.writer.fill(slot, saved);
    }
  }

  async commit(): Promise<void> {
    this.cursor?.close();
    await this.writer.commit();
  }

  async abort(): Promise<void> {
    this.cursor?.close();
    await this.writer.abort();
  }

  private lookup(path: string): Promise<CacheEntry | undefined> {
    const cursor = this.cursor;
    if (!cursor) return Promise.resolve(undefined);
    const found = this.lookups.then(() => cursor.find(path));
    // The chain holds no entry: only the caller keeps its own.
    this.lookups = found.then(
      () => undefined,
      () => undefined,
    );
    return found;
  }

  private unchanged(old: CacheEntry, ref: FileRef, sha: string | undefined): boolean {
    if (old.size !== ref.size) return false;
    if (this.opts.verify) return sha !== undefined && old.sha256 === sha;
    return old.mtimeMs !== undefined && old.mtimeMs === ref.mtimeMs;
  }

  private entry(ref: FileRef, results: FileResult[], sha: string | undefined): CacheEntry {
    const trusted = ref.mtimeMs !== undefined && ref.mtimeMs < this.startedAt - RACY_MS;
    return {
      path: ref.relPath,
      size: ref.size,
      ...(trusted ? { mtimeMs: ref.mtimeMs } : {}),
      ...(sha === undefined ? {} : { sha256: sha }),
      results,
    };
  }
}
