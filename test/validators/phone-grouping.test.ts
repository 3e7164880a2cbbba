/**
 * phone-grouping.ts remembers the official grouping by the number's length and first digits. libphonenumber's
 * own national format is the oracle: on generated numbers (most of them sharing keys, so the memo answers),
 * the groups must be the same.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { maxMatchLength, officialGroups, type PlanSource } from '../../src/validators/phone-grouping.js';
import { parseJapanese } from '../../src/validators/phone.js';
import { seededRandom } from '../properties/generators.js';

const require = createRequire(import.meta.url);
const core = require('libphonenumber-js/core') as typeof import('libphonenumber-js/core');
const metadata = require('libphonenumber-js/metadata.max.json') as import('libphonenumber-js/core').MetadataJson;
const plan = (): PlanSource => ({ metadata, Metadata: core.Metadata as unknown as PlanSource['Metadata'] });

/** Real leading digits of every format JP has (area codes of 1–5 digits, mobiles, IP, toll-free, navi dial…). */
const HEADS = ['3', '6', '11', '45', '52', '466', '4992', '1267', '1372', '1466', '4992', '5769', '7468', '8387', '9802', '99', '120', '800', '570', '990', '50', '70', '80', '90', '20', '60', '1', '2', '4', '5', '7', '8', '9'];

describe('official grouping from the memo', () => {
  it('equals libphonenumber national format on 80,000 generated numbers', () => {
    const rnd = seededRandom(20261206);
    let valid = 0;
    for (let i = 0; i < 80_000; i++) {
      const head = HEADS[Math.floor(rnd() * HEADS.length)] ?? '3';
      const length = 8 + Math.floor(rnd() * 4);
      let national = head;
      while (national.length < length) national += String(Math.floor(rnd() * 10));
      const phone = parseJapanese({ text: `0${national}`, international: false });
      if (!phone?.isValid()) continue;
      valid++;
      const expected = phone.formatNational().split(/\D+/).filter((g) => g !== '');
      const actual = officialGroups(phone, plan);
      if (actual.join('-') !== expected.join('-')) expect({ national, actual }).toEqual({ national, actual: expected });
    }
    expect(valid).toBeGreaterThan(15_000);
  });

  it('numbers written with a carrier code or read by the parser still agree', () => {
    for (const text of ['+81 90-1234-5678', '+81(0)3-1234-5678', '0066-33-123456', '010-81-3-1234-5678']) {
      const phone = parseJapanese({ text, international: text.startsWith('+') });
      if (!phone) continue;
      expect(officialGroups(phone, plan)).toEqual(phone.formatNational().split(/\D+/).filter((g) => g !== ''));
    }
  });
});

describe('maxMatchLength', () => {
  it.each([
    ['(?:12|57|99)0', 3],
    ['[25-9]', 1],
    ['1(?:26|3[79])|499', 3],
    ['3|4(?:2(?:0|9[02-69])|7(?:0[019]|1))|6[1-9]', 4],
  ])('%s → %d', (source, expected) => {
    expect(maxMatchLength(source)).toBe(expected);
  });

  it.each([['\\d'], ['1?'], ['(?:1)?'], ['[^1]'], ['(1)'], ['(?:1']])('unknown shape %s → undefined', (source) => {
    expect(maxMatchLength(source)).toBeUndefined();
  });
});
