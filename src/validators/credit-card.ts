/**
 * Payment card number (PAN) validator: Luhn, a real brand IIN range and length, and the grouping as written.
 * Input: the matched text (NFKC, dashes unified). Output: the digits, or a reason.
 * Never accepts public sandbox PANs or irregularly grouped digits; never puts the value in a reason.
 */
import { digitsOf, isDigits, rejection, type Validator } from './types.js';

/** Luhn mod-10 check, ISO/IEC 7812-1 (../shared/CHECKSUMS.md §11): from the right, double every second digit. */
export function luhn(digits: string): boolean {
  if (!isDigits(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 0x30;
    if (i % 2 === 1) d = d > 4 ? d * 2 - 9 : d * 2;
    // Stryker disable next-line AssignmentOperator: equivalent (subtracting every digit gives -sum, which is a multiple of 10 exactly when sum is)
    sum += d;
  }
  return sum % 10 === 0;
}

export type CardBrand = 'visa' | 'mastercard' | 'jcb' | 'amex' | 'diners' | 'discover' | 'unionpay';

interface BrandRule {
  brand: CardBrand;
  /** Inclusive IIN ranges; both ends have the same number of digits. */
  ranges: readonly (readonly [string, string])[];
  lengths: readonly number[];
}

/**
 * IIN ranges and lengths: CyberSource "Card Type Identification" cross-checked with jp-pii-detector
 * `brandOK` (CHECKSUMS.md §11). Visa 13 is left out: 13-digit JAN codes start with 45/49.
 */
const BRANDS: readonly BrandRule[] = [
  { brand: 'visa', ranges: [['4', '4']], lengths: [16, 19] },
  { brand: 'mastercard', ranges: [['51', '55'], ['2221', '2720']], lengths: [16] },
  { brand: 'jcb', ranges: [['3528', '3589']], lengths: [16, 17, 18, 19] },
  { brand: 'amex', ranges: [['34', '34'], ['37', '37']], lengths: [15] },
  { brand: 'diners', ranges: [['300', '305'], ['3095', '3095'], ['36', '36'], ['38', '39']], lengths: [14, 15, 16] },
  { brand: 'discover', ranges: [['6011', '6011'], ['644', '649'], ['65', '65']], lengths: [16, 19] },
  { brand: 'unionpay', ranges: [['62', '62']], lengths: [16, 17, 18, 19] },
];

/** The brand whose IIN range and length fit these digits, or undefined. */
export function cardBrand(digits: string): CardBrand | undefined {
  if (!isDigits(digits)) return undefined;
  for (const rule of BRANDS) {
    if (!rule.lengths.includes(digits.length)) continue;
    const inRange = rule.ranges.some(([from, to]) => {
      const prefix = digits.slice(0, from.length);
      return prefix >= from && prefix <= to;
    });
    if (inRange) return rule.brand;
  }
  return undefined;
}

/**
 * Sandbox PANs published by payment processors for testing (list from jp-pii-detector
 * TestKnownTestPANsAreRejectedByCreditCard, CHECKSUMS.md §11). Purview skips such numbers too.
 */
const TEST_PANS: ReadonlySet<string> = new Set([
  '4111111111111111',
  '4242424242424242',
  '5555555555554444',
  '378282246310005',
  '371449635398431',
  '6011111111111117',
  '6011000990139424',
  '30569309025904',
  '3530111333300000',
]);

const NON_DIGITS = /\D+/g;

/** Group lengths a brand prints on the card: Amex 4-6-5, Diners 14 4-6-4, otherwise fours with a shorter tail. */
function printedGroups(brand: CardBrand, length: number): readonly number[] {
  if (brand === 'amex') return [4, 6, 5];
  if (length === 14) return [4, 6, 4]; // Diners: no other brand has 14 digits (BRANDS)
  return Array.from({ length: Math.ceil(length / 4) }, (_, i) => Math.min(4, length - 4 * i));
}

/**
 * The grouping as written: 'printed' (the brand's groups with one kind of separator), 'irregular' (other groups:
 * some other number that passes Luhn), or undefined (no separators, or the printed groups with mixed separators).
 */
function groupingOf(text: string, brand: CardBrand, length: number): 'printed' | 'irregular' | undefined {
  const trimmed = text.trim();
  const separators = trimmed.match(NON_DIGITS);
  if (!separators) return undefined;
  const groups = trimmed.split(NON_DIGITS).map((g) => g.length);
  const printed = printedGroups(brand, length);
  if (printed.length !== groups.length || printed.some((n, i) => n !== groups[i])) return 'irregular';
  return separators.every((s) => s === separators[0]) ? 'printed' : undefined;
}

const NOT_PAN = rejection('not 13-19 digits');
const LUHN = rejection('Luhn check failed');
const NO_BRAND = rejection('no card brand has this IIN range and length');
const TEST_PAN = rejection('well-known test card number');
const GROUPING = rejection('grouping does not match the card brand');

export const validateCreditCard: Validator = (text) => {
  const digits = digitsOf(text);
  if (digits.length < 13 || digits.length > 19 || !isDigits(digits)) return NOT_PAN;
  if (!luhn(digits)) return LUHN;
  const brand = cardBrand(digits);
  if (brand === undefined) return NO_BRAND;
  if (TEST_PANS.has(digits)) return TEST_PAN;
  const grouping = groupingOf(text, brand, digits.length);
  // Digits split 3-5-4-4 and the like are some other number that happens to pass Luhn.
  if (grouping === 'irregular') return GROUPING;
  if (grouping === 'printed') return { ok: true, value: digits, bonus: 0.15 };
  return { ok: true, value: digits };
};
