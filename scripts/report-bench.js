#!/usr/bin/env node
/**
 * report-bench — how long `jpii report` takes to render a big saved JSON report, and its peak memory.
 *
 *   node scripts/report-bench.js [--files 100000] [--findings-per 8] [--formats html,xlsx,json,sarif,csv]
 *                                [--runs 2] [--against DIR] [--dir DIR] [--all-findings-sheet]
 *
 * Writes a synthetic JSON report (scripts/lib/synthetic-report.js, seed 7; masked values only) to --dir
 * (default $TMPDIR/jpii-report-bench), then renders it in each format with this checkout's bin/jpii.js and,
 * with --against, another built checkout's, alternating A/B run by run (the machine's speed drifts).
 * Prints per run: wall seconds, user+sys CPU seconds and peak RSS (GNU time), output size, the load average.
 * --findings-per 14 gives about 600,000 findings for 100,000 files (the xlsx findings sheet's size with
 * --all-findings). Never asserts a time; never writes inside the repository.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSyntheticReport } from './lib/synthetic-report.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const files = Number(opt('--files', 100_000));
const findingsPer = Number(opt('--findings-per', 8));
const formats = String(opt('--formats', 'html,xlsx')).split(',');
const runs = Number(opt('--runs', 2));
const against = opt('--against', undefined);
const dir = resolve(opt('--dir', join(tmpdir(), 'jpii-report-bench')));
const TIME = '/usr/bin/time';
if (!existsSync(TIME)) {
  console.error('needs GNU time (/usr/bin/time): apt-get install time');
  process.exit(2);
}

mkdirSync(dir, { recursive: true });
const input = join(dir, `synthetic-${files}-${findingsPer}.json`);
if (!existsSync(input)) {
  const made = await writeSyntheticReport(input, { files, findingsPer });
  console.log(`wrote ${input}: ${made.files} files, ${made.findings} findings, ${(statSync(input).size / 1e6).toFixed(1)} MB`);
}

const builds = [{ name: 'this', root: REPO }, ...(against ? [{ name: 'against', root: resolve(against) }] : [])];
console.log('format  build    run  load-avg   wall s   cpu s  peak MB  output MB');
for (const format of formats) {
  for (let run = 1; run <= runs; run++) {
    for (const { name, root } of builds) {
      const out = join(dir, `out-${name}.${format}`);
      const stats = join(dir, 'time.txt');
      rmSync(out, { force: true });
      const avg = loadavg()[0].toFixed(1);
      const r = spawnSync(TIME, ['-o', stats, '-f', '%e %U %S %M', process.execPath, join(root, 'bin', 'jpii.js'), 'report', input, '-f', format, '-o', out], { encoding: 'utf8' });
      if (r.status !== 0) {
        console.log(`${format} ${name}: failed (exit ${r.status}): ${r.stderr.slice(-500)}`);
        continue;
      }
      const [wall, user, sys, kb] = readFileSync(stats, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
      console.log(
        `${format.padEnd(7)} ${name.padEnd(8)} ${String(run).padStart(3)} ${avg.padStart(9)} ${wall.toFixed(1).padStart(8)} ${(user + sys).toFixed(1).padStart(7)} ` +
          `${(kb / 1024).toFixed(0).padStart(8)} ${(statSync(out).size / 1e6).toFixed(1).padStart(10)}`,
      );
    }
  }
}
