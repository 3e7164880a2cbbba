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
import { IDENTIFIER_CODE_TYPES, IDENTIFYING_TYPES, PersonHits } from './person-hits.js';
import { estimatePersons } from './persons.js';
import type { Trigger } from './special-care-scan.js';
import { isMobile, isOrganisationValue } from './subject.js';

export { IDENTIFIER_CODE_TYPES } from './person-hits.js';
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
  /** Every finding of the file, or the hits a FindingsBuilder kept for the verdict (person-hits.ts). */
  findings: readonly VerdictFinding[] | PersonHits;
  evidence?: AppiEvidence | undefined;
  role?: FileRole | undefined;
}

/**
 * A value of a type that is not an identifier code (people() decides those without their value): a person's,
 * or possibly one's — not an organisation's value, not a type that identifies no one.
 */
function personal(type: string, value: string, organisation: ReadonlySet<string>): boolean {
  if (!IDENTIFYING_TYPES.has(type) || isOrganisationValue(type, value)) return false;
  return !organisation.has(organisationKey(type, value));
}

/** What people() makes of a value: not a person's, a person's, a person's that identifies by itself. */
const NOT_PERSONAL = 1;
const PERSONAL = 2;
const IDENTIFIES = 3;

/**
 * The hits (by index) that identify people. A fixed-line number is a household's or an office's as often as
 * a person's: it counts only in a file that identifies someone by other means (a name, a named mailbox, a
 * mobile number, an identifier code).
 * Each distinct value is judged once (by its type's and value's numbers): a roster repeats few of its
 * 700,000 values, but judging each hit made a string of its value and looked it up again.
 */
function people(hits: PersonHits, organisation: ReadonlySet<string>): Int32Array {
  // Hit numbers in a typed array of the hits' count: a roster's 700,000 as a JS array were 5–11 MB of heap
  // (and its growth copies) in the burst at the end of each file.
  const mine = new Int32Array(hits.size);
  let n = 0;
  let other = false;
  /** Per type number, per value number: 0 not judged yet, else NOT_PERSONAL, PERSONAL or IDENTIFIES. */
  const judged: Uint8Array[] = [];
  for (let k = 0; k < hits.size; k++) {
    const t = hits.typeNumber(k);
    const id = hits.valueId(k);
    const ofType = (judged[t] ??= new Uint8Array(hits.distinctValues(t)));
    let what = ofType[id] as number;
    if (what === 0) {
      const type = hits.typeName(t);
      // An identifier code is a person's whatever its value: no string made for it (a roster's My Numbers).
      if (IDENTIFIER_CODE_TYPES.has(type)) what = IDENTIFIES;
      else {
        const value = hits.valueOf(t, id);
        what = !personal(type, value, organisation) ? NOT_PERSONAL : type !== 'phone' || isMobile(value) ? IDENTIFIES : PERSONAL;
      }
      ofType[id] = what;
    }
    if (what === NOT_PERSONAL) continue;
    mine[n++] = k;
    other ||= what === IDENTIFIES;
  }
  return mine.subarray(0, other ? n : 0);
}

/** Anchors (records holding a person) per scope, sorted, for the nearest-record look-up. */
function anchorIndex(hits: PersonHits, people: Int32Array): Map<string, number[]> {
  const byScope = new Map<string, number[]>();
  for (let i = 0; i < people.length; i++) {
    const k = people[i] as number;
    const scope = hits.scope(k);
    let list = byScope.get(scope);
    if (!list) byScope.set(scope, (list = []));
    list.push(hits.index(k));
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
function specialCare(evidence: AppiEvidence | undefined, hits: PersonHits, identified: Int32Array): Map<SpecialCareId, Set<string>> {
  const out = new Map<SpecialCareId, Set<string>>();
  if (!evidence || evidence.triggers.length === 0 || identified.length === 0) return out;
  const anchors = anchorIndex(hits, identified);
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

/** The hits of `identified` whose type counts people (`counting`, by type number). */
function countingOnly(hits: PersonHits, identified: Int32Array, counting: readonly boolean[]): Int32Array {
  const out = new Int32Array(identified.length);
  let n = 0;
  // Indexes, not for…of: its iterator results were 33 MB per roster scan.
  for (let i = 0; i < identified.length; i++) {
    const k = identified[i] as number;
    if (counting[hits.typeNumber(k)]) out[n++] = k;
  }
  return out.subarray(0, n);
}

/** Findings given as objects, as the hits the verdict reads. */
function hitsOf(findings: VerdictInput['findings']): PersonHits {
  if (findings instanceof PersonHits) return findings;
  const hits = new PersonHits();
  for (const f of findings) if (!f.suppressed) hits.add(f.type, f.value, f.location);
  return hits;
}

export function appiVerdict(input: VerdictInput): AppiVerdict {
  const organisation = new Set(input.evidence?.organisation ?? []);
  const hits = hitsOf(input.findings);
  const identified = people(hits, organisation);
  const care = specialCare(input.evidence, hits, identified);
  const categories: AppiCategory[] = [];
  if (identified.length > 0) categories.push('personal-information');
  if (hits.hasAny(IDENTIFIER_CODE_TYPES)) categories.push('identifier-code');
  if (care.size > 0) categories.push('special-care');
  if (hits.hasAny(MY_NUMBER)) categories.push('specific-personal-information');
  const counting = Array.from({ length: hits.typeCount }, (_, t) => COUNTING_TYPES.has(hits.typeName(t)));
  const persons = estimatePersons(hits, countingOnly(hits, identified, counting));
  const ids = SPECIAL_CARE_IDS.filter((id) => care.has(id));
  const verdict: AppiVerdict = {
    categories,
    specialCare: ids,
    persons,
    roster: persons >= ROSTER_MIN_PERSONS,
    breachReportable: breachReportable(ids.length > 0, hits, identified, persons, categories),
  };
  if (ids.length) verdict.specialCareWords = Object.fromEntries(ids.map((id) => [id, [...(care.get(id) ?? [])].sort()]));
  if (input.role && categories.length) verdict.role = input.role;
  return verdict;
}

const MY_NUMBER: ReadonlySet<string> = new Set(['my-number']);

/**
 * 規則7条: 1号 要配慮個人情報; 2号 data whose misuse could cause financial damage (a card number); 4号 more than
 * 1,000 people. 特定個人情報 (番号法 規則2条): My Numbers of more than 100 people.
 */
function breachReportable(special: boolean, hits: PersonHits, people: Int32Array, persons: number, categories: readonly AppiCategory[]): boolean {
  if (!categories.includes('personal-information')) return false;
  if (special || persons >= BREACH_MIN_PERSONS) return true;
  if (people.some((k) => hits.type(k) === 'credit-card')) return true;
  // Distinct My Numbers by their value numbers (equal numbers ⇔ equal values within a type).
  const myNumbers = new Set<number>();
  for (let i = 0; i < people.length; i++) {
    const k = people[i] as number;
    if (hits.type(k) === 'my-number') myNumbers.add(hits.valueId(k));
  }
  return myNumbers.size >= MY_NUMBER_BREACH_MIN_PERSONS;
}
