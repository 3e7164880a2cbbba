/**
 * Containers (archives, e-mails, mailboxes) are as sensitive as what they hold: a container's verdict is the
 * union of its own and its members'. People are added up (members are different files; one person in two
 * members counts twice, so the sum is an upper estimate). Pure.
 */
import { APPI_CATEGORIES, SPECIAL_CARE_IDS, type AppiVerdict } from '../model.js';
import { BREACH_MIN_PERSONS, ROSTER_MIN_PERSONS } from './verdict.js';

export function rollUp(own: AppiVerdict, members: readonly (AppiVerdict | undefined)[]): AppiVerdict {
  const all = [own, ...members.filter((m): m is AppiVerdict => m !== undefined)];
  const persons = all.reduce((n, v) => n + v.persons, 0);
  const categories = APPI_CATEGORIES.filter((c) => all.some((v) => v.categories.includes(c)));
  const specialCare = SPECIAL_CARE_IDS.filter((id) => all.some((v) => v.specialCare.includes(id)));
  const out: AppiVerdict = {
    categories,
    specialCare,
    persons,
    roster: all.some((v) => v.roster) || persons >= ROSTER_MIN_PERSONS,
    breachReportable: all.some((v) => v.breachReportable) || (categories.includes('personal-information') && persons >= BREACH_MIN_PERSONS),
  };
  const words: Partial<Record<(typeof SPECIAL_CARE_IDS)[number], string[]>> = {};
  for (const id of specialCare) words[id] = [...new Set(all.flatMap((v) => v.specialCareWords?.[id] ?? []))].sort();
  if (specialCare.length) out.specialCareWords = words;
  // The container's own role (a zip is never project metadata); a member's role does not carry over.
  if (own.role) out.role = own.role;
  return out;
}
