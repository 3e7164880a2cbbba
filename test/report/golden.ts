/**
 * Golden-file comparison. A golden is written only with UPDATE_SNAPSHOTS=1 (then review the diff), and
 * never under CI; a missing golden fails, so deleting one cannot make a run pass.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export function expectGolden(name: string, actual: string): void {
  const file = fileURLToPath(new URL(`./golden/${name}`, import.meta.url));
  const update = process.env['UPDATE_SNAPSHOTS'] === '1';
  if (update && process.env['CI']) throw new Error('UPDATE_SNAPSHOTS is refused under CI');
  if (update) {
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) throw new Error(`golden file missing: ${name} (run with UPDATE_SNAPSHOTS=1 locally and review it)`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
