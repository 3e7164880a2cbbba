/**
 * The orchestrator: the only module that wires walk → (extract → normalize → detect → score) → results.
 * Small scans run in this thread (no worker start-up cost for a pre-commit hook); larger ones go to a
 * worker pool of --jobs threads. Results are sorted by path, so output is identical for any --jobs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FileRef, FileResult, ScanResult, ScanSummary } from '../model.js';
import { walk, type WalkItem } from '../walk/walk.js';
import type { AnalyzeOptions } from './analyze-file.js';
import { buildAnalyzer, type AnalyzerConfig } from './analyzer.js';
import { WorkerPool } from './pool.js';
import { processFile } from './process-file.js';

export interface Progress {
  files: number;
  bytes: number;
  errors: number;
  current: string;
  done: boolean;
}

export interface ScanOptions {
  roots: readonly string[];
  base: string;
  jobs: number;
  analyzer: AnalyzerConfig;
  ignored?: (relPath: string, isDir: boolean) => boolean;
  /** Pre-made file list instead of a walk (--staged, file lists from hooks). */
  files?: AsyncIterable<WalkItem> | Iterable<WalkItem>;
  /** Analyze bytes that do not come from disk (git index blobs); default reads the file. */
  process?: (ref: FileRef, analyzer: AnalyzeOptions) => Promise<FileResult[]>;
  onProgress?: (p: Progress) => void;
}

/** Below this many files, worker start-up costs more than it saves. */
const IN_PROCESS_MAX = 48;

export const VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

function workerScript(): URL | undefined {
  const here = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  const built = new URL('../../dist/scan/worker.js', import.meta.url);
  return existsSync(fileURLToPath(built)) ? built : undefined;
}

export function summarize(files: readonly FileResult[]): ScanSummary {
  const s: ScanSummary = { files: files.length, scanned: 0, skipped: 0, errors: 0, findings: 0, suppressed: 0, byType: {} };
  for (const f of files) {
    if (f.status === 'scanned') s.scanned++;
    else if (f.status === 'skipped') s.skipped++;
    else s.errors++;
    for (const x of f.findings) {
      if (x.suppressed) {
        s.suppressed++;
        continue;
      }
      s.findings++;
      s.byType[x.type] = (s.byType[x.type] ?? 0) + 1;
    }
  }
  return s;
}

function problemResult(item: Extract<WalkItem, { kind: 'problem' }>): FileResult {
  return { path: item.relPath, format: 'unknown', status: item.status, reason: item.reason, labels: [], labelled: false, risk: 0, sensitive: false, findings: [] };
}

export async function scan(opts: ScanOptions): Promise<ScanResult> {
  const analyzer = buildAnalyzer(opts.analyzer);
  const run = opts.process ?? processFile;
  const results: FileResult[] = [];
  const progress: Progress = { files: 0, bytes: 0, errors: 0, current: '', done: false };
  const pending = new Set<Promise<void>>();
  const buffered: FileRef[] = [];
  let pool: WorkerPool | undefined;
  let decided = false;
  const script = opts.process ? undefined : workerScript();
  const limit = Math.max(1, opts.jobs) * 2;

  const record = (rs: FileResult[]): void => {
    for (const r of rs) {
      results.push(r);
      if (r.status === 'error') progress.errors++;
    }
    progress.files++;
    opts.onProgress?.(progress);
  };
  const start = async (ref: FileRef): Promise<void> => {
    progress.current = ref.relPath;
    progress.bytes += ref.size;
    const p = (pool ? pool.run(ref) : run(ref, analyzer)).then(record);
    const tracked = p.finally(() => pending.delete(tracked));
    pending.add(tracked);
    if (pending.size >= limit) await Promise.race(pending);
  };

  const items = opts.files ?? walk(opts.roots, { base: opts.base, ignored: opts.ignored });
  for await (const item of items) {
    if (item.kind === 'problem') {
      record([problemResult(item)]);
      continue;
    }
    if (!decided && buffered.length < IN_PROCESS_MAX) {
      buffered.push(item.ref);
      continue;
    }
    if (!decided && script && opts.jobs > 1) {
      pool = new WorkerPool(script, opts.jobs, opts.analyzer, analyzer.limits.timeoutMs * 2);
    }
    decided = true;
    for (const ref of buffered.splice(0)) await start(ref);
    await start(item.ref);
  }
  for (const ref of buffered.splice(0)) await start(ref);
  await Promise.all(pending);
  await pool?.close();
  progress.done = true;
  opts.onProgress?.(progress);
  results.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { tool: { name: 'jpii', version: VERSION }, files: results, summary: summarize(results) };
}
