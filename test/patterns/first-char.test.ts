/**
 * The digit-first start boundary (src/patterns/first-char.ts, compile.ts matchSource): which bodies get it,
 * and that it matches exactly what the general boundary matches, for every built-in regex.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandRegex, matchSource } from '../../src/patterns/compile.js';
import { startsWithDigit } from '../../src/patterns/first-char.js';
import { builtinPatternFiles, readPatternFile } from '../../src/patterns/load.js';
import { wholeValueBody } from '../../src/patterns/whole-value.js';

describe('startsWithDigit', () => {
  it.each([
    '\\d{7}',
    '(?<value>\\d{7})',
    '(?:(?<value>\\d(?:[- ]?\\d){12,18}))',
    '(?<value>(?:18|19|20)\\d{2}年\\d{1,2}月)',
    '[01]\\d{3}0-\\d{1,8}',
    '[0-9]{0,2}\\d',
    '(?=\\d)\\d',
    '(?<![.])\\d+?',
    '\\b\\d',
    '(?:1|2)(?:a|b)',
  ])('%s: every match starts with a digit', (body) => {
    expect(startsWithDigit(body)).toBe(true);
  });

  it.each([
    ['a letter may come first', 'T[- ]?\\d(?:[- ]?\\d){12}'],
    ['an optional prefix', '(?:(?:TEL|tel)[.:]?)?(?<value>0\\d{9,10})'],
    ['an alternative that does not', '(?:\\d{4}|ab)'],
    ['an empty alternative', '\\d|'],
    ['an optional digit', '\\d?x'],
    ['only a lookahead', '(?=\\d)'],
    ['a zero repeat', '\\d{0}'],
    ['a class with a separator', '[\\d-]'],
    ['a class with a letter', '[0-9a]'],
    ['a negated class', '[^a]'],
    ['a range across the digits', '[ -~]'],
    ['an escape that may be a digit', '\\x31'],
    ['a Unicode escape', '\\u0031'],
    ['a property', '\\p{Nd}'],
    ['a word character', '\\w'],
    ['any character', '.'],
    ['a backreference', '(\\d)\\1'],
    ['a modifier group', '(?i:\\d)'],
    ['an unmatched parenthesis', '\\d)'],
    ['an unfinished class', '[0-9'],
    ['nothing', ''],
  ])('%s: %s → no', (_why, body) => {
    expect(startsWithDigit(body)).toBe(false);
  });
});

/** Every built-in match regex (and its whole-value form), with its flags and boundary. */
const builtins = builtinPatternFiles().flatMap((file) => {
  const p = readPatternFile(file);
  return p.match.flatMap((m) => {
    const body = expandRegex(m.regex, p.macros);
    const whole = wholeValueBody(body);
    return [body, ...(whole ? [whole] : [])].map((b) => ({ id: p.id, body: b, token: p.boundary === 'token', flags: m.ignoreCase ? 'giu' : 'gu' }));
  });
});
const digitFirst = builtins.filter((b) => startsWithDigit(b.body));

function matches(source: string, flags: string, text: string): string[] {
  return [...text.matchAll(new RegExp(source, flags))].map((m) => `${m.index}:${m[0]}:${m.groups?.['value'] ?? ''}`);
}

/** Digits, the separators and boundary characters the rules care about, letters (ſ folds to s with `i`), kanji. */
const UNITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '1', '9', '.', '-', '_', ' ', '/', '(', ')', '+', 'a', 'T', 'x', 'ſ', '年', '月', '日', '〒', '元', '東京都', ':', '\n'];
const text = fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...UNITS) }, { weight: 1, arbitrary: fc.stringMatching(/^\d{1,14}$/) }), { maxLength: 40 }).map((parts) => parts.join(''));

describe('the digit-first boundary matches what the general one matches', () => {
  it('the numbers of the built-in rules get it, the others do not', () => {
    const ids = new Set(digitFirst.map((b) => b.id));
    for (const id of ['credit-card', 'my-number', 'postal-code', 'bank-account', 'drivers-license', 'insurer-number', 'pension-number', 'corporate-number', 'birth-date']) expect(ids.has(id)).toBe(true);
    for (const id of ['phone', 'email', 'person-name', 'address', 'passport', 'residence-card']) expect(ids.has(id)).toBe(false);
  });

  it.each(digitFirst.map((b) => [b.id, b.body, b]))('%s %s', (_id, _body, b) => {
    const fast = matchSource(b.body, b.token);
    const general = matchSource(b.body, b.token, true);
    expect(fast).not.toBe(general);
    fc.assert(
      fc.property(text, (t) => {
        expect(matches(fast, b.flags, t)).toEqual(matches(general, b.flags, t));
      }),
      { numRuns: 400 },
    );
  });

  it('examples where the boundaries decide', () => {
    const b = { body: '(?<value>\\d{7})', token: true, flags: 'gu' };
    for (const t of ['1234567', 'a1234567', '1.1234567', '.1234567', 'v1.1234567', 'x-1234567', '_1234567', '1-1234567', '〒1234567', ' 1234567.', '12345678']) {
      expect(matches(matchSource(b.body, b.token), b.flags, t)).toEqual(matches(matchSource(b.body, b.token, true), b.flags, t));
    }
    expect(matches(matchSource(b.body, true), 'gu', '番号 1234567 と x-7654321 と 1.2345678')).toEqual(['3:1234567:1234567']);
  });
});
