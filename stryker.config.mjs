/**
 * Mutation testing (StrykerJS, `npm run mutate`): the validators, masking, fingerprints, scoring and the report
 * writers. Scores per file are recorded in TESTING.md. One group at a time on a shared machine:
 *   npm run mutate -- --mutate 'src/validators/**\/*.ts'
 * Report: reports/mutation/mutation.json (Stryker's JSON format, its default path) and mutation.html.
 * Not part of .ci/run: a full run takes far longer than CI should.
 */
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutate.config.ts', related: true },
  mutate: [
    'src/validators/**/*.ts',
    '!src/validators/types.ts',
    'src/score/mask.ts',
    'src/score/fingerprint.ts',
    'src/score/confidence.ts',
    'src/score/risk.ts',
    'src/report/csv.ts',
    'src/report/json.ts',
    'src/report/sarif.ts',
    'src/report/sarif-location.ts',
    'src/report/location.ts',
    'src/report/text.ts',
  ],
  // Worker threads run dist/ (built by `npm run mutate` before Stryker copies the project): mutants reach
  // only code that runs in the test's own thread, which is where these files are unit-tested.
  ignorePatterns: ['.bench', 'reports', 'coverage', '.stryker-tmp', '*.log'],
  // Stryker rewrites tsconfig `references` through the TypeScript JS API, which TypeScript 7 (native) no longer
  // has; this project's tsconfig has no references, so point the option at nothing.
  tsconfigFile: 'tsconfig.none.json',
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 30000,
  dryRunTimeoutMinutes: 20,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
