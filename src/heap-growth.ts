/**
 * How far V8 lets a heap grow past what the last full collection kept before it collects again. For a heap
 * whose limit is ≥ 2 GB (this thread's, on any machine with 4 GB or more) V8 lets it grow up to 4×; this
 * thread's garbage is mostly large (worker replies: packed hits, strings of values; grown typed arrays), lives
 * in the old generation or outside the heap, and is freed only by a full collection, so it piled up: at the
 * roster set's peak this thread held 100 MB of heap (live 15–45 MB) and 80–105 MB of array buffers, most of
 * them dead. 1.5× (the workers' own factor is 1.4) took the roster set's peak RSS 383–394 → 338–341 MB at the
 * same CPU time (`--jobs 2`, alternating runs); 1.25× saved no more, 2× less.
 *
 * Unlike the young generation's size (read once, when the isolate is made) this flag is read at every full
 * collection, so the launcher can set it at run time. It is process-wide: the workers use it too.
 */
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 50;

/** The V8 flag to set, or undefined when the user chose a growth (`node --heap-growing-percent=N bin/jpii.js`). */
export function heapGrowthFlag(execArgv: readonly string[]): string | undefined {
  const chosen = execArgv.some((arg) => /^--heap[-_]growing[-_]percent(=|$)/.test(arg));
  return chosen ? undefined : `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;
}

/** Sets the heap growth of every isolate of this process (the CLI's launcher calls it once, first). */
export function tuneHeapGrowth(execArgv: readonly string[] = process.execArgv): string | undefined {
  const flag = heapGrowthFlag(execArgv);
  if (flag) setFlagsFromString(flag);
  return flag;
}
