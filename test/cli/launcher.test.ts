/**
 * The launcher (bin/jpii.js) sizes libuv's thread pool before the pool starts: a network share's stats and
 * reads overlap on its threads. Node 20 reads an ES module entry through that pool, so the size the script set
 * came too late and the pool kept its default 4 threads; the launcher is CommonJS (bin/package.json) for this.
 * Observed in /proc (Linux): the threads of a jpii process waiting for `jpii hash` input on stdin.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BIN, ensureBuilt, testEnv } from './run.js';

const hasProc = existsSync('/proc/self/task');

/** Threads of a process (0 once it has gone). */
function threadCount(pid: number): number {
  try {
    return readdirSync(`/proc/${pid}/task`).length;
  } catch {
    return 0;
  }
}

/** The most threads seen while `jpii hash` waits on stdin, polled until `enough` or the deadline. */
async function threadsWhileWaiting(env: NodeJS.ProcessEnv, enough: number): Promise<number> {
  ensureBuilt();
  const child = spawn(process.execPath, [BIN, 'hash', 'phone'], { env, stdio: ['pipe', 'ignore', 'ignore'] });
  const pid = child.pid as number;
  let most = 0;
  try {
    // The CLI loads (its modules are read through the pool, which starts it), then waits for the value.
    for (const deadline = Date.now() + 10_000; Date.now() < deadline && most < enough; ) {
      most = Math.max(most, threadCount(pid));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return most;
  } finally {
    child.kill();
  }
}

describe.skipIf(!hasProc)('launcher: libuv thread pool', () => {
  it('has 16 threads unless the user chose a size', async () => {
    // main + 16 pool threads at least (V8's own threads come on top).
    expect(await threadsWhileWaiting(testEnv({ UV_THREADPOOL_SIZE: undefined }), 17)).toBeGreaterThanOrEqual(17);
  });

  it("keeps the user's UV_THREADPOOL_SIZE", async () => {
    // 24 is more than the launcher's 16: seen only if the user's size is the one taken.
    expect(await threadsWhileWaiting(testEnv({ UV_THREADPOOL_SIZE: '24' }), 25)).toBeGreaterThanOrEqual(25);
  });
});
