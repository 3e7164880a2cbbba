/**
 * A regex whose value group is the whole match runs without match indices (patterns/whole-value.ts): the
 * spans it yields must be those the indexed regex yields.
 */
import { describe, expect, it } from 'vitest';
import { loadBuiltinRules } from '../../src/patterns/load.js';
import { wholeValueBody } from '../../src/patterns/whole-value.js';

describe('wholeValueBody', () => {
  it.each([
    ['(?<value>\\d{7})', '(?:\\d{7})'],
    ['(?<value>\\d(?:[- ]?\\d){12,18})', '(?:\\d(?:[- ]?\\d){12,18})'],
    ['(?<value>a|b)', '(?:a|b)'],
    ['(?<value>[)(]\\))', '(?:[)(]\\))'],
    ['(?<value>[\\]()]x)', '(?:[\\]()]x)'],
    ['(?<value>\\p{Script=Han}{2})', '(?:\\p{Script=Han}{2})'],
  ])('%s → %s', (body, expected) => {
    expect(wholeValueBody(body)).toBe(expected);
  });

  it.each([
    ['prefix before the group', 'TEL(?<value>\\d{10})'],
    ['lookahead after the group', '(?<value>\\d{7})(?!円)'],
    ['top-level alternation', '(?<value>\\d{7})|x'],
    ['a backreference to the group', '(?<value>\\d)\\k<value>'],
    ['a numbered backreference', '(?<value>(\\d))\\1'],
    ['an unbalanced group', '(?<value>\\d{7}'],
    ['a class hiding the closing parenthesis', '(?<value>[)]\\d'],
    ['no value group', '\\d{7}'],
  ])('no for %s', (_why, body) => {
    expect(wholeValueBody(body)).toBeUndefined();
  });
});

/** Value spans of all matches of a regex, from match indices or, for `whole`, from the match itself. */
function spans(re: RegExp, text: string, whole: boolean): [number, number][] {
  const out: [number, number][] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const span = whole ? ([m.index, m.index + m[0].length] as [number, number]) : m.indices?.groups?.value;
    if (span) out.push([span[0], span[1]]);
  }
  return out;
}

describe('built-in regexes run without indices', () => {
  const rules = loadBuiltinRules();
  const examples = rules.flatMap((r) => [...r.examples.positive, ...r.examples.negative].map((e) => e.text.normalize('NFKC')));
  const edges = ['1234567', 'x1234567', '1234567x', '〒1234567', '1.1234567', '1234567.8', '１２３４５６７', '123-4567-8901', '1234 5678 9012 3456',
    '4971832787406', 'T1234567890123', 'AB12345678CD', '2024年3月15日', '平成元年4月6日', 'H1.4.6', '12 34 567890 12', '0123-4567890'];
  const text = [...examples, ...edges].join('\n') + '\n' + edges.join(' ') + edges.join('、');

  it('at least the digit patterns take the fast form', () => {
    expect(rules.find((r) => r.id === 'my-number')?.regexes[0]?.whole).toBeDefined();
  });

  it.each(rules.flatMap((r) => r.regexes.filter((x) => x.whole).map((x, i) => [`${r.id} #${i}`, x] as const)))('%s: same spans as with indices', (_name, { re, whole }) => {
    const expected = spans(re, text, false);
    expect(spans(whole as RegExp, text, true)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });
});
