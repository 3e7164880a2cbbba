// Sources: 平成26年総務省令第85号 第5条 and the vectors in ../shared/CHECKSUMS.md §1
// (worked example 12345678901 → 8: kufu/tsubaki, hsaito/python-mynumber, baneido/jp-pii-detector;
// leading zeros allowed, 000111111111 valid: JPMyNumber README). All numbers here are synthetic.
import { describe, expect, it } from 'vitest';
import { isValidMyNumber, myNumberCheckDigit, validateMyNumber } from '../../src/validators/my-number.js';

/** Independent formulation (python-stdnum jp/in_.py): weights 6,5,4,3,2,7,6,5,4,3,2 left to right, (−Σ mod 11) mod 10. */
function stdnumCheck(first11: string): number {
  const weights = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((s, w, i) => s + w * Number(first11[i]), 0);
  return (((-sum % 11) + 11) % 11) % 10;
}

/** Deterministic 11-digit bases (linear congruential generator, fixed seed). */
function bases(count: number, seed = 12345): string[] {
  const out: string[] = [];
  let x = seed;
  for (let i = 0; i < count; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out.push(String(x).padStart(11, '0').slice(-11).replace(/^(\d)/, String(i % 10)));
  }
  return out;
}

const generated = bases(8).map((b) => b + stdnumCheck(b));

describe('myNumberCheckDigit / isValidMyNumber', () => {
  it('reproduces the worked example 12345678901 → 8', () => {
    expect(myNumberCheckDigit('12345678901')).toBe(8);
    expect(isValidMyNumber('123456789018')).toBe(true);
  });

  it.each(generated)('accepts generated vector %s', (d) => {
    expect(isValidMyNumber(d)).toBe(true);
  });

  it('agrees with the python-stdnum formulation on 500 bases', () => {
    for (const b of bases(500, 777)) expect(myNumberCheckDigit(b)).toBe(stdnumCheck(b));
  });

  it.each([
    ['123456789010', 'wrong check digit'],
    ['123456789019', 'wrong check digit'],
    ['12345678901', 'too short'],
    ['1234567890180', 'too long'],
    ['12345678901a', 'letter'],
  ])('rejects %s (%s)', (d) => {
    expect(isValidMyNumber(d)).toBe(false);
  });
});

describe('validateMyNumber', () => {
  it.each([
    ['123456789018', '123456789018'],
    ['1234 5678 9018', '123456789018'],
    ['1234-5678-9018', '123456789018'],
    ['1234.5678.9018', '123456789018'],
    [' 123456789018 ', '123456789018'],
    ['000111111111', '000111111111'],
    ...generated.map((d) => [`${d.slice(0, 4)} ${d.slice(4, 8)} ${d.slice(8)}`, d]),
  ])('accepts %s as %s', (text, value) => {
    expect(validateMyNumber(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['123456789010', 'check digit'],
    ['1234 5678 9017', 'check digit'],
    ['000000000000', 'same'],
    ['12345678901', '12 digits'],
    ['4901234567894', '12 digits'],
    ['1234-5678-901X', '12 digits'],
  ])('rejects %s', (text, reason) => {
    const result = validateMyNumber(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('000000000000 would pass the check digit alone, so the same-digit rule is what rejects it', () => {
    expect(isValidMyNumber('000000000000')).toBe(true);
  });
});
