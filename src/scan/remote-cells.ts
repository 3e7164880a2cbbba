/**
 * The worker side of blocks sent out (cell-blocks.ts RemoteCells): a block goes to the main thread as a
 * message of the file's task, which queues it in the pool for another worker; the result (or the block
 * itself, unstarted, when asked back; or the failure) comes back as a `cells-done` message.
 */
import type { MessagePort } from 'node:worker_threads';
import { threadId } from 'node:worker_threads';
import type { CellsResult, RemoteCells } from './cell-blocks.js';
import type { PackedSegments } from './packed-segments.js';

/** Worker → main thread, during a task: a block to queue, or a request for the unstarted ones back. */
export type BlockMessage = { id: number; block: { seq: number; file: string; cells: PackedSegments; finished: SharedArrayBuffer } } | { id: number; reclaim: true };

/** Main thread → the worker that sent a block. */
export interface BlockReply {
  kind: 'cells-done';
  task: number;
  seq: number;
  cells?: CellsResult;
  /** The block was not started and is the sender's again. */
  reclaimed?: boolean;
  failed?: string;
}

const waiting = new Map<string, { resolve: (r: CellsResult | undefined) => void; reject: (e: Error) => void }>();

export function blockReplied(reply: BlockReply): void {
  const key = `${reply.task}:${reply.seq}`;
  const w = waiting.get(key);
  if (!w) return; // the file is done (its result is out): nothing waits for this any more
  waiting.delete(key);
  if (reply.cells) w.resolve(reply.cells);
  else if (reply.reclaimed) w.resolve(undefined);
  else w.reject(new Error(reply.failed ?? 'internal error: block lost'));
}

/** Called by the worker that analyzed a block: one more of the sender's blocks finished. */
export function countFinished(finished: SharedArrayBuffer): void {
  Atomics.add(new Int32Array(finished), 0, 1);
}

export function remoteCells(port: MessagePort, task: number, helpers: number): RemoteCells & { close(): void } {
  let seq = 0;
  /** Blocks that came back unanalyzed (asked back, or their worker failed). */
  let returned = 0;
  const file = `${threadId}:${task}`;
  const finished = new SharedArrayBuffer(4);
  const counter = new Int32Array(finished);
  const mine = new Set<string>();
  return {
    helpers,
    send(cells) {
      const key = `${task}:${++seq}`;
      mine.add(key);
      const message: BlockMessage = { id: task, block: { seq, file, cells, finished } };
      return new Promise<CellsResult | undefined>((resolve, reject) => {
        waiting.set(key, { resolve, reject });
        port.postMessage(message);
      }).then(
        (result) => {
          if (!result) returned++;
          return result;
        },
        (error: unknown) => {
          returned++;
          throw error;
        },
      );
    },
    busy() {
      return seq - returned - Atomics.load(counter, 0);
    },
    reclaim() {
      port.postMessage({ id: task, reclaim: true } satisfies BlockMessage);
    },
    close() {
      for (const key of mine) waiting.delete(key);
    },
  };
}
