/**
 * Which regex bodies are digit shapes (detect/digit-shapes.ts reads their matches from the text's digit runs
 * instead of running them). Pure: the exact bodies only, as wholeValueBody writes them.
 */

export type DigitShape =
  /** `\d{N}`. */
  | { kind: 'run'; digits: number; token: boolean }
  /** `\d(?:[- ]?\d){min-1,max-1}`: digits joined by at most one hyphen or space each. */
  | { kind: 'chain'; min: number; max: number; token: boolean }
  /** `\d{4}(?:[-. ]?\d{4}[-. ]?|\d{2}[- ]\d{2})\d{4}`: 4-4-4 (hyphen, dot or space) or 6-6. */
  | { kind: 'twelve'; token: boolean }
  /** `\d{3}-\d{4}`. */
  | { kind: 'postal'; token: boolean };

/** Every body a shape stands for, as compile.ts writes it (wholeValueBody: the value group made non-capturing). */
export function digitShapeOf(wholeBody: string, token: boolean): DigitShape | undefined {
  let m = /^\(\?:\\d\{(\d{1,2})\}\)$/.exec(wholeBody);
  if (m) return { kind: 'run', digits: Number(m[1]), token };
  m = /^\(\?:\\d\(\?:\[- \]\?\\d\)\{(\d{1,2})(?:,(\d{1,2}))?\}\)$/.exec(wholeBody);
  if (m) {
    const min = Number(m[1]) + 1;
    const max = m[2] === undefined ? min : Number(m[2]) + 1;
    return max >= min ? { kind: 'chain', min, max, token } : undefined;
  }
  if (wholeBody === '(?:\\d{4}(?:[-. ]?\\d{4}[-. ]?|\\d{2}[- ]\\d{2})\\d{4})') return { kind: 'twelve', token };
  if (wholeBody === '(?:\\d{3}-\\d{4})') return { kind: 'postal', token };
  return undefined;
}

