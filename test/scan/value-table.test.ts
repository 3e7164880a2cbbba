/**
 * ValueTable: exact distinct strings numbered in order of first sight, keys read back unchanged. The oracle
 * is a Map from string to number; the table must agree with it on every id, on `added` and on `size`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValueTable } from '../../src/scan/value-table.js';

/** What the table must do, written the simple way. */
function oracleIds(keys: readonly string[]): { ids: number[]; added: boolean[] } {
  const map = new Map<string, number>();
  const ids: number[] = [];
  const added: boolean[] = [];
  for (const k of keys) {
    const known = map.get(k);
    added.push(known === undefined);
    if (known === undefined) map.set(k, map.size);
    ids.push(map.get(k) as number);
  }
  return { ids, added };
}

function tableIds(keys: readonly string[]): { ids: number[]; added: boolean[]; table: ValueTable } {
  const table = new ValueTable();
  const ids: number[] = [];
  const added: boolean[] = [];
  for (const k of keys) {
    ids.push(table.id(k));
    added.push(table.added);
  }
  return { ids, added, table };
}

describe('ValueTable', () => {
  it('numbers keys in order of first sight and gives each back unchanged', () => {
    const keys = ['090-1234-5678', '', '山田 太郎', '090-1234-5678', '𠮷野', '\ud800', '\udc00x', '', '山田 太郎'];
    const { ids, added, table } = tableIds(keys);
    expect(ids).toEqual([0, 1, 2, 0, 3, 4, 5, 1, 2]);
    expect(added).toEqual([true, true, true, false, true, true, true, false, false]);
    expect(table.size).toBe(6);
    expect([0, 1, 2, 3, 4, 5].map((id) => table.key(id))).toEqual(['090-1234-5678', '', '山田 太郎', '𠮷野', '\ud800', '\udc00x']);
  });

  it('keeps keys longer than one decoding run whole', () => {
    const long = 'あ'.repeat(20_000) + 'x'.repeat(5_000);
    const table = new ValueTable();
    expect(table.id(long)).toBe(0);
    expect(table.id(`${long}y`)).toBe(1);
    expect(table.key(0)).toBe(long);
    expect(table.id(long)).toBe(0);
  });

  it('stays exact through many growths (100,000 keys, each seen twice)', () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `0${(90_000_000_000 + i * 7919).toString()}`);
    const table = new ValueTable();
    let wrong = 0;
    keys.forEach((k, i) => {
      if (table.id(k) !== i || !table.added) wrong++;
    });
    keys.forEach((k, i) => {
      if (table.id(k) !== i || table.added || table.key(i) !== k) wrong++;
    });
    expect(wrong).toBe(0);
    expect(table.size).toBe(100_000);
  });

  it('agrees with a Map on ids, first sightings and size (property)', () => {
    // A small alphabet makes repeats and equal-length near-misses common; full Unicode covers surrogates.
    const key = fc.oneof(fc.string({ unit: fc.constantFrom('0', '1', '-', '山', '\ud83d'), maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 12 }));
    fc.assert(
      fc.property(fc.array(key, { maxLength: 300 }), (keys) => {
        const got = tableIds(keys);
        const want = oracleIds(keys);
        expect(got.ids).toEqual(want.ids);
        expect(got.added).toEqual(want.added);
        expect(got.table.size).toBe(new Set(keys).size);
        for (const [i, k] of [...new Set(keys)].entries()) expect(got.table.key(i)).toBe(k);
      }),
      { numRuns: 300 },
    );
  });
});
