#!/usr/bin/env node
/**
 * instructions — how many machine instructions one build spends analyzing a workload in one thread, counted by
 * valgrind (cachegrind, no cache simulation) with V8 single-threaded and predictable (no concurrent JIT or
 * collector, a fixed hash seed), so two runs of one build agree within ~0.3 %. Wall and CPU times on this
 * machine drift by 20–40 % (BENCHMARKS.md); a change of 1 % shows here, not there. Instructions are not time
 * (cache misses, the collector's threads and the workers' overlap are not in them): a change found here is
 * then timed with `npm run bench -- --against`.
 *
 *   node scripts/instructions.js [--against DIR] [--files N] PATH...
 *
 * A file is analyzed as a large text (chunks, scan/large-text.ts) — a 3 MB cut of a bench workload takes
 * ~40 s under valgrind; a folder: its first N files in path order (default 1000), each analyzed whole
 * (scan/analyze-file.ts). Each workload is analyzed twice in the run (the first warms the code up); the count
 * covers the whole process, start-up included, the same for both builds. `--against DIR`: another checkout,
 * built (`npm run build`), counted alternately with this one. Needs valgrind (Debian: `apt-get install valgrind`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const HARNESS = join(REPO, 'scripts', 'lib', 'instructions-harness.js');
const USAGE = 'usage: node scripts/instructions.js [--against DIR] [--files N] PATH...';

function fail(message) {
  process.stderr.write(`instructions: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const out = { against: undefined, files: 1000, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--against') out.against = resolve(argv[++i] ?? fail(`--against needs a directory\n${USAGE}`));
    else if (a === '--files') out.files = Number(argv[++i]);
    else if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (a.startsWith('-')) fail(`unknown option ${a}\n${USAGE}`);
    else out.paths.push(resolve(a));
  }
  if (!out.paths.length) fail(USAGE);
  if (!Number.isInteger(out.files) || out.files < 1) fail('--files needs a whole number of files');
  for (const p of out.paths) if (!existsSync(p)) fail(`no such file or folder: ${p}`);
  return out;
}

/** Instructions of one harness run of `build` on `path`, in G. */
function count(build, path, files) {
  const dist = join(build, 'dist');
  if (!existsSync(join(dist, 'scan', 'analyzer.js'))) fail(`${build} is not built (npm run build there first)`);
  const run = spawnSync(
    'valgrind',
    ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null', process.execPath, '--single-threaded', '--predictable', HARNESS, dist, path, String(files)],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (run.error) fail(run.error.code === 'ENOENT' ? 'valgrind is not installed (Debian: apt-get install valgrind)' : run.error.message);
  const refs = /I\s+refs:\s+([\d,]+)/.exec(run.stderr);
  if (run.status !== 0 || !refs) fail(`the run of ${build} on ${path} failed:\n${run.stderr.slice(-2000)}`);
  const summary = run.stdout.trim().split('\n').pop() ?? '';
  return { g: Number((refs[1] ?? '0').replaceAll(',', '')) / 1e9, summary };
}

const opts = parseArgs(process.argv.slice(2));
for (const path of opts.paths) {
  const kind = statSync(path).isDirectory() ? `first ${opts.files} files` : 'as a large text';
  const mine = count(REPO, path, opts.files);
  let line = `${path} (${kind}; ${mine.summary}): this build ${mine.g.toFixed(3)} G`;
  if (opts.against) {
    const other = count(opts.against, path, opts.files);
    const change = ((mine.g / other.g - 1) * 100).toFixed(1);
    line += `, ${opts.against} ${other.g.toFixed(3)} G (${change.startsWith('-') ? change : `+${change}`} %)`;
    if (other.summary !== mine.summary) line += `\n  the builds disagree: ${other.summary}`;
  }
  process.stdout.write(`${line}\n`);
}
