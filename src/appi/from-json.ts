/**
 * An `appi` block read back from a saved JSON report (jpii merge, jpii report). Pure. Unknown ids are dropped,
 * so a report from a later version with more categories still merges.
 */
import { APPI_CATEGORIES, SPECIAL_CARE_IDS, type AppiCategory, type AppiVerdict, type SpecialCareId } from '../model.js';

function idsOf<T extends string>(x: unknown, known: readonly T[]): T[] {
  return Array.isArray(x) ? x.filter((v): v is T => (known as readonly unknown[]).includes(v)) : [];
}

export function appiFromJson(x: unknown): AppiVerdict | undefined {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return undefined;
  const o = x as Record<string, unknown>;
  const verdict: AppiVerdict = {
    categories: idsOf<AppiCategory>(o.categories, APPI_CATEGORIES),
    specialCare: idsOf<SpecialCareId>(o.specialCare, SPECIAL_CARE_IDS),
    persons: typeof o.persons === 'number' && o.persons >= 0 ? o.persons : 0,
    roster: o.roster === true,
    breachReportable: o.breachReportable === true,
  };
  if (typeof o.specialCareWords === 'object' && o.specialCareWords !== null) {
    const words: Partial<Record<SpecialCareId, string[]>> = {};
    for (const [id, list] of Object.entries(o.specialCareWords as Record<string, unknown>)) {
      if ((SPECIAL_CARE_IDS as readonly string[]).includes(id) && Array.isArray(list)) words[id as SpecialCareId] = list.filter((w): w is string => typeof w === 'string');
    }
    verdict.specialCareWords = words;
  }
  if (o.role === 'project-metadata') verdict.role = o.role;
  return verdict;
}
