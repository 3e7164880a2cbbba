/**
 * Number formatting shared by the reporters.
 * Input: a 0–1 score. Output: the score rounded to 2 decimals. Never: formats PII.
 */

/** Rounds to 2 decimals; the epsilon keeps 0.875 → 0.88 despite binary floating point. */
export function round2(n: number): number {
  return Math.round((n + Number.EPSILON) * 100) / 100;
}

/** Fixed two-decimal text (`0.90`), for the CSV and text reports. */
export function fixed2(n: number): string {
  return round2(n).toFixed(2);
}
