/**
 * --only-unlabelled: the report narrowed to the sensitive files that carry no classification label —
 * the list IT acts on. Pure, per file; the summary counts what remains.
 */
import { UNLABELLED_TYPE, type FileResult } from '../model.js';

export function isUnlabelledSensitive(file: FileResult): boolean {
  return file.findings.some((x) => x.type === UNLABELLED_TYPE && !x.suppressed);
}
