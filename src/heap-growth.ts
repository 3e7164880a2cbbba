/**
 * V8 tuning the launcher sets for the whole process. First, how far V8 lets a heap grow past what the last full collection kept before it collects again. For a heap
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

/**
 * Bytecode TurboFan may inline into one optimized function (V8's default: 920). jpii's hot code is many
 * functions, and every isolate (this thread and each worker) compiles its own: on `small` TurboFan's threads
 * spent ~0.7 s more than the build before issue 13 (286 functions × 3 isolates, BENCHMARKS.md). With 300 the
 * compiled functions are smaller and sooner ready: alternating runs (`--jobs 2`, 3–4 pairs each) small −5 %
 * wall / −5 % CPU, big −6 % / −7 %, office −5 %, rosterx −10 % (noisy), roster equal; 150–500 were within
 * noise of 300. Read at every compile, so it too can be set at run time, process-wide.
 */
export const INLINED_BYTECODE_CUMULATIVE = 300;

/** `--name=value`, or undefined when node was given the flag (either spelling) by the user. */
function unlessChosen(execArgv: readonly string[], name: string, value: number): string | undefined {
  const spelled = new RegExp(`^--${name.replace(/-/g, '[-_]')}(=|$)`);
  return execArgv.some((arg) => spelled.test(arg)) ? undefined : `--${name}=${value}`;
}

/** The V8 flag to set, or undefined when the user chose a growth (`node --heap-growing-percent=N bin/jpii.js`). */
export function heapGrowthFlag(execArgv: readonly string[]): string | undefined {
  return unlessChosen(execArgv, 'heap-growing-percent', HEAP_GROWING_PERCENT);
}

/** The inlining budget to set, or undefined when the user chose one. */
export function inliningFlag(execArgv: readonly string[]): string | undefined {
  return unlessChosen(execArgv, 'max-inlined-bytecode-size-cumulative', INLINED_BYTECODE_CUMULATIVE);
}

/**
 * Sets the heap growth and the inlining budget of every isolate of this process (the CLI's launcher calls it
 * once, first); returns the flags set.
 */
export function tuneV8(execArgv: readonly string[] = process.execArgv): string | undefined {
  const flags = [heapGrowthFlag(execArgv), inliningFlag(execArgv)].filter((f) => f !== undefined);
  for (const flag of flags) setFlagsFromString(flag);
  return flags.length > 0 ? flags.join(' ') : undefined;
}
