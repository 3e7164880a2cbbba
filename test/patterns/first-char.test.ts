/**
 * The digit-first start boundary (src/patterns/first-char.ts, compile.ts matchSource): which bodies get it,
 * and that it matches exactly what the general boundary matches, for every built-in regex.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandRegex, matchSource } from '../../src/patterns/compile.js';
import { detectText } from '../../src/detect/detect.js';
import { classUnits, literalAnchor, startsWithDigit } from '../../src/patterns/first-char.js';
import { builtinPatternFiles, loadBuiltinRules, readPatternFile } from '../../src/patterns/load.js';
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

describe('literalAnchor', () => {
  it.each([
    ['(?<value>[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9]+)', '@', 64],
    ['〒[ ]?(?<value>\\d{3}-?\\d{4})', '〒', 0],
    ['(?=x)a?b{2,3}(?:cd)\\s-', '-', 7],
    ['(?:ab)(?<n>c)\\p{Script=Han}.[^x]#', '#', 6],
    ['\\b\\d{2}(?<=x)[:]:', ':', 3],
  ])('%s: %s within %d', (body, char, within) => {
    expect(literalAnchor(body)).toMatchObject({ char, within });
  });

  it('knows the class before the anchor when every atom before it is that one class', () => {
    const email = literalAnchor('(?<value>[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9]+)');
    const units = (s: string): number[] => [...s].map((c) => email?.before?.[c.charCodeAt(0)] ?? -1);
    expect(units('aZ09._%+-')).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(units('@, :東\u212a')).toEqual([0, 0, 0, 0, 0, 0]);
    // With `i`, [A-Za-z] also holds the Kelvin sign and the long s.
    expect([0x212a, 0x17f].map((u) => literalAnchor('[A-Za-z]{1,8}@', true)?.before?.[u])).toEqual([1, 1]);
    expect(literalAnchor('(?=x)[a-z]?[a-z]{2}@')?.before?.[0x61]).toBe(1);
  });

  it.each([
    ['[A-Za-z0-9._%+-]', false],
    ['[A-Za-z0-9._%+-]', true],
    ['[\\w.-]', true],
    ['[\\s,;]', false],
    ['[kKsS]', true],
    ['[\\d ]', true],
  ])('reads class %s (i: %s) as a test of every BMP unit does', (cls, ignoreCase) => {
    const re = new RegExp(`^${cls}$`, ignoreCase ? 'iu' : 'u');
    const units = classUnits(cls, ignoreCase);
    const differ: number[] = [];
    for (let u = 0; u < 0x10000; u++) if ((u < 0xd800 || u > 0xdfff) && (units?.[u] ?? -1) !== (re.test(String.fromCharCode(u)) ? 1 : 0)) differ.push(u);
    expect(differ).toEqual([]);
  });

  it.each([['[\\W]'], ['[\\S]'], ['[\\D]'], ['[^a]'], ['[\\p{L}]'], ['[\\u3042]'], ['[あ]']])('leaves class %s alone', (cls) => {
    expect(classUnits(cls, false)).toBeUndefined();
  });

  it.each([
    ['two classes', '[ab]{2}[cd]@'],
    ['a class and an escape', '[a-z]{1,3}\\d@'],
    ['a class and a literal', '[a-z]{1,3}x@'],
    ['a negated class', '[^,]{1,3}@'],
    ['a property class', '[\\p{L}]{1,3}@'],
    ['a class holding the anchor', '[a-z@]{1,3}@'],
    ['nothing before the anchor', '〒\\d{3}'],
  ])('no class before the anchor with %s: %s', (_why, body) => {
    expect(literalAnchor(body)?.before).toBeUndefined();
  });

  it.each([
    ['an unbounded repeat before', 'a+@'],
    ['an alternative before', '(?:a|b)@'],
    ['an alternative at the top', 'a|@'],
    ['a quantified group', '(?:a@)?@'],
    ['a group with a repeat count', '(?:cd){1}@'],
    ['an optional anchor', 'a@?'],
    ['a letter (case)', 'abc'],
    ['a digit', '\\d1'],
    ['a backreference', '(a)\\1@'],
    ['a hex escape', '\\x40@'],
    ['no literal at all', '\\d{3}'],
    ['an unfinished class', '[a@'],
  ])('%s: %s → none', (_why, body) => {
    expect(literalAnchor(body)).toBeUndefined();
  });

  const anchored = builtins.filter((b) => literalAnchor(b.body));

  it('the e-mail and 〒 regexes have one, the numbers without 〒 none', () => {
    const email = anchored.filter((b) => b.id === 'email').map((b) => literalAnchor(b.body));
    expect(email.some((a) => a?.char === '@' && a.within === 64 && a.before !== undefined)).toBe(true);
    expect(anchored.some((b) => b.id === 'postal-code' && literalAnchor(b.body)?.char === '〒')).toBe(true);
    expect(anchored.some((b) => ['my-number', 'credit-card', 'phone'].includes(b.id))).toBe(false);
  });

  const ANCHOR_UNITS = ['@', '@', 'a', 'b', 'Z', '.', '-', '_', '%', '+', ' ', '〒', '1', '23', '456-7890', 'x.co', 'example.jp', ':', '/', '東', ',', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']
  const anchorText = fc.array(fc.constantFrom(...ANCHOR_UNITS), { maxLength: 60 }).map((parts) => parts.join(''));

  it.each(anchored.map((b) => [b.id, b.body, b]))('%s %s: skipping to the anchor finds the same matches', (_id, _body, b) => {
    const anchor = literalAnchor(b.body);
    if (!anchor) throw new Error('no anchor');
    const source = matchSource(b.body, b.token);
    const skipping = (t: string): string[] => {
      const re = new RegExp(source, b.flags);
      const out: string[] = [];
      for (;;) {
        const at = t.indexOf(anchor.char, re.lastIndex);
        if (at < 0) break;
        const floor = Math.max(re.lastIndex, at - anchor.within);
        // With the class: back from the anchor over the run of its units (the regex is the oracle).
        let from = anchor.before ? at : floor;
        while (anchor.before && from > floor && anchor.before[t.charCodeAt(from - 1)] === 1) from--;
        re.lastIndex = from;
        const m = re.exec(t);
        if (!m) break;
        out.push(`${m.index}:${m[0]}:${m.groups?.['value'] ?? ''}`);
      }
      return out;
    };
    fc.assert(
      fc.property(anchorText, (t) => {
        expect(skipping(t)).toEqual(matches(source, b.flags, t));
      }),
      { numRuns: 500 },
    );
  });

  it('detectText finds the same candidates with and without the anchors', () => {
    const rules = loadBuiltinRules();
    const plain = rules.map((r) => ({ ...r, regexes: r.regexes.map(({ anchor: _anchor, ...rest }) => rest) }));
    expect(rules.some((r) => r.regexes.some((x) => x.anchor))).toBe(true);
    fc.assert(
      fc.property(anchorText, (t) => {
        expect(detectText(t, rules)).toEqual(detectText(t, plain));
      }),
      { numRuns: 300 },
    );
    const text = 'お問い合わせ: taro.yamada@example.co.jp, 〒150-0002 渋谷区, x@y, a@b.c';
    expect(detectText(text, rules).map((c) => c.type)).toEqual(detectText(text, plain).map((c) => c.type));
    expect(detectText(text, rules).some((c) => c.type === 'email')).toBe(true);
  });
});
