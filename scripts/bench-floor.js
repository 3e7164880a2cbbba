#!/usr/bin/env node
/**
 * bench-floor — what the cheapest Node pipeline costs on a bench workload: two worker threads that read each
 * file, decode it (UTF-8, or Shift_JIS when its path says sjis), normalize it to NFKC and run ONE candidate
 * regex over it, counting matches. No validation, context, verdict or report: a floor under any scanner of
 * this kind, to compare with ripgrep's time and the targets (BENCHMARKS.md, issue 13).
 * Input: a workload directory (e.g. $TMPDIR/jpii-bench/small) and the stage to stop after. Output: one line,
 * wall time from the start of the walk (node's own start-up not counted) and the matches found.
 * Files over 4 MB are read as 1 MB ranges (cut anywhere), spread over both workers as jpii spreads its chunks.
 *   node scripts/bench-floor.js DIR [read|decode|nfkc|regex]
 */
import { closeSync, openSync, readFileSync, readSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const STAGES = ['read', 'decode', 'nfkc', 'regex'];
const RUN_BYTES = 1 << 20;
const BIG_BYTES = 4 << 20;
const WORKERS = 2;
const CANDIDATES = /[0-9][0-9-]{5,}|@|〒/g;

/** Pieces of work: [path, start, end] (end -1: the whole file). */
function pieces(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(d, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.isFile()) out.push(path);
    }
  };
  walk(dir);
  return out.flatMap((path) => {
    const bytes = statSync(path).size;
    if (bytes <= BIG_BYTES) return [[path, 0, -1]];
    const runs = [];
    for (let at = 0; at < bytes; at += RUN_BYTES) runs.push([path, at, Math.min(bytes, at + RUN_BYTES)]);
    return runs;
  });
}

function readRange(path, start, end) {
  const fd = openSync(path, 'r');
  try {
    const out = Buffer.allocUnsafe(end - start);
    return out.subarray(0, readSync(fd, out, 0, out.length, start));
  } finally {
    closeSync(fd);
  }
}

function work({ items, stage }) {
  const decoders = { utf8: new TextDecoder('utf-8'), sjis: new TextDecoder('shift_jis') };
  let found = 0;
  for (const [path, start, end] of items) {
    const bytes = end < 0 ? readFileSync(path) : readRange(path, start, end);
    if (stage === 'read') {
      found += bytes.length > 0 ? 1 : 0;
      continue;
    }
    let text = (path.includes('sjis') ? decoders.sjis : decoders.utf8).decode(bytes);
    if (stage === 'decode') continue;
    text = text.normalize('NFKC');
    if (stage === 'nfkc') continue;
    CANDIDATES.lastIndex = 0;
    while (CANDIDATES.test(text)) found++;
  }
  return found;
}

if (isMainThread) {
  const [dir, stage = 'regex'] = process.argv.slice(2);
  if (!dir || !STAGES.includes(stage)) {
    process.stderr.write(`usage: node scripts/bench-floor.js DIR [${STAGES.join('|')}]\n`);
    process.exit(2);
  }
  const started = performance.now();
  const all = pieces(dir);
  const counts = await Promise.all(
    Array.from({ length: WORKERS }, (_, w) => {
      const items = all.filter((_, i) => i % WORKERS === w);
      return new Promise((resolve, reject) => {
        const worker = new Worker(new URL(import.meta.url), { workerData: { items, stage } });
        worker.once('message', resolve);
        worker.once('error', reject);
      });
    }),
  );
  const ms = performance.now() - started;
  console.log(`${dir} ${stage}: ${all.length} pieces, ${ms.toFixed(0)} ms, ${counts.reduce((a, b) => a + b, 0)} matches`);
} else {
  parentPort.postMessage(work(workerData));
}
