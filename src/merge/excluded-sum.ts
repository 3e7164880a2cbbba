/**
 * `summary.excluded` of JSON reports read back and added up (`jpii merge`, `jpii report` of several shards):
 * each shard counts the excluded paths it owns (walk/excluded.ts), so the sum is the unsharded scan's count.
 * Input: a report's `summary.excluded` as parsed. Output: counts per source, in the scan's source order.
 * Never: trusts a shape it did not check (a source it does not know, a count that is not a whole number).
 */
import type { ScanSummary } from '../model.js';

type Excluded = NonNullable<ScanSummary['excluded']>;
type Source = keyof Excluded;

/** The scan's order of the sources (walk/excluded.ts). */
const SOURCES: readonly Source[] = ['gitignore', 'jpiiignore', 'exclude', 'config'];

const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;
const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A report's `summary.excluded`, or undefined when it has none (or none of the expected shape). */
export function excludedOf(summary: unknown): Excluded | undefined {
  const x = isObj(summary) ? summary.excluded : undefined;
  if (!isObj(x)) return undefined;
  const out: Excluded = {};
  for (const s of SOURCES) {
    const c = x[s];
    if (isObj(c) && isCount(c.files) && isCount(c.folders)) out[s] = { files: c.files, folders: c.folders };
  }
  return Object.keys(out).length ? out : undefined;
}

/** Adds `more` to `summary.excluded`, keeping the sources in the scan's order. */
export function addExcluded(summary: ScanSummary, more: ScanSummary['excluded']): void {
  if (!more) return;
  const sum: Excluded = {};
  for (const s of SOURCES) {
    const a = summary.excluded?.[s];
    const b = more[s];
    if (a || b) sum[s] = { files: (a?.files ?? 0) + (b?.files ?? 0), folders: (a?.folders ?? 0) + (b?.folders ?? 0) };
  }
  summary.excluded = sum;
}
