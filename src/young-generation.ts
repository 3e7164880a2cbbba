/**
 * This thread's young generation, held at 2 × 8 MB while workers analyze the files. V8 grows a new space up to
 * 2 × 16 MB and adds its size to the old generation's limit too; while workers do the analysis this thread
 * mostly unpacks their replies and reads files. Held at 2 × 8 MB: roster set peak RSS 319–330 → 300 MB, 10,000
 * small files 205 → 190 MB, same CPU; 2 × 4 MB saved 10–20 MB more but cost 7 % CPU on the small files
 * (alternating runs, `--jobs 2`, load 10–12). `--max-semi-space-size` is read only when an isolate is made,
 * so it cannot be set from here; the semi-spaces' growth factor is read whenever a new space grows, so this
 * thread's is held by setting the factor to 1 once the new space has reached 2 × 8 MB (and back to 2 should
 * V8 shrink it). The factor is process-wide and V8 resets it to 2 whenever an isolate is made (a
 * worker started or replaced): a check every 200 ms sets it again. Workers are made with their new space at
 * its full size (`--min-semi-space-size`, capped by their 16 MB young generation): they neither grow nor
 * shrink, so the factor does not touch them. Only the launcher (bin/jpii.js) enables this (never in a
 * process that runs jpii in-process, such as the tests), and not when node was given a young generation of
 * the user's own. With one job this thread analyzes the files itself and keeps V8's default.
 */
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/** Capacity of both semi-spaces held: 8 MB each. */
export const HELD_NEW_SPACE_BYTES = 16 * 1024 * 1024;
/** Above any worker's semi-space (a 16 MB young generation has 16 / 3 MB): V8 caps it per isolate. */
const WORKER_SEMI_SPACE_MB = 16;
const CHECK_MS = 200;
const USER_FLAG = /^--(max|min)[-_]semi[-_]space[-_]size(=|$)|^--semi[-_]space[-_]growth[-_]factor(=|$)/;

let enabled = false;

/** Called by the launcher: lets holdYoungGeneration work unless node was given the user's own semi-space flags. */
export function enableYoungGenerationHold(execArgv: readonly string[] = process.execArgv): boolean {
  enabled = !execArgv.some((arg) => USER_FLAG.test(arg));
  return enabled;
}

/** The semi-spaces' growth factor for this thread's new space of `bytes`: 1 holds it, 2 lets it grow. */
export function semiSpaceGrowth(bytes: number): 1 | 2 {
  return bytes >= HELD_NEW_SPACE_BYTES ? 1 : 2;
}

function newSpaceBytes(): number {
  return getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;
}

/**
 * Holds this thread's new space while workers analyze (call before they start); returns the release, which
 * puts V8's defaults back. A no-op unless the launcher enabled it.
 */
export function holdYoungGeneration(): () => void {
  if (!enabled) return () => undefined;
  setFlagsFromString(`--min-semi-space-size=${WORKER_SEMI_SPACE_MB}`);
  const check = (): void => setFlagsFromString(`--semi-space-growth-factor=${semiSpaceGrowth(newSpaceBytes())}`);
  check();
  const timer = setInterval(check, CHECK_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
    setFlagsFromString('--semi-space-growth-factor=2');
    setFlagsFromString('--min-semi-space-size=0');
  };
}
