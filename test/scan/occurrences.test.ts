/**
 * Occurrences: exact counts per type and place while only the first K are listed; the keyed hashes that
 * baselines and SARIF rely on; a result counted and listed again after a filter.
 */
import { describe, expect, it } from 'vitest';
import type { FileResult, Finding, Level } from '../../src/model.js';
import { OccurrenceTally, relisted } from '../../src/scan/occurrences.js';
import { columnLabel, columnLetters, lettersOfCell } from '../../src/scan/column-label.js';
import { RULES } from '../helpers.js';

const KEY = 'test-key';

function tally(limit: number, hits: [string, string, Level, string?][]): { t: OccurrenceTally; listed: boolean[]; numbers: number[] } {
  const t = new OccurrenceTally(limit);
  const listed: boolean[] = [];
  const numbers: number[] = [];
  for (const [type, value, level, column] of hits) {
    numbers.push(t.count(type, value, level, column, {}));
    listed.push(t.listed);
  }
  return { t, listed, numbers };
}

describe('OccurrenceTally', () => {
  it('counts every occurrence per type and place, lists the first K of each, numbers values across places', () => {
    const hits: [string, string, Level, string?][] = [];
    for (let i = 0; i < 40; i++) hits.push(['phone', `0900000${String(i % 30).padStart(4, '0')}`, i === 33 ? 'high' : 'medium', '電話番号']);
    for (let i = 0; i < 3; i++) hits.push(['phone', '09000000001', 'low', 'C']);
    const { t, listed, numbers } = tally(15, hits);
    const occ = t.occurrences(KEY, 'a.csv');
    expect(occ.map((o) => [o.type, o.where, o.count, o.distinct, o.listed, o.level, o.byLevel])).toEqual([
      ['phone', { column: '電話番号' }, 40, 30, 15, 'high', { high: 1, medium: 39, low: 0 }],
      ['phone', { column: 'C' }, 3, 1, 3, 'low', { high: 0, medium: 0, low: 3 }],
    ]);
    expect(listed.filter(Boolean)).toHaveLength(18);
    expect(listed.slice(0, 15).every(Boolean) && !listed[15]).toBe(true);
    // 09000000001 is the 2nd value of the first column: seen at 1, 31, then three times in column C.
    expect(numbers.slice(40)).toEqual([3, 4, 5]);
    expect(t.unlisted).toBe(25);
  });

  it('lists everything with no limit', () => {
    const { t, listed } = tally(Infinity, Array.from({ length: 100 }, (_, i) => ['email', `u${i}@example.jp`, 'high'] as [string, string, Level]));
    expect(listed.every(Boolean)).toBe(true);
    expect(t.occurrences(KEY, 'x.txt')[0]).toMatchObject({ count: 100, listed: 100, distinct: 100, where: {} });
  });

  it('keeps the place fingerprint when values change; the set fingerprint changes with any value but not with order', () => {
    const rows = (values: string[]) => tally(15, values.map((v) => ['phone', v, 'high', '電話番号'] as [string, string, Level, string])).t.occurrences(KEY, 'a.csv')[0];
    const base = rows(['09011112222', '09033334444', '09055556666']);
    const reordered = rows(['09055556666', '09011112222', '09033334444']);
    const changed = rows(['09011112222', '09033334444', '09055556667']);
    const added = rows(['09011112222', '09033334444', '09055556666', '09055556666']);
    expect(reordered?.setFingerprint).toBe(base?.setFingerprint);
    expect(new Set([base?.setFingerprint, changed?.setFingerprint, added?.setFingerprint]).size).toBe(3);
    expect(new Set([base?.fingerprint, changed?.fingerprint, added?.fingerprint]).size).toBe(1);
    expect(base?.setFingerprint).toMatch(/^[0-9a-f]{32}$/);
    const otherKey = tally(15, [['phone', '09011112222', 'high', '電話番号']]).t.occurrences('another-key', 'a.csv')[0];
    expect(otherKey?.fingerprint).not.toBe(base?.fingerprint);
  });
});

describe('relisted', () => {
  const finding = (i: number, line: number): Finding => ({
    type: 'phone', confidence: 0.9, level: 'high', location: { line, column: 1 }, value: `0901111${String(i).padStart(4, '0')}`, masked: 'x', fingerprint: `f${i}`, where: { column: '電話番号' },
  });

  it('counts what a filter left and lists it again; suppressed and file-level findings stay', () => {
    const all = Array.from({ length: 50 }, (_, i) => finding(i, i + 2));
    const suppressed: Finding = { ...finding(99, 60), suppressed: {} };
    const file: FileResult = { path: 'a.csv', format: 'csv', status: 'scanned', labels: [], labelled: false, risk: 1, sensitive: true, findings: [...all.slice(10, 40), suppressed], occurrences: [] };
    const out = relisted(file, 5, KEY);
    expect(out.findings.map((f) => f.fingerprint)).toEqual(['f10', 'f11', 'f12', 'f13', 'f14', 'f99']);
    expect(out.occurrences).toMatchObject([{ type: 'phone', count: 30, distinct: 30, listed: 5, where: { column: '電話番号' } }]);
  });
});

describe('column labels', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('column %i is %s', (i, letters) => expect(columnLetters(i)).toBe(letters));

  it('prints a header only when a detector names it and it does not look like data', () => {
    expect(columnLabel('電話番号', 'B', RULES)).toBe('電話番号');
    expect(columnLabel('090-1234-5678', 'B', RULES)).toBe('B');
    expect(columnLabel('見本 太郎', 'C', RULES)).toBe('C');
    expect(columnLabel('電話 09012345678', 'D', RULES)).toBe('D');
    expect(columnLabel(undefined, undefined, RULES)).toBeUndefined();
    expect(lettersOfCell('AB12')).toBe('AB');
  });
});
