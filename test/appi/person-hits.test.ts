/**
 * PersonHits keeps a file's identifying hits in typed arrays, each distinct value once: read back, the hits
 * must be the ones added, and the person estimate made from value and scope numbers must equal the one made
 * from the strings themselves (the oracle below is estimatePersons as first written, over strings).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Location } from '../../src/model.js';
import { PersonHits } from '../../src/appi/person-hits.js';
import { estimatePersons } from '../../src/appi/persons.js';
import { OccurrenceTally } from '../../src/scan/occurrences.js';
import { ValueTables } from '../../src/scan/value-table.js';
import { oracleEstimate } from './person-oracle.js';

const location: fc.Arbitrary<Location> = fc.oneof(
  fc.record({ line: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ sheet: fc.constantFrom('S1', 'S2'), cell: fc.constantFrom('A1', 'B2', 'C2', 'D7', 'E') }),
  fc.record({ page: fc.integer({ min: 1, max: 2 }) }),
  fc.record({ part: fc.constantFrom('word/document.xml', ''), paragraph: fc.integer({ min: 0, max: 3 }) }),
);
const added = fc.record({
  type: fc.constantFrom('phone', 'email', 'person-name', 'my-number', 'address', 'postal-code'),
  value: fc.string({ unit: fc.constantFrom('0', '9', '-', '山', '@'), maxLength: 3 }),
  location,
});

describe('PersonHits', () => {
  it('reads back the hits of the types the verdict reads, in order; within a type, equal value numbers ⇔ equal values', () => {
    fc.assert(
      fc.property(fc.array(added, { maxLength: 120 }), (list) => {
        const hits = new PersonHits();
        for (const h of list) hits.add(h.type, h.value, h.location);
        const kept = list.filter((h) => !['address', 'postal-code'].includes(h.type));
        expect(hits.size).toBe(kept.length);
        kept.forEach((h, k) => {
          expect([hits.type(k), hits.value(k)]).toEqual([h.type, h.value]);
          for (let j = 0; j < k; j++) if (hits.type(j) === h.type) expect(hits.valueId(j) === hits.valueId(k)).toBe(hits.value(j) === h.value);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('estimates as many persons from numbers as the oracle does from strings (property)', () => {
    fc.assert(
      fc.property(fc.array(added, { maxLength: 150 }), fc.integer({ min: 0, max: 3 }), (list, skip) => {
        const hits = new PersonHits();
        for (const h of list) hits.add(h.type, h.value, h.location);
        const which = Array.from({ length: hits.size }, (_, k) => k).filter((k) => skip === 0 || k % (skip + 1) !== 0);
        expect(estimatePersons(hits, which)).toBe(oracleEstimate(hits, which));
      }),
      { numRuns: 400 },
    );
  });

  it('estimates as the oracle does over many records, in and out of file order (property)', () => {
    const many = fc.record({
      type: fc.constantFrom('phone', 'email', 'person-name'),
      value: fc.string({ unit: fc.constantFrom('0', '9', '山'), maxLength: 3 }),
      location: fc.oneof(fc.record({ line: fc.integer({ min: 1, max: 400 }) }), fc.record({ sheet: fc.constantFrom('S1', 'S2'), cell: fc.integer({ min: 1, max: 400 }).map((r) => `B${r}`) })),
    });
    fc.assert(
      fc.property(fc.array(many, { maxLength: 500 }), fc.boolean(), (list, sorted) => {
        // Sorted by line: rows as they come in a file (the fast path); else in any order.
        const ordered = sorted ? [...list].sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0)) : list;
        const hits = new PersonHits();
        for (const h of ordered) hits.add(h.type, h.value, h.location);
        const which = Array.from({ length: hits.size }, (_, k) => k);
        expect(estimatePersons(hits, which)).toBe(oracleEstimate(hits, which));
      }),
      { numRuns: 200 },
    );
  });

  it('sharing its value tables with an occurrence tally changes neither (numbers given by one, seen first by the other)', () => {
    const values = new ValueTables();
    const shared = { hits: new PersonHits(values), tally: new OccurrenceTally(2, values) };
    const alone = { hits: new PersonHits(), tally: new OccurrenceTally(2) };
    const list = ['090-1', '090-2', '090-1', '03-9', '090-2', '090-3'];
    for (const [i, v] of list.entries()) {
      for (const side of [shared, alone]) {
        // The tally sees some values before the hits do, and one value only the tally sees.
        if (i % 2 === 0) side.hits.add('phone', v, { line: i + 1 });
        side.tally.count('phone', v, 'high', '電話', {});
        if (i % 2 === 1) side.hits.add('phone', v, { line: i + 1 });
      }
    }
    shared.tally.count('phone', 'tally-only', 'low', '電話', {});
    alone.tally.count('phone', 'tally-only', 'low', '電話', {});
    expect(shared.tally.occurrences('k', 'a.csv')).toEqual(alone.tally.occurrences('k', 'a.csv'));
    const read = (h: PersonHits) => Array.from({ length: h.size }, (_, k) => [h.type(k), h.value(k), h.index(k)]);
    expect(read(shared.hits)).toEqual(read(alone.hits));
    const all = Array.from({ length: shared.hits.size }, (_, k) => k);
    expect(estimatePersons(shared.hits, all)).toBe(estimatePersons(alone.hits, all));
  });

  it('a roster: one person per row although each row has a mobile and a home number', () => {
    const hits = new PersonHits();
    for (let row = 1; row <= 300; row++) {
      hits.add('phone', `090${String(row).padStart(8, '0')}`, { line: row });
      hits.add('phone', `03${String(row).padStart(8, '0')}`, { line: row });
    }
    const all = Array.from({ length: hits.size }, (_, k) => k);
    expect(estimatePersons(hits, all)).toBe(300);
    expect(oracleEstimate(hits, all)).toBe(300);
  });
});
