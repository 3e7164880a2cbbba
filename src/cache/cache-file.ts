/**
 * The cache file: JSON lines. Line 1 is the header {jpiiCache, jpiiVersion, patternsDigest}; each further
 * line is one file on disk: {path, size, mtimeMs?, sha256?, results}, in report order (`comparePaths`), so
 * the next run can read it as a sorted stream beside its walk (cache-cursor.ts). Results are stored WITHOUT
 * the findings' raw `value` (only masked values and keyed fingerprints, as in a JSON report).
 * Input: a header line or an entry line. Output: whether it can be used (parseHeader, isEntry); results as
 * stored and as restored. Reading is cache-cursor.ts, writing cache-writer.ts. Never throws on a bad cache
 * file: a cache is an optimisation, so any doubt means "scan again".
 */
import type { FileResult, Finding } from '../model.js';

/** 2: entries in report order (`comparePaths`), which the merge-join in cache-cursor.ts relies on; 1 was in completion order. */
export const CACHE_FORMAT = 2;

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

/** Why an old cache file cannot be used (nothing of it is then reused). */
export interface CacheUnusable {
  ok: false;
  why: 'missing' | 'corrupt' | 'stale';
  detail?: string;
}

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

export function isEntry(x: unknown): x is CacheEntry {
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

/** Undefined when the header line is the one this scan would write. */
export function parseHeader(line: string | undefined, expected: CacheHeader): CacheUnusable | undefined {
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
