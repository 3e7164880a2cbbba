/**
 * A small worker-thread pool: one task per worker at a time — a whole file, or one chunk of a huge text
 * file (so both cores work on it). A task that runs past the hard time limit (a parser stuck in synchronous
 * code cannot be interrupted any other way) gets its worker terminated and replaced, and fails with the
 * reason; a worker that crashes or runs out of heap likewise. The scan goes on either way.
 * Closing ends everything: tasks still queued or running fail ("scan stopped"), their time limits are
 * cleared and no worker is started again — a time limit left armed would, when it fired, start a fresh
 * worker that kept the finished scan's process alive for ever.
 */
import { Worker } from 'node:worker_threads';
import { notScanned, type FileRef, type FileResult } from '../model.js';
import type { AnalyzerConfig } from './analyzer.js';
import type { ChunkHits } from './chunk-analysis.js';
import type { TextChunk } from './text-chunks.js';
import type { StreamedEnd } from './analyze-file.js';
import type { PackedHits } from './packed-hits.js';
import { movable } from './owned-buffers.js';

export type PoolRequest =
  | { kind: 'bytes'; ref: FileRef; bytes: Uint8Array; stream?: boolean }
  | { kind: 'batch'; items: { ref: FileRef; bytes: Uint8Array }[] }
  | { kind: 'chunk'; chunk: TextChunk };
export type PoolReply = { id: number; results?: FileResult[]; batch?: FileResult[][]; chunk?: ChunkHits; streamed?: StreamedEnd; error?: string };
/** A streamed file's batch of hits, sent while its worker reads on (any number before the task's reply). */
export type PoolPartial = { id: number; partial: PackedHits };

interface Task {
  id: number;
  request: PoolRequest;
  done: (reply: PoolReply | { failed: string }) => void;
  /** A streamed file's batches of hits, in order. */
  partial?: (hits: PackedHits) => void;
}

interface Slot {
  worker: Worker;
  task?: Task;
  timer?: NodeJS.Timeout;
}

const WORKER_HEAP_MB = 512;
/** Why a task queued or running when the pool closed never ran to its end. */
const STOPPED = { failed: 'scan stopped before this was analyzed' };
/**
 * Young generation of each worker: V8's default lets every thread keep tens of MB of short-lived garbage
 * (decoded and normalized copies of each text). 16 MB keeps peak RSS 30–50 MB lower (office 303 → 270 MB,
 * small 261 → 240 MB, big 325 → 305–318 MB, `--jobs 2`) for 0–8 % more time on small files; 8 MB saved more
 * but cost 20 % there.
 */
const WORKER_YOUNG_MB = 16;

/**
 * A document this big is taken before smaller ones queued earlier (largest first): a 100,000-row workbook
 * that the walk meets last would otherwise start when the other files are done and keep one core busy alone
 * to the end. Batches of small files and chunks keep their order.
 */
const BIG_TASK_BYTES = 1024 * 1024;

function bigBytes(task: Task): number {
  return task.request.kind === 'bytes' && task.request.bytes.length >= BIG_TASK_BYTES ? task.request.bytes.length : 0;
}

/** Buffers that own their memory move to the worker without a copy; a slice of a shared pool is copied. */
function transferable(request: PoolRequest): ArrayBuffer[] {
  const all = request.kind === 'bytes' ? [request.bytes] : request.kind === 'batch' ? request.items.map((i) => i.bytes) : [request.chunk.bytes];
  const own = all.filter(movable).map((b) => b.buffer as ArrayBuffer);
  return [...new Set(own)];
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly script: URL,
    size: number,
    private readonly config: AnalyzerConfig,
    private readonly hardTimeoutMs: number,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  get size(): number {
    return this.slots.length;
  }

  /** A whole file's bytes (read by the caller); problems (time-out, crash) come back as its error result. */
  runBytes(ref: FileRef, bytes: Uint8Array): Promise<FileResult[]> {
    return new Promise((resolve) => {
      this.submit({ kind: 'bytes', ref, bytes }, (reply) => {
        if ('failed' in reply) resolve([notScanned(ref.relPath, 'error', reply.failed, { size: ref.size })]);
        else resolve(reply.results ?? [notScanned(ref.relPath, 'error', `internal error: ${reply.error?.split('\n')[0] ?? 'unknown'}`, { size: ref.size })]);
      });
    });
  }

  /**
   * A whole file's bytes, its hits handed to `hits` in batches as the worker makes them (analyze-file.ts
   * analyzeStreamed). Resolves with the rest of its reading, or with its results: its error (a failure
   * after some batches came: they are void), or a file that is not streamed (then no batch came).
   */
  runStreamed(ref: FileRef, bytes: Uint8Array, hits: (batch: PackedHits) => void): Promise<StreamedEnd | FileResult[]> {
    return new Promise((resolve) => {
      this.submit(
        { kind: 'bytes', ref, bytes, stream: true },
        (reply) => {
          if ('failed' in reply) resolve([notScanned(ref.relPath, 'error', reply.failed, { size: ref.size })]);
          else resolve(reply.streamed ?? reply.results ?? [notScanned(ref.relPath, 'error', `internal error: ${reply.error?.split('\n')[0] ?? 'unknown'}`, { size: ref.size })]);
        },
        hits,
      );
    });
  }

  /** Several small files in one message; a failure of the batch is every one of its files' error. */
  runBatch(items: { ref: FileRef; bytes: Uint8Array }[]): Promise<FileResult[][]> {
    const failed = (reason: string): FileResult[][] => items.map(({ ref }) => [notScanned(ref.relPath, 'error', reason, { size: ref.size })]);
    return new Promise((resolve) => {
      this.submit({ kind: 'batch', items }, (reply) => {
        if ('failed' in reply) resolve(failed(reply.failed));
        else resolve(reply.batch ?? failed(`internal error: ${reply.error?.split('\n')[0] ?? 'unknown'}`));
      });
    });
  }

  /** One chunk of a huge text file (its bytes move to the worker); rejects with the reason when the worker fails. */
  analyzeChunk(chunk: TextChunk): Promise<ChunkHits> {
    return new Promise((resolve, reject) => {
      this.submit({ kind: 'chunk', chunk }, (reply) => {
        if ('failed' in reply) reject(new Error(reply.failed));
        else if (reply.chunk) resolve(reply.chunk);
        else reject(new Error(`internal error: ${reply.error?.split('\n')[0] ?? 'unknown'}`));
      });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.done(STOPPED);
    const running: Task[] = [];
    for (const slot of this.slots) {
      clearTimeout(slot.timer);
      slot.worker.removeAllListeners();
      if (slot.task) running.push(slot.task);
      slot.task = undefined;
    }
    for (const task of running) task.done(STOPPED);
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private submit(request: PoolRequest, done: Task['done'], partial?: Task['partial']): void {
    if (this.closed) {
      done(STOPPED);
      return;
    }
    this.queue.push({ id: this.nextId++, request, done, ...(partial ? { partial } : {}) });
    this.dispatch();
  }

  private spawn(): Slot {
    // A file whose parsing needs more heap than this (a hostile spreadsheet) ends its worker with
    // ERR_WORKER_OUT_OF_MEMORY: that file is reported as an error and a fresh worker takes over.
    const slot: Slot = { worker: new Worker(this.script, { workerData: this.config, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB } }) };
    slot.worker.on('message', (msg: PoolReply | PoolPartial) => {
      const task = slot.task;
      if (!task || task.id !== msg.id) return;
      if ('partial' in msg) task.partial?.(msg.partial);
      else this.finish(slot, msg);
    });
    slot.worker.on('error', (error: NodeJS.ErrnoException) =>
      this.replace(slot, error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `out of memory (over ${WORKER_HEAP_MB} MB while reading this file)` : `internal error in worker: ${error.message}`),
    );
    return slot;
  }

  private finish(slot: Slot, reply: PoolReply): void {
    clearTimeout(slot.timer);
    const task = slot.task;
    slot.task = undefined;
    task?.done(reply);
    this.dispatch();
  }

  private replace(slot: Slot, reason: string): void {
    if (this.closed) return;
    const task = slot.task;
    clearTimeout(slot.timer);
    slot.task = undefined;
    slot.worker.removeAllListeners();
    void slot.worker.terminate();
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots[index] = this.spawn();
    task?.done({ failed: reason });
    this.dispatch();
  }

  /** The biggest queued document, else the oldest task. */
  private next(): Task | undefined {
    let at = 0;
    let size = 0;
    this.queue.forEach((task, i) => {
      const bytes = bigBytes(task);
      if (bytes > size) [at, size] = [i, bytes];
    });
    return this.queue.splice(at, 1)[0];
  }

  private dispatch(): void {
    if (this.closed) return;
    for (const slot of this.slots) {
      if (slot.task) continue;
      const task = this.next();
      if (!task) return;
      slot.task = task;
      slot.timer = setTimeout(() => this.replace(slot, `timed out after ${Math.round(this.hardTimeoutMs / 1000)} s (parser stopped)`), this.hardTimeoutMs);
      const request = task.request;
      slot.worker.postMessage({ id: task.id, ...request }, transferable(request));
    }
  }
}
