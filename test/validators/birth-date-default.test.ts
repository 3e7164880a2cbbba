import { describe, expect, it } from 'vitest';
import { findIn } from '../helpers.js';

/** 1970-01-01 is a software default in code and logs, and a person's birthday under a 生年月日 header. */
describe('default dates of software', () => {
  it('are birth dates in a column headed 生年月日 (CSV and spreadsheet cell)', () => {
    const csv = findIn('氏名,生年月日\n山田 太郎,1970/01/01\n鈴木 花子,1900-01-01\n', { name: 'roster.csv' });
    expect(csv.filter((h) => h.type === 'birth-date').map((h) => h.value)).toEqual(['1970-01-01', '1900-01-01']);
    expect(findIn('1970-01-01', { header: '生年月日' }).map((h) => h.value)).toEqual(['1970-01-01']);
  });
  it('are not in code or prose, even next to a birth-date word', () => {
    expect(findIn("  dob: new Date('1970-01-01'),", { name: 'user.ts' })).toEqual([]);
    expect(findIn('生年月日 1970-01-01 (未入力)')).toEqual([]);
  });
});
