/**
 * Golden-file comparison: UPDATE_SNAPSHOTS=1 rewrites the file; a missing file fails under CI and is
 * written (and passes) elsewhere.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export function expectGolden(name: string, actual: string): void {
  const file = fileURLToPath(new URL(`./golden/${name}`, import.meta.url));
  if (process.env.UPDATE_SNAPSHOTS === '1') {
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) {
    if (process.env.CI) throw new Error(`golden file missing: ${name} (run with UPDATE_SNAPSHOTS=1)`);
    writeFileSync(file, actual);
    return;
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
