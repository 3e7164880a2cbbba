/**
 * The verdict judges each distinct value once and counts persons and My Numbers by value numbers. Its answer
 * must be the one the verdict gave when it judged every hit by its string: the oracle below is that code
 * (people(), the My Number count and the person estimate over strings), kept here as the reference.
 * The FindingsBuilder numbers a value once for the tally and the hits: its verdict must equal the verdict
 * of the same findings given as objects (numbered by the verdict itself).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppiEvidence } from '../../src/appi/evidence.js';
import { organisationKey } from '../../src/appi/evidence.js';
import { IDENTIFIER_CODE_TYPES, IDENTIFYING_TYPES, PersonHits } from '../../src/appi/person-hits.js';
import { isMobile, isOrganisationValue } from '../../src/appi/subject.js';
import { appiVerdict, BREACH_MIN_PERSONS, MY_NUMBER_BREACH_MIN_PERSONS, ROSTER_MIN_PERSONS } from '../../src/appi/verdict.js';
import type { Location } from '../../src/model.js';
import { FindingsBuilder } from '../../src/scan/analyze-file.js';
import type { AnalyzeOptions } from '../../src/scan/analyze-file.js';
import { oracleEstimate } from './person-oracle.js';

type F = { type: string; value: string; location: Location };

const COUNTING = new Set(['person-name', 'email', 'phone', 'credit-card', 'my-number', 'passport', 'drivers-license', 'residence-card', 'pension-number']);

/** The verdict's persons, categories and breach flag as computed from strings, hit by hit. */
function oracle(findings: readonly F[], organisation: ReadonlySet<string>) {
  const hits = new PersonHits();
  for (const f of findings) hits.add(f.type, f.value, f.location);
  const mine: number[] = [];
  let other = false;
  for (let k = 0; k < hits.size; k++) {
    const type = hits.type(k);
    const value = hits.value(k);
    const personal = IDENTIFIER_CODE_TYPES.has(type) || (IDENTIFYING_TYPES.has(type) && !isOrganisationValue(type, value) && !organisation.has(organisationKey(type, value)));
    if (!personal) continue;
    mine.push(k);
    other ||= type !== 'phone' || isMobile(value);
  }
  const identified = other ? mine : [];
  const persons = oracleEstimate(hits, identified.filter((i) => COUNTING.has(hits.type(i))));
  const personalInformation = identified.length > 0;
  const myNumbers = new Set(identified.filter((k) => hits.type(k) === 'my-number').map((k) => hits.value(k)));
  const breach = personalInformation && (persons >= BREACH_MIN_PERSONS || identified.some((k) => hits.type(k) === 'credit-card') || myNumbers.size >= MY_NUMBER_BREACH_MIN_PERSONS);
  return { personalInformation, persons, roster: persons >= ROSTER_MIN_PERSONS, breachReportable: breach };
}

const location: fc.Arbitrary<Location> = fc.oneof(
  fc.record({ line: fc.integer({ min: 0, max: 8 }) }),
  fc.record({ sheet: fc.constantFrom('S1', 'S2'), cell: fc.constantFrom('A1', 'B2', 'C2', 'D7', 'E') }),
  fc.record({ page: fc.integer({ min: 1, max: 2 }) }),
);
/** Values that are mobile, fixed-line and toll-free numbers, named and role mailboxes, names, My Numbers. */
const finding: fc.Arbitrary<F> = fc.oneof(
  fc.record({ type: fc.constant('phone'), value: fc.constantFrom('09011112222', '08033334444', '0312345678', '0612345678', '0120123456', '0570000111'), location }),
  fc.record({ type: fc.constant('email'), value: fc.constantFrom('t.sato@a.jp', 'info@a.jp', 'h.ito@b.jp', 'support@b.jp'), location }),
  fc.record({ type: fc.constantFrom('person-name', 'my-number', 'credit-card', 'address', 'postal-code'), value: fc.constantFrom('1', '2', '3', '4'), location }),
);
const organisationOf = (findings: readonly F[], pick: number): string[] =>
  findings.filter((_, i) => (i + pick) % 4 === 0).map((f) => organisationKey(f.type, f.value));
const evidenceOf = (organisation: string[]): AppiEvidence => ({ triggers: [], fileWords: [], gated: [], organisation });

describe('APPI verdict by value numbers', () => {
  it('gives the persons, categories and breach flag of the per-hit string oracle (property)', () => {
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 150 }), fc.integer({ min: 0, max: 3 }), (findings, pick) => {
        const organisation = organisationOf(findings, pick);
        const verdict = appiVerdict({ findings, evidence: evidenceOf(organisation) });
        const want = oracle(findings, new Set(organisation));
        expect({ personalInformation: verdict.categories.includes('personal-information'), persons: verdict.persons, roster: verdict.roster, breachReportable: verdict.breachReportable }).toEqual(want);
      }),
      { numRuns: 500 },
    );
  });

  it('counts My Numbers and persons past the breach thresholds by distinct values', () => {
    const myNumbers = (n: number, repeat: number): F[] => Array.from({ length: n * repeat }, (_, i) => ({ type: 'my-number', value: String(i % n), location: { line: i + 1 } }));
    for (const [n, repeat] of [
      [MY_NUMBER_BREACH_MIN_PERSONS - 1, 3],
      [MY_NUMBER_BREACH_MIN_PERSONS, 2],
      [BREACH_MIN_PERSONS, 1],
    ] as const) {
      const findings = myNumbers(n, repeat);
      const verdict = appiVerdict({ findings, evidence: evidenceOf([]) });
      expect(verdict.persons).toBe(n);
      expect(verdict.breachReportable).toBe(oracle(findings, new Set()).breachReportable);
      expect(verdict.breachReportable).toBe(n >= MY_NUMBER_BREACH_MIN_PERSONS);
    }
  });

  it('counts the records of contact values per scope: row 2 of two sheets is two records', () => {
    const cell = (sheet: string, value: string): F => ({ type: 'phone', value, location: { sheet, cell: 'B2' } });
    const findings = [cell('S1', '09011112222'), cell('S1', '08033334444'), cell('S2', '0312345678'), cell('S2', '0612345678')];
    // Four numbers on two records (a mobile and a home number each): two people, not four nor one.
    expect(appiVerdict({ findings, evidence: evidenceOf([]) }).persons).toBe(2);
    expect(oracle(findings, new Set()).persons).toBe(2);
  });

  it("a FindingsBuilder's verdict (values numbered once, by the tally) equals the verdict of its findings as objects", () => {
    const opts = { minConfidence: 0, listLimit: 2, fingerprintKey: 'k', ruleMap: new Map() } as unknown as AnalyzeOptions;
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 120 }), (findings) => {
        const built = new FindingsBuilder('a.csv', opts);
        built.add(findings.map((f) => ({ ...f, confidence: 0.9, start: 0, end: 1 })) as never);
        built.finish();
        const fromBuilder = appiVerdict({ findings: built.persons, evidence: evidenceOf([]) });
        expect(fromBuilder).toEqual(appiVerdict({ findings, evidence: evidenceOf([]) }));
      }),
      { numRuns: 200 },
    );
  });
});
