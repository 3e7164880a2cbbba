/**
 * One SARIF result per occurrence (a type at one place of a file: CONTRACT.md `occurrences`), so a roster of
 * 86,000 rows is a handful of results, not 600,000: the count and distinct values in the message and
 * properties, the listed findings as related locations (masked), a partial fingerprint that stays the same
 * while the rows change. Never: writes a value.
 */
import type { Location as SarifLocation, Result } from 'sarif';
import type { Lang } from '../i18n/messages.js';
import type { FileResult, RuleInfo } from '../model.js';
import { formatWhere } from './location.js';
import type { OccurrenceGroup } from './occurrence-groups.js';
import { round2 } from './round.js';
import type { RuleBook } from './rules.js';
import { safeMasked } from './sarif.js';
import { SARIF_LEVEL } from './sarif-rules.js';
import { sarifLocation } from './sarif-location.js';

/** Versioned key of an occurrence's fingerprint (path, type and place, keyed). */
export const OCCURRENCE_FINGERPRINT_KEY = 'jpiiOccurrenceHash/v1';

function nameOf(rule: RuleInfo, lang: Lang | undefined): string {
  if (lang === 'ja') return rule.nameJa;
  if (lang === 'en' || rule.nameJa === rule.nameEn) return rule.nameEn;
  return `${rule.nameJa} / ${rule.nameEn}`;
}

function messageOf(g: OccurrenceGroup, rule: RuleInfo, lang: Lang | undefined): string {
  const { count, distinct, where } = g.occurrence;
  const listed = g.listed.length;
  const place = formatWhere(where, lang === 'ja' ? '列' : 'column');
  const ja = `${nameOf(rule, 'ja')}: ${count}件（異なる値 ${distinct}）${place ? ` ${place}` : ''}、うち${listed}件を記載`;
  const en = `${nameOf(rule, 'en')}: ${count} occurrence${count === 1 ? '' : 's'} (${distinct} distinct)${place ? ` in ${place}` : ''}, ${listed} listed`;
  if (lang === 'ja') return ja;
  return lang === 'en' ? en : `${ja} / ${en}`;
}

export function occurrenceResult(file: FileResult, g: OccurrenceGroup, book: RuleBook, lang: Lang | undefined, srcRoot?: string): Result {
  const o = g.occurrence;
  const ruleIndex = book.indexOf(o.type);
  const rule = book.all[ruleIndex];
  if (rule === undefined) throw new Error(`no rule for occurrence type ${o.type}`);
  const first = g.listed[0];
  const related: SarifLocation[] = g.listed.map((f, i) => ({ id: i + 1, ...sarifLocation(file.path, f.location, srcRoot), message: { text: safeMasked(f) } }));
  const result: Result = {
    ruleId: o.type,
    ruleIndex,
    level: SARIF_LEVEL[o.level],
    message: { text: messageOf(g, rule, lang) },
    locations: [sarifLocation(file.path, first?.location ?? {}, srcRoot)],
  };
  if (related.length > 0) result.relatedLocations = related;
  if (o.fingerprint) result.partialFingerprints = { [OCCURRENCE_FINGERPRINT_KEY]: o.fingerprint };
  result.properties = {
    count: o.count,
    distinct: o.distinct,
    listed: g.listed.length,
    unlisted: o.count - o.listed,
    where: o.where,
    level: o.level,
    confidence: round2(Math.max(0, ...g.listed.map((f) => f.confidence))),
  };
  return result;
}
