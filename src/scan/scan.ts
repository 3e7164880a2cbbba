/**
 * The orchestrator: the only module that wires walk → (extract → normalize → detect → score) → results.
 * Small scans run in this thread (no worker start-up cost for a pre-commit hook); larger ones go to a
 * worker pool of --jobs threads. Results are sorted by path, so output is identical for any --jobs.
 * Per file, only the results are kept: files in flight are bounded by 2 × --jobs, the walk is streamed,
 * and `--shard` / the cache filter and wrap files as they stream by.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { notScanned, type FileRef, type FileResult, type ScanResult, type ScanSummary } from '../model.js';
import { inShard, type Shard } from '../shard/shard.js';
import { walk, type WalkItem } from '../walk/walk.js';
import type { AnalyzeOptions } from './analyze-file.js';
import { buildAnalyzer, type AnalyzerConfig } from './analyzer.js';
import { isParsedDocument } from '../extract/index.js';
import { Batcher } from './batcher.js';
import { WorkerPool } from './pool.js';
import { LARGE_TEXT_BYTES } from './large-text.js';
import { processFile, type BytesAnalyzer } from './process-file.js';

export interface Progress {
  files: number;
  bytes: number;
  errors: number;
  current: string;
  done: boolean;
}

/** Wraps the analysis of each file (the incremental cache, src/cache/cache.ts). */
export interface ResultCache {
  through(ref: FileRef, analyze: (ref: FileRef) => Promise<FileResult[]>): Promise<FileResult[]>;
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
  process?: (ref: FileRef, analyzer: AnalyzeOptions, analyzeRead?: BytesAnalyzer) => Promise<FileResult[]>;
  onProgress?: (p: Progress) => void;
  /** Only the files (and walk problems) whose path hashes to this shard. */
  shard?: Shard;
  /** Reuse results of unchanged files; ignored when `process` is given (its bytes do not come from disk). */
  cache?: ResultCache;
  /** Follow symbolic links during the walk (loop-safe). */
  followSymlinks?: boolean;
}

const NONE: never[] = Object.freeze([]) as unknown as never[];
/** Plain-text files up to this size go to the workers in batches (documents always alone). */
const BATCH_FILE_BYTES = 256 * 1024;

/** Bytes of files being read or analyzed at once (a single larger file still goes through alone). */
const BYTES_IN_FLIGHT = 16 * 1024 * 1024;


/** Below this many files, worker start-up costs more than it saves. */
const IN_PROCESS_MAX = 48;
/** Average file size (of the first files) from which worker threads are used. */
const POOL_MIN_AVERAGE_BYTES = 2048;
/** …or above this many bytes: a few big CSVs are worth both cores. */
const IN_PROCESS_MAX_BYTES = 8 * 1024 * 1024;

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
  return notScanned(item.relPath, item.status, item.reason);
}

/** The walk (or the given list), limited to this shard: a walk problem belongs to one shard like a file. */
function selected(opts: ScanOptions): AsyncIterable<WalkItem> | Iterable<WalkItem> {
  const shard = opts.shard;
  const select = shard && ((relPath: string): boolean => inShard(relPath, shard));
  if (!opts.files) return walk(opts.roots, { base: opts.base, ignored: opts.ignored, followSymlinks: opts.followSymlinks === true, select });
  return select ? filtered(opts.files, select) : opts.files;
}

async function* filtered(items: AsyncIterable<WalkItem> | Iterable<WalkItem>, select: (relPath: string) => boolean): AsyncGenerator<WalkItem> {
  for await (const item of items) if (select(item.kind === 'file' ? item.ref.relPath : item.relPath)) yield item;
}

/** Files in flight, results and progress of one scan. */
class Runner {
  readonly results: FileResult[] = [];
  readonly progress: Progress = { files: 0, bytes: 0, errors: 0, current: '', done: false };
  private readonly pending = new Set<Promise<void>>();
  private limit: number;
  private bytesInFlight = 0;
  private readonly analyze: (ref: FileRef) => Promise<FileResult[]>;
  private readonly timeoutMs: number;
  private pool: WorkerPool | undefined;
  private batches: Batcher | undefined;
  private isolated: WorkerPool | null | undefined;

  constructor(private readonly opts: ScanOptions) {
    const analyzer = buildAnalyzer(opts.analyzer);
    // This thread walks and reads; workers only compute (bytes move to them without a copy). A huge text
    // file is read and decoded here and its chunks spread over the workers.
    const viaWorkers = (ref: FileRef, workers: WorkerPool): Promise<FileResult[]> =>
      processFile(ref, analyzer, { analyze: (seg) => workers.analyzeSegment(seg), parallel: workers.size + 1 }, (r, bytes) =>
        workers === this.pool && !isParsedDocument(r.relPath) && bytes.length <= BATCH_FILE_BYTES ? this.batcher(workers).add(r, bytes) : workers.runBytes(r, bytes),
      );
    const direct = (ref: FileRef): Promise<FileResult[]> => {
      if (opts.process) {
        // Staged documents too are parsed where a stuck parser can be stopped.
        const isolation = isParsedDocument(ref.relPath) ? this.isolation() : undefined;
        return opts.process(ref, analyzer, isolation && ((r, bytes) => isolation.runBytes(r, bytes)));
      }
      const workers = this.pool ?? (isParsedDocument(ref.relPath) || (opts.jobs > 1 && ref.size >= LARGE_TEXT_BYTES) ? this.isolation() : undefined);
      return workers ? viaWorkers(ref, workers) : processFile(ref, analyzer);
    };
    const cache = opts.process ? undefined : opts.cache;
    // A bug that throws on one file is that file's error, as it is in a worker: the scan of the other
    // 999,999 files goes on, and the message says where to look.
    const guarded = (ref: FileRef): Promise<FileResult[]> =>
      direct(ref).catch((error: unknown) => [notScanned(ref.relPath, 'error', `internal error: ${(error as Error).message ?? String(error)}`, { size: ref.size })]);
    this.analyze = cache ? (ref) => cache.through(ref, guarded) : guarded;
    // Many small files in flight so reads (a network share's latency above all) overlap each other and the
    // analysis; bytes in flight are bounded separately, so memory does not grow with big files.
    this.limit = Math.max(16, opts.jobs * 4);
    this.timeoutMs = analyzer.limits.timeoutMs;
  }

  /**
   * Documents and archives go through parsers (pdf.js, zip, XML) that a hostile file can keep busy in
   * synchronous code, which only terminating a worker stops: even a small scan reads them in a worker.
   */
  private isolation(): WorkerPool | undefined {
    if (this.isolated === undefined) {
      const script = workerScript();
      this.isolated = script ? new WorkerPool(script, Math.max(1, Math.min(this.opts.jobs, 2)), this.opts.analyzer, this.timeoutMs * 2) : null;
    }
    return this.isolated ?? undefined;
  }

  private batcher(pool: WorkerPool): Batcher {
    this.batches ??= new Batcher(pool);
    return this.batches;
  }

  /** Worker threads from here on, when there are enough files to pay for them. */
  usePool(): void {
    const script = this.opts.process ? undefined : workerScript();
    if (script && this.opts.jobs > 1) this.pool = new WorkerPool(script, this.opts.jobs, this.opts.analyzer, this.timeoutMs * 2);
    // Enough files in flight to fill a batch for every worker twice over (the byte budget still holds).
    if (this.pool) this.limit = Math.max(this.limit, this.opts.jobs * 64);
  }

  record(rs: readonly FileResult[]): void {
    for (const r of rs) {
      // Most files of a share are clean: they share two empty arrays (results from workers arrive as
      // copies), which keeps a million results small.
      if (r.findings.length === 0) r.findings = NONE;
      if (r.labels.length === 0) r.labels = NONE;
      this.results.push(r);
      if (r.status === 'error') this.progress.errors++;
    }
    this.progress.files++;
    this.opts.onProgress?.(this.progress);
  }

  /** Starts one file; waits while 2 × jobs files are in flight, so nothing queues up per file. */
  async start(ref: FileRef): Promise<void> {
    this.progress.current = ref.relPath;
    this.progress.bytes += ref.size;
    const bytes = Math.min(ref.size, BYTES_IN_FLIGHT);
    this.bytesInFlight += bytes;
    const tracked: Promise<void> = this.analyze(ref)
      .then((rs) => this.record(rs))
      .finally(() => {
        this.pending.delete(tracked);
        this.bytesInFlight -= bytes;
      });
    this.pending.add(tracked);
    while (this.pending.size >= this.limit || (this.pending.size > 1 && this.bytesInFlight > BYTES_IN_FLIGHT)) await Promise.race(this.pending);
  }

  async finish(): Promise<void> {
    await Promise.all(this.pending);
    this.progress.done = true;
    this.opts.onProgress?.(this.progress);
  }

  async close(): Promise<void> {
    await this.pool?.close();
    await this.isolated?.close();
  }
}

export async function scan(opts: ScanOptions): Promise<ScanResult> {
  const runner = new Runner(opts);
  const buffered: FileRef[] = [];
  let bufferedBytes = 0;
  let decided = false;
  try {
    for await (const item of selected(opts)) {
      if (item.kind === 'problem') {
        runner.record([problemResult(item)]);
        continue;
      }
      if (!decided && buffered.length < IN_PROCESS_MAX && bufferedBytes + item.ref.size < IN_PROCESS_MAX_BYTES) {
        buffered.push(item.ref);
        bufferedBytes += item.ref.size;
        continue;
      }
      // Tiny files cost less to analyze than to send to a worker: the pool pays off from a few KB each.
      if (!decided && bufferedBytes >= buffered.length * POOL_MIN_AVERAGE_BYTES) runner.usePool();
      decided = true;
      for (const ref of buffered.splice(0)) await runner.start(ref);
      await runner.start(item.ref);
    }
    for (const ref of buffered.splice(0)) await runner.start(ref);
    await runner.finish();
  } finally {
    await runner.close();
  }
  const results = runner.results.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { tool: { name: 'jpii', version: VERSION }, files: results, summary: summarize(results) };
}
