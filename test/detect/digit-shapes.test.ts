/**
 * Digit shapes (src/detect/digit-shapes.ts) find exactly the matches of the regexes they stand for: same starts,
 * same ends, same order, from any place a scan resumes at; and detectText finds the same candidates with them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectText } from '../../src/detect/detect.js';
import { DigitRuns, scanShape } from '../../src/detect/digit-shapes.js';
import { matchSource } from '../../src/patterns/compile.js';
import { digitShapeOf, startShapeOf, type DigitShape, type StartShape } from '../../src/patterns/digit-shape.js';
import { loadBuiltinRules } from '../../src/patterns/load.js';
import { expectSameDetection, long } from './same-detection.js';

const rules = loadBuiltinRules();
const shaped = rules.flatMap((r) => r.regexes.filter((x) => x.shape).map((x) => ({ id: r.id, shape: x.shape as DigitShape, whole: x.whole as RegExp })));

/** The regex's matches from `from`, as [start, end]. */
function regexMatches(re: RegExp, text: string, from = 0): [number, number][] {
  const g = new RegExp(re.source, re.flags);
  g.lastIndex = from;
  return [...(function* () {
    for (let m = g.exec(text); m; m = g.exec(text)) yield [m.index, m.index + m[0].length] as [number, number];
  })()];
}

function shapeMatches(shape: DigitShape, text: string, from = 0): [number, number][] {
  const out: [number, number][] = [];
  scanShape(text, new DigitRuns(text), shape, from, (start, end) => {
    out.push([start, end]);
    return true;
  });
  return out;
}

/** Digits and groups of them, the separators the shapes read, and the characters the boundaries look at. */
const UNITS = ['1', '2', '3', '0', '9', '12', '123', '1234', '12345', '123456', '1234567', '01230', '10000', '12345678', '-', '-', ' ', ' ', '.', '_', 'a', 'Z', '東', ':', '/', '\n'];
const text = fc.array(fc.constantFrom(...UNITS), { maxLength: 40 }).map((parts) => parts.join(''));


describe('digitShapeOf', () => {
  it('gives the built-in numbers their shapes', () => {
    const byId = (id: string): string[] => shaped.filter((s) => s.id === id).map((s) => JSON.stringify(s.shape));
    expect(byId('postal-code')).toEqual([JSON.stringify({ kind: 'postal', token: true }), JSON.stringify({ kind: 'run', digits: 7, token: true })]);
    expect(byId('bank-account')).toEqual([JSON.stringify({ kind: 'bank', token: false }), JSON.stringify({ kind: 'run', digits: 7, token: false })]);
    expect(byId('my-number')).toEqual([JSON.stringify({ kind: 'twelve', token: true })]);
    expect(byId('credit-card')).toEqual([JSON.stringify({ kind: 'chain', min: 13, max: 19, token: true })]);
    expect(byId('corporate-number')).toEqual([JSON.stringify({ kind: 'chain', min: 13, max: 13, token: true })]);
    expect(byId('phone')).toEqual([]);
  });

  it.each([
    ['(?:\\d{7})', { kind: 'run', digits: 7, token: false }],
    ['(?:\\d(?:[- ]?\\d){2,5})', { kind: 'chain', min: 3, max: 6, token: false }],
    ['(?:\\d(?:[- ]?\\d){4})', { kind: 'chain', min: 5, max: 5, token: false }],
  ])('%s', (body, shape) => {
    expect(digitShapeOf(body, false)).toEqual(shape);
  });

  it.each(['(?:\\d{7}x)', '(?:\\d(?:[-. ]?\\d){12})', '(?:\\d(?:[- ]?\\d){5,2})', '(?:\\d{3}-\\d{5})', '\\d{7}', '(?:[0-9]{7})'])('%s is no shape', (body) => {
    expect(digitShapeOf(body, false)).toBeUndefined();
  });
});

/** The built-in shapes and smaller ones of each kind (short numbers meet their boundaries more often). */
const cases: { name: string; shape: DigitShape; re: RegExp }[] = [
  ...shaped.map((s) => ({ name: `${s.id} ${s.whole.source.slice(-60)}`, shape: s.shape, re: s.whole })),
  ...[false, true].flatMap((token) =>
    ['(?:\\d{1})', '(?:\\d{3})', '(?:\\d(?:[- ]?\\d){2,4})', '(?:\\d(?:[- ]?\\d){1})', '(?:\\d(?:[- ]?\\d){3,3})', '(?:\\d{3}-\\d{4})', '(?:\\d{4}(?:[-. ]?\\d{4}[-. ]?|\\d{2}[- ]\\d{2})\\d{4})', '(?:[01]\\d{3}0-\\d{1,8})'].map((body) => ({
      name: `${body} ${token ? 'token' : 'word'}`,
      shape: digitShapeOf(body, token) as DigitShape,
      re: new RegExp(matchSource(body, token), 'gu'),
    })),
  ),
];

describe('each shape finds what its regex finds', () => {
  it.each(cases.map((c) => [c.name, c]))('%s', (_name, c) => {
    expect(c.shape).toBeDefined();
    fc.assert(
      fc.property(text, fc.nat(60), (t, from) => {
        expect(shapeMatches(c.shape, t)).toEqual(regexMatches(c.re, t));
        const at = Math.min(from, t.length);
        expect(shapeMatches(c.shape, t, at)).toEqual(regexMatches(c.re, t, at));
      }),
      { numRuns: 1500 },
    );
  });

  it('examples where the boundaries and the greedy repeat decide', () => {
    const card = cases.find((c) => c.name.startsWith('credit-card')) as (typeof cases)[number];
    for (const t of ['4111 1111 1111 1111', '4111 1111 1111 1111 2222 3333', '4111-1111-1111-1111-2', 'x4111111111111111', '1.4111111111111111', '4111111111111111.5', '4111111111111111_', '_4111111111111111', 'a-4111111111111111', '- 4111111111111111', '12 4111-1111-1111-1111']) {
      expect(shapeMatches(card.shape, t)).toEqual(regexMatches(card.re, t));
    }
    expect(shapeMatches(card.shape, '番号 4111 1111 1111 1111 2222 3333')).toEqual([[3, 22]]); // 16 digits: 19 would end inside 2222
  });

  it('the bank shape at the limits of its account number', () => {
    const bank = cases.find((c) => c.name.startsWith('bank-account') && c.shape.kind === 'bank') as (typeof cases)[number];
    const texts = ['01230-12345678', '01230-123456789', '10000-1', '01231-1234', '21230-1234', '01230-1234x', '01230-1234.5', '口座 10120-1234567 と 01230-7'];
    for (const t of texts) expect(shapeMatches(bank.shape, t)).toEqual(regexMatches(bank.re, t));
    expect(shapeMatches(bank.shape, '01230-12345678')).toEqual([[0, 14]]);
    expect(shapeMatches(bank.shape, '01230-123456789')).toEqual([]);
  });

  it('a scan that stops at a match resumes at it', () => {
    const seven = cases.find((c) => c.name.startsWith('postal-code') && c.shape.kind === 'run') as (typeof cases)[number];
    const t = '1500002 と 1234567 と 7654321';
    const seen: number[] = [];
    const resume = scanShape(t, new DigitRuns(t), seven.shape, 0, (start) => (start < 10 ? (seen.push(start), true) : false));
    expect(seen).toEqual([0]);
    expect(resume).toBe(10);
    expect(shapeMatches(seven.shape, t, resume)).toEqual([[10, 17], [20, 27]]);
  });
});

const PHONE_UNITS = ['0', '03', '090', '0120', '01234', '12345', '(0', '0)', '+81', '+', '81', '(', ')', '(0)', '-', '.', '/', ':', ' ', 'TEL', 'Tel', 'FAX', 'fax', 'Phone', 'x', '1234', '5678', '12', '0312345678', '09012345678', '電話'];
/** Phone-like numbers: a prefix, a lead (0, +81, (0…), groups of 1–6 digits, any of the separators, a tail. */
const phoneLike = fc
  .tuple(
    fc.constantFrom('', 'TEL', 'Tel', 'fax', 'Phone', 'phone', 'x', 'TELX'),
    fc.constantFrom('', ':', '.', ' ', '/'),
    fc.constantFrom('0', '+81', '(0', '+81 (0)', '+81-', '81', '(', '/0'),
    fc.array(fc.tuple(fc.stringMatching(/^\d{1,6}$/), fc.constantFrom('-', ' ', '.', '/', '(', ')', '', ')-', ') ')), { minLength: 1, maxLength: 4 }),
    fc.constantFrom('', '/', '.5', 'x', ' ', '-1', ')', '_'),
  )
  .map(([prefix, sep, lead, groups, tail]) => prefix + sep + lead + groups.map(([d, s]) => d + s).join('') + tail);
const phoneText = fc.array(fc.oneof(phoneLike, fc.constantFrom(...PHONE_UNITS)), { maxLength: 8 }).map((parts) => parts.join(''));

/** The regex run sticky at the start shape's places, each search from the end of the last match. */
function startMatches(kind: StartShape, re: RegExp, text: string, from = 0): [number, number][] {
  const sticky = new RegExp(re.source, `${re.flags}y`);
  const out: [number, number][] = [];
  let after = from;
  for (const at of new DigitRuns(text).startsOf(kind)) {
    if (at < after) continue;
    sticky.lastIndex = at;
    const m = sticky.exec(text);
    if (!m) continue;
    out.push([m.index, m.index + m[0].length]);
    after = m.index + m[0].length;
  }
  return out;
}

describe('start shapes: the phone regexes run only where a match can start', () => {
  const phones = rules.find((r) => r.id === 'phone')?.regexes ?? [];

  it('every phone regex has one, no other rule does', () => {
    expect(phones.map((x) => x.starts)).toEqual(['plus81', 'paren', 'grouped', 'plain']);
    expect(rules.filter((r) => r.id !== 'phone').flatMap((r) => r.regexes.map((x) => x.starts)).filter((k) => k !== undefined)).toEqual(['keyed']);
    expect(startShapeOf('(?<value>0\\d{9,10})')).toBeUndefined();
  });

  it.each(phones.map((x) => [x.starts, x]))('%s: the same matches as the global scan', (_kind, x) => {
    const re = x.whole ?? x.tail ?? x.re;
    fc.assert(
      fc.property(phoneText, fc.nat(40), (t, from) => {
        const at = Math.min(from, t.length);
        expect(startMatches(x.starts as StartShape, re, t, at)).toEqual(regexMatches(re, t, at));
      }),
      { numRuns: 3000 },
    );
  });

  it.each(['TEL:03-1234-5678', 'fax.03 1234 5678', '03(1234)5678', '03-(1234)-5678', '03/1234/5678', '電話 03.1234.5678', '(03)1234-5678', '(01234)5-6789', 'Phone+81-3-1234-5678', '+81 (0)3 1234 5678', '0312345678', '09012345678', 'TEL09012345678', 'Tel.0120-123-456', '1/03/1234/5678'])('%s: the same matches', (t) => {
    const found = phones.map((x) => startMatches(x.starts as StartShape, x.whole ?? x.tail ?? x.re, t));
    expect(found).toEqual(phones.map((x) => regexMatches(x.whole ?? x.tail ?? x.re, t)));
    if (t !== '1/03/1234/5678') expect(found.flat().length).toBeGreaterThan(0);
  });

  it('places are ascending, with the prefix before its number', () => {
    const t = 'TEL:03-1234-5678 / FAX 03-1234-5679 Phone+81-3-1234-5678 (03)1234-5678';
    for (const kind of ['plus81', 'paren', 'grouped', 'plain'] as const) {
      const places = new DigitRuns(t).startsOf(kind);
      expect([...places].sort((a, b) => a - b)).toEqual(places);
    }
    expect(new DigitRuns(t).startsOf('grouped')).toContain(0);
    expect(new DigitRuns(t).startsOf('plus81')).toContain(t.indexOf('Phone'));
  });
});

describe('detectText with the shapes', () => {
  it('finds the same candidates as with the regexes', () => {
    const plain = rules.map((r) => ({ ...r, regexes: r.regexes.map(({ shape: _shape, starts: _starts, ...rest }) => rest) }));
    const candidates = fc.array(fc.constantFrom(...UNITS, ...PHONE_UNITS, '〒', '0312345678', '4111111111111111', '123456789018', '〒150-0002', '個人番号', '口座'), { maxLength: 40 }).map((p) => p.join(''));
    expectSameDetection(rules, plain, candidates);
    const t = long('個人番号 1234 5678 9018、口座 1234567、〒150-0002、カード 4111 1111 1111 1111', false);
    expect(detectText(t, rules)).toEqual(detectText(t, plain));
    expect(detectText(t, rules).length).toBeGreaterThan(0);
  });
});
