/**
 * The digit gate (src/detect/detect.ts): a short text (a spreadsheet cell) is not scanned with a regex whose every
 * match holds a digit (CompiledRule `digits`) where its digit runs rule the regex out (digit-shapes.ts
 * mayMatchShort): no digit, no run of the regex's shape, no place for its phone start. It must change what is
 * found nowhere.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SHAPES_FROM, detectText } from '../../src/detect/detect.js';
import { DigitRuns, mayMatchShort } from '../../src/detect/digit-shapes.js';
import { compilePattern } from '../../src/patterns/compile.js';
import { loadBuiltinRules } from '../../src/patterns/load.js';
import type { CompiledRule, PatternFile } from '../../src/patterns/types.js';

const rules = loadBuiltinRules();
/** The same rules with no regex marked: every regex scans every text. */
const unmarked: CompiledRule[] = rules.map((r) => ({ ...r, regexes: r.regexes.map(({ digits: _digits, ...x }) => x) }));

/** What cells hold: names, kana, addresses, labels, symbols, full-width digits (NFKC makes them ASCII before detection). */
const UNITS = ['山田', '太郎', 'ヤマダ', 'たろう', '東京都', '港区', '様', '氏名', '電話', 'TEL', 'tel', 'Phone', '+', '(', ')', '-', 'ー', '.', '/', ':', ' ', '@', 'a', 'Z', 'x', '〒', '年', '月', '日', '昭和', '１２３', '\n', '0', '1', '03', '090', '1234', '5678', '12345', '1234567', '123-4567', '81', '+81', '4111111111111111', '4111 1111 1111 1111', '1234-5678-9012', '123456789012', '8301110005557', '01230-1234567', '(03)', '(0', '0)', '0312345678', '09012345678', '12345678', '123456', 'T', '2024/01/15', '.', '/'];
const cell = fc.array(fc.constantFrom(...UNITS), { maxLength: 12 }).map((parts) => parts.join('').slice(0, SHAPES_FROM - 1));
const digitless = fc.array(fc.constantFrom(...UNITS.filter((u) => !/[0-9]/.test(u))), { maxLength: 16 }).map((parts) => parts.join(''));

describe('regexes marked as needing a digit', () => {
  const marked = rules.flatMap((r) => r.regexes.filter((x) => x.digits).map((x) => ({ id: r.id, re: x.re })));

  it('are the digit-first regexes and the phone numbers, not the names, addresses or e-mail', () => {
    const ids = new Set(marked.map((m) => m.id));
    for (const id of ['postal-code', 'my-number', 'phone', 'credit-card', 'corporate-number', 'bank-account', 'birth-date']) expect(ids).toContain(id);
    for (const id of ['person-name', 'address', 'email']) expect(ids).not.toContain(id);
    // Every phone regex: its start shapes are found from digit runs.
    const phone = rules.find((r) => r.id === 'phone') as CompiledRule;
    expect(phone.regexes.every((x) => x.digits)).toBe(true);
    // The keyed name regex starts at a key, not a digit.
    expect(rules.flatMap((r) => r.regexes).filter((x) => x.starts === 'keyed').every((x) => !x.digits)).toBe(true);
  });

  it('never match a text without an ASCII digit', () => {
    fc.assert(
      fc.property(digitless, (t) => {
        for (const { re } of marked) expect(new RegExp(re.source, re.flags).test(t)).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('a compiled pattern is marked when its regex starts with a digit, and not otherwise', () => {
    const file = (regex: string): PatternFile => ({
      id: 'sample-id',
      name: { ja: '見本', en: 'Sample' },
      description: 'test',
      validates: 'shape',
      severity: 'low',
      match: [{ regex }],
      score: { base: 0.5 },
      examples: { positive: [], negative: [] },
    });
    const digitFirst = compilePattern(file('(?<value>\\d{5})'));
    const keyFirst = compilePattern(file('番号(?<value>\\d{5})'));
    expect(digitFirst.regexes[0]?.digits).toBe(true);
    expect(keyFirst.regexes[0]?.digits).toBeUndefined();
  });
});

describe('mayMatchShort', () => {
  const gated = rules.flatMap((r) => r.regexes.filter((x) => x.digits).map((x) => ({ id: r.id, x })));

  it('is true wherever the regex it stands for matches', () => {
    fc.assert(
      fc.property(cell, (t) => {
        for (const { x } of gated) {
          const re = x.whole ?? x.tail ?? x.re;
          if (new RegExp(re.source, re.flags).test(t)) expect(mayMatchShort(t, x.shape, x.starts)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('rules out what a cell cannot hold', () => {
    const byId = (id: string) => gated.filter((g) => g.id === id).map((g) => g.x);
    const seven = byId('postal-code').find((x) => x.shape?.kind === 'run');
    const card = byId('credit-card')[0];
    expect(seven && card).toBeTruthy();
    expect(mayMatchShort('2024/01/15', seven?.shape, undefined)).toBe(false);
    expect(mayMatchShort('1500002', seven?.shape, undefined)).toBe(true);
    expect(mayMatchShort('1500002', card?.shape, undefined)).toBe(false);
    expect(mayMatchShort('4111 1111 1111 1111', card?.shape, undefined)).toBe(true);
    expect(mayMatchShort('山田 太郎', undefined, undefined)).toBe(false);
    expect(mayMatchShort('12800', undefined, 'grouped')).toBe(false);
    expect(mayMatchShort('03-1234-5678', undefined, 'grouped')).toBe(true);
    expect(mayMatchShort('03-1234-5678', undefined, 'plain')).toBe(false);
    expect(mayMatchShort('0312345678', undefined, 'plain')).toBe(true);
    expect(mayMatchShort('+81-3-1234-5678', undefined, 'plus81')).toBe(true);
    expect(mayMatchShort('(03)1234-5678', undefined, 'paren')).toBe(true);
    // A regex with neither a shape nor a phone start runs wherever there is a digit.
    expect(mayMatchShort('昭和60年', undefined, undefined)).toBe(true);
  });

  it('forgets a cell when the runs of another text are found in between', () => {
    const seven = gated.find((g) => g.id === 'postal-code' && g.x.shape?.kind === 'run')?.x.shape;
    expect(mayMatchShort('1500002', seven, undefined)).toBe(true);
    expect(new DigitRuns('12 34 56').count).toBe(3);
    expect(mayMatchShort('1500002', seven, undefined)).toBe(true);
    expect(mayMatchShort('12 34', seven, undefined)).toBe(false);
    expect(mayMatchShort('1500002', seven, undefined)).toBe(true);
  });
});

describe('detectText with the gate', () => {
  it('finds in short texts what it finds without it', () => {
    fc.assert(
      fc.property(cell, (t) => {
        expect(detectText(t, rules)).toEqual(detectText(t, unmarked));
      }),
      { numRuns: 3000 },
    );
  });

  it('skips a marked regex in a short digitless text only (a mark that lies shows it)', () => {
    // A regex marked as needing a digit although it matches letters: the gate alone keeps it from the short text.
    const lying = rules.find((r) => r.id === 'email') as CompiledRule;
    const marked: CompiledRule = { ...lying, regexes: lying.regexes.map((x) => ({ ...x, digits: true as const })) };
    const short = 'taro.yamada@example.co.jp';
    expect(detectText(short, [lying]).map((c) => c.type)).toEqual(['email']);
    expect(detectText(short, [marked])).toEqual([]);
    // With a digit in the text, or in a long text, the regex runs.
    expect(detectText(`${short} 1`, [marked]).map((c) => c.type)).toEqual(['email']);
    expect(detectText(short + ' '.repeat(SHAPES_FROM), [marked]).map((c) => c.type)).toEqual(['email']);
  });
});
