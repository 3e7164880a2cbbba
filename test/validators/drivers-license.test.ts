// Sources (../shared/CHECKSUMS.md §3): layout per 沖縄県警「運転免許事務取扱要領」; 公安委員会コード table per
// benricho.org, drive.nomaki.jp, moneytimes.jp; community check digit per jiko0.com/bangou.html, whose own
// illustration 309012345620 passes; 305012345678 (jp-pii-detector test) and 309212345610 (otupy) fail it.
// All numbers are synthetic.
import { describe, expect, it } from 'vitest';
import {
  PUBLIC_SAFETY_COMMISSION_CODES,
  driversLicenseCheckDigit,
  isPlausibleDriversLicense,
  validateDriversLicense,
} from '../../src/validators/drivers-license.js';

/** Independent formulation of the community rule: weights counted from the right are 2..7, then 2..5. */
function communityCheck(first10: string): number {
  const fromRight = [2, 3, 4, 5, 6, 7, 2, 3, 4, 5];
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(first10[9 - i]) * (fromRight[i] ?? 0);
  return (11 - (sum % 11)) % 10;
}

function licence(code: string, year: string, serial: string, reissue = '0'): string {
  const first10 = code + year + serial;
  return first10 + communityCheck(first10) + reissue;
}

const GENERATED = [
  licence('10', '98', '000123'),
  licence('30', '05', '123456'),
  licence('45', '12', '654321', '1'),
  licence('62', '87', '100200'),
  licence('73', '20', '987650'),
  licence('97', '01', '555001', '2'),
];

describe('PUBLIC_SAFETY_COMMISSION_CODES', () => {
  it('holds the 51 published codes', () => {
    expect(PUBLIC_SAFETY_COMMISSION_CODES.size).toBe(51);
    for (const code of ['10', '14', '25', '30', '49', '55', '65', '74', '83', '97']) {
      expect(PUBLIC_SAFETY_COMMISSION_CODES.has(code)).toBe(true);
    }
  });

  it.each(['00', '09', '15', '26', '31', '39', '56', '66', '75', '84', '98', '99'])('does not hold %s', (code) =>
    expect(PUBLIC_SAFETY_COMMISSION_CODES.has(code)).toBe(false),
  );
});

describe('driversLicenseCheckDigit', () => {
  it.each([
    ['3090123456', 2],
    ['3050123456', 3],
    ['3092123456', 9],
  ])('%s → %i', (first10, check) => expect(driversLicenseCheckDigit(first10)).toBe(check));

  it('agrees with the right-to-left formulation on the generated vectors', () => {
    for (const d of GENERATED) expect(driversLicenseCheckDigit(d.slice(0, 10))).toBe(Number(d[10]));
  });
});

describe('validateDriversLicense', () => {
  const accepted: readonly (readonly [string, string, number])[] = [
    ['309012345620', '309012345620', 0.1],
    ['3090-1234-5620', '309012345620', 0.1],
    ['3090 1234 5620', '309012345620', 0.1],
    ['305012345678', '305012345678', -0.1],
    ['309212345610', '309212345610', -0.1],
    ...GENERATED.map((d) => [d, d, 0.1] as const),
  ];
  it.each(accepted)('accepts %s as %s with bonus %s', (text, value, bonus) =>
    expect(validateDriversLicense(text)).toEqual({ ok: true, value, bonus }),
  );

  it.each([
    ['159012345620', 'commission'],
    ['009012345620', 'commission'],
    ['989012345620', 'commission'],
    ['30901234562', '12 digits'],
    ['3090123456200', '12 digits'],
    ['111111111111', 'same'],
  ])('rejects %s', (text, reason) => {
    const result = validateDriversLicense(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('isPlausibleDriversLicense ignores the check digit but not the code', () => {
    expect(isPlausibleDriversLicense('305012345678')).toBe(true);
    expect(isPlausibleDriversLicense('989012345620')).toBe(false);
    expect(isPlausibleDriversLicense('3090-1234-5620')).toBe(false);
  });
});
