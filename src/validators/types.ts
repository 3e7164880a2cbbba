/**
 * The validator contract. A pattern file names a validator; the detect stage calls it with the text of
 * the pattern's `value` group (already NFKC-normalized, dashes unified to '-').
 * A validator decides whether the candidate is real and returns its canonical value (CONTRACT.md).
 */
export type ValidationResult =
  | { ok: true; value: string; bonus?: number }
  | { ok: false; reason: string };

/**
 * @param text the matched value text as written (normalized: NFKC, dashes → '-', may contain spaces,
 *             '-', '.', '/', '(', ')', '+', letters)
 * @param options free-form options from the pattern file (`validatorOptions`)
 */
export type Validator = (text: string, options?: Readonly<Record<string, unknown>>) => ValidationResult;

/**
 * A rejection, made once per reason and shared (frozen): validators run on every look-alike number of a text
 * and say no without making an object each time.
 */
export function rejection(reason: string): ValidationResult {
  return Object.freeze({ ok: false, reason });
}

/**
 * Regexes are module constants, not literals in a validator's body: a literal makes a new RegExp object each
 * time the body runs (what a non-global regex's test() reads is the same either way).
 */
const SEPARATORS = /[\s\-./()]/g;

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Whether the text is one or more ASCII digits and nothing else (what `/^\d+$/` tests, without a regex). */
export function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) if (!isDigitCode(text.charCodeAt(i))) return false;
  return true;
}

/** The value of the digit at `i`: Number(text[i]) (NaN for anything but a digit), without the one-character string. */
export function digitAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0x30 && c <= 0x39 ? c - 0x30 : Number(text[i]);
}

/** Whether every character is the first one (`000000000000`: a placeholder, not a number). */
export function allSame(digits: string): boolean {
  for (let i = 1; i < digits.length; i++) if (digits.charCodeAt(i) !== digits.charCodeAt(0)) return false;
  return true;
}

/** Separators removed from numeric ids (CONTRACT.md): spaces, dots, slashes, hyphens, parentheses. */
export function digitsOf(text: string): string {
  // A run of digits alone (most candidates) is its own value: no new string.
  return isDigits(text) ? text : text.replace(SEPARATORS, '');
}
