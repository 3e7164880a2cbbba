/**
 * The optional parts of a JSON report's file entry (CONTRACT.md round 2: `occurrences`, `notes`, and `size`;
 * `appi` is read by ../appi/from-json.ts), carried over when they have their contract's shape and dropped, without a word, when they
 * do not: a report from an older jpii simply has none, and `jpii report` then says so on its page.
 * Input: one parsed file entry. Output: the fields to add to its FileResult. Never: invents a count.
 */
import { LEVELS, type FileResult, type Occurrence } from '../model.js';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;

function occurrenceOf(x: unknown): Occurrence | undefined {
  if (!isObj(x) || typeof x.type !== 'string' || !isCount(x.count) || !LEVELS.includes(x.level as never) || !isObj(x.where)) return undefined;
  const where: Occurrence['where'] = {};
  for (const key of ['column', 'sheet', 'part', 'entry'] as const) if (typeof x.where[key] === 'string') where[key] = x.where[key];
  for (const key of ['page', 'slide'] as const) if (isCount(x.where[key])) where[key] = x.where[key];
  return { type: x.type, count: x.count, distinct: isCount(x.distinct) ? x.distinct : x.count, level: x.level as Occurrence['level'], where, listed: isCount(x.listed) ? x.listed : 0 };
}

export function extrasOf(x: Obj): Partial<Pick<FileResult, 'occurrences' | 'notes' | 'size'>> {
  const out: Partial<Pick<FileResult, 'occurrences' | 'notes' | 'size'>> = {};
  if (isCount(x.size)) out.size = x.size;
  if (Array.isArray(x.occurrences)) out.occurrences = x.occurrences.map(occurrenceOf).filter((o): o is Occurrence => o !== undefined);
  if (Array.isArray(x.notes)) out.notes = x.notes.filter((n): n is string => typeof n === 'string');
  return out;
}
