/**
 * Incremental scans (`--cache FILE`): a file whose size and modification time match its cache entry is not
 * read; its cached results are reported as if it had been scanned. With `verify`, every file is read and
 * hashed (SHA-256) and the hash decides instead of the time, which also survives a fresh checkout.
 * Input: each FileRef with the function that would analyze it. Output: its results, from the cache or fresh.
 * The new cache is streamed to disk as the scan goes (entries of this run only), and the loaded entries are
 * dropped as they are consumed, so memory does not grow with the cache beyond the initial load.
 * Never stores a finding's raw value, never caches a file whose scan failed (status `error`): it is retried.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { FileRef, FileResult } from '../model.js';
import { CACHE_FORMAT, CacheWriter, readCacheFile, restoredResults, storedResults, type CacheEntry, type CacheHeader } from './cache-file.js';

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

  private constructor(
    private readonly opts: CacheOptions,
    private readonly entries: Map<string, CacheEntry>,
    private readonly writer: CacheWriter,
  ) {
    this.startedAt = opts.now ?? Date.now();
  }

  /** Loads FILE (missing: empty; other version, patterns or options: ignored with a note; corrupt: warning). */
  static async open(opts: CacheOptions): Promise<ScanCache> {
    const header: CacheHeader = { jpiiCache: CACHE_FORMAT, jpiiVersion: opts.version, patternsDigest: opts.digest };
    const loaded = await readCacheFile(opts.file, header);
    const name = opts.label ?? opts.file;
    if (!loaded.ok && loaded.why === 'corrupt') opts.note(`jpii: warning: cache '${name}' is corrupt (${loaded.detail ?? 'unreadable'}); ignored, every file is scanned`);
    if (!loaded.ok && loaded.why === 'stale') opts.note(`jpii: cache '${name}' was ${loaded.detail ?? 'made differently'}; ignored, every file is scanned`);
    return new ScanCache(opts, loaded.ok ? loaded.entries : new Map(), new CacheWriter(opts.file, header));
  }

  async through(ref: FileRef, analyze: (ref: FileRef) => Promise<FileResult[]>): Promise<FileResult[]> {
    if (ref.mtimeMs === undefined) return analyze(ref); // not a file on disk (git blob)
    const old = this.entries.get(ref.relPath);
    this.entries.delete(ref.relPath);
    const sha = this.opts.verify && ref.size <= this.opts.maxHashSize ? await sha256Of(ref.absPath) : undefined;
    if (old && this.opts.reuse && this.unchanged(old, ref, sha)) {
      this.stats.reused++;
      this.save(ref, old.results, sha ?? old.sha256);
      return restoredResults(old.results);
    }
    const results = await analyze(ref);
    this.stats.scanned++;
    if (!results.some((r) => r.status === 'error')) this.save(ref, storedResults(results), sha);
    return results;
  }

  async commit(): Promise<void> {
    await this.writer.commit();
  }

  async abort(): Promise<void> {
    await this.writer.abort();
  }

  private unchanged(old: CacheEntry, ref: FileRef, sha: string | undefined): boolean {
    if (old.size !== ref.size) return false;
    if (this.opts.verify) return sha !== undefined && old.sha256 === sha;
    return old.mtimeMs !== undefined && old.mtimeMs === ref.mtimeMs;
  }

  private save(ref: FileRef, results: FileResult[], sha: string | undefined): void {
    const trusted = ref.mtimeMs !== undefined && ref.mtimeMs < this.startedAt - RACY_MS;
    this.writer.add({
      path: ref.relPath,
      size: ref.size,
      ...(trusted ? { mtimeMs: ref.mtimeMs } : {}),
      ...(sha === undefined ? {} : { sha256: sha }),
      results,
    });
  }
}
