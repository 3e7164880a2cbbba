// Sources: Luhn per ISO/IEC 7812-1; IIN ranges and lengths from CyberSource "Card Type Identification" and
// jp-pii-detector `brandOK`; sandbox PAN list from jp-pii-detector TestKnownTestPANsAreRejectedByCreditCard
// (../shared/CHECKSUMS.md §11). Every other number here is generated below and is not a real card.
import { describe, expect, it } from 'vitest';
import { cardBrand, luhn, validateCreditCard } from '../../src/validators/credit-card.js';
import { withLuhnDigit } from '../properties/generators.js';

/** A Luhn-valid number: prefix, then a fixed filler pattern, then the check digit. */
function card(prefix: string, length: number): string {
  const filler = '0192837465'.repeat(2);
  return withLuhnDigit((prefix + filler).slice(0, length - 1));
}

function group(d: string, sizes: number[], sep = ' '): string {
  const out: string[] = [];
  let at = 0;
  for (const n of sizes) out.push(d.slice(at, (at += n)));
  return out.join(sep);
}

const VECTORS = [
  ['visa', card('4', 16)],
  ['visa', card('4', 19)],
  ['mastercard', card('51', 16)],
  ['mastercard', card('55', 16)],
  ['mastercard', card('2221', 16)],
  ['mastercard', card('2720', 16)],
  ['jcb', card('3528', 16)],
  ['jcb', card('3589', 19)],
  ['amex', card('34', 15)],
  ['amex', card('37', 15)],
  ['diners', card('300', 14)],
  ['diners', card('3095', 14)],
  ['diners', card('36', 14)],
  ['diners', card('38', 16)],
  ['discover', card('6011', 16)],
  ['discover', card('644', 16)],
  ['discover', card('65', 19)],
  ['unionpay', card('62', 16)],
  ['unionpay', card('62', 19)],
] as const;

const TEST_PANS = [
  '4111111111111111', '4242424242424242', '5555555555554444', '378282246310005', '371449635398431',
  '6011111111111117', '6011000990139424', '30569309025904', '3530111333300000',
];

describe('luhn', () => {
  it.each(TEST_PANS)('accepts the public test PAN %s', (d) => expect(luhn(d)).toBe(true));
  it.each(['4111111111111112', '79927398710', '', '4111-1111'])('rejects %s', (d) => expect(luhn(d)).toBe(false));
  it('accepts the classic example 79927398713', () => expect(luhn('79927398713')).toBe(true));
});

describe('cardBrand', () => {
  it.each(VECTORS)('%s: %s', (brand, d) => expect(cardBrand(d)).toBe(brand));

  it.each([
    ['4901234567894', 'JAN-13 (Visa 13 dropped)'],
    ['9784000000017', 'ISBN'],
    [card('4', 13), 'Visa 13'],
    [card('51', 15), 'Mastercard wrong length'],
    [card('2220', 16), 'below Mastercard 2-series'],
    [card('2721', 16), 'above Mastercard 2-series'],
    [card('3527', 16), 'below JCB'],
    [card('3590', 16), 'above JCB'],
    [card('306', 14), 'not Diners 300-305'],
    [card('34', 16), 'Amex wrong length'],
    [card('6012', 16), 'not Discover'],
    [card('1', 15), 'UATP (prefix 1)'],
    [card('8171', 16), 'UnionPay 81 per validator.js only'],
  ])('none for %s (%s)', (d) => expect(cardBrand(d)).toBeUndefined());
});

describe('validateCreditCard', () => {
  it.each(VECTORS)('accepts bare %s %s without bonus', (_, d) => {
    expect(validateCreditCard(d)).toEqual({ ok: true, value: d });
  });

  const visa = card('4', 16);
  const amex = card('37', 15);
  const diners = card('36', 14);
  const jcb19 = card('3530', 19);
  it.each([
    [group(visa, [4, 4, 4, 4]), visa],
    [group(visa, [4, 4, 4, 4], '-'), visa],
    [group(visa, [4, 4, 4, 4], ' - '), visa],
    [group(amex, [4, 6, 5]), amex],
    [group(amex, [4, 6, 5], '-'), amex],
    [group(diners, [4, 6, 4]), diners],
    [group(jcb19, [4, 4, 4, 4, 3]), jcb19],
  ])('gives the grouping bonus to %s', (text, value) => {
    expect(validateCreditCard(text)).toEqual({ ok: true, value, bonus: 0.15 });
  });

  it('accepts usual groups with mixed separators, without bonus', () => {
    const text = `${visa.slice(0, 4)} ${visa.slice(4, 8)}-${visa.slice(8, 12)} ${visa.slice(12)}`;
    expect(validateCreditCard(text)).toEqual({ ok: true, value: visa });
  });

  const rejected: readonly (readonly [string, string])[] = [
    [group(visa, [3, 5, 4, 4]), 'grouping'],
    [group(visa, [8, 8]), 'grouping'],
    [group(amex, [4, 4, 4, 3]), 'grouping'],
    [group(diners, [4, 4, 4, 2]), 'grouping'],
    [visa.slice(0, 15) + ((Number(visa[15]) + 1) % 10), 'Luhn'],
    ['4901234567894', 'brand'],
    ['4901-2345-6789-4', 'brand'],
    [card('4', 13), 'brand'],
    ['9784000000017', 'Luhn'],
    [card('4', 12), '13-19'],
    [card('4', 20), '13-19'],
    [`${visa.slice(0, 15)}X`, '13-19'],
    ...TEST_PANS.map((d) => [d, 'test card'] as const),
    ['4111 1111 1111 1111', 'test card'],
  ];
  it.each(rejected)('rejects %s', (text, reason) => {
    const result = validateCreditCard(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});
