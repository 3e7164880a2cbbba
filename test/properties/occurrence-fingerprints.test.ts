/**
 * The keyed hashes of occurrences (CONTRACT.md `occurrences`: `fingerprint` of a type at a place,
 * `setFingerprint` of the multiset of its values) recomputed here from their definitions in
 * src/score/fingerprint.ts and src/scan/occurrences.ts, under two keys — and the public default key, which
 * every unkeyed baseline and SARIF alert depends on, pinned to its value.
 */
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../src/scan/analyze-file.js';
import { buildAnalyzer } from '../../src/scan/analyzer.js';
import { OccurrenceTally } from '../../src/scan/occurrences.js';
import { DEFAULT_FINGERPRINT_KEY, placeFingerprint, setFingerprint, valueLanes } from '../../src/score/fingerprint.js';
import { myNumber } from './generators.js';

const KEYS = ['fingerprint-key-A-3f9c', 'fingerprint-key-B-81d2'] as const;
const hmac32 = (key: string, text: string): string => createHmac('sha256', key).update(text).digest('hex').slice(0, 32);

/** 32-bit FNV-1a over UTF-16 code units (offset basis 0x811c9dc5, prime 0x01000193). */
function fnv1a(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The second lane: another offset basis, and the state folded with itself shifted right by 15 after each step. */
function secondLane(value: string): number {
  let h = (0x01000193 ^ 0x5bd1e995) >>> 0;
  for (let i = 0; i < value.length; i++) {
    const m = Math.imul(h ^ value.charCodeAt(i), 0x01000193);
    h = (m ^ (h >>> 15)) >>> 0;
  }
  return h;
}

/** The place of a column in a sheet (src/scan/occurrences.ts placeOf: column, sheet, page, slide, part, entry). */
const placeOf = (column: string, sheet: string): string => `${column}\0${sheet}\0\0\0\0`;

describe('occurrence fingerprints', () => {
  it('of a place are the HMAC of "place", path, type and place, under any key', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KEYS), fc.string(), fc.string(), fc.string(), (key, path, type, place) => {
        const fp = placeFingerprint(key, path, type, place);
        expect(fp).toBe(hmac32(key, `place\0${path}\0${type}\0${place}`));
        expect(placeFingerprint(KEYS.find((k) => k !== key)!, path, type, place)).not.toBe(fp);
      }),
      { seed: 40, numRuns: 200 },
    );
  });

  it('of a value set are the HMAC of "set", path, type, place, count and digest, under any key', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KEYS), fc.string(), fc.string(), fc.string(), fc.nat(), fc.string(), (key, path, type, place, count, digest) => {
        expect(setFingerprint(key, path, type, place, count, digest)).toBe(hmac32(key, `set\0${path}\0${type}\0${place}\0${count}\0${digest}`));
      }),
      { seed: 41, numRuns: 200 },
    );
  });

  it('hash values with two FNV-1a lanes (published vectors for the first)', () => {
    expect(valueLanes('')).toEqual([0x811c9dc5, (0x01000193 ^ 0x5bd1e995) >>> 0]);
    expect(valueLanes('a')[0]).toBe(0xe40c292c);
    expect(valueLanes('foobar')[0]).toBe(0xbf9cf968);
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (value) => {
        expect(valueLanes(value)).toEqual([fnv1a(value), secondLane(value)]);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('of a counted column are keyed by place and by the multiset of its values, in any order', () => {
    const tally = (values: readonly string[], key: string): { fingerprint?: string; setFingerprint?: string } => {
      const t = new OccurrenceTally(Infinity);
      for (const v of values) t.count('my-number', v, 'high', '番号', { sheet: '名簿' });
      return t.occurrences(key, 'list.xlsx')[0]!;
    };
    fc.assert(
      fc.property(fc.array(myNumber(), { minLength: 1, maxLength: 12 }), fc.constantFrom(...KEYS), (values, key) => {
        const lanes = values.map(valueLanes);
        const sum = (i: 0 | 1): string => (lanes.reduce((s, l) => (s + l[i]) >>> 0, 0) >>> 0).toString(16);
        const place = placeOf('番号', '名簿');
        const o = tally(values, key);
        expect(o.fingerprint).toBe(hmac32(key, `place\0list.xlsx\0my-number\0${place}`));
        expect(o.setFingerprint).toBe(hmac32(key, `set\0list.xlsx\0my-number\0${place}\0${values.length}\0${sum(0)}.${sum(1)}`));
        expect(tally([...values].reverse(), key).setFingerprint).toBe(o.setFingerprint);
      }),
      { seed: 43, numRuns: 100 },
    );
  });

  it('without a configured key use the public default key, which stays the same across versions', async () => {
    expect(DEFAULT_FINGERPRINT_KEY).toBe('jpii-default-fingerprint-key-v1');
    const n = fc.sample(myNumber(), { numRuns: 1, seed: 44 })[0]!;
    const [file] = await analyzeBytes('a.txt', Buffer.from(`マイナンバー: ${n}\n`), buildAnalyzer({ minConfidence: 0.5 }));
    const finding = file!.findings.find((f) => f.type === 'my-number')!;
    expect(finding.fingerprint).toBe(hmac32('jpii-default-fingerprint-key-v1', `a.txt\0my-number\0${n}\0${1}`));
  });
});
