/**
 * A file's verdict in the terms of Japanese law (CONTRACT.md `appi`), from ALL its findings (before any report
 * truncates them) and the evidence gathered from its text. Pure.
 * - 個人情報: a finding that identifies a person: a name, a named mailbox, a person's phone, a card number,
 *   an identifier code. An address, a postal code, a birth date, a bank account or a corporate number alone
 *   identifies no one (docs/appi.md lists the edge cases).
 * - 個人識別符号: My Number, passport, driver's licence, residence card, 基礎年金番号, health insurance numbers.
 * - 特定個人情報: a My Number.
 * - 要配慮個人情報: a special-care word tied to a person (evidence.ts, special-care-scan.ts).
 */
import type { AppiCategory, AppiVerdict, Finding, SpecialCareId } from '../model.js';
import { SPECIAL_CARE_IDS } from '../model.js';
import type { AppiEvidence } from './evidence.js';
import { organisationKey } from './evidence.js';
import type { FileRole } from './file-role.js';
import { estimatePersons, type PersonFinding } from './persons.js';
import { recordOf } from './records.js';
import type { Trigger } from './special-care-scan.js';
import { isMobile, isOrganisationValue } from './subject.js';

/** 個人識別符号 among the detectors (施行令1条, 施行規則2条–4条). */
export const IDENTIFIER_CODE_TYPES: ReadonlySet<string> = new Set(['my-number', 'passport', 'drivers-license', 'residence-card', 'pension-number', 'insurer-number']);
/** Types that identify a person on their own (besides identifier codes). */
const IDENTIFYING_TYPES: ReadonlySet<string> = new Set(['person-name', 'email', 'phone', 'credit-card']);
/** Types whose distinct values count people (an insurer number is shared by everyone it insures). */
const COUNTING_TYPES: ReadonlySet<string> = new Set(['person-name', 'email', 'phone', 'credit-card', 'my-number', 'passport', 'drivers-license', 'residence-card', 'pension-number']);

/** `roster: true` from this many people (docs/appi.md). */
export const ROSTER_MIN_PERSONS = 50;
/** 規則7条4号: more than 1,000 people. */
export const BREACH_MIN_PERSONS = 1001;
/** 特定個人情報の漏えい等に関する規則2条4号: My Numbers of more than 100 people. */
export const MY_NUMBER_BREACH_MIN_PERSONS = 101;

type VerdictFinding = Pick<Finding, 'type' | 'value' | 'location' | 'suppressed'>;

export interface VerdictInput {
  findings: readonly VerdictFinding[];
  evidence?: AppiEvidence | undefined;
  role?: FileRole | undefined;
}

/** A person's, or possibly one's: not an organisation's value, not a type that identifies no one. */
function personal(f: VerdictFinding, organisation: ReadonlySet<string>): boolean {
  if (IDENTIFIER_CODE_TYPES.has(f.type)) return true;
  if (!IDENTIFYING_TYPES.has(f.type) || isOrganisationValue(f.type, f.value)) return false;
  return !organisation.has(organisationKey(f.type, f.value));
}

/**
 * A fixed-line number is a household's or an office's as often as a person's: it counts only in a file that
 * identifies someone by other means (a name, a named mailbox, a mobile number, an identifier code).
 */
function people(findings: readonly VerdictFinding[], organisation: ReadonlySet<string>): VerdictFinding[] {
  const mine = findings.filter((f) => personal(f, organisation));
  const landline = (f: VerdictFinding): boolean => f.type === 'phone' && !isMobile(f.value);
  return mine.some((f) => !landline(f)) ? mine : [];
}

/** Anchors (records holding a person) per scope, sorted, for the nearest-record look-up. */
function anchorIndex(people: readonly PersonFinding[]): Map<string, number[]> {
  const byScope = new Map<string, number[]>();
  for (const p of people) {
    const key = recordOf(p.location);
    const list = byScope.get(key.scope) ?? [];
    list.push(key.index);
    byScope.set(key.scope, list);
  }
  for (const list of byScope.values()) list.sort((a, b) => a - b);
  return byScope;
}

function nearAnchor(t: Trigger, anchors: ReadonlyMap<string, number[]>): boolean {
  const list = anchors.get(t.record.scope);
  if (!list) return false;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] ?? 0) < t.record.index - t.record.near) lo = mid + 1;
    else hi = mid;
  }
  const found = list[lo];
  return found !== undefined && found <= t.record.index + t.record.near;
}

/** Special-care categories with the words that triggered them; only in a file about identifiable people. */
function specialCare(evidence: AppiEvidence | undefined, identified: readonly PersonFinding[]): Map<SpecialCareId, Set<string>> {
  const out = new Map<SpecialCareId, Set<string>>();
  if (!evidence || identified.length === 0) return out;
  const anchors = anchorIndex(identified);
  const fileWords = new Set(evidence.fileWords);
  for (const t of evidence.triggers) {
    if (!nearAnchor(t, anchors)) continue;
    const words = out.get(t.category) ?? new Set<string>();
    words.add(t.word);
    out.set(t.category, words);
  }
  for (const id of out.keys()) if (requiresFileWords(id, evidence) && !fileWords.has(id)) out.delete(id);
  return out;
}

/** Categories gated by file words are those the vocabulary gives file words for; the evidence names them found. */
function requiresFileWords(id: SpecialCareId, evidence: AppiEvidence): boolean {
  return evidence.gated?.includes(id) === true;
}

export function appiVerdict(input: VerdictInput): AppiVerdict {
  const organisation = new Set(input.evidence?.organisation ?? []);
  const live = input.findings.filter((f) => !f.suppressed);
  const identified = people(live, organisation);
  const care = specialCare(input.evidence, identified);
  const categories: AppiCategory[] = [];
  if (identified.length > 0) categories.push('personal-information');
  if (live.some((f) => IDENTIFIER_CODE_TYPES.has(f.type))) categories.push('identifier-code');
  if (care.size > 0) categories.push('special-care');
  if (live.some((f) => f.type === 'my-number')) categories.push('specific-personal-information');
  const persons = estimatePersons(identified.filter((f) => COUNTING_TYPES.has(f.type)));
  const ids = SPECIAL_CARE_IDS.filter((id) => care.has(id));
  const verdict: AppiVerdict = {
    categories,
    specialCare: ids,
    persons,
    roster: persons >= ROSTER_MIN_PERSONS,
    breachReportable: breachReportable(ids.length > 0, identified, persons, categories),
  };
  if (ids.length) verdict.specialCareWords = Object.fromEntries(ids.map((id) => [id, [...(care.get(id) ?? [])].sort()]));
  if (input.role && categories.length) verdict.role = input.role;
  return verdict;
}

/**
 * 規則7条: 1号 要配慮個人情報; 2号 data whose misuse could cause financial damage (a card number); 4号 more than
 * 1,000 people. 特定個人情報 (番号法 規則2条): My Numbers of more than 100 people.
 */
function breachReportable(special: boolean, people: readonly VerdictFinding[], persons: number, categories: readonly AppiCategory[]): boolean {
  if (!categories.includes('personal-information')) return false;
  if (special || persons >= BREACH_MIN_PERSONS) return true;
  if (people.some((f) => f.type === 'credit-card')) return true;
  const myNumbers = new Set(people.filter((f) => f.type === 'my-number').map((f) => f.value));
  return myNumbers.size >= MY_NUMBER_BREACH_MIN_PERSONS;
}
