/**
 * The digit gate (src/detect/detect.ts): a short text (a spreadsheet cell) without an ASCII digit is not scanned
 * with the regexes whose every match holds one (CompiledRule `digits`). It must change what is found nowhere.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SHAPES_FROM, detectText } from '../../src/detect/detect.js';
import { compilePattern } from '../../src/patterns/compile.js';
import { loadBuiltinRules } from '../../src/patterns/load.js';
import type { CompiledRule, PatternFile } from '../../src/patterns/types.js';

const rules = loadBuiltinRules();
/** The same rules with no regex marked: every regex scans every text. */
const unmarked: CompiledRule[] = rules.map((r) => ({ ...r, regexes: r.regexes.map(({ digits: _digits, ...x }) => x) }));

/** What cells hold: names, kana, addresses, labels, symbols, full-width digits (NFKC makes them ASCII before detection). */
const UNITS = ['山田', '太郎', 'ヤマダ', 'たろう', '東京都', '港区', '様', '氏名', '電話', 'TEL', 'tel', 'Phone', '+', '(', ')', '-', 'ー', '.', '/', ':', ' ', '@', 'a', 'Z', 'x', '〒', '年', '月', '日', '昭和', '１２３', '\n', '0', '1', '03', '090', '1234', '5678', '12345', '1234567', '123-4567', '81', '+81'];
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

describe('detectText with the gate', () => {
  it('finds in short texts what it finds without it', () => {
    fc.assert(
      fc.property(cell, (t) => {
        expect(detectText(t, rules)).toEqual(detectText(t, unmarked));
      }),
      { numRuns: 1500 },
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
