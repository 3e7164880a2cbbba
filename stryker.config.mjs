/**
 * Mutation testing (StrykerJS, `npm run mutate`). Scores per group and file are recorded in TESTING.md.
 *
 * `npm run mutate` covers the core, where a mutation that no test sees leaks data or changes a verdict:
 * masking, fingerprints, check digits, header/context scoring and the neutralisation of report cells.
 * The other groups (and the core in parts) run one at a time on a shared machine:
 *   MUTATE_GROUP=validators npm run mutate -- --concurrency 1
 * Groups: core (default), mask (mask + fingerprint + CSV report), validators, scoring (confidence + risk),
 * writers (JSON, SARIF, text), all. `--mutate 'file,…'` still overrides the file list.
 * Report: reports/mutation/mutation.json (Stryker's JSON format, its default path) and mutation.html.
 * Not part of .ci/run: a run takes tens of minutes.
 */
import { readFileSync } from 'node:fs';

/** `file:from-to`, the lines from the first one matching `start` to the next one matching `end`. */
function linesOf(file, start, end) {
  const lines = readFileSync(new URL(file, import.meta.url), 'utf8').split('\n');
  const from = lines.findIndex((l) => start.test(l));
  const to = from < 0 ? -1 : lines.findIndex((l, i) => i > from && end.test(l));
  if (to < 0) throw new Error(`stryker.config.mjs: ${start} … ${end} not found in ${file}`);
  return `${file}:${from + 1}-${to + 1}`;
}

const GROUPS = {
  mask: ['src/score/mask.ts', 'src/score/fingerprint.ts', 'src/report/csv.ts'],
  // Check digits, Luhn, phone and postal code (the other validators hold large word lists and regexes:
  // 1,671 mutants for the whole folder, two hours on the shared machine; `all` includes them).
  validators: [
    'src/validators/my-number.ts',
    'src/validators/corporate-number.ts',
    'src/validators/credit-card.ts',
    'src/validators/bank-account.ts',
    'src/validators/drivers-license.ts',
    'src/validators/phone.ts',
    'src/validators/postal-code.ts',
  ],
  scoring: ['src/score/confidence.ts', 'src/score/key-context.ts', 'src/score/risk.ts'],
  writers: ['src/report/json.ts', 'src/report/sarif.ts', 'src/report/sarif-location.ts', 'src/report/location.ts', 'src/report/text.ts'],
  // Parts of files by line range, found by their code (so edits elsewhere in those files do not move them):
  // the column-header rules of confidence.ts (contextOf's header block, headerWordsOf) and textCell of
  // xlsx-rows.ts. The rest of confidence.ts is in the `scoring` group.
  core: [
    'src/score/mask.ts',
    'src/score/fingerprint.ts',
    'src/validators/my-number.ts',
    'src/validators/corporate-number.ts',
    'src/validators/credit-card.ts',
    linesOf('src/score/confidence.ts', /const header = ctx\.headerAt/, /^  }$/),
    linesOf('src/score/confidence.ts', /^function headerWordsOf\(/, /^}$/),
    'src/report/csv.ts',
    linesOf('src/report/xlsx-rows.ts', /^export function textCell\(/, /^}$/),
  ],
};
GROUPS.all = [...new Set([...GROUPS.mask, 'src/validators/**/*.ts', '!src/validators/types.ts', ...GROUPS.scoring, ...GROUPS.writers, GROUPS.core.at(-1)])];

const group = process.env.MUTATE_GROUP ?? 'core';
if (!GROUPS[group]) throw new Error(`MUTATE_GROUP=${group}: not one of ${Object.keys(GROUPS).join(', ')}`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutate.config.ts', related: true },
  mutate: GROUPS[group],
  // Worker threads run dist/ (built by `npm run mutate` before Stryker copies the project): mutants reach
  // only code that runs in the test's own thread, which is where these files are unit-tested.
  ignorePatterns: ['.bench', 'reports', 'coverage', '.stryker-tmp', '.mut-logs', '*.log'],
  // Stryker rewrites tsconfig `references` through the TypeScript JS API, which TypeScript 7 (native) no longer
  // has; this project's tsconfig has no references, so point the option at nothing.
  tsconfigFile: 'tsconfig.none.json',
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants: the CSV header, card IIN tables, masker table) need a fresh
  // module graph and the whole test set each: about a minute per mutant on the shared 2-core machine, so a
  // group would take hours. They are reported as Ignored and left out of the score; they are measured by
  // hand instead (test/mutation/hand-apply.mjs, figures in TESTING.md). vitest.mutate.config.ts loads the
  // mutated modules before the tests, so such code is static and never planned as one test's (which made
  // it a false survivor).
  ignoreStatic: true,
  concurrency: 1,
  timeoutMS: 30000,
  dryRunTimeoutMinutes: 20,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  thresholds: { high: 90, low: 80, break: 80 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
