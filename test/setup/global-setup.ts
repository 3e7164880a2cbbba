/**
 * vitest globalSetup: runs once before any test file.
 * - Refuses UPDATE_SNAPSHOTS under CI: goldens are reviewed changes, never rewritten by a CI job.
 * - Builds dist/ from the current source, so worker threads and CLI transcripts never test a stale build.
 *   STRYKER_MUTATOR_WORKER (set by StrykerJS in its test runners): the sandbox is built once by Stryker's
 *   own build command, and rebuilding it for every mutant run would only cost time.
 */
import { fileURLToPath } from 'node:url';
import { buildDist } from './build.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function snapshotUpdateRefusal(env: NodeJS.ProcessEnv): string | undefined {
  if (env['CI'] && env['UPDATE_SNAPSHOTS']) return 'UPDATE_SNAPSHOTS is refused under CI: goldens are updated locally and reviewed, never by CI';
  return undefined;
}

export default function setup(): void {
  const refusal = snapshotUpdateRefusal(process.env);
  if (refusal) throw new Error(refusal);
  if (process.env['STRYKER_MUTATOR_WORKER'] !== undefined) return;
  buildDist(ROOT);
}
