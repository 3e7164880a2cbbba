/** The exit code of a scan (CONTRACT.md): 1 when an unsuppressed finding is at or above --fail-on. Pure. */
import { LEVELS, type FileResult, type ScanResult } from './model.js';
import type { FailOn } from './options.js';

/** True when this file alone makes the scan fail. */
export function fileFails(file: FileResult, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  const floor = LEVELS.indexOf(failOn);
  // An occurrence's level is the highest among all it counts, listed or not.
  if (file.occurrences?.some((o) => LEVELS.indexOf(o.level) >= floor)) return true;
  return file.findings.some((x) => !x.suppressed && LEVELS.indexOf(x.level) >= floor);
}

export function exitCode(result: ScanResult, failOn: FailOn): 0 | 1 {
  return result.files.some((f) => fileFails(f, failOn)) ? 1 : 0;
}
