import { describe, expect, it } from 'vitest';
import { findIn } from '../helpers.js';

// A one-column export (one postal code, phone or e-mail address per row under one header) is a common roster
// shape. Read whole, it once failed twice over: every candidate's context window searched back to the start of
// the text for a delimiter that never comes (quadratic: 200,000 rows took 172 s), and the table candidates were
// appended with push(...), whose argument count overflowed V8's stack ("Maximum call stack size exceeded").
describe('a dense one-column CSV read whole', () => {
  it('finds every row of 200,000 postal codes under their header, each in its own line', () => {
    const rows = 200_000;
    const text = `郵便番号\n${'1500002\n'.repeat(rows)}`;
    const hits = findIn(text, { name: 'list.csv' });
    expect(hits).toHaveLength(rows);
    expect(new Set(hits.map((h) => h.type))).toEqual(new Set(['postal-code']));
    expect(hits[0]?.location.line).toBe(2);
    expect(hits.at(-1)?.location.line).toBe(rows + 1);
  }, 120_000); // 4 s on a quiet machine, 27 s with the 2 cores shared by five agents
});
