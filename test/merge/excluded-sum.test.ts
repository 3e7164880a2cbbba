/** `summary.excluded` read back from a report (only the contract's shape) and added up in the scan's order. */
import { describe, expect, it } from 'vitest';
import { addExcluded, excludedOf } from '../../src/merge/excluded-sum.js';
import type { ScanSummary } from '../../src/model.js';

const empty = (): ScanSummary => ({ files: 0, scanned: 0, skipped: 0, errors: 0, findings: 0, suppressed: 0, byType: {} });

describe('excludedOf / addExcluded', () => {
  it('keeps known sources with whole counts, drops anything else', () => {
    expect(excludedOf({ excluded: { gitignore: { files: 2, folders: 1 }, other: { files: 1, folders: 0 }, config: { files: -1, folders: 0 }, exclude: { files: 1.5, folders: 0 } } })).toEqual({ gitignore: { files: 2, folders: 1 } });
    expect(excludedOf({ excluded: [] })).toBeUndefined();
    expect(excludedOf({})).toBeUndefined();
    expect(excludedOf(undefined)).toBeUndefined();
  });

  it('adds counts per source, sources in the scan order whatever order they come in', () => {
    const s = empty();
    addExcluded(s, undefined);
    expect(s.excluded).toBeUndefined();
    addExcluded(s, { config: { files: 1, folders: 0 }, gitignore: { files: 2, folders: 1 } });
    addExcluded(s, { gitignore: { files: 3, folders: 0 }, jpiiignore: { files: 0, folders: 4 } });
    expect(s.excluded).toEqual({ gitignore: { files: 5, folders: 1 }, jpiiignore: { files: 0, folders: 4 }, config: { files: 1, folders: 0 } });
    expect(Object.keys(s.excluded ?? {})).toEqual(['gitignore', 'jpiiignore', 'config']);
  });
});
