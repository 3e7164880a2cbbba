/**
 * --cache for `jpii scan`: opens the cache the options name (with the digest of this scan's analyzer
 * settings and root) and writes it after the scan. Input: the scan's options. Output: a ScanCache or
 * nothing. A cache that cannot be written is a warning: it costs the next run time, not this run's report.
 */
import { resolve } from 'node:path';
import type { Io } from '../cli.js';
import type { AnalyzerConfig } from '../scan/analyzer.js';
import { VERSION } from '../scan/scan.js';
import type { ScanCliOptions } from '../scan-command.js';
import { ScanCache } from './cache.js';
import { cacheDigest } from './digest.js';

function note(io: Io, opts: ScanCliOptions, text: string): void {
  if (!opts.quiet) io.stderr.write(`${text}\n`);
}

/** --cache: results computed with --show-values are cached too (without values), but never reused for it. */
export async function openCache(opts: ScanCliOptions, analyzer: AnalyzerConfig, base: string, io: Io): Promise<ScanCache | undefined> {
  if (opts.cache === undefined) return undefined;
  return ScanCache.open({
    file: resolve(io.cwd, opts.cache),
    label: opts.cache,
    version: VERSION,
    digest: cacheDigest(analyzer, base),
    verify: opts.cacheVerify === true,
    reuse: !opts.showValues,
    maxHashSize: opts.maxFileSize,
    note: (text) => note(io, opts, text),
  });
}

export async function closeCache(cache: ScanCache, opts: ScanCliOptions, io: Io): Promise<void> {
  try {
    await cache.commit();
  } catch (error) {
    io.stderr.write(`jpii: warning: cannot write cache '${opts.cache ?? ''}': ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
  }
  note(io, opts, `jpii: cache: ${cache.stats.reused} unchanged file(s) reused, ${cache.stats.scanned} scanned`);
}
