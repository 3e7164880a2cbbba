/**
 * A Writable whose chunks come out of an async iterator: exceljs's streaming WorkbookWriter writes the zip
 * into it, and the report's `finish` hands the chunks on as they are made, so the workbook never sits in
 * memory whole. Input: the writer's chunks. Output: the same bytes, in order. Never: reorders or copies.
 */
import { Writable } from 'node:stream';

export class ChunkPipe {
  private readonly queue: Uint8Array[] = [];
  private wake: (() => void) | undefined;
  private ended = false;
  private failure: unknown;

  readonly writable = new Writable({
    write: (chunk: Uint8Array, _encoding, done) => {
      this.queue.push(chunk);
      this.signal();
      done();
    },
  });

  private signal(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  /** No more chunks will come; `error`: the chunks stop there and the iterator throws it. */
  close(error?: unknown): void {
    this.ended = true;
    this.failure = error;
    this.signal();
  }

  async *chunks(): AsyncGenerator<Uint8Array> {
    for (;;) {
      const chunk = this.queue.shift();
      if (chunk !== undefined) {
        yield chunk;
        continue;
      }
      if (this.ended) break;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    if (this.failure !== undefined) throw this.failure;
  }
}
