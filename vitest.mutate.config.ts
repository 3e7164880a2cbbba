/**
 * The vitest configuration StrykerJS runs (stryker.config.mjs): the unit and property tests of the mutated
 * files, which import src/ directly. Left out: tests that exercise dist/ or outside programs (the build proof,
 * the accuracy gate through the bin, git, the SARIF validator, OCR) and cannot see a mutant, the tests that run
 * as nobody (test/unprivileged.ts), who cannot enter Stryker's sandbox, and the CLI and scan tests, which import
 * everything and made the initial run exceed Stryker's time-out on the shared machine.
 * test/mutation/load-mutated.ts loads the mutated modules before every test file, so their module-level code is
 * never credited to the one test that happened to load them first (that made its mutants false survivors).
 */
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// Not mergeConfig: it would append to the base `include` instead of replacing it.
export default defineConfig({
  test: {
    ...base.test,
    include: ['test/validators/**/*.test.ts', 'test/score/**/*.test.ts', 'test/report/**/*.test.ts', 'test/properties/**/*.test.ts', 'test/patterns/**/*.test.ts', 'test/detect/**/*.test.ts'],
    exclude: ['test/report/sarif-validator.test.ts', 'test/report/html-browser.test.ts', '**/node_modules/**'],
    // The mutated modules load before any test, so their module-level code is static coverage, not a test's.
    setupFiles: ['test/mutation/load-mutated.ts'],
  },
});
