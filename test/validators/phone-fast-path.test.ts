/**
 * phone.ts builds national numbers written with their trunk 0 straight from their digits instead of running
 * libphonenumber's text parser. The parser stays the oracle: on generated numbers of every length, grouping and
 * separator, both ways must give the same validity, type, national number and national format.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { PhoneNumber } from 'libphonenumber-js/max';
import { parseJapanese, validatePhone } from '../../src/validators/phone.js';
import { seededRandom } from '../properties/generators.js';

const max = createRequire(import.meta.url)('libphonenumber-js/max') as typeof import('libphonenumber-js/max');

/** Real leading digits (fixed lines of every area-code length, mobiles, IP, toll-free, pager, carriers). */
const HEADS = ['03', '06', '011', '045', '052', '0466', '04992', '0120', '0800', '0570', '0990', '050', '070', '080', '090', '020', '060', '0066', '0088', '010', '01081', '01', '09', '0'];
const SEPARATORS = ['-', ' ', '.', '/', ''];

function generated(rnd: () => number): string {
  const head = HEADS[Math.floor(rnd() * HEADS.length)] ?? '0';
  // Mostly the lengths real numbers have (10 and 11 digits), the rest anywhere from 2 to 17.
  const r = rnd();
  const length = r < 0.45 ? 10 : r < 0.8 ? 11 : 2 + Math.floor(rnd() * 16);
  let digits = head.slice(0, length);
  while (digits.length < length) digits += String(Math.floor(rnd() * 10));
  const sep = SEPARATORS[Math.floor(rnd() * SEPARATORS.length)] ?? '-';
  const cut1 = 1 + Math.floor(rnd() * Math.max(1, digits.length - 2));
  const cut2 = cut1 + 1 + Math.floor(rnd() * Math.max(1, digits.length - cut1 - 1));
  const groups = [digits.slice(0, cut1), digits.slice(cut1, cut2), digits.slice(cut2)].filter((g) => g !== '');
  return rnd() < 0.2 ? `(${groups[0]})${groups.slice(1).join(sep)}` : groups.join(sep);
}

function facts(phone: PhoneNumber | undefined): unknown {
  if (!phone || phone.country !== 'JP' || !phone.isValid()) return 'invalid';
  return { type: phone.getType(), national: phone.nationalNumber, format: phone.formatNational() };
}

describe('phone numbers built from digits agree with libphonenumber parsing the text', () => {
  it('agrees on 60,000 generated national numbers (validity, type, national number, format)', () => {
    const rnd = seededRandom(20261206);
    let valid = 0;
    for (let i = 0; i < 60_000; i++) {
      const text = generated(rnd);
      const expected = facts(max.parsePhoneNumberFromString(text, 'JP'));
      const actual = facts(parseJapanese({ text, international: false }));
      if (expected !== 'invalid') valid++;
      if (JSON.stringify(actual) !== JSON.stringify(expected)) expect({ text, actual }).toEqual({ text, actual: expected });
    }
    // The property means something only if many generated numbers are real ones.
    expect(valid).toBeGreaterThan(15_000);
  });

  it('still reads carrier-prefixed and international numbers through the parser', () => {
    expect(validatePhone('+81 90-1234-5678')).toMatchObject({ ok: true, value: '09012345678' });
    expect(validatePhone('+81(0)3-1234-5678')).toMatchObject({ ok: true, value: '0312345678' });
    for (const text of ['0066-33-123456', '010-81-3-1234-5678', '01081312345678']) {
      expect(facts(parseJapanese({ text, international: false }))).toEqual(facts(max.parsePhoneNumberFromString(text, 'JP')));
    }
  });
});
