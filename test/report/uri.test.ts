import { describe, expect, it } from 'vitest';
import type { Location } from '../../src/model.js';
import { formatLocation, orderedLocation } from '../../src/report/location.js';
import { encodePathUri, splitArchivePath } from '../../src/report/uri.js';

describe('encodePathUri', () => {
  it.each([
    ['notes/memo.txt', 'notes/memo.txt'],
    ['docs/案内.pdf', 'docs/%E6%A1%88%E5%86%85.pdf'],
    ['my file.txt', 'my%20file.txt'],
    ['a.zip!/名簿/顧客.csv', 'a.zip!/%E5%90%8D%E7%B0%BF/%E9%A1%A7%E5%AE%A2.csv'],
    ['c:d/x.txt', 'c%3Ad/x.txt'],
    ['100%/#1?.txt', '100%25/%231%3F.txt'],
  ])('%s → %s', (path, uri) => {
    expect(encodePathUri(path)).toBe(uri);
  });
});

describe('splitArchivePath', () => {
  it.each([
    ['notes/memo.txt', { outer: 'notes/memo.txt', entries: [] }],
    ['a.zip!/名簿/顧客.csv', { outer: 'a.zip', entries: ['名簿/顧客.csv'] }],
    ['mail.eml!/att.zip!/x/y.csv', { outer: 'mail.eml', entries: ['att.zip', 'x/y.csv'] }],
  ])('%s', (path, expected) => {
    expect(splitArchivePath(path)).toEqual(expected);
  });
});

describe('formatLocation', () => {
  it.each<[Location, string]>([
    [{ line: 3, column: 5 }, 'L3:C5'],
    [{ line: 3 }, 'L3'],
    [{ sheet: '顧客', cell: 'B3' }, '顧客!B3'],
    [{ sheet: '顧客' }, '顧客'],
    [{ page: 2 }, 'p.2'],
    [{ slide: 1 }, 'slide 1'],
    [{ part: 'footnotes', paragraph: 4 }, 'footnotes ¶4'],
    [{ entry: 'inner/file.csv', line: 2, column: 1 }, 'inner/file.csv L2:C1'],
    [{}, ''],
  ])('%j → %s', (loc, text) => {
    expect(formatLocation(loc)).toBe(text);
  });

  it('orders keys the same way whatever order the scanner used', () => {
    expect(Object.keys(orderedLocation({ entry: 'x', column: 2, line: 1 }))).toEqual(['line', 'column', 'entry']);
  });
});
