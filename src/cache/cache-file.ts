/**
 * The cache file: JSON lines. Line 1 is the header {jpiiCache, jpiiVersion, patternsDigest}; each further
 * line is one file on disk: {path, size, mtimeMs?, sha256?, results}. Results are stored WITHOUT the
 * findings' raw `value` (only masked values and keyed fingerprints, as in a JSON report).
 * Input: a path. Output: the entries, or why the file cannot be used. Writing goes to a temporary file that
 * is renamed over the old one at the end (atomic on one file system), mode 0600. Never throws on a bad
 * cache file: a cache is an optimisation, so any doubt means "scan again".
 */
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import type { FileResult, Finding } from '../model.js';

export const CACHE_FORMAT = 1;

export interface CacheHeader {
  jpiiCache: number;
  jpiiVersion: string;
  patternsDigest: string;
}

export interface CacheEntry {
  path: string;
  size: number;
  /** Absent when the file changed too close to the scan to trust its time (see cache.ts). */
  mtimeMs?: number;
  /** Only with --cache-verify. */
  sha256?: string;
  results: FileResult[];
}

export type CacheLoad =
  | { ok: true; entries: Map<string, CacheEntry> }
  | { ok: false; why: 'missing' | 'corrupt' | 'stale'; detail?: string };

const STATUSES = new Set(['scanned', 'skipped', 'error']);

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isFinding(x: unknown): boolean {
  return isObject(x) && typeof x.type === 'string' && typeof x.confidence === 'number' && typeof x.level === 'string' && isObject(x.location) && typeof x.masked === 'string';
}

function isResult(x: unknown): boolean {
  return (
    isObject(x) && typeof x.path === 'string' && typeof x.format === 'string' && STATUSES.has(x.status as string) &&
    Array.isArray(x.labels) && typeof x.risk === 'number' && Array.isArray(x.findings) && x.findings.every(isFinding)
  );
}

function isEntry(x: unknown): x is CacheEntry {
  return isObject(x) && typeof x.path === 'string' && typeof x.size === 'number' && Array.isArray(x.results) && x.results.every(isResult);
}

/** A finding as stored: everything but the raw value. */
function storedFinding(f: Finding): Omit<Finding, 'value'> {
  const { value: _value, ...rest } = f;
  return rest;
}

export function storedResults(results: readonly FileResult[]): FileResult[] {
  return results.map((r) => ({ ...r, findings: r.findings.map(storedFinding) as Finding[] }));
}

/** Cached results as the scan returns them; `value` is empty (a run with --show-values never uses the cache). */
export function restoredResults(results: readonly FileResult[]): FileResult[] {
  return results.map((r) => ({ ...r, findings: r.findings.map((f) => ({ ...f, value: '' })) }));
}

function parseHeader(line: string | undefined, expected: CacheHeader): CacheLoad | undefined {
  let header: unknown;
  try {
    header = JSON.parse(line ?? '');
  } catch {
    return { ok: false, why: 'corrupt', detail: 'no header' };
  }
  if (!isObject(header) || typeof header.jpiiCache !== 'number') return { ok: false, why: 'corrupt', detail: 'no header' };
  if (header.jpiiCache !== expected.jpiiCache || header.jpiiVersion !== expected.jpiiVersion) {
    return { ok: false, why: 'stale', detail: `made by jpii ${String(header.jpiiVersion)}` };
  }
  if (header.patternsDigest !== expected.patternsDigest) return { ok: false, why: 'stale', detail: 'made with other patterns or options' };
  return undefined;
}

/** Reads line by line, so a cache of a million files never becomes one giant string. */
export async function readCacheFile(file: string, expected: CacheHeader): Promise<CacheLoad> {
  const entries = new Map<string, CacheEntry>();
  let first = true;
  const input = createReadStream(file);
  try {
    for await (const line of createInterface({ input, crlfDelay: Infinity })) {
      if (first) {
        first = false;
        const bad = parseHeader(line, expected);
        if (bad) return bad;
      } else if (line !== '') {
        const entry: unknown = JSON.parse(line);
        if (!isEntry(entry)) return { ok: false, why: 'corrupt', detail: `line ${entries.size + 2}` };
        entries.set(entry.path, entry);
      }
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, why: 'missing' };
    return { ok: false, why: 'corrupt', detail: code ?? `line ${entries.size + 2}` };
  } finally {
    input.destroy();
  }
  return first ? { ok: false, why: 'corrupt', detail: 'empty file' } : { ok: true, entries };
}

/** Streams entries to `FILE.PID.tmp`; commit() renames it over FILE, abort() removes it. */
export class CacheWriter {
  private readonly tmp: string;
  private readonly out: WriteStream;
  private failure: Error | undefined;

  constructor(
    private readonly file: string,
    header: CacheHeader,
  ) {
    this.tmp = `${file}.${process.pid}.tmp`;
    this.out = createWriteStream(this.tmp, { mode: 0o600 });
    this.out.on('error', (error) => void (this.failure ??= error));
    this.out.write(`${JSON.stringify(header)}\n`);
  }

  add(entry: CacheEntry): void {
    if (!this.failure) this.out.write(`${JSON.stringify(entry)}\n`);
  }

  /** Throws the first write error (the old cache file is then left as it was). */
  async commit(): Promise<void> {
    this.out.end();
    await finished(this.out).catch((error: Error) => void (this.failure ??= error));
    if (this.failure) {
      await unlink(this.tmp).catch(() => undefined);
      throw this.failure;
    }
    await rename(this.tmp, this.file);
  }

  async abort(): Promise<void> {
    this.out.destroy();
    await unlink(this.tmp).catch(() => undefined);
  }
}
