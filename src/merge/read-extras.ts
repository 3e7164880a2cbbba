/**
 * The optional parts of a JSON report's file entry that the merge does not read itself (CONTRACT.md round 2:
 * `notes`; `size` when present), carried over when they have their contract's shape and dropped, without a
 * word, when they do not. (`occurrences` and `appi` are read in read-report.ts and ../appi/from-json.ts.)
 * Input: one parsed file entry. Output: the fields to add to its FileResult. Never: invents anything.
 */
import type { FileResult } from '../model.js';

type Obj = Record<string, unknown>;
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;

export function extrasOf(x: Obj): Partial<Pick<FileResult, 'notes' | 'size'>> {
  const out: Partial<Pick<FileResult, 'notes' | 'size'>> = {};
  if (isCount(x.size)) out.size = x.size;
  if (Array.isArray(x.notes)) out.notes = x.notes.filter((n): n is string => typeof n === 'string');
  return out;
}
