// Sources (../shared/CHECKSUMS.md §5): ゆうちょ 記号 check digit from JP Bank's converter script kouza_1.js as
// transcribed by jp-pii-detector and sanmai/jpb-account-converter; verified vectors 14030-12345671,
// 15150-21111111, 00580-654321, 00160-100001, 14080-12712721, 16150-12233411; the glama.ai illustration
// 11940-12345671 fails (expected 4th digit 3). 全銀 口座番号 7 digits: SAP Business One help. All synthetic.
import { describe, expect, it } from 'vitest';
import { isValidYuchoAccount, validateBankAccount, yuchoCheckDigit } from '../../src/validators/bank-account.js';

/** sanmai/jpb-account-converter formulation: weights 1,3,D repeating over s1 s2 s3 0 s5 n1..n8. */
function converterCheck(kigou: string, bangou: string): number {
  const seq = `${kigou.slice(0, 3)}0${kigou[4]}${bangou.padStart(8, '0')}`;
  let sum = 0;
  [...seq].forEach((ch, i) => {
    const x = Number(ch);
    sum += i % 3 === 0 ? x : i % 3 === 1 ? 3 * x : x * 2 > 9 ? x * 2 - 9 : x * 2;
  });
  return sum % 10;
}

function yucho(kigouWithoutCheck: string, bangou: string): string {
  const k = kigouWithoutCheck;
  const kigou = `${k.slice(0, 3)}${converterCheck(`${k.slice(0, 3)}0${k[3]}`, bangou)}${k[3]}`;
  return `${kigou}-${bangou}`;
}

const PUBLISHED = ['14030-12345671', '15150-21111111', '00580-654321', '00160-100001', '14080-12712721', '16150-12233411'];
const GENERATED = [
  yucho('1020', '10000001'),
  yucho('1370', '23456781'),
  yucho('1990', '5551'),
  yucho('0110', '123456'),
  yucho('0340', '7'),
  yucho('1800', '98765431'),
];

describe('yuchoCheckDigit / isValidYuchoAccount', () => {
  it.each([...PUBLISHED, ...GENERATED])('accepts %s', (text) => {
    const [kigou = '', bangou = ''] = text.split('-');
    expect(isValidYuchoAccount(kigou, bangou)).toBe(true);
    expect(yuchoCheckDigit(kigou, bangou)).toBe(converterCheck(kigou, bangou));
  });

  it('computes 3 for the glama.ai illustration 11940-12345671', () => {
    expect(yuchoCheckDigit('11940', '12345671')).toBe(3);
    expect(isValidYuchoAccount('11940', '12345671')).toBe(false);
  });

  it.each([
    ['1403', '12345671'],
    ['14030', '123456712'],
    ['14030', ''],
  ])('rejects malformed %s-%s', (kigou, bangou) => expect(isValidYuchoAccount(kigou, bangou)).toBe(false));
});

describe('validateBankAccount', () => {
  it.each([...PUBLISHED, ...GENERATED, '14030 12345671', '14030 - 12345671'])('accepts ゆうちょ %s with bonus', (text) => {
    expect(validateBankAccount(text)).toEqual({ ok: true, value: text.replace(/\D/g, ''), bonus: 0.2 });
  });

  it.each([
    ['1234567', '1234567', undefined],
    ['0012345', '0012345', undefined],
    ['123-4567', '1234567', undefined],
    ['123456', '123456', -0.1],
    ['12345678', '12345678', -0.1],
    ['1234 5678', '12345678', -0.1],
  ])('accepts 全銀 %s as %s (bonus %s)', (text, value, bonus) => {
    const expected = bonus === undefined ? { ok: true, value } : { ok: true, value, bonus };
    expect(validateBankAccount(text)).toEqual(expected);
  });

  it.each([
    ['11940-12345671', 'check digit'],
    ['14031-12345671', 'check digit'],
    ['14030-12345672', 'check digit'],
    ['0000000', 'same'],
    ['12345', '6-8'],
    ['123456789', '6-8'],
    ['1403012345671', '6-8'],
    ['25150-21111111', '6-8'],
    ['12345a7', '6-8'],
  ])('rejects %s', (text, reason) => {
    const result = validateBankAccount(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});
