import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'jpii-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const POOL = pathToFileURL(join(process.cwd(), 'dist/scan/pool.js')).href;

/**
 * Runs a script in a fresh process with a pool whose workers never answer (a parser stuck in a loop), and
 * returns its output and how long the process took to end.
 */
function runStuck(body: string, limitMs: number): { stdout: string; stderr: string; status: number | null; ms: number } {
  const worker = join(dir, 'stuck-worker.mjs');
  writeFileSync(worker, "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => {});\n");
  const script = join(dir, `main-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(script, `import { WorkerPool } from ${JSON.stringify(POOL)};\nconst pool = new WorkerPool(new URL(${JSON.stringify(pathToFileURL(worker).href)}), 2, {}, ${limitMs});\n${body}\n`);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 20_000 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status, ms: Date.now() - t0 };
}

describe('WorkerPool.close', () => {
  it('fails the tasks still running or queued, and the process ends without waiting for their time limits', () => {
    const r = runStuck(`
const ref = (n) => ({ absPath: '/x/' + n, relPath: n, size: 1 });
const results = ['a', 'b', 'c'].map((n) => pool.runBytes(ref(n), new Uint8Array(1)));
await new Promise((r) => setTimeout(r, 100));
await pool.close();
for (const rs of await Promise.all(results)) console.log(rs[0].path, rs[0].status, rs[0].reason);
console.log('after close', await pool.runBytes(ref('d'), new Uint8Array(1)).then((rs) => rs[0].reason));
`, 8000);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n')).toEqual([
      'a error scan stopped before this was analyzed',
      'b error scan stopped before this was analyzed',
      'c error scan stopped before this was analyzed',
      'after close scan stopped before this was analyzed',
    ]);
    expect(r.status).toBe(0);
    // Before the fix, each running task's 8 s limit fired after close and started a fresh worker that kept
    // the process alive until the spawnSync time-out (20 s, status null).
    expect(r.ms).toBeLessThan(8000);
  });

  it('a time limit that fires before close still fails the task and replaces the worker', () => {
    const r = runStuck(`
const t0 = Date.now();
const rs = await pool.runBytes({ absPath: '/x/a', relPath: 'a', size: 1 }, new Uint8Array(1));
console.log(rs[0].status, rs[0].reason, Date.now() - t0 >= 1400);
await pool.close();
`, 1500);
    expect(r.stdout.trim()).toBe('error timed out after 2 s (parser stopped) true');
    expect(r.status).toBe(0);
  });
});

describe('WorkerPool order', () => {
  it('takes a big document before smaller ones queued earlier; other tasks keep their order', () => {
    const worker = join(dir, 'echo-worker.mjs');
    // Answers each task after 20 ms with the order in which it was taken.
    writeFileSync(worker, `import { parentPort } from 'node:worker_threads';
let n = 0;
parentPort.on('message', (m) => {
  const taken = ++n;
  setTimeout(() => parentPort.postMessage({ id: m.id, results: [{ path: m.ref.relPath, taken }] }), 20);
});
`);
    const script = join(dir, 'order.mjs');
    writeFileSync(script, `import { WorkerPool } from ${JSON.stringify(POOL)};
const pool = new WorkerPool(new URL(${JSON.stringify(pathToFileURL(worker).href)}), 1, {}, 8000);
const run = (name, size) => pool.runBytes({ absPath: '/x/' + name, relPath: name, size }, new Uint8Array(size));
const all = await Promise.all([run('first', 1), run('small-1', 10), run('big-2MB', 2 << 20), run('small-2', 10), run('big-1MB', 1 << 20)]);
console.log(all.map((rs) => rs[0].path + ':' + rs[0].taken).join(' '));
await pool.close();
`);
    const r = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 20_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('first:1 small-1:4 big-2MB:2 small-2:5 big-1MB:3');
  });
});
