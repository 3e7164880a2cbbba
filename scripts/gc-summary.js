#!/usr/bin/env node
/**
 * gc-summary — what V8's garbage collector did during one jpii scan, per isolate (this thread and each
 * worker): young-generation collections (scavenges), their pauses, the bytes they promoted to the old
 * generation, full collections and their pauses, bytes allocated. From `node --trace-gc-nvp`, whose counts
 * hardly move between runs of the same build: a way to compare two builds on a machine whose timings drift.
 * Objects still alive at a scavenge are copied, and promoted at the next; what is promoted is freed only
 * by a full collection (BENCHMARKS.md, "Fewer objects promoted on rosters").
 *
 *   node scripts/gc-summary.js [--jpii DIR] [--runs N] -- PATH [jpii scan options]
 *   e.g. node scripts/gc-summary.js -- /tmp/jpii-bench/roster --jobs 2
 *
 * --jpii DIR: a built checkout to run (default: this one). The report goes to a temporary file, removed.
 */
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jpiiDir, scanArgv, splitArgs } from './lib/scan-run.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'gc-summary.js [--jpii DIR] [--runs N] -- PATH [scan options]';

function parseArgs(argv) {
  const { given, scan } = splitArgs(argv, { '--jpii': true, '--runs': true }, USAGE);
  const runs = given['--runs'] === undefined ? 1 : Number(given['--runs']);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs: a positive integer');
  return { jpii: jpiiDir(given, REPO), runs, scan };
}

/** Per isolate (the address in each trace line), sums of the fields that matter. */
export function summarize(trace) {
  const byIsolate = new Map();
  for (const line of trace.split('\n')) {
    const isolate = /^\[\d+:(0x[0-9a-f]+)\]/.exec(line)?.[1];
    const kind = / gc=(s|mc|mmc|ms)\b/.exec(line)?.[1];
    if (!isolate || !kind) continue;
    const field = (name) => Number(new RegExp(`\\b${name}=([0-9.]+)`).exec(line)?.[1] ?? 0);
    const s = byIsolate.get(isolate) ?? { scavenges: 0, scavengeMs: 0, promoted: 0, allocated: 0, full: 0, fullMs: 0 };
    if (kind === 's') {
      s.scavenges++;
      s.scavengeMs += field('pause');
      s.promoted += field('promoted');
      s.allocated += field('allocated');
    } else {
      s.full++;
      s.fullMs += field('pause');
    }
    byIsolate.set(isolate, s);
  }
  return [...byIsolate.values()].sort((a, b) => b.allocated - a.allocated);
}

const MB = (n) => `${Math.round(n / 1e6)} MB`;

function main() {
  const o = parseArgs(process.argv.slice(2));
  for (let run = 1; run <= o.runs; run++) {
    const { argv, done } = scanArgv(o.jpii, o.scan, ['--trace-gc-nvp']);
    try {
      const r = spawnSync(process.execPath, argv, { encoding: 'utf8', maxBuffer: 1 << 30 });
      if (r.status !== 0 && r.status !== 1) throw new Error(`jpii exited ${r.status}: ${r.stderr.slice(-400)}`);
      const rows = summarize(r.stdout);
      const total = rows.reduce((t, s) => ({ scavenges: t.scavenges + s.scavenges, scavengeMs: t.scavengeMs + s.scavengeMs, promoted: t.promoted + s.promoted, allocated: t.allocated + s.allocated, full: t.full + s.full, fullMs: t.fullMs + s.fullMs }));
      console.log(`run ${run}: ${rows.length} isolates`);
      for (const [name, s] of [...rows.map((s, i) => [`isolate ${i + 1}`, s]), ['all', total]]) {
        console.log(`  ${name.padEnd(10)} scavenges ${String(s.scavenges).padStart(4)} (${s.scavengeMs.toFixed(0)} ms), promoted ${MB(s.promoted)}, full ${s.full} (${s.fullMs.toFixed(0)} ms), allocated ${MB(s.allocated)}`);
      }
    } finally {
      done();
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (error) {
    console.error(`gc-summary: ${error.message}`);
    process.exit(2);
  }
}
