/**
 * The cache's validity key: a digest of everything that changes a file's results besides its bytes — the
 * built-in pattern and data files, custom patterns, label words, --min-confidence, --types, disabled
 * detectors, allowlists, limits, the fingerprint key (through a keyed hash, never the key itself) and the
 * scan root (report paths and fingerprints are relative to it).
 * Input: the analyzer configuration and the root. Output: a hex SHA-256. Never stores or prints the key.
 */
import { createHash, createHmac } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PATTERNS_DIR, builtinPatternFiles } from '../patterns/load.js';
import type { AnalyzerConfig } from '../scan/analyzer.js';

const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

/** JSON with object keys sorted, so the digest does not depend on the order options were built in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function listData(): string[] {
  try {
    return readdirSync(DATA_DIR).filter((f) => !f.endsWith('.md')).sort().map((f) => join(DATA_DIR, f));
  } catch {
    return [];
  }
}

/** The shipped pattern files, label vocabulary and data files, by content (about 150 KB to read). */
function builtinDigest(): string {
  const hash = createHash('sha256');
  for (const file of [...builtinPatternFiles(), join(PATTERNS_DIR, 'labels.yaml'), ...listData()]) {
    hash.update(basename(file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

export function cacheDigest(config: AnalyzerConfig, base: string): string {
  const { fingerprintKey, ...rest } = config;
  const key = fingerprintKey ? createHmac('sha256', fingerprintKey).update('jpii cache key check').digest('hex') : '';
  return createHash('sha256').update(canonicalJson({ builtins: builtinDigest(), analyzer: rest, key, base })).digest('hex');
}
