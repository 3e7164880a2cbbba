/**
 * How far the walk runs ahead of the workers: text files are bounded to two batches per worker (each one
 * read and its result waiting costs memory), while documents may run further so a big one is reached early.
 * Shown by structure (files handed to the pool and not yet answered), not by timing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WorkerPool } from '../../src/scan/pool.js';
import { scanEach } from '../../src/scan/scan.js';

let dir: string;
const FILES = 400;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jpii-ahead-'));
  // 3 KB each: enough for the scan to use worker threads.
  for (let i = 0; i < FILES; i++) writeFileSync(join(dir, `t-${String(i).padStart(3, '0')}.txt`), `TEL 03-1234-${String(5000 + i)}\n${'本日の議事録です。'.repeat(120)}\n`);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('read-ahead of text files', () => {
  it('holds at most 64 text files per worker in flight, and still scans them all', async () => {
    const run = WorkerPool.prototype.runBatch;
    let inFlight = 0;
    let most = 0;
    const spy = vi.spyOn(WorkerPool.prototype, 'runBatch').mockImplementation(async function (this: WorkerPool, items) {
      inFlight += items.length;
      most = Math.max(most, inFlight);
      // Slower than the walk, as a real analysis is: the walk would fill its whole allowance.
      await new Promise((resolve) => setTimeout(resolve, 20));
      const results = await run.call(this, items);
      inFlight -= items.length;
      return results;
    });
    try {
      const summary = await scanEach({ roots: [dir], base: dir, jobs: 2, analyzer: { minConfidence: 0.5 } }, () => {});
      expect(summary.scanned).toBe(FILES);
      expect(spy).toHaveBeenCalled();
      // 2 workers × 64; the 48 files judged before the pool starts are among them.
      expect(most).toBeLessThanOrEqual(128);
      expect(most).toBeGreaterThan(32);
    } finally {
      spy.mockRestore();
    }
  });
});
