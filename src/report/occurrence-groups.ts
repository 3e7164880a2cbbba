/**
 * A file's listed findings put with the occurrence they were counted under (reports that write one entry per
 * occurrence: SARIF, and the "… more" lines of text and CSV).
 * Input: a FileResult. Output: each occurrence with its listed findings, and the findings no occurrence
 * counts (suppressed, file-level). Pure; never reads a value.
 */
import { UNLABELLED_TYPE, type FileResult, type Finding, type Location, type Occurrence, type OccurrenceWhere } from '../model.js';

export interface OccurrenceGroup {
  occurrence: Occurrence;
  listed: Finding[];
}

const KEYS = ['column', 'sheet', 'page', 'slide', 'part', 'entry'] as const;

function keyOf(type: string, where: OccurrenceWhere): string {
  return `${type}\u0000${KEYS.map((k) => where[k] ?? '').join('\u0000')}`;
}

/** A finding read back from a JSON report has no `where`: the first occurrence of its type at its place takes it. */
function sameplace(where: OccurrenceWhere, at: Location): boolean {
  return where.sheet === at.sheet && where.page === at.page && where.slide === at.slide && where.part === at.part && (where.entry === undefined || where.entry === at.entry);
}

export function occurrenceGroups(file: FileResult): { groups: OccurrenceGroup[]; single: Finding[] } {
  const groups = (file.occurrences ?? []).map((occurrence) => ({ occurrence, listed: [] as Finding[] }));
  const byKey = new Map(groups.map((g) => [keyOf(g.occurrence.type, g.occurrence.where), g]));
  const single: Finding[] = [];
  for (const f of file.findings) {
    if (f.suppressed || f.type === UNLABELLED_TYPE) {
      single.push(f);
      continue;
    }
    const group = f.where ? byKey.get(keyOf(f.type, f.where)) : groups.find((g) => g.occurrence.type === f.type && sameplace(g.occurrence.where, f.location));
    if (group) group.listed.push(f);
    else single.push(f);
  }
  return { groups, single };
}
