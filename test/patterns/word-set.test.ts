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
