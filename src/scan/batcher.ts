/**
 * Small files go to the workers in batches: one message for up to 32 files, not one each (for files of a
 * few KB the messages cost as much as the analysis). A batch leaves when it is full or on the next turn
 * of the event loop, so no file waits for company.
 */
import type { FileRef, FileResult } from '../model.js';
import type { WorkerPool } from './pool.js';

interface Item {
  ref: FileRef;
  bytes: Uint8Array;
  resolve: (r: FileResult[]) => void;
}

export class Batcher {
  private items: Item[] = [];
  private bytes = 0;
  private scheduled = false;

  constructor(
    private readonly pool: WorkerPool,
    private readonly maxItems = 32,
    private readonly maxBytes = 512 * 1024,
  ) {}

  add(ref: FileRef, bytes: Uint8Array): Promise<FileResult[]> {
    return new Promise((resolve) => {
      this.items.push({ ref, bytes, resolve });
      this.bytes += bytes.length;
      if (this.items.length >= this.maxItems || this.bytes >= this.maxBytes) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const items = this.items;
    this.items = [];
    this.bytes = 0;
    if (!items.length) return;
    void this.pool.runBatch(items.map(({ ref, bytes }) => ({ ref, bytes }))).then((results) => {
      items.forEach((item, i) => item.resolve(results[i] ?? []));
    });
  }
}
