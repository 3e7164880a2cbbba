#!/usr/bin/env node
// jpii — tiny launcher: run the built CLI, map its result to an exit code, stay quiet on a closed pipe.
process.stdout.on('error', (error) => {
  if (error && error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
// Reading thousands of small files overlaps better with more libuv threads than the default 4 (must be set
// before the first asynchronous file operation).
process.env.UV_THREADPOOL_SIZE ??= '16';
try {
  const { main, tuneV8, enableYoungGenerationHold } = await import('../dist/cli.js');
  // V8 tuning for this process, before any worker starts: full collections before this thread's dead buffers
  // pile up, a smaller inlining budget for TurboFan, and this thread's young generation held small while
  // workers analyze (src/heap-growth.ts, src/young-generation.ts). Optional: a dist/ built before they
  // existed runs without.
  tuneV8?.();
  enableYoungGenerationHold?.();
  const code = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env });
  process.exitCode = code;
} catch (error) {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist')) {
    process.stderr.write("jpii: not built yet: run 'npm ci' (or 'npm run build') first\n");
  } else {
    process.stderr.write(`jpii: internal error: ${error && error.stack ? error.stack : error}\n`);
  }
  process.exitCode = 2;
}
