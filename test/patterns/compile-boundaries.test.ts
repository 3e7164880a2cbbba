/** The engine's match boundaries (src/patterns/compile.ts): `word` for every rule, `token` for identifiers. */
import { describe, expect, it } from 'vitest';
import { compilePattern } from '../../src/patterns/compile.js';
import type { PatternFile } from '../../src/patterns/types.js';

function rule(boundary?: 'word' | 'token'): PatternFile {
  return {
    id: 'sample-id',
    name: { ja: '見本', en: 'Sample' },
    description: 'test',
    validates: 'shape',
    severity: 'low',
    match: [{ regex: '(?<value>[A-Z]{2}\\d{8}[A-Z]{2}|\\d{12})' }],
    canonical: 'upper',
    score: { base: 0.5 },
    ...(boundary ? { boundary } : {}),
    examples: { positive: [], negative: [] },
  };
}

function values(boundary: 'word' | 'token' | undefined, text: string): string[] {
  const re = compilePattern(rule(boundary)).regexes[0]?.re;
  if (!re) throw new Error('no regex');
  return [...text.matchAll(re)].map((m) => m.groups?.['value'] ?? '');
}

describe('word boundary (every rule)', () => {
  it.each([
    ['AB12345678CD', ['AB12345678CD']],
    ['番号：AB12345678CD。', ['AB12345678CD']],
    ['xAB12345678CD', []],
    ['v1.123456789018', []],
    ['O(-.123456789018)', []],
    ['(.123456789018)', []],
    ['合計 123456789018.', ['123456789018']],
  ])('%s → %j', (text, expected) => {
    expect(values(undefined, text)).toEqual(expected);
  });
  it('leaves hyphen-joined tokens to the token boundary', () => {
    expect(values(undefined, 'token-AB12345678CD-suffix')).toEqual(['AB12345678CD']);
  });
});

describe('token boundary (identifiers)', () => {
  it.each([
    ['token-AB12345678CD-suffix', []],
    ['550e8400-e29b-41d4-a716-123456789018', []],
    ['tok_AB12345678CD', []],
    ['"_123456789018"', []],
    ['AB12345678CD-v2', []],
    ['ID：AB12345678CD', ['AB12345678CD']],
    ['"AB12345678CD",', ['AB12345678CD']],
    ['番号 - AB12345678CD - 確認', ['AB12345678CD']],
  ])('%s → %j', (text, expected) => {
    expect(values('token', text)).toEqual(expected);
  });
});
