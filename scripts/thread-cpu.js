#!/usr/bin/env node
/**
 * thread-cpu — CPU time of every thread of one jpii scan (Linux: utime + stime from /proc, read every 20 ms
 * while it runs), in the order the threads started: this thread (`main`), V8's helper threads (TurboFan and
 * the collector's helpers; Node starts 4 right after main), libuv's pool, then the analysis workers.
 * `--split` runs the scan twice more to tell the helpers' work apart: with `--no-concurrent-recompilation`
 * TurboFan compiles inside each isolate, with `--single-threaded-gc` the collector works inside each isolate;
 * what leaves the helper threads each time is that part (BENCHMARKS.md, "CPU by thread").
 *
 *   node scripts/thread-cpu.js [--jpii DIR] [--split] -- PATH [jpii scan options]
 *   e.g. node scripts/thread-cpu.js --split -- /tmp/jpii-bench/small --jobs 2
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jpiiDir, scanArgv, splitArgs } from './lib/scan-run.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Clock ticks per second of /proc's times (USER_HZ, 100 on Linux). */
const HZ = 100;
const USAGE = 'thread-cpu.js [--jpii DIR] [--split] -- PATH [scan options]';

function parseArgs(argv) {
  const { given, scan } = splitArgs(argv, { '--jpii': true, '--split': false }, USAGE);
  return { jpii: jpiiDir(given, REPO), split: given['--split'] === true, scan };
}

/** Start (ticks since boot) and CPU (s) of each thread of `pid`, read now. */
function threadsOf(pid) {
  const out = new Map();
  let tids = [];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out; // gone
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(tid), { start: Number(f[19]), cpu: (Number(f[11]) + Number(f[12])) / HZ });
    } catch {
      // the thread ended between the listing and the read: its last reading stands
    }
  }
  return out;
}

/** One scan; resolves with its wall time and each thread's last CPU reading, in start order. */
function measure(jpii, scan, flags) {
  const { argv, done: cleanup } = scanArgv(jpii, scan, flags);
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, argv, { stdio: 'ignore' });
  const seen = new Map();
  const poll = setInterval(() => {
    for (const [tid, t] of threadsOf(child.pid)) seen.set(tid, t);
  }, 20);
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('exit', (code) => {
      clearInterval(poll);
      cleanup();
      if (code !== 0 && code !== 1) return fail(new Error(`jpii exited ${code}`));
      const wall = Number(process.hrtime.bigint() - started) / 1e9;
      const threads = [...seen].map(([tid, t]) => ({ tid, main: tid === child.pid, ...t })).sort((a, b) => a.start - b.start || a.tid - b.tid);
      done({ wall, threads });
    });
  });
}

function show(label, { wall, threads }) {
  const total = threads.reduce((s, t) => s + t.cpu, 0);
  const first = threads[0]?.start ?? 0;
  console.log(`${label}: wall ${wall.toFixed(2)} s, CPU ${total.toFixed(2)} s`);
  for (const t of threads) {
    if (t.cpu < 0.01 && !t.main) continue;
    console.log(`  ${t.main ? 'main  ' : 'thread'} started +${String(((t.start - first) * 1000) / HZ).padStart(5)} ms  ${t.cpu.toFixed(2).padStart(6)} s`);
  }
  return total;
}

async function main() {
  if (process.platform !== 'linux') throw new Error('reads /proc: Linux only');
  const o = parseArgs(process.argv.slice(2));
  const plain = await measure(o.jpii, o.scan, []);
  show('plain', plain);
  if (!o.split) return;
  // V8's helpers start together, right after main, before any script runs (Node 20 names every thread
  // "node"): the threads started within two ticks of the first one after main.
  const helpers = (r) => {
    const batch = r.threads.find((t) => !t.main)?.start ?? 0;
    return r.threads.filter((t) => !t.main && t.start <= batch + 2).reduce((s, t) => s + t.cpu, 0);
  };
  const jit = await measure(o.jpii, o.scan, ['--no-concurrent-recompilation']);
  show('--no-concurrent-recompilation', jit);
  const gc = await measure(o.jpii, o.scan, ['--single-threaded-gc']);
  show('--single-threaded-gc', gc);
  console.log(`V8 helper threads (started with main): ${helpers(plain).toFixed(2)} s; ≈ TurboFan ${(helpers(plain) - helpers(jit)).toFixed(2)} s, ≈ collector ${(helpers(plain) - helpers(gc)).toFixed(2)} s`);
}

main().catch((error) => {
  console.error(`thread-cpu: ${error.message}`);
  process.exit(2);
});
