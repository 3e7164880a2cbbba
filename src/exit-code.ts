/** The exit code of a scan (CONTRACT.md): 1 when an unsuppressed finding is at or above --fail-on. Pure. */
import { LEVELS, type ScanResult } from './model.js';
import type { FailOn } from './options.js';

export function exitCode(result: ScanResult, failOn: FailOn): 0 | 1 {
  if (failOn === 'never') return 0;
  const floor = LEVELS.indexOf(failOn);
  for (const f of result.files) {
    for (const x of f.findings) if (!x.suppressed && LEVELS.indexOf(x.level) >= floor) return 1;
  }
  return 0;
}
