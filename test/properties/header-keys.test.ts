/**
 * Column headers written as keys that name something else (a type's notKeys in patterns/field-names.yaml: `tel
 * type`, `phone model`) lower a value instead of raising it, in every key form (`tel_type`, `telType`, `TEL-TYPE`);
 * a rule without a key vocabulary (a custom pattern) still gets its header words; and the header memo of
 * confidence.ts searches each header once per rule, forgetting all after 10,000 distinct headers (bounded memory
 * on sheets with ever-new headers), as its comments say.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it, vi } from 'vitest';
import { compilePattern } from '../../src/patterns/compile.js';
import { PATTERNS_DIR } from '../../src/patterns/load.js';
import type { PatternFile } from '../../src/patterns/types.js';
import { contextOf } from '../../src/score/confidence.js';
import { findIn } from '../helpers.js';
import { mobile } from './generators.js';

const MEDIUM = 0.5;
const NEUTRAL = ['備考', 'メモ', '項目', 'note'];
const fieldNames = parse(readFileSync(join(PATTERNS_DIR, 'field-names.yaml'), 'utf8')) as { types: Record<string, { notKeys?: string[] }> };

/** A key as code and exports write it: `tel type` → tel type, tel_type, telType, TEL-TYPE, Tel Type. */
const keyForms = (key: string): fc.Arbitrary<string> => {
  const words = key.split(' ');
  return fc.constantFrom(
    key,
    words.join('_'),
    words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join(''),
    words.join('-').toUpperCase(),
    words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' '),
  );
};

function confidence(form: 'cell' | 'csv', header: string, cell: string): number {
  const hits = form === 'cell' ? findIn(cell, { header, min: 0.01 }) : findIn(`No,${header}\n1,${cell}\n`, { name: 'list.csv', min: 0.01 });
  return Math.max(0, ...hits.filter((h) => h.type === 'phone').map((h) => h.confidence));
}

describe.each(['cell', 'csv'] as const)('a header (%s) that is a key naming something else', (form) => {
  it('lowers a phone number below medium and below a neutral header, in every key form', () => {
    const notKeys = fieldNames.types['phone']!.notKeys ?? [];
    expect(notKeys.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(mobile(), fc.constantFrom(...notKeys).chain(keyForms), fc.constantFrom(...NEUTRAL), (value, header, neutral) => {
        const plain = confidence(form, neutral, value);
        expect(plain).toBeGreaterThan(0);
        const lowered = confidence(form, header, value);
        expect(lowered).toBeLessThan(MEDIUM);
        expect(lowered).toBeLessThan(plain);
      }),
      { seed: 42, numRuns: 40 },
    );
  });
});

/** A custom pattern (no entry in field-names.yaml, so no key vocabulary), compiled fresh: its own header memo. */
function staffCode(): ReturnType<typeof compilePattern> {
  const pattern: PatternFile = {
    id: 'staff-code',
    name: { ja: '社員コード', en: 'Staff code' },
    description: 'A staff code (test pattern).',
    validates: 'Shape only.',
    severity: 'low',
    match: [{ regex: '(?<value>ST\\d{6})' }],
    score: { base: 0.3, context: 0.4 },
    context: { positive: ['社員'], negative: ['商品'], headers: ['社員コード', 'staff code'] },
    examples: { positive: [], negative: [] },
  };
  return compilePattern(pattern);
}

describe('header words of a rule without a key vocabulary', () => {
  it('raise under a header naming the rule, lower under a negative one, neither under a neutral one', () => {
    const rule = staffCode();
    expect(rule.notKeys).toBeUndefined();
    const near = (header: string) => contextOf(0, 8, rule, { text: 'ST123456', headerAt: () => header });
    fc.assert(
      fc.property(fc.constantFrom('社員コード', 'staff code', 'Staff Code', 'staff_code'), fc.constantFrom(...NEUTRAL), (named, neutral) => {
        expect(near(named)).toMatchObject({ positive: true, negative: false });
        expect(near(`${neutral}`)).toMatchObject({ positive: false, negative: false });
        expect(near('商品コード')).toMatchObject({ positive: false, negative: true });
      }),
      { seed: 43, numRuns: 20 },
    );
  });
});

describe('the header memo', () => {
  const lookUps = (rule: ReturnType<typeof staffCode>) => {
    const spy = vi.spyOn(rule.headers, 'test');
    const ask = (header: string) => contextOf(0, 8, rule, { text: 'ST123456', headerAt: () => header });
    const searches = (header: string) => spy.mock.calls.filter(([h]) => h === header.normalize('NFKC')).length;
    return { ask, searches };
  };

  it('searches each header once per rule, however many cells sit under it', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom('社員コード', '備考', 'staff code', 'ＮＯ', '部署'), { minLength: 1 }), fc.integer({ min: 2, max: 50 }), (headers, cells) => {
        const { ask, searches } = lookUps(staffCode());
        for (let i = 0; i < cells; i++) for (const h of headers) ask(h);
        for (const h of headers) expect(searches(h)).toBe(1);
      }),
      { seed: 44, numRuns: 30 },
    );
  });

  it('forgets every header once it holds 10,000 (memory stays bounded), not before', () => {
    const { ask, searches } = lookUps(staffCode());
    for (let i = 0; i < 10_000; i++) ask(`列${i}`);
    expect(searches('列0')).toBe(1);
    ask('列9999'); // full: a look-up starts over
    expect(searches('列9999')).toBe(2);
    ask('列9998');
    expect(searches('列9998')).toBe(2);
    const fresh = lookUps(staffCode());
    for (let i = 0; i < 9_999; i++) fresh.ask(`列${i}`);
    fresh.ask('列0'); // 9,999 held: still remembered
    expect(fresh.searches('列0')).toBe(1);
  });
});
