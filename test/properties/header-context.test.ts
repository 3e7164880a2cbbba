/**
 * Column headers are context: a header naming the type must raise a value's confidence (to at least medium),
 * a header holding one of the type's negative words must lower it (below medium) — on whole cells and on values
 * inside a cell, in a spreadsheet cell and in a CSV column. Header words come from the pattern files
 * (context.headers, else context.positive; context.negative), so the property covers every word listed there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PATTERNS_DIR } from '../../src/patterns/load.js';
import { findIn } from '../helpers.js';
import { birthDate, digits, mobile, myNumber } from './generators.js';

interface Context {
  positive?: string[];
  negative?: string[];
  headers?: string[];
}
const contextOf = (type: string): Context => (parse(readFileSync(join(PATTERNS_DIR, 'types', `${type}.yaml`), 'utf8')) as { context: Context }).context;
const headerWords = (type: string): string[] => contextOf(type).headers ?? contextOf(type).positive ?? [];
/** Headers that name nothing any detector knows. */
const NEUTRAL = ['備考', 'メモ', '項目', 'note'];
const MEDIUM = 0.5;

/** Text around a value in the same cell: none (a whole cell) or words that are context for no type. */
const wrap = fc.constantFrom(['', ''], ['※ ', ' （控）'], ['本人 ', ' 済'], ['', ' 確認済']);

/** The value's confidence as `type` in a cell under `header`, as a spreadsheet cell or a CSV column (0: not found). */
function confidence(form: 'cell' | 'csv', type: string, header: string, cell: string): number {
  const hits = form === 'cell' ? findIn(cell, { header, min: 0.01 }) : findIn(`No,${header}\n1,${cell}\n`, { name: 'list.csv', min: 0.01 });
  return Math.max(0, ...hits.filter((h) => h.type === type).map((h) => h.confidence));
}

const pad = (n: number): string => String(n).padStart(2, '0');
const VALUES: Record<string, fc.Arbitrary<string>> = {
  phone: mobile(),
  'my-number': myNumber(),
  email: fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: 3, maxLength: 10 }).map((u) => `${u}@example-shoji.co.jp`),
  'birth-date': fc.tuple(birthDate(), fc.boolean()).map(([d, kanji]) => (kanji ? `${d.y}年${d.m}月${d.d}日生` : `${d.y}/${pad(d.m)}/${pad(d.d)}`)),
  'bank-account': fc.integer({ min: 1, max: 9 }).chain((first) => digits(6).map((rest) => `${first}${rest}`)),
};

/** Cells whose value is found without a header (its own label in the cell, or a value that stands alone). */
const LABELLED: Record<string, (v: string) => string> = {
  phone: (v) => v,
  'my-number': (v) => v,
  'birth-date': (v) => `生年月日 ${v.replace('生', '')}`,
  'bank-account': (v) => `普通 ${v}`,
};

describe.each(['cell', 'csv'] as const)('a header (%s) that names the type', (form) => {
  it.each(Object.keys(VALUES))('raises %s to at least medium, above a neutral header', (type) => {
    fc.assert(
      fc.property(VALUES[type]!, fc.constantFrom(...headerWords(type)), fc.constantFrom(...NEUTRAL), wrap, (value, header, neutral, [pre, post]) => {
        const cell = `${pre}${value}${post}`;
        const named = confidence(form, type, header, cell);
        expect(named).toBeGreaterThanOrEqual(MEDIUM);
        expect(named).toBeGreaterThan(confidence(form, type, neutral, cell));
      }),
      { seed: 40, numRuns: 60 },
    );
  });
});

describe.each(['cell', 'csv'] as const)('a header (%s) holding a negative word of the type', (form) => {
  it.each(Object.keys(LABELLED))('lowers %s below medium and below a neutral header', (type) => {
    const negative = (contextOf(type).negative ?? []).filter((w) => !/[,"\n]/.test(w));
    fc.assert(
      fc.property(VALUES[type]!, fc.constantFrom(...negative), fc.constantFrom(...NEUTRAL), wrap, (value, header, neutral, [pre, post]) => {
        const cell = `${pre}${LABELLED[type]!(value)}${post}`;
        const plain = confidence(form, type, neutral, cell);
        expect(plain).toBeGreaterThan(0);
        const lowered = confidence(form, type, header, cell);
        expect(lowered).toBeLessThan(MEDIUM);
        expect(lowered).toBeLessThan(plain);
      }),
      { seed: 41, numRuns: 60 },
    );
  });
});
