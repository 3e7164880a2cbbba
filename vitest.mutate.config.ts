/**
 * The vitest configuration StrykerJS runs (stryker.config.mjs): the suite minus the tests that exercise dist/
 * or outside programs rather than the instrumented src/ (the build proof, the accuracy gate through the bin,
 * git, the SARIF validator), which cannot see a mutant and only cost time per mutant.
 */
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [
        'test/build/**',
        'test/accuracy/**',
        'test/git/**',
        'test/walk/long-paths.test.ts',
        'test/report/sarif-validator.test.ts',
        'test/output/spill.test.ts',
        '**/node_modules/**',
      ],
    },
  }),
);
