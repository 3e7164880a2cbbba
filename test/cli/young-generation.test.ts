/**
 * This thread's young generation held while workers analyze (src/young-generation.ts): when the hold applies
 * and which growth factor it sets. Its effect on memory is measured with `npm run bench`, never asserted here.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELD_NEW_SPACE_BYTES, semiSpaceGrowth } from '../../src/young-generation.js';
import { ensureBuilt, REPO_ROOT } from './run.js';

const MB = 1024 * 1024;

describe('young generation hold', () => {
  it('holds a new space of 2 × 8 MB or more, lets a smaller one grow', () => {
    expect(HELD_NEW_SPACE_BYTES).toBe(16 * MB);
    expect(semiSpaceGrowth(32 * MB)).toBe(1);
    expect(semiSpaceGrowth(16 * MB)).toBe(1);
    expect(semiSpaceGrowth(16 * MB - 1)).toBe(2);
    expect(semiSpaceGrowth(2 * MB)).toBe(2);
  });

  // A child process: enabling and holding set process-wide V8 flags, which this test runner must not get.
  const inChild = (nodeArgs: string[], body: string) => {
    ensureBuilt();
    const mod = JSON.stringify(join(REPO_ROOT, 'dist', 'young-generation.js'));
    const r = spawnSync(process.execPath, [...nodeArgs, '--input-type=module', '-e', `const m = await import(${mod}); ${body}`], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    return r.stdout;
  };

  it('is enabled by the launcher unless node was given semi-space flags of the user', () => {
    expect(inChild([], 'console.log(m.enableYoungGenerationHold())')).toBe('true\n');
    for (const flag of ['--max-semi-space-size=4', '--min_semi_space_size=2', '--semi-space-growth-factor=4']) {
      expect(inChild([flag], 'console.log(m.enableYoungGenerationHold())')).toBe('false\n');
    }
  });

  it('holds, then releases without keeping the process alive', () => {
    const out = inChild([], 'm.enableYoungGenerationHold(); const release = m.holdYoungGeneration(); await new Promise((r) => setTimeout(r, 450)); release(); console.log("released");');
    expect(out).toBe('released\n');
    // Not enabled (jpii run in-process): nothing to release, no timer left behind.
    expect(inChild([], 'const release = m.holdYoungGeneration(); release(); console.log(typeof release);')).toBe('function\n');
  });
});
