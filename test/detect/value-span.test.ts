/**
 * Regexes whose value group ends the body run without match indices (detect/value-span.ts): the spans they
 * give must be those the indexed regex gives, for text matches and for whole-cell matches with blanks around.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellValueSpan, isBlank, tailSpan } from '../../src/detect/value-span.js';
import { loadBuiltinRules } from '../../src/patterns/load.js';
import { valueEndsBody } from '../../src/patterns/whole-value.js';

const rules = loadBuiltinRules();

describe('valueEndsBody', () => {
  it.each([
    ['TEL(?<value>\\d{10})'],
    ['(?<value>\\d{7})(?!円)'],
    ['(?<value>x)(?!a)(?<=x)'],
    ['a|(?<value>\\d)'],
    ['(?<value>\\d{7})'],
  ])('yes for %s', (body) => {
    expect(valueEndsBody(body)).toBe(true);
  });

  it.each([
    ['a group closes after it', '(?:a(?<value>x))'],
    ['a quantified group', '(?:(?<value>x))+'],
    ['an alternation after it', '(?<value>x)(?!y)|z'],
    ['a character after it', '(?<value>\\d{7})円'],
    ['inside a lookbehind', '様(?<=(?<value>\\p{Script=Han}{2})様)'],
    ['a backreference to it', '(?<value>\\d)x\\k<value>'],
    ['no value group', '\\d{7}'],
    ['an unbalanced group', '(?<value>\\d{7}'],
  ])('no for %s', (_why, body) => {
    expect(valueEndsBody(body)).toBe(false);
  });
});

describe('isBlank is \\s', () => {
  it('for every UTF-16 code unit', () => {
    for (let c = 0; c < 0x10000; c++) expect(isBlank(c), `U+${c.toString(16)}`).toBe(/\s/.test(String.fromCharCode(c)));
  });
});

/** Spans of all matches of a regex: from match indices, or from the value's text for `tail`. */
function spans(re: RegExp, text: string, tail: boolean): [number, number][] {
  const out: [number, number][] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const span = tail ? tailSpan(m) : m.indices?.groups?.['value'];
    if (span) out.push([span[0], span[1]]);
  }
  return out;
}

describe('built-in text regexes whose value ends the match', () => {
  const examples = rules.flatMap((r) => [...r.examples.positive, ...r.examples.negative].map((e) => e.text.normalize('NFKC')));
  const edges = ['TEL03-1234-5678', 'tel:0312345678', 'Fax.06-6403-4179', '+81 90-1234-5678', '(03)1234-5678', '〒100-0001', '〒 1000001',
    'taro.yamada@example.co.jp', 'a@b.jp:80', '東京都千代田区千代田1-1', '090.1234.5678', '03/1234/5678'];
  const text = [...examples, ...edges].join('\n') + '\n' + edges.join(' ') + edges.join('、');
  const tails = rules.flatMap((r) => r.regexes.filter((x) => x.tail).map((x, i) => [`${r.id} #${i}`, x] as const));

  it('phone, postal code and e-mail take the fast form', () => {
    expect(tails.map(([name]) => name.split(' ')[0])).toEqual(expect.arrayContaining(['phone', 'postal-code', 'email', 'address']));
  });

  it.each(tails)('%s: same spans as with indices', (_name, { re, tail }) => {
    const expected = spans(re, text, false);
    expect(spans(tail as RegExp, text, true)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });
});

describe('whole-cell matches without indices', () => {
  const columns = rules.filter((r) => r.column).map((r) => [r.id, r.column!] as const);
  const indexed = (re: RegExp, text: string): [number, number] | undefined => {
    const span = re.exec(text)?.indices?.groups?.['value'];
    return span ? [span[0], span[1]] : undefined;
  };

  it('most columns take the fast form', () => {
    expect(columns.filter(([, c]) => c.plain).length).toBeGreaterThanOrEqual(12);
  });

  const values = rules.flatMap((r) => r.examples.positive.map((e) => e.value ?? e.text));
  const blanks = fc.string({ unit: fc.constantFrom(' ', '\t', '\u3000', '\u00a0', '\r', 'x'), maxLength: 3 });
  const cell = fc.tuple(blanks, fc.oneof(fc.constantFrom(...values), fc.string({ unit: fc.constantFrom(...'0123456789-() 〒+ABxy東京都'), maxLength: 20 })), blanks);

  it.each(columns)('%s: same span as with indices, blanks around or not', (_id, column) => {
    fc.assert(
      fc.property(cell, ([before, value, after]) => {
        const text = `${before}${value}${after}`;
        expect(cellValueSpan(column, text)).toEqual(indexed(column.re, text));
      }),
      { numRuns: 3000, seed: 20261206 },
    );
  });

  it('a value with blanks at both ends is read from indices', () => {
    const address = rules.find((r) => r.id === 'address')?.column;
    expect(address?.plain).toBeDefined();
    const text = '  東京都 千代田区 ';
    expect(cellValueSpan(address!, text)).toEqual(indexed(address!.re, text));
  });
});
