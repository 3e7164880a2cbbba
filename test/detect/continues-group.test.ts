/**
 * continuesGroup reads char codes instead of slicing strings (it runs for every match of every regex); it must
 * answer exactly as the string version it replaced, on every short text and span, and on the cases it exists for.
 */
import { describe, expect, it } from 'vitest';
import { continuesGroup } from '../../src/detect/detect.js';
import { seededRandom } from '../properties/generators.js';

const SEPARATORS = new Set(['-', ' ', '.']);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** The string version. */
function reference(text: string, start: number, end: number): boolean {
  if (!isDigit(text[end - 1]) && !isDigit(text[start])) return false;
  const after = text[end];
  if (isDigit(text[end - 1]) && after !== undefined && SEPARATORS.has(after) && isDigit(text[end + 1]) && text.slice(start, end).includes(after)) return true;
  const before = text[start - 1];
  return isDigit(text[start]) && before !== undefined && SEPARATORS.has(before) && isDigit(text[start - 2]) && text.slice(start, end).includes(before);
}

describe('continuesGroup', () => {
  it.each([
    ['1234 5678 9012 3456', 0, 14, true],
    ['1234 5678 9012', 0, 14, false],
    ['9999 1234 5678 9012', 5, 19, true],
    ['1234-5678-9012 3456', 0, 14, false],
    ['TEL 03-1234-5678', 4, 16, false],
  ])('%j [%i, %i) → %s', (text, start, end, expected) => {
    expect(continuesGroup(text, start, end)).toBe(expected);
    expect(reference(text, start, end)).toBe(expected);
  });

  it('answers as the string version on 100,000 random texts and spans', () => {
    const random = seededRandom(20261122);
    const alphabet = '0123456789 -.a:あ';
    let disagreements = 0;
    for (let k = 0; k < 100_000; k++) {
      const length = 1 + Math.floor(random() * 14);
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      const start = Math.floor(random() * (length + 1));
      const end = start + Math.floor(random() * (length - start + 1));
      if (continuesGroup(text, start, end) !== reference(text, start, end)) disagreements++;
    }
    expect(disagreements).toBe(0);
  });
});
