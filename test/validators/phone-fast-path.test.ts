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

/** Bonus by type as docs/scoring and CHECKSUMS.md §10 give it: the oracle's own copy of the table. */
const TYPE_BONUS: Record<string, number> = { MOBILE: 0.1, PAGER: -0.2, TOLL_FREE: -0.3, SHARED_COST: -0.3, PREMIUM_RATE: -0.3, UAN: -0.3 };

/** What validatePhone must answer for a national text, computed with libphonenumber's parser and formatter only. */
function reference(text: string): { ok: boolean; value?: string; bonus?: number } {
  const phone = max.parsePhoneNumberFromString(text, 'JP');
  const type = phone?.country === 'JP' ? phone.getType() : undefined;
  if (!phone || type === undefined) return { ok: false };
  const national = phone.nationalNumber;
  const value = national.startsWith('0') ? national : `0${national}`;
  const written = text.split(/\D+/).filter((g) => g !== '');
  if (type === 'TOLL_FREE' && written.length === 3 && /^0[789]0$/.test(written[0] ?? '') && written[1]?.length === 4 && written[2]?.length === 4) return { ok: true, value, bonus: 0 };
  const official = phone.formatNational().split(/\D+/).filter((g) => g !== '');
  const unusual = written.length >= 2 && official.length >= 2 && written.join('-') !== official.join('-');
  const bonus = (TYPE_BONUS[type] ?? 0) + (unusual ? -0.2 : 0);
  return { ok: true, value, bonus: Math.round(Math.min(0.3, Math.max(-0.4, bonus)) * 100) / 100 };
}

describe('validatePhone reads national numbers from their digits and written groups', () => {
  it('gives the reference value and bonus on 60,000 generated numbers, typed in or with the trunk 0 dropped', () => {
    const rnd = seededRandom(20261207);
    let valid = 0;
    for (let i = 0; i < 60_000; i++) {
      const text = generated(rnd);
      // A column of numbers whose leading 0 Excel dropped: the validator restores it (trunkDropped).
      const dropped = /^0[1-9]/.test(text) && rnd() < 0.25;
      const actual = validatePhone(dropped ? text.slice(1) : text, dropped ? { trunkDropped: true } : undefined);
      const expected = reference(text);
      if (expected.ok) valid++;
      const got = actual.ok ? { ok: true, value: actual.value, bonus: actual.bonus ?? 0 } : { ok: false };
      if (JSON.stringify(got) !== JSON.stringify(expected)) expect({ text, dropped, got }).toEqual({ text, dropped, got: expected });
    }
    expect(valid).toBeGreaterThan(15_000);
  });

  it('answers a number again the same way, whatever was asked in between (the memo is keyed by digits and grouping)', () => {
    const first = validatePhone('03-1234-5678');
    validatePhone('0312-34-5678');
    validatePhone('(03)1234-5678');
    expect(validatePhone('03-1234-5678')).toEqual(first);
    expect(validatePhone('0312-34-5678')).toMatchObject({ ok: true, value: '0312345678', bonus: -0.2 });
    expect(first).toMatchObject({ ok: true, value: '0312345678', bonus: 0 });
  });
});
