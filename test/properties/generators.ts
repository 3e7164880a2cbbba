/**
 * fast-check generators of synthetic, check-digit-valid values (the algorithms of ../shared/CHECKSUMS.md,
 * written again here rather than imported, so a broken validator cannot make its own test data).
 */
import fc from 'fast-check';

/** 個人番号: 11 digits + the mod-11 check digit (平成26年総務省令第85号 第5条). */
export function myNumberCheckDigit(first11: string): number {
  let sum = 0;
  for (let n = 1; n <= 11; n++) sum += Number(first11[11 - n]) * (n <= 6 ? n + 1 : n - 5);
  const r = sum % 11;
  return r <= 1 ? 0 : 11 - r;
}

export const digits = (n: number): fc.Arbitrary<string> => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });

export const myNumber = (): fc.Arbitrary<string> => digits(11).map((d) => `${d}${myNumberCheckDigit(d)}`);

/** Mobile numbers 070/080/090 (all allocated blocks of 080/090, 070-[1-9]). */
export const mobile = (): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom('080', '090'), fc.integer({ min: 1000, max: 9999 }), digits(4)).map(([p, a, b]) => `${p}-${a}-${b}`);

/** A birth date between 1940 and 2005 (days 1–28, so every month has it). */
export const birthDate = (): fc.Arbitrary<{ y: number; m: number; d: number }> =>
  fc.record({ y: fc.integer({ min: 1940, max: 2005 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) });

/** A seeded uniform generator in [0, 1) (mulberry32) for loops that need no shrinking: the same numbers on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Luhn written out, as the tests' own oracle (never the code under test): from the right, every second digit
 * doubled (minus 9 above 9), the sum a multiple of 10. Card numbers and insurer numbers (M10W21) both use it.
 */
export function luhnOk(d: string): boolean {
  let sum = 0;
  [...d].reverse().forEach((ch, i) => {
    const n = Number(ch) * (i % 2 === 1 ? 2 : 1);
    sum += n > 9 ? n - 9 : n;
  });
  return sum % 10 === 0;
}

/** `body` followed by the digit that makes it Luhn-valid. */
export function withLuhnDigit(body: string): string {
  for (let c = 0; c <= 9; c++) if (luhnOk(body + c)) return body + c;
  throw new Error('unreachable');
}
