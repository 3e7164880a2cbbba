/**
 * deadline: when a file's OCR must stop so its result (with notes for the pages left) is in before the
 * scan's per-file time limit turns the whole file into a time-out.
 */
import type { ExtractContext } from '../../model.js';

/** Left for detection and the reply after the last page. */
const MARGIN_MS = 2000;

export function fileDeadline(ctx: Pick<ExtractContext, 'limits'>, now = Date.now()): number {
  const ms = ctx.limits.timeoutMs;
  return Number.isFinite(ms) && ms > 0 ? now + Math.max(0, ms - MARGIN_MS) : Number.POSITIVE_INFINITY;
}
