/** Batcher: files leave in batches of the given size, or on the next turn of the event loop, each with its own result. */
import { describe, expect, it } from 'vitest';
import type { FileRef, FileResult } from '../../src/model.js';
import { Batcher } from '../../src/scan/batcher.js';
import type { WorkerPool } from '../../src/scan/pool.js';

function fakePool(): { pool: WorkerPool; batches: number[] } {
  const batches: number[] = [];
  const pool = {
    runBatch: async (items: { ref: FileRef; bytes: Uint8Array }[]): Promise<FileResult[][]> => {
      batches.push(items.length);
      return items.map(({ ref }) => [{ path: ref.relPath, format: 'text', status: 'scanned', labels: [], labelled: false, risk: 0, sensitive: false, findings: [] }]);
    },
  } as unknown as WorkerPool;
  return { pool, batches };
}

const ref = (i: number): FileRef => ({ absPath: `/x/${i}`, relPath: `f${i}.txt`, size: 10 });

describe('Batcher', () => {
  it('sends full batches at once and the rest on the next turn; every file gets its own result', async () => {
    const { pool, batches } = fakePool();
    const batcher = new Batcher(pool, 4, 1024 * 1024);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => batcher.add(ref(i), new Uint8Array(10))));
    expect(batches).toEqual([4, 4, 2]);
    expect(results.map((r) => r[0]?.path)).toEqual(Array.from({ length: 10 }, (_, i) => `f${i}.txt`));
  });

  it('a batch also leaves when its bytes reach the limit', async () => {
    const { pool, batches } = fakePool();
    const batcher = new Batcher(pool, 100, 25);
    await Promise.all([0, 1, 2].map((i) => batcher.add(ref(i), new Uint8Array(10))));
    expect(batches).toEqual([3]);
    await Promise.all([3, 4].map((i) => batcher.add(ref(i), new Uint8Array(20))));
    expect(batches).toEqual([3, 2]);
  });
});
