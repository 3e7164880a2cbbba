#!/usr/bin/env node
/**
 * Applies mutants of a Stryker JSON report by hand, one at a time, in a scratch copy of the repository, and runs
 * the given vitest files against each: the check TESTING.md asks for before a survivor is called real, and the
 * way static mutants (module-level constants, which `ignoreStatic` leaves out of Stryker's score) are measured.
 *
 *   node test/mutation/hand-apply.mjs REPORT FILE [--status Survived,Ignored] [--ids 1,2] [--static] -- TEST_FILE…
 *
 * REPORT: a mutation.json; FILE: one mutated file as the report names it. The mutant is applied to the file as it
 * is now; if it changed since the report, at the same lines found by their text (or skipped, and said so, when
 * they changed too). Prints one line per mutant and a summary;
 * exit code 0. The scratch copy (a temporary directory, node_modules linked) is removed at the end; the
 * worktree is never written to. Tests run with the mutate config and without the globalSetup build
 * (STRYKER_MUTATOR_WORKER set): dist/ is copied once, unmutated.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(new URL('../../', import.meta.url).pathname);
const args = process.argv.slice(2);
const dash = args.indexOf('--');
const [reportPath, file, ...opts] = dash < 0 ? args : args.slice(0, dash);
const tests = dash < 0 ? [] : args.slice(dash + 1);
if (!reportPath || !file || tests.length === 0) {
  console.error('usage: hand-apply.mjs REPORT FILE [--status S,S] [--ids 1,2] [--static] -- TEST_FILE…');
  process.exit(2);
}
const opt = (name) => {
  const i = opts.indexOf(name);
  return i < 0 ? undefined : opts[i + 1];
};
const statuses = (opt('--status') ?? 'Survived').split(',');
const ids = opt('--ids')?.split(',');
const onlyStatic = opts.includes('--static');

const report = JSON.parse(readFileSync(reportPath, 'utf8'));
const entry = report.files[file];
if (!entry) throw new Error(`${file}: not in ${reportPath}`);
const mutants = entry.mutants.filter((m) => (ids ? ids.includes(m.id) : statuses.includes(m.status) && (!onlyStatic || m.static)));

/** A source with one mutant's replacement at its location (lines and columns from 1), `shift` lines down. */
function mutate(source, { location: { start, end }, replacement }, shift = 0) {
  const lines = source.split('\n');
  const offset = (p) => lines.slice(0, p.line - 1 + shift).reduce((n, l) => n + l.length + 1, 0) + p.column - 1;
  return source.slice(0, offset(start)) + replacement + source.slice(offset(end));
}

/**
 * The mutated current file. When the file changed since the report, the mutant's lines are looked up in it by
 * their text (they must occur once, unchanged); otherwise the report's own source is used.
 */
function mutateCurrent(current, m) {
  if (current === entry.source) return mutate(current, m);
  const old = entry.source.split('\n');
  const now = current.split('\n');
  const block = old.slice(m.location.start.line - 1, m.location.end.line);
  const at = now.flatMap((_, i) => (block.every((l, k) => now[i + k] === l) ? [i] : []));
  if (at.length !== 1) return undefined;
  return mutate(current, m, at[0] - (m.location.start.line - 1));
}

const scratch = mkdtempSync(join(tmpdir(), 'jpii-hand-mutants-'));
try {
  cpSync(ROOT, scratch, {
    recursive: true,
    filter: (src) => !/\/(node_modules|\.git|reports|\.stryker-tmp|\.mut-logs|\.bench|coverage)(\/|$)/.test(src.slice(ROOT.length - 1)),
  });
  symlinkSync(join(ROOT, 'node_modules'), join(scratch, 'node_modules'));
  const target = join(scratch, file);
  const original = readFileSync(target, 'utf8');
  let killed = 0;
  for (const m of mutants) {
    const mutated = mutateCurrent(original, m);
    if (mutated === undefined) {
      console.log(`${m.id}\t${m.status}\tL${m.location.start.line}\tits lines are no longer in ${file} unchanged: not applied`);
      continue;
    }
    writeFileSync(target, mutated);
    const run = spawnSync('npx', ['vitest', 'run', '-c', 'vitest.mutate.config.ts', ...tests], {
      cwd: scratch,
      env: { ...process.env, STRYKER_MUTATOR_WORKER: 'hand-apply', CI: '' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const failed = /Tests\s+.*?(\d+) failed/.exec(run.stdout.replace(/\x1b\[[0-9;]*m/g, ''))?.[1];
    const verdict = run.status === 0 ? 'survived' : failed ? `killed (${failed} failed)` : `killed (vitest exit ${run.status}, no test result: load error)`;
    if (run.status !== 0) killed++;
    const l = m.location.start;
    console.log(`${m.id}\t${m.status}${m.static ? '/static' : ''}\tL${l.line}:${l.column}\t${m.mutatorName}\t${JSON.stringify(m.replacement).slice(0, 60)}\t${verdict}`);
    writeFileSync(target, original);
  }
  console.log(`${file}: ${killed} of ${mutants.length} killed by hand (${tests.join(' ')})`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
