import { describe, expect, it } from 'vitest';
import { WordSet } from '../../src/patterns/word-set.js';

describe('WordSet', () => {
  const words = new WordSet(['注文', '注文番号', 'tel']);
  it.each([
    ['注文番号: ', 2],
    ['注文 注文番号', 0],
    ['TEL ', 1],
    ['注文xx tel', 0],
    ['nothing here', -1],
    ['', -1],
  ])('nearestBefore(%j) = %i', (before, expected) => {
    expect(words.nearestBefore(before)).toBe(expected);
  });

  it.each([
    [' 注文番号', 1],
    ['Tel注文', 0],
    ['xx', -1],
    ['', -1],
  ])('nearestAfter(%j) = %i', (after, expected) => {
    expect(words.nearestAfter(after)).toBe(expected);
  });

  it('gives the same answers when asked twice (no state left behind)', () => {
    expect(words.nearestBefore('注文 tel')).toBe(words.nearestBefore('注文 tel'));
    expect(words.nearestAfter('a tel')).toBe(2);
    expect(words.nearestAfter('a tel')).toBe(2);
  });

  it('an empty set finds nothing', () => {
    const none = new WordSet([]);
    expect([none.nearestBefore('注文'), none.nearestAfter('注文'), none.test('注文')]).toEqual([-1, -1, false]);
  });
});

describe('WordSet key names (words that count only where written as keys)', () => {
  const set = new WordSet(['氏名'], ['name', 'tel', 'kojin_bango']);
  it.each([
    ['"name": "x"', true],
    ["name: 'x'", true],
    ['?tel=0312345678&', true],
    ['TEL = 1', true],
    ["$row = ['tel' => 1]", true],
    ['customerTelNo: 1', true],
    ['customer_name=x', true],
    ['user.name = x', true],
    ['<tel>0312345678</tel>', true],
    ['<tel type="home">', true],
    ['KOJIN_BANGO=1', true],
    ['INSERT INTO t (a, b) VALUES (1, 2)', true],
    ['氏名 x', true],
    ['the name of the file', false],
    ['hotel: 1', false],
    ['namespace: x', false],
    ['filename = x', false],
    ['call tel later', false],
    ['name', false],
  ])('test(%j) = %s', (text, expected) => {
    expect(set.test(text)).toBe(expected);
  });
  it('a word that is also a key stays a plain word', () => {
    const both = new WordSet(['passport'], ['passport', 'passport no']);
    expect(both.test('my passport')).toBe(true);
    expect(both.keys).toEqual(['passport no']);
  });
  it('without keys there is no SQL alternative', () => {
    expect(new WordSet(['氏名']).test('INSERT INTO t (a) VALUES (1)')).toBe(false);
  });
});
