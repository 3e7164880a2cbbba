/**
 * limits: the default resource limits for extraction and a timeout helper.
 * Input: a promise and a time budget. Output: the promise's value, or a timeout reason as a value.
 * It never kills work: a promise race cannot interrupt a synchronous parser (pdf.js, a big gunzip) that holds
 * the thread, and the losing promise keeps running. Hard limits (CPU time, memory) are enforced by the
 * orchestrator, which runs extraction in worker threads it can terminate; withTimeout only stops *waiting*.
 */
import type { ExtractLimits } from '../model.js';

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: Readonly<ExtractLimits> = Object.freeze({
  /** Larger files are reported `skipped` unread (also applied to archive entries before inflating). */
  maxFileSize: 100 * MiB,
  /** Containers nested deeper than this are not opened (depth 0 = a file on disk). */
  maxDepth: 5,
  /** An archive listing more entries than this is refused before any is read. */
  maxEntries: 10_000,
  /** Sum of the declared uncompressed sizes of one archive's entries. */
  maxTotalBytes: 1024 * MiB,
  /** Uncompressed : compressed size of one entry; deflate's best is ≈1032:1, real documents rarely pass 20:1. */
  maxRatio: 200,
  /** Per file, enforced by the orchestrator. */
  timeoutMs: 30_000,
});

export type Timed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** What a promise that is still pending loses a race to (a settled one wins: its reaction is queued first). */
const PENDING = Symbol('pending');
const pendingMarker = Promise.resolve(PENDING);

/**
 * Waits for `promise` at most `ms` milliseconds. On time: `{ok: true, value}`; late: `{ok: false, reason}`
 * (`timed out after 30000 ms (what)`). A rejection of `promise` is passed through (bugs throw); one that
 * comes after the timeout is ignored (the race already handled it, so it is never an unhandled rejection).
 * `ms` that is not a positive finite number means no limit. The timer is cleared as soon as the race ends; it
 * is deliberately not unref'd, so a stuck extraction still ends in a timeout instead of a silent exit.
 * A promise that is settled already when this is called (a synchronous extractor: plain text, most files)
 * arms no timer: it would win the race anyway, and a timer per file cost ~70 ms per worker on 10,000 files.
 */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<Timed<T>> {
  const settled = promise.then((value): Timed<T> => ({ ok: true, value }));
  if (!Number.isFinite(ms) || ms <= 0) return settled;
  // A settled promise's reaction job is queued as race() subscribes to it, ahead of the marker's; a rejected
  // one is passed through by `settled` (returned, so handled).
  const pending = await Promise.race([promise, pendingMarker]).then((v) => v === PENDING, () => false);
  if (!pending) return settled;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Timed<T>>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: `timed out after ${ms} ms (${what})` }), ms);
  });
  return Promise.race([settled, late]).finally(() => clearTimeout(timer));
}
