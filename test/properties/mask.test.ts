/**
 * Masking reveals at most the documented number of characters of each type (TESTING.md "What a mask may
 * show", README "Reports"), whatever the value: all-digit values of every length keep the rest hidden. Checked on
 * generated values and on every finding of a real scan of the accuracy corpus.
 */
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TYPE_IDS } from '../../src/model.js';
import { maskValue } from '../../src/score/mask.js';
import { scan } from '../../src/scan/scan.js';
import { digits } from './generators.js';

/** Characters a mask may show of a value of `length`, per type; unlisted types (and custom ones) use OTHER. */
const SHOWN: Record<string, (length: number) => number> = {
  'my-number': () => 4,
  'credit-card': () => 8,
  'corporate-number': () => 4,
  phone: () => 3,
  'postal-code': () => 3,
  'birth-date': () => 4,
};
const OTHER = (length: number): number => Math.min(2, Math.floor(length / 4));
/** Digit lengths each numeric type is found with (custom types may be anything: 1–24). */
const LENGTHS: Record<string, readonly number[]> = {
  'my-number': [12], 'credit-card': [14, 15, 16, 19], 'corporate-number': [13], phone: [10, 11], 'postal-code': [7],
  'bank-account': [7, 13], 'insurer-number': [6, 8], 'pension-number': [10], 'drivers-license': [12], custom: [1, 2, 3, 4, 5, 8, 24],
};
const MASK_CHARS = /[*＊\s-]/gu;

/** What a masked value shows: every character that is not a mask star, a space or a group dash. */
const shown = (masked: string): string => masked.replace(MASK_CHARS, '');

/** The shown characters must be taken from the value, in order, at its start or its end. */
function fromEnds(value: string, revealed: string): boolean {
  for (let head = 0; head <= revealed.length; head++) {
    if (value.startsWith(revealed.slice(0, head)) && value.endsWith(revealed.slice(head))) return true;
  }
  return false;
}

describe('masks', () => {
  it.each(Object.entries(LENGTHS))('of all-digit %s values show at most their share, from the ends of the value', (type, lengths) => {
    fc.assert(
      fc.property(fc.constantFrom(...lengths).chain((n) => digits(n)), (value) => {
        const revealed = shown(maskValue(type, value));
        const limit = (SHOWN[type] ?? OTHER)(value.length);
        expect(revealed.length).toBeLessThanOrEqual(limit);
        expect(value.length - revealed.length).toBeGreaterThanOrEqual(value.length - limit);
        expect(fromEnds(value, revealed)).toBe(true);
      }),
      { seed: 20, numRuns: 200 },
    );
  });

  it('of letter-and-digit ids (passport, residence card, custom) show at most 2 characters and a quarter', () => {
    const id = fc.string({ unit: fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'), minLength: 1, maxLength: 24 });
    fc.assert(
      fc.property(fc.constantFrom('passport', 'residence-card', 'custom-id'), id, (type, value) => {
        const revealed = shown(maskValue(type, value));
        expect(revealed.length).toBeLessThanOrEqual(OTHER(value.length));
        expect(value.startsWith(revealed)).toBe(true);
      }),
      { seed: 21, numRuns: 300 },
    );
  });

  it('of e-mail addresses show one character of the local part', () => {
    const local = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789._+-'), minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(local, fc.constantFrom('example-shoji.co.jp', 'mail.example.jp'), (user, domain) => {
        const masked = maskValue('email', `${user}@${domain}`);
        expect(masked.endsWith(`@${domain}`)).toBe(true);
        expect(masked.slice(0, -domain.length - 1).replace(/\*/g, '')).toBe(user.slice(0, 1));
      }),
      { seed: 22, numRuns: 200 },
    );
  });

  it('of names show the first character, of birth dates the year, of addresses nothing after the municipality', () => {
    const kanji = fc.string({ unit: fc.constantFrom(...'山田川本木村佐藤鈴高橋伊渡辺太郎花子一二三'), minLength: 2, maxLength: 8 });
    fc.assert(
      fc.property(kanji, fc.integer({ min: 1900, max: 2025 }), fc.integer({ min: 1, max: 99 }), (name, year, block) => {
        expect([...maskValue('person-name', name)].filter((c) => c !== '＊')).toEqual([[...name][0]]);
        expect(shown(maskValue('birth-date', `${year}-04-01`))).toBe(String(year));
        const masked = maskValue('address', `東京都見本区${name}町${block}-${block + 1}`);
        expect(masked).toBe('東京都見本区＊＊＊');
      }),
      { seed: 23, numRuns: 200 },
    );
  });

  it('of every finding in a scan of the accuracy corpus stay within their share', async () => {
    const root = fileURLToPath(new URL('../../fixtures/accuracy/corpus/', import.meta.url));
    const r = await scan({ roots: [root], base: root, jobs: 1, analyzer: { minConfidence: 0.5 } });
    const findings = r.files.flatMap((f) => f.findings).filter((f) => f.value !== '');
    expect(new Set(findings.map((f) => f.type)).size).toBeGreaterThanOrEqual(TYPE_IDS.filter((t) => t !== 'unlabelled-sensitive-file').length);
    const tooMuch = findings.filter((f) => {
      if (f.type === 'email') return f.masked.split('@')[0]!.replace(/\*/g, '').length > 1;
      if (f.type === 'person-name') return [...f.masked].filter((c) => c !== '＊').length > 1;
      if (f.type === 'address') {
        const prefix = shown(f.masked);
        return !f.value.startsWith(prefix) || /\d/.test(prefix) || (prefix.length > 3 && !/[市区町村郡]$/u.test(prefix));
      }
      const limit = (SHOWN[f.type] ?? OTHER)(f.value.replace(MASK_CHARS, '').length);
      return shown(f.masked).length > limit;
    });
    expect(tooMuch.map((f) => `${f.type} ${f.masked}`)).toEqual([]);
  });
});
