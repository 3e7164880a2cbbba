/**
 * Which regex bodies are digit shapes (detect/digit-shapes.ts reads their matches from the text's digit runs
 * instead of running them). Pure: the exact bodies only, as wholeValueBody writes them.
 */
import { hasTopLevelBar } from './first-char.js';

export type DigitShape =
  /** `\d{N}`. */
  | { kind: 'run'; digits: number; token: boolean }
  /** `\d(?:[- ]?\d){min-1,max-1}`: digits joined by at most one hyphen or space each. */
  | { kind: 'chain'; min: number; max: number; token: boolean }
  /** `\d{4}(?:[-. ]?\d{4}[-. ]?|\d{2}[- ]\d{2})\d{4}`: 4-4-4 (hyphen, dot or space) or 6-6. */
  | { kind: 'twelve'; token: boolean }
  /** `\d{3}-\d{4}`. */
  | { kind: 'postal'; token: boolean }
  /** `[01]\d{3}0-\d{1,8}`: a bank and branch code, then an account number (ゆうちょ記号・番号). */
  | { kind: 'bank'; token: boolean };

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
  if (wholeBody === '(?:[01]\\d{3}0-\\d{1,8})') return { kind: 'bank', token };
  return undefined;
}


/**
 * A regex whose matches can start only at a few places found without it: a phone number's `+81`, `(0…)` or
 * `0…` group, or the TEL/FAX prefix just before it (from the digit runs, detect/digit-shapes.ts startsOf); a
 * key before a Japanese value ('keyed', detect/key-places.ts). Such a regex is run anchored (sticky) at those
 * places only, so it decides every match itself.
 */
export type StartShape = 'plus81' | 'paren' | 'grouped' | 'plain' | 'keyed';

const PREFIX = '(?:(?:TEL|Tel|tel|FAX|Fax|fax)[.:]?)?';
const START_SHAPES: ReadonlyMap<string, StartShape> = new Map([
  ['(?:(?:TEL|Tel|tel|FAX|Fax|fax|Phone|phone)[.:]?)?(?<value>\\+81[- ]?(?:\\(0\\)[- ]?)?\\d{1,4}[- ]?\\(?\\d{1,4}\\)?[- ]?\\d{3,4})', 'plus81'],
  [`${PREFIX}(?<value>\\(0\\d{1,4}\\)[- ]?\\d{1,4}[- ]?\\d{3,4})`, 'paren'],
  [`${PREFIX}(?<value>0\\d{1,4}[- ](?:\\d{1,4}|\\(\\d{1,4}\\))[- ]?\\d{3,4}|0\\d{1,4}\\(\\d{1,4}\\)\\d{3,4}|(?<!/)0\\d{1,4}(?<sep>[./])\\d{1,4}\\k<sep>\\d{3,4}(?!/))`, 'grouped'],
  [`${PREFIX}(?<value>0\\d{9,10})`, 'plain'],
]);

/**
 * A key of structured text before a Japanese value (`"name": "山田 太郎"`, `name='小川 隆'`, `('佐藤`): every match
 * of a body that starts with this and has no alternative of its own after it starts with this key, so it
 * can start only in the few characters before a `:`, `=`, `=>` or `'` that a Japanese letter follows
 * (detect/key-places.ts).
 */
export const KEYED_PREFIX = `(?:["']?[A-Za-z_][\\w.-]{0,40}["']?[ ]*(?:[:=]|=>)[ ]*["']?|[(,][ ]*')(?=[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}々〆ヶ])`;

/**
 * The start shape of a regex body (macros expanded), or undefined: the exact bodies of patterns/types/phone.yaml,
 * and a keyed value (KEYED_PREFIX) followed by anything without a top-level alternative.
 */
export function startShapeOf(body: string): StartShape | undefined {
  const phone = START_SHAPES.get(body);
  if (phone) return phone;
  if (body.startsWith(KEYED_PREFIX) && !hasTopLevelBar(body, KEYED_PREFIX.length)) return 'keyed';
  return undefined;
}
