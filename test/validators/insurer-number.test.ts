// Sources: 昭和49年9月20日 保険発第104号 (https://www.mhlw.go.jp/web/t_doc?dataId=00tb0648&dataType=1&pageNo=1);
// vectors from ../shared/CHECKSUMS.md §4: 33120015 (biglobe page quoting 厚労省「保険者番号設定要領」),
// 01040013 (printed on a 協会けんぽ宮城支部 page), 138057, 000190, 123455 (jp-pii-detector tests).
// Insurer numbers identify insurers, not people; generated ones below are synthetic.
import { describe, expect, it } from 'vitest';
import { insurerCheckDigit, isValidInsurerNumber, validateInsurerNumber } from '../../src/validators/insurer-number.js';
import { luhnOk, withLuhnDigit } from '../properties/generators.js';

// M10W21 makes the whole number Luhn-valid: checked independently by plain Luhn over all digits (luhnOk).
// 法別番号 + 都道府県番号 + 保険者別番号 (8 digits) and 都道府県番号 + 保険者別番号 (国保, 6 digits).
const GENERATED = ['0613271', '3113001', '3927012', '0201345', '3440100', '05123', '27456', '47001'].map(withLuhnDigit);
const PUBLISHED = ['33120015', '01040013', '138057', '000190', '123455'];

describe('insurerCheckDigit / isValidInsurerNumber', () => {
  it('reproduces 33120015 → 5 and 01040013 → 3', () => {
    expect(insurerCheckDigit('3312001')).toBe(5);
    expect(insurerCheckDigit('0104001')).toBe(3);
  });

  it.each([...PUBLISHED, ...GENERATED])('accepts %s', (d) => expect(isValidInsurerNumber(d)).toBe(true));

  it('agrees with plain Luhn on every 6-digit number 100000-101999', () => {
    for (let n = 100000; n < 102000; n++) expect(isValidInsurerNumber(String(n))).toBe(luhnOk(String(n)));
  });

  it.each(['33120016', '01040010', '138050', '3312001', '331200150', '1234567', 'A3120015'])('rejects %s', (d) =>
    expect(isValidInsurerNumber(d)).toBe(false),
  );
});

describe('validateInsurerNumber', () => {
  it.each([
    ['33120015', '33120015'],
    ['3312 0015', '33120015'],
    ['33-12-001-5', '33120015'],
    ['138057', '138057'],
    ...GENERATED.map((d) => [d, d]),
  ])('accepts %s as %s', (text, value) => expect(validateInsurerNumber(text)).toEqual({ ok: true, value }));

  it.each([
    ['33120016', 'check digit'],
    ['138058', 'check digit'],
    ['00000000', 'same'],
    ['000000', 'same'],
    ['1234567', '6 or 8'],
    ['331200155', '6 or 8'],
    ['4901234567894', '6 or 8'],
    ['20240305', '法別番号'],
  ])('rejects %s', (text, reason) => {
    const result = validateInsurerNumber(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});
