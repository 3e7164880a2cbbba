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

/** Separators removed from numeric ids (CONTRACT.md): spaces, dots, slashes, hyphens, parentheses. */
export function digitsOf(text: string): string {
  return text.replace(/[\s\-./()]/g, '');
}
