/**
 * ColumnIndex reads each line of a delimited text once and answers columnIndexAt (csv-header.ts) for any
 * offset, asked in any order. columnIndexAt stays the oracle on generated texts full of quotes, doubled quotes,
 * quoted line breaks and CR.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ColumnIndex } from '../../src/extract/column-index.js';
import { columnIndexAt } from '../../src/extract/csv-header.js';

const text = fc.string({ unit: fc.constantFrom(',', ',', '\t', '"', '"', '\n', '\r', ' ', 'a', '東', '1'), maxLength: 120 });

describe('ColumnIndex', () => {
  it.each([',', '\t'])('agrees with columnIndexAt for every offset, asked in random order (delimiter %j)', (delimiter) => {
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 60 }), (t, picks) => {
        const index = new ColumnIndex(t, delimiter);
        // Random offsets first (lines read part-way, then further), then every offset backwards.
        const offsets = [...picks.map((p) => p % (t.length + 2)), ...Array.from({ length: t.length + 1 }, (_, i) => t.length - i)];
        for (const at of offsets) expect(index.at(at), `offset ${at} of ${JSON.stringify(t)}`).toBe(columnIndexAt(t, at, delimiter));
      }),
      { numRuns: 2000, seed: 20261206 },
    );
  });

  it("finds a line's start and the next line feed as lastIndexOf and indexOf do, asked in any order", () => {
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 40 }), (t, picks) => {
        const index = new ColumnIndex(t, ',');
        const offsets = [...picks.map((p) => p % (t.length + 1)), ...Array.from({ length: t.length + 1 }, (_, i) => i)];
        for (const at of offsets) {
          expect(index.lineStartOf(at), `line start at ${at} of ${JSON.stringify(t)}`).toBe(t.lastIndexOf('\n', at - 1) + 1);
          expect(index.lineBreakFrom(at), `line feed from ${at} of ${JSON.stringify(t)}`).toBe(t.indexOf('\n', at));
          // Between the asks for lines, the columns still read right.
          if (at % 3 === 0) expect(index.at(at)).toBe(columnIndexAt(t, at, ','));
        }
      }),
      { numRuns: 2000, seed: 20261207 },
    );
  });

  it('reads a roster line once however often it is asked', () => {
    const t = 'E1,山田 太郎,"東京都,港区",03-1234-5678\nE2,"a""b",x,y\n';
    const index = new ColumnIndex(t, ',');
    expect([t.indexOf('山田'), t.indexOf('港区'), t.indexOf('03-'), t.indexOf('b",x'), t.indexOf('y')].map((o) => index.at(o))).toEqual([1, 2, 3, 1, 3]);
  });
});
