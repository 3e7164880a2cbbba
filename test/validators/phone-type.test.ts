/**
 * phone-type.ts answers libphonenumber's getType() for Japanese numbers with the plan's patterns compiled once.
 * getType() stays the oracle: on generated national numbers of every type and many lengths (valid or not), both
 * must give the same type. With today's JP metadata the types' patterns are disjoint and lie within the whole-plan
 * pattern, so the order of the other types, the possible-lengths check and the whole-plan check change no answer
 * (mutating them survives); they mirror the library so that a metadata update that makes them matter shows up
 * here as a disagreement rather than as a silent difference.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { japaneseType, type TypeSource } from '../../src/validators/phone-type.js';
import { seededRandom } from '../properties/generators.js';

const require = createRequire(import.meta.url);
const core = require('libphonenumber-js/core') as typeof import('libphonenumber-js/core');
const metadata = require('libphonenumber-js/metadata.max.json') as import('libphonenumber-js/core').MetadataJson;
const source = (): TypeSource => ({ metadata, Metadata: core.Metadata as unknown as TypeSource['Metadata'] });

/** Leading digits of every JP type: fixed lines, mobiles (70/80/90, 20 pagers), IP (50), toll-free, premium, UAN. */
const HEADS = ['3', '6', '11', '45', '52', '466', '4992', '120', '800', '570', '990', '50', '60', '70', '80', '90', '20', '1', '2', '4', '5', '7', '8', '9', '0', '00', '0066', '0088'];

describe('japaneseType agrees with getType()', () => {
  it('on 100,000 generated numbers', () => {
    const rnd = seededRandom(20261206);
    const seen = new Map<string, number>();
    for (let i = 0; i < 100_000; i++) {
      const head = HEADS[Math.floor(rnd() * HEADS.length)] ?? '3';
      const length = 4 + Math.floor(rnd() * 14);
      let national = head.slice(0, length);
      while (national.length < length) national += String(Math.floor(rnd() * 10));
      const phone = new core.PhoneNumber('JP', national, metadata);
      const expected = phone.getType();
      const actual = japaneseType(national, source);
      if (actual !== expected) expect({ national, actual }).toEqual({ national, actual: expected });
      seen.set(String(expected), (seen.get(String(expected)) ?? 0) + 1);
    }
    // The property means something only if the numbers cover the types.
    for (const type of ['FIXED_LINE', 'MOBILE', 'TOLL_FREE', 'VOIP', 'PAGER', 'UAN', 'PREMIUM_RATE', 'undefined']) expect(seen.get(type) ?? 0, type).toBeGreaterThan(50);
  });
});
