/**
 * The orchestrator: the only module that wires walk → (extract → normalize → detect → score) → results.
 * Small scans run in this thread (no worker start-up cost for a pre-commit hook); larger ones go to a
 * worker pool of --jobs threads. Results are handed on in walk order (report order, `comparePaths`) as soon
 * as every earlier file is done, so output is identical for any --jobs and nothing per file is kept: files in
 * flight are bounded, results waiting for an earlier slow file are bounded, the walk is streamed, and
 * `--shard` / the cache filter and wrap files as they stream by.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { comparePaths, notScanned, UNLABELLED_TYPE, type FileRef, type FileResult, type ScanResult, type ScanSummary } from '../model.js';
import { inShard, type Shard } from '../shard/shard.js';
import { walk, type WalkItem } from '../walk/walk.js';
import { FindingsBuilder, streamedResult, type AnalyzeOptions } from './analyze-file.js';
import { buildAnalyzer, type AnalyzerConfig } from './analyzer.js';
import { isParsedDocument } from '../extract/index.js';
import { isImageName, isImageOnlySkip } from '../extract/ocr/not-examined.js';
import { Batcher } from './batcher.js';
import { WorkerPool } from './pool.js';
import { readsInChunks } from './large-text.js';
import { processFile, type BytesAnalyzer } from './process-file.js';

export interface Progress {
  files: number;
  bytes: number;
  errors: number;
  current: string;
  done: boolean;
  /** Pages recognised by OCR so far (--ocr). */
  ocrPages?: number;
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

export const TOOL: ScanResult['tool'] = { name: 'jpii', version: VERSION };

function workerScript(): URL | undefined {
  const here = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  const built = new URL('../../dist/scan/worker.js', import.meta.url);
  return existsSync(fileURLToPath(built)) ? built : undefined;
}

export function emptySummary(): ScanSummary {
  return { files: 0, scanned: 0, skipped: 0, errors: 0, findings: 0, suppressed: 0, byType: {} };
}

/**
 * Adds one file to a summary (a scan counts files as they stream by). A file's occurrences count every
 * unsuppressed finding but the file-level one, listed or not; its listed findings add only what they do not
 * cover (suppressed and file-level findings), so `byType` stays exact whatever was listed.
 */
export function addToSummary(s: ScanSummary, f: FileResult): void {
  s.files++;
  if (f.status === 'scanned') s.scanned++;
  else if (f.status === 'skipped') s.skipped++;
  else s.errors++;
  const counted = f.occurrences !== undefined;
  for (const o of f.occurrences ?? []) {
    s.findings += o.count;
    s.byType[o.type] = (s.byType[o.type] ?? 0) + o.count;
    if (o.count > o.listed) s.unlisted = (s.unlisted ?? 0) + o.count - o.listed;
  }
  if (isImageOnlySkip(f)) s.imageOnly = (s.imageOnly ?? 0) + 1;
  for (const x of f.findings) {
    if (x.suppressed) {
      s.suppressed++;
      continue;
    }
    if (counted && x.type !== UNLABELLED_TYPE) continue;
    s.findings++;
    s.byType[x.type] = (s.byType[x.type] ?? 0) + 1;
  }
}

export function summarize(files: readonly FileResult[]): ScanSummary {
  const s = emptySummary();
  for (const f of files) addToSummary(s, f);
  return s;
}

function problemResult(item: Extract<WalkItem, { kind: 'problem' }>): FileResult {
  return notScanned(item.relPath, item.status, item.reason);
}

/** The walk (or the given list, in report order), limited to this shard: a walk problem belongs to one shard like a file. */
function selected(opts: ScanOptions): AsyncIterable<WalkItem> | Iterable<WalkItem> {
  const shard = opts.shard;
  const select = shard && ((relPath: string): boolean => inShard(relPath, shard));
  if (!opts.files) return walk(opts.roots, { base: opts.base, ignored: opts.ignored, followSymlinks: opts.followSymlinks === true, select });
  return inReportOrder(opts.files, select);
}

/** A list from git or a hook, sorted like a walk would have yielded it (such lists are small). */
async function* inReportOrder(items: AsyncIterable<WalkItem> | Iterable<WalkItem>, select?: (relPath: string) => boolean): AsyncGenerator<WalkItem> {
  const pathOf = (item: WalkItem): string => (item.kind === 'file' ? item.ref.relPath : item.relPath);
  const list: WalkItem[] = [];
  for await (const item of items) if (!select || select(pathOf(item))) list.push(item);
  yield* list.sort((a, b) => comparePaths(pathOf(a), pathOf(b)));
}

/**
 * Workbooks at least this big are streamed (analyze-file.ts analyzeStreamed): this thread then compiles the
 * tally for itself once; the worker of the bench's xlsx roster spent 2.78 s instead of 3.04 s (BENCHMARKS.md).
 * A bound, not a knob that changes a result (tests lower it).
 */
export const STREAMED = { fileBytes: 1024 * 1024 };

/** Text files (not documents) in flight per worker once the pool is used: two batches each (batcher.ts). */
const TEXT_AHEAD_PER_WORKER = 64;

/** Results of this many files at most wait for an earlier file still in flight (a slow one) before the walk pauses. */
const REORDER_WINDOW = 4096;

/** Files in flight, results and progress of one scan. */
class Runner {
  readonly summary: ScanSummary = emptySummary();
  readonly progress: Progress = { files: 0, bytes: 0, errors: 0, current: '', done: false };
  private readonly pending = new Set<Promise<void>>();
  private limit: number;
  /** Files in flight that are not documents, and how many may be (they need no long read-ahead). */
  private textInFlight = 0;
  private textLimit: number;
  private readonly isParsed: (path: string) => boolean;
  private bytesInFlight = 0;
  /** Walk position of the next file to start and of the next whose results are handed on. */
  private seq = 0;
  private nextOut = 0;
  /** Results that arrived before those of an earlier file. */
  private readonly waiting = new Map<number, FileResult[]>();
  private readonly analyze: (ref: FileRef) => Promise<FileResult[]>;
  private readonly timeoutMs: number;
  private pool: WorkerPool | undefined;
  private batches: Batcher | undefined;
  private isolated: WorkerPool | null | undefined;

  constructor(
    private readonly opts: ScanOptions,
    private readonly sink: (file: FileResult) => void,
  ) {
    const analyzer = buildAnalyzer(opts.analyzer);
    // With --ocr, images too: one recogniser per worker, one file at a time on it.
    const isParsed = (path: string): boolean => isParsedDocument(path) || (analyzer.limits.ocr !== undefined && isImageName(path));
    this.isParsed = isParsed;
    // This thread walks and reads; workers only compute (bytes move to them without a copy). A huge text
    // file is read and decoded here and its chunks spread over the workers.
    const viaWorkers = (ref: FileRef, workers: WorkerPool): Promise<FileResult[]> =>
      processFile(ref, analyzer, { analyze: (chunk) => workers.analyzeChunk(chunk), parallel: workers.size + 1 }, (r, bytes) =>
        workers === this.pool && !isParsed(r.relPath) && bytes.length <= BATCH_FILE_BYTES ? this.batcher(workers).add(r, bytes) : whole(r, bytes, workers),
      );
    // A big workbook's hits come from its worker in batches while it reads on, and are counted and numbered
    // here, as a huge CSV's chunks' are (analyze-file.ts analyzeStreamed).
    const whole = async (r: FileRef, bytes: Uint8Array, workers: WorkerPool): Promise<FileResult[]> => {
      if (bytes.length < STREAMED.fileBytes || !/\.xls[xm]$/i.test(r.relPath)) return workers.runBytes(r, bytes);
      let built: FindingsBuilder | undefined;
      const end = await workers.runStreamed(r, bytes, (hits) => (built ??= new FindingsBuilder(r.relPath, analyzer)).addPacked(hits));
      if (Array.isArray(end)) return end;
      return [{ ...streamedResult(r.relPath, built ?? new FindingsBuilder(r.relPath, analyzer), end, analyzer), size: r.size }];
    };
    const direct = (ref: FileRef): Promise<FileResult[]> => {
      if (opts.process) {
        // Staged documents too are parsed where a stuck parser can be stopped.
        const isolation = isParsed(ref.relPath) ? this.isolation() : undefined;
        return opts.process(ref, analyzer, isolation && ((r, bytes) => isolation.runBytes(r, bytes)));
      }
      const workers = this.pool ?? (isParsed(ref.relPath) || (opts.jobs > 1 && readsInChunks(ref)) ? this.isolation() : undefined);
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
    this.textLimit = this.limit;
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
    // Enough files in flight for the walk to reach a big document while the workers are busy with the documents
    // before it (the pool takes big ones first); the byte budget still holds. Text files need only enough to
    // fill a batch for every worker twice: 256 of them per worker, each read and its result waiting, kept
    // 10-20 MB more alive on the small workload and made the main thread's scavenges dearer.
    if (this.pool) {
      this.limit = Math.max(this.limit, this.opts.jobs * 256);
      this.textLimit = Math.max(this.textLimit, this.opts.jobs * TEXT_AHEAD_PER_WORKER);
    }
  }

  /** Results waiting for those of an earlier file. */
  get backlog(): number {
    return this.waiting.size;
  }

  /** The walk position of the next item (taken in walk order, even when a file starts later). */
  take(): number {
    return this.seq++;
  }

  record(seq: number, rs: FileResult[]): void {
    for (const r of rs) {
      // Most files of a share are clean: they share two empty arrays (results from workers arrive as
      // copies), which keeps results waiting for an earlier file small.
      if (r.findings.length === 0) r.findings = NONE;
      if (r.labels.length === 0) r.labels = NONE;
      if (r.status === 'error') this.progress.errors++;
      if (r.ocrPages) this.progress.ocrPages = (this.progress.ocrPages ?? 0) + r.ocrPages;
    }
    this.waiting.set(seq, rs);
    for (let out = this.waiting.get(this.nextOut); out !== undefined; out = this.waiting.get(this.nextOut)) {
      this.waiting.delete(this.nextOut++);
      // An archive's members follow it in report order.
      if (out.length > 1) out.sort((a, b) => comparePaths(a.path, b.path));
      for (const r of out) {
        addToSummary(this.summary, r);
        this.sink(r);
      }
    }
    this.progress.files++;
    this.opts.onProgress?.(this.progress);
  }

  /** Starts one file; waits while enough files (or bytes, or results held back by a slow file) are in flight. */
  async start(ref: FileRef, seq: number): Promise<void> {
    this.progress.current = ref.relPath;
    this.progress.bytes += ref.size;
    const bytes = Math.min(ref.size, BYTES_IN_FLIGHT);
    const text = this.isParsed(ref.relPath) ? 0 : 1;
    this.bytesInFlight += bytes;
    this.textInFlight += text;
    const tracked: Promise<void> = this.analyze(ref)
      .then((rs) => this.record(seq, rs))
      .finally(() => {
        this.pending.delete(tracked);
        this.bytesInFlight -= bytes;
        this.textInFlight -= text;
      });
    this.pending.add(tracked);
    while (
      this.pending.size >= this.limit ||
      this.textInFlight >= this.textLimit ||
      (this.pending.size > 1 && this.bytesInFlight > BYTES_IN_FLIGHT) ||
      (this.pending.size > 0 && this.backlog >= REORDER_WINDOW)
    ) {
      await Promise.race(this.pending);
    }
  }

  async finish(): Promise<void> {
    await Promise.all(this.pending);
    if (this.waiting.size > 0) throw new Error(`scan: results of ${this.waiting.size} files never handed on (walk position ${this.nextOut} missing)`);
    this.progress.done = true;
    this.opts.onProgress?.(this.progress);
  }

  async close(): Promise<void> {
    await this.pool?.close();
    await this.isolated?.close();
  }
}

/**
 * Scans and hands each file's result to `sink` in report order, as soon as every earlier file is done.
 * Returns the summary of everything handed on.
 */
export async function scanEach(opts: ScanOptions, sink: (file: FileResult) => void): Promise<ScanSummary> {
  const runner = new Runner(opts, sink);
  const buffered: { ref: FileRef; seq: number }[] = [];
  let bufferedBytes = 0;
  let decided = false;
  /** This thread or the pool, judged on the first files; then they start. */
  const decide = async (): Promise<void> => {
    // Tiny files cost less to analyze than to send to a worker: the pool pays off from a few KB each.
    if (bufferedBytes >= buffered.length * POOL_MIN_AVERAGE_BYTES) runner.usePool();
    decided = true;
    for (const b of buffered.splice(0)) await runner.start(b.ref, b.seq);
  };
  try {
    for await (const item of selected(opts)) {
      if (item.kind === 'problem') {
        runner.record(runner.take(), [problemResult(item)]);
        // Problems after a held file wait for it: a folder of unreadable files must not pile them up.
        if (!decided && buffered.length > 0 && runner.backlog >= REORDER_WINDOW) await decide();
        continue;
      }
      if (!decided && buffered.length < IN_PROCESS_MAX && bufferedBytes + item.ref.size < IN_PROCESS_MAX_BYTES) {
        buffered.push({ ref: item.ref, seq: runner.take() });
        bufferedBytes += item.ref.size;
        continue;
      }
      if (!decided) await decide();
      await runner.start(item.ref, runner.take());
    }
    for (const b of buffered.splice(0)) await runner.start(b.ref, b.seq);
    await runner.finish();
  } finally {
    await runner.close();
  }
  return runner.summary;
}

/** The whole result in memory (tests, `jpii baseline`); a report streams from `scanEach` instead. */
export async function scan(opts: ScanOptions): Promise<ScanResult> {
  const files: FileResult[] = [];
  const summary = await scanEach(opts, (f) => files.push(f));
  return { tool: TOOL, files, summary };
}
