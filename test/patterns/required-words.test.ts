/**
 * The one-pass required-word check answers exactly what each rule's WordSet.test answers (property tests over
 * texts built from the real rules' words, cut, re-cased and glued with key syntax), and the automaton under it
 * finds every place a word is written, overlapping ones included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadBuiltinRules } from '../../src/patterns/load.js';
import { RequiredWords } from '../../src/patterns/required-words.js';
import { WordAutomaton } from '../../src/patterns/word-automaton.js';
import { WordSet } from '../../src/patterns/word-set.js';

const rules = loadBuiltinRules();
const sets = rules.map((r) => r.requires);
const realWords = [...new Set(rules.flatMap((r) => r.requires?.starts ?? []))];

/** Glue that makes or breaks a word boundary or a key: quotes, separators, tags, letters, digits, kana. */
const GLUE = ['', ' ', ':', '=', '=>', '"', "'", '<', '>', ' type="x">', '_', '-', '.', '\n', '\t', 'a', 'Z', 'x', '1', '様', '名', 'の', 'INSERT INTO t (', 'insert\ninto', ',', '(', '）'];

/** A word with its ASCII letters in random case, sometimes cut at either end. */
const word = (words: readonly string[]): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(...words), fc.array(fc.boolean(), { maxLength: 40 }), fc.nat(3), fc.nat(3)).map(([w, upper, cutStart, cutEnd]) => {
    const cased = [...w].map((c, i) => (upper[i % Math.max(1, upper.length)] ? c.toUpperCase() : c.toLowerCase())).join('');
    const from = cutStart === 0 ? Math.min(1, cased.length - 1) : 0;
    return cutEnd === 0 ? cased.slice(from, -1) : cased.slice(from);
  });

const textOf = (words: readonly string[]): fc.Arbitrary<string> => fc.array(fc.oneof(word(words), fc.constantFrom(...GLUE), fc.string({ maxLength: 4 })), { maxLength: 16 }).map((parts) => parts.join(''));

describe('RequiredWords', () => {
  it('answers like every built-in rule’s WordSet.test', () => {
    const required = new RequiredWords(sets);
    fc.assert(
      fc.property(textOf(realWords), (text) => {
        expect(required.test(text)).toEqual(sets.map((s) => s?.test(text) ?? false));
      }),
      { numRuns: 3000, seed: 20261206 },
    );
  });

  it('answers like WordSet.test for sets whose words overlap one another, with keys', () => {
    const words = ['abc', 'bcd', 'c', '氏名', '名前', 'name', 'tel', 'telno', '様', 'x-y'];
    const made = [new WordSet(['abc', 'c', '様']), new WordSet(['bcd', '名前'], ['name', 'tel']), new WordSet(['氏名'], ['telno', 'x-y']), undefined, new WordSet([])];
    const required = new RequiredWords(made);
    fc.assert(
      fc.property(textOf(words), (text) => {
        expect(required.test(text)).toEqual(made.map((s) => s?.test(text) ?? false));
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('holds a key set true only where key syntax follows, like the regex', () => {
    const required = new RequiredWords([new WordSet([], ['tel'])]);
    expect(required.test('call tel now')).toEqual([false]);
    expect(required.test('{"TEL": 1}')).toEqual([true]);
    expect(required.test('hotel=1')).toEqual([false]);
    expect(required.test('INSERT INTO t (a) VALUES (1)')).toEqual([true]);
  });
});

describe('WordAutomaton', () => {
  /** Every (word, start) by brute force, Latin letters in either case. */
  function naive(words: readonly string[], text: string): string[] {
    const lower = text.replace(/[A-Z]/g, (c) => c.toLowerCase());
    const out: string[] = [];
    words.forEach((w, i) => {
      const lw = w.replace(/[A-Z]/g, (c) => c.toLowerCase());
      for (let at = lower.indexOf(lw); at >= 0; at = lower.indexOf(lw, at + 1)) out.push(`${i}@${at}`);
    });
    return out.sort();
  }

  it('finds every place every word is written, overlapping and nested ones too', () => {
    const words = ['he', 'she', 'his', 'hers', 'Name', 'a', '氏名', '名', '名前', 'ab', 'bab'];
    const automaton = new WordAutomaton(words);
    fc.assert(
      fc.property(fc.array(fc.constantFrom('h', 'e', 's', 'i', 'r', 'H', 'S', 'n', 'A', 'm', 'E', 'a', 'b', '氏', '名', '前', ' ', 'z'), { maxLength: 30 }), (units) => {
        const text = units.join('');
        const found: string[] = [];
        automaton.scan(text, (w, start) => found.push(`${w}@${start}`));
        expect(found.sort()).toEqual(naive(words, text));
      }),
      { numRuns: 2000, seed: 11 },
    );
  });
});
