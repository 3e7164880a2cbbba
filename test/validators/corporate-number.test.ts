// Sources: 法人番号の指定等に関する省令 (平成26年財務省令第70号) 第2条; NTA worked example 700110005901 → 8
// (https://www.houjin-bangou.nta.go.jp/documents/checkdigit.pdf, transcribed in jp-pii-detector checksum_test.go);
// invoice numbers T + 13 digits: NTA インボイス公表サイト (../shared/CHECKSUMS.md §2, §2a). Numbers are synthetic.
import { describe, expect, it } from 'vitest';
import {
  corporateCheckDigit,
  isValidCorporateNumber,
  looksLikeJanCode,
  validateCorporateNumber,
} from '../../src/validators/corporate-number.js';

/** Independent formulation: left-to-right weights 2,1,2,1,… over the 12-digit base, check = 9 − Σ mod 9. */
function leftToRightCheck(base12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(base12[i]) * (i % 2 === 0 ? 2 : 1);
  return 9 - (sum % 9);
}

function bases(count: number, seed: number): string[] {
  const out: string[] = [];
  let x = seed;
  for (let i = 0; i < count; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out.push((String(i % 10) + String(x).padStart(11, '0')).slice(0, 12));
  }
  return out;
}

const generated = bases(8, 4242).map((b) => leftToRightCheck(b) + b);
const NTA_EXAMPLE = '8700110005901';

describe('corporateCheckDigit / isValidCorporateNumber', () => {
  it('reproduces the NTA worked example 700110005901 → 8', () => {
    expect(corporateCheckDigit('700110005901')).toBe(8);
    expect(isValidCorporateNumber(NTA_EXAMPLE)).toBe(true);
  });

  it('agrees with the left-to-right formulation on 500 bases and never yields 0', () => {
    for (const b of bases(500, 99)) {
      expect(corporateCheckDigit(b)).toBe(leftToRightCheck(b));
      expect(corporateCheckDigit(b)).toBeGreaterThanOrEqual(1);
    }
  });

  it.each(generated)('accepts generated vector %s', (d) => {
    expect(isValidCorporateNumber(d)).toBe(true);
  });

  it.each(['1700110005901', '870011000590', '87001100059011', 'T870011000590'])('rejects %s', (d) => {
    expect(isValidCorporateNumber(d)).toBe(false);
  });
});

describe('looksLikeJanCode', () => {
  it.each([
    ['4901234567894', true],
    ['4912345670083', true],
    ['9784000000008', false],
    ['9784000000017', true],
    [NTA_EXAMPLE, false],
    ['490123456789', false],
  ])('%s → %s', (d, expected) => {
    expect(looksLikeJanCode(d)).toBe(expected);
  });
});

describe('validateCorporateNumber', () => {
  const accepted: readonly (readonly [string, string, number | undefined])[] = [
    [NTA_EXAMPLE, NTA_EXAMPLE, undefined],
    ['8-7001-1000-5901', NTA_EXAMPLE, undefined],
    ['8 7001 1000 5901', NTA_EXAMPLE, undefined],
    ['T8700110005901', NTA_EXAMPLE, 0.3],
    ['t8700110005901', NTA_EXAMPLE, 0.3],
    ['T-8700110005901', NTA_EXAMPLE, 0.3],
    ['T 8700-1100-0590-1', NTA_EXAMPLE, 0.3],
    ['T1700110005901', '1700110005901', -0.45],
    ['4912345670083', '4912345670083', -0.2],
    ...generated.map((d) => [d, d, undefined] as const),
    ...generated.map((d) => [`T${d}`, d, 0.3] as const),
  ];
  it.each(accepted)('accepts %s as %s with bonus %s', (text, value, bonus) => {
    const expected = bonus === undefined ? { ok: true, value } : { ok: true, value, bonus };
    expect(validateCorporateNumber(text)).toEqual(expected);
  });

  it.each([
    ['1700110005901', 'check digit'],
    ['4901234567894', 'check digit'],
    ['9784000000017', 'check digit'],
    ['870011000590', '13 digits'],
    ['T870011000590', '13 digits'],
    ['87001100059012', '13 digits'],
    ['T87001100059012', '13 digits'],
    ['9999999999999', 'same'],
    ['X8700110005901', '13 digits'],
  ])('rejects %s', (text, reason) => {
    const result = validateCorporateNumber(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});
