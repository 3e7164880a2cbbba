/**
 * The compact occurrence tally (typed arrays over a ValueTable, groups by column without a place key) against
 * the first, Map-based one kept as the oracle: the same occurrence numbers, listing, places, counts, distinct
 * counts and keyed hashes for any sequence of hits, suppressed ones and places with empty fields included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Level } from '../../src/model.js';
import { OccurrenceTally, type PlaceFields } from '../../src/scan/occurrences.js';
import { OracleTally } from './occurrence-tally-oracle.js';

interface Hit {
  suppressed: boolean;
  type: string;
  value: string;
  level: Level;
  column: string | undefined;
  at: PlaceFields;
}

// Places that must fall together (an empty sheet or part is no sheet or part) and apart (page 0 is a page;
// two sheets; a sheet and the same sheet with a part, page or entry).
const PLACES: PlaceFields[] = [{}, {}, { sheet: '' }, { sheet: 'S1' }, { sheet: 'S2' }, { sheet: 'S1', part: '' }, { sheet: 'S1', part: 'comments' }, { sheet: 'S2', entry: 'b.xlsx' }, { page: 0 }, { page: 2 }, { part: '' }, { part: 'word/document.xml' }, { entry: 'a.csv' }, { slide: 1 }, { sheet: 'S1', page: 2 }];

const hit: fc.Arbitrary<Hit> = fc.record({
  suppressed: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  type: fc.constantFrom('phone', 'email', 'person-name'),
  value: fc.string({ unit: fc.constantFrom('0', '9', '-', '山'), maxLength: 4 }),
  level: fc.constantFrom<Level>('low', 'medium', 'high'),
  column: fc.constantFrom(undefined, '', '電話番号', 'C'),
  at: fc.constantFrom(...PLACES),
});

function run(limit: number, hits: readonly Hit[]) {
  const tally = new OccurrenceTally(limit);
  const oracle = new OracleTally(limit);
  for (const h of hits) {
    if (h.suppressed) {
      expect(tally.number(h.type, h.value)).toBe(oracle.number(h.type, h.value));
      continue;
    }
    expect(tally.count(h.type, h.value, h.level, h.column, h.at)).toBe(oracle.count(h.type, h.value, h.level, h.column, h.at));
    expect(tally.listed).toBe(oracle.listed);
    expect(tally.where).toEqual(oracle.where);
  }
  expect(tally.unlisted).toBe(oracle.unlisted);
  expect(tally.occurrences('k', 'a.csv')).toEqual(oracle.occurrences('k', 'a.csv'));
}

describe('OccurrenceTally against the Map-based oracle', () => {
  it('agrees on every hit and on the occurrences (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(1, 3, Infinity), fc.array(hit, { maxLength: 200 }), (limit, hits) => run(limit, hits)),
      { numRuns: 400 },
    );
  });

  it('agrees on a roster-sized run (30,000 hits, values in two columns, a value seen in four places)', () => {
    const hits: Hit[] = [];
    for (let i = 0; i < 10_000; i++) {
      hits.push({ suppressed: false, type: 'phone', value: `090${String(i % 7000).padStart(8, '0')}`, level: 'high', column: '電話番号', at: {} });
      hits.push({ suppressed: i % 500 === 0, type: 'phone', value: `080${String(i).padStart(8, '0')}`, level: 'medium', column: '携帯電話', at: {} });
      hits.push({ suppressed: false, type: 'email', value: `u${i % 3}@example.jp`, level: 'low', column: i % 4 === 0 ? 'C' : undefined, at: i % 2 ? {} : { sheet: 'S' } });
    }
    run(15, hits);
  });
});
