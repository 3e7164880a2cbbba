#!/usr/bin/env node
// jpii — tiny launcher: run the built CLI, map its result to an exit code, stay quiet on a closed pipe.
//
// CommonJS on purpose (bin/package.json): Node reads a CommonJS entry synchronously, so libuv's thread pool
// has not started when the next line sets its size. Node 20 reads an ES module entry through that pool, which
// so started with its default 4 threads whatever the script set afterwards (seen in /proc: 4, not 16).
// Many threads let the stats and reads of a network share overlap (src/walk/fs-kind.ts: local disks are
// read synchronously and do not use them).
'use strict';
process.env.UV_THREADPOOL_SIZE ??= '16';
process.stdout.on('error', (error) => {
  if (error && error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

async function run() {
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
}

run();
