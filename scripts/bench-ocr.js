#!/usr/bin/env node
/**
 * bench-ocr — pages per second and peak memory of `jpii scan --ocr` on a set of scanned-paper fixtures
 * (fixtures/ocr/<set>), for --jobs 1 and --jobs 2 in alternation (this machine's speed drifts), and the
 * start-up cost `--ocr` must not add to scans without it (a text file scanned with this build and, with
 * --against DIR, another built checkout, alternating).
 * Usage: node scripts/bench-ocr.js [--set heldout] [--runs 3] [--against DIR]. Peak RSS from GNU time's %M
 * (the whole process: the recognisers run as threads of it). Prints; asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const set = arg('set', 'heldout');
const runs = Number(arg('runs', '3'));
const against = arg('against');
const TIME = '/usr/bin/time';
const tmp = mkdtempSync(join(tmpdir(), 'jpii-bench-ocr-'));

function timed(root, args, cwd) {
  const rss = join(tmp, 'rss');
  const cmd = [process.execPath, join(root, 'bin', 'jpii.js'), ...args];
  const started = process.hrtime.bigint();
  const r = existsSync(TIME) ? spawnSync(TIME, ['-f', '%M', '-o', rss, ...cmd], { cwd }) : spawnSync(cmd[0], cmd.slice(1), { cwd });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0 && r.status !== 1) throw new Error(`jpii exited ${r.status}: ${r.stderr}`);
  const kib = existsSync(TIME) ? Number(readFileSync(rss, 'utf8').trim().split('\n').pop()) : NaN;
  return { seconds, mb: kib / 1024, stdout: r.stdout.toString() };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const range = (xs) => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`;

try {
  const dir = join(ROOT, 'fixtures', 'ocr', set);
  const results = { 1: [], 2: [] };
  let pages = 0;
  for (let i = 0; i < runs; i++) {
    for (const jobs of i % 2 ? [2, 1] : [1, 2]) {
      const r = timed(ROOT, ['scan', '.', '--ocr', '--jobs', String(jobs), '-f', 'json', '--no-progress', '--fail-on', 'never'], dir);
      pages = JSON.parse(r.stdout).files.reduce((a, f) => a + (f.ocrPages ?? 0), 0);
      results[jobs].push(r);
    }
  }
  console.log(`jpii scan fixtures/ocr/${set} --ocr: ${pages} pages, ${runs} alternating runs per --jobs`);
  for (const jobs of [1, 2]) {
    const s = results[jobs].map((r) => r.seconds);
    const mb = results[jobs].map((r) => r.mb);
    console.log(`  --jobs ${jobs}: ${median(s).toFixed(1)} s median (${range(s)}), ${(pages / median(s)).toFixed(2)} pages/s, peak RSS ${median(mb).toFixed(0)} MB (${range(mb)})`);
  }
  const text = join(tmp, 'notes.txt');
  writeFileSync(text, '連絡先 090-1234-5678\n');
  const builds = against ? [ROOT, against] : [ROOT];
  const startup = new Map(builds.map((b) => [b, []]));
  for (let i = 0; i < runs * 3; i++) for (const b of i % 2 ? [...builds].reverse() : builds) startup.get(b).push(timed(b, ['scan', text, '--no-progress', '--fail-on', 'never'], tmp));
  console.log(`start-up, one text file without --ocr, ${runs * 3} alternating runs:`);
  for (const [b, rs] of startup) console.log(`  ${b === ROOT ? 'this build' : b}: ${median(rs.map((r) => r.seconds)).toFixed(3)} s median (${range(rs.map((r) => r.seconds))}), peak RSS ${median(rs.map((r) => r.mb)).toFixed(0)} MB`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
