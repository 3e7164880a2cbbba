/**
 * What the measuring scripts (gc-summary.js, thread-cpu.js) share: their own options before `--` and the
 * jpii scan after it, and the scan's command line with its report in a temporary folder (removed by the
 * caller's `done`), so a measured scan writes nothing the caller keeps.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * `[own options] -- PATH [scan options]`: `own` maps each option the script takes (`--jpii`, `--runs`…)
 * to whether it takes a value; returns the options given (value or true) and the scan's arguments.
 */
export function splitArgs(argv, own, usage) {
  const dash = argv.indexOf('--');
  const mine = dash < 0 ? argv : argv.slice(0, dash);
  const scan = dash < 0 ? [] : argv.slice(dash + 1);
  const given = {};
  for (let i = 0; i < mine.length; i++) {
    const name = mine[i];
    if (!(name in own)) throw new Error(`unknown option ${name} (usage: ${usage})`);
    given[name] = own[name] ? mine[++i] : true;
    if (given[name] === undefined) throw new Error(`${name} needs a value (usage: ${usage})`);
  }
  if (scan.length === 0) throw new Error(`give the scan after --: ${usage}`);
  return { given, scan };
}

/** The built checkout to run: `--jpii DIR`, else `fallback` (the script's own repository). */
export const jpiiDir = (given, fallback) => (given['--jpii'] === undefined ? fallback : resolve(given['--jpii']));

/** node's arguments for `jpii scan …` with a JSON report in a new temporary folder; `done()` removes it. */
export function scanArgv(jpii, scan, nodeFlags = []) {
  const dir = mkdtempSync(join(tmpdir(), 'jpii-measure-'));
  return {
    argv: [...nodeFlags, join(jpii, 'bin', 'jpii.js'), 'scan', ...scan, '--format', 'json', '-o', join(dir, 'report.json'), '--no-progress'],
    done: () => rmSync(dir, { recursive: true, force: true }),
  };
}
