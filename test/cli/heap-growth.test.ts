/**
 * The launcher's heap growth (src/heap-growth.ts): set for every jpii process unless the user gave node a
 * growth of their own. Its effect on memory is measured with `npm run bench`, never asserted here.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { heapGrowthFlag, HEAP_GROWING_PERCENT, inliningFlag } from '../../src/heap-growth.js';
import { ensureBuilt, REPO_ROOT } from './run.js';

describe('heap growth flag', () => {
  it('is set when node was given no growth of its own', () => {
    expect(heapGrowthFlag([])).toBe(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    expect(heapGrowthFlag(['--max-semi-space-size=4', '--heap-growing-percent-x'])).toBe('--heap-growing-percent=50');
  });

  it.each([['--heap-growing-percent=80'], ['--heap_growing_percent=80'], ['--heap-growing-percent']])('leaves %s to the user', (arg) => {
    expect(heapGrowthFlag(['--max-semi-space-size=4', arg])).toBeUndefined();
  });

  it.each([['--max-inlined-bytecode-size-cumulative=500'], ['--max_inlined_bytecode_size_cumulative=500']])('leaves the inlining budget %s to the user', (arg) => {
    expect(inliningFlag([])).toBe('--max-inlined-bytecode-size-cumulative=300');
    expect(inliningFlag(['--max-inlined-bytecode-size=100'])).toBe('--max-inlined-bytecode-size-cumulative=300');
    expect(inliningFlag([arg])).toBeUndefined();
    expect(heapGrowthFlag([arg])).toBe('--heap-growing-percent=50');
  });

  it('is what the built module sets in a node process, and node takes it', () => {
    ensureBuilt();
    const script = `import(${JSON.stringify(join(REPO_ROOT, 'dist', 'heap-growth.js'))}).then((m) => console.log(String(m.tuneV8())))`;
    const run = (args: string[]) => spawnSync(process.execPath, [...args, '-e', script], { encoding: 'utf8' });
    const plain = run([]);
    expect(plain.stderr).toBe('');
    expect(plain.stdout).toBe('--heap-growing-percent=50 --max-inlined-bytecode-size-cumulative=300\n');
    expect(run(['--heap-growing-percent=80']).stdout).toBe('--max-inlined-bytecode-size-cumulative=300\n');
    expect(run(['--heap-growing-percent=80', '--max-inlined-bytecode-size-cumulative=900']).stdout).toBe('undefined\n');
  });
});
