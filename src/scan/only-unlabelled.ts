/**
 * --only-unlabelled: the report narrowed to the sensitive files that carry no classification label —
 * the list IT acts on. Pure; the summary is recomputed for what remains.
 */
import { UNLABELLED_TYPE, type FileResult, type ScanResult } from '../model.js';
import { summarize } from './scan.js';

export function isUnlabelledSensitive(file: FileResult): boolean {
  return file.findings.some((x) => x.type === UNLABELLED_TYPE && !x.suppressed);
}

export function onlyUnlabelled(result: ScanResult): ScanResult {
  const files = result.files.filter(isUnlabelledSensitive);
  return { ...result, files, summary: summarize(files) };
}
