/**
 * A small worker-thread pool: one file per worker at a time. A file that runs past the hard time limit
 * (a parser stuck in synchronous code cannot be interrupted any other way) gets its worker terminated and
 * replaced, and is reported as an error; a worker that crashes likewise. The scan goes on either way.
 */
import { Worker } from 'node:worker_threads';
import { notScanned, type FileRef, type FileResult } from '../model.js';
import type { AnalyzerConfig } from './analyzer.js';

interface Task {
  id: number;
  ref: FileRef;
  resolve: (r: FileResult[]) => void;
}

interface Slot {
  worker: Worker;
  task?: Task;
  timer?: NodeJS.Timeout;
}

const WORKER_HEAP_MB = 1024;

function errorResult(ref: FileRef, reason: string): FileResult[] {
  return [notScanned(ref.relPath, 'error', reason, { size: ref.size })];
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;

  constructor(
    private readonly script: URL,
    size: number,
    private readonly config: AnalyzerConfig,
    private readonly hardTimeoutMs: number,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  run(ref: FileRef): Promise<FileResult[]> {
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, ref, resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    // A file whose parsing needs more heap than this (a hostile spreadsheet) ends its worker with
    // ERR_WORKER_OUT_OF_MEMORY: that file is reported as an error and a fresh worker takes over.
    const slot: Slot = { worker: new Worker(this.script, { workerData: this.config, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } }) };
    slot.worker.on('message', (msg: { id: number; results?: FileResult[]; error?: string }) => {
      const task = slot.task;
      if (!task || task.id !== msg.id) return;
      this.finish(slot, msg.results ?? errorResult(task.ref, `internal error: ${msg.error?.split('\n')[0] ?? 'unknown'}`));
    });
    slot.worker.on('error', (error: NodeJS.ErrnoException) =>
      this.replace(slot, error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `out of memory (over ${WORKER_HEAP_MB} MB while reading this file)` : `internal error in worker: ${error.message}`),
    );
    return slot;
  }

  private finish(slot: Slot, results: FileResult[]): void {
    clearTimeout(slot.timer);
    const task = slot.task;
    slot.task = undefined;
    task?.resolve(results);
    this.dispatch();
  }

  private replace(slot: Slot, reason: string): void {
    const task = slot.task;
    clearTimeout(slot.timer);
    slot.task = undefined;
    slot.worker.removeAllListeners();
    void slot.worker.terminate();
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots[index] = this.spawn();
    if (task) task.resolve(errorResult(task.ref, reason));
    this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.task) continue;
      const task = this.queue.shift();
      if (!task) return;
      slot.task = task;
      slot.timer = setTimeout(() => this.replace(slot, `timed out after ${Math.round(this.hardTimeoutMs / 1000)} s (parser stopped)`), this.hardTimeoutMs);
      slot.worker.postMessage({ id: task.id, ref: task.ref });
    }
  }
}
