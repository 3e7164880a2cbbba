import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/ from the current source before the suite (worker threads and the CLI run dist/) and
    // refuses UPDATE_SNAPSHOTS under CI.
    globalSetup: ['test/setup/global-setup.ts'],
    // `it.only` / `describe.only` fail the run under CI instead of silently skipping the rest.
    allowOnly: !process.env['CI'],
    testTimeout: 20000,
    hookTimeout: 60000,
  },
});
