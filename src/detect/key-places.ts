/**
 * Where a keyed-value regex (patterns/digit-shape.ts KEYED_PREFIX: `"name": "山田 太郎"`) can start: the
 * regex itself, run at every letter of a text, read ahead up to 40 key characters each time; every match
 * holds a `:`, `=`, `=>` or a `'` after `(`/`,` just before a Japanese letter, so one search finds those and
 * the places a key could start are read back from each. A superset, ascending: the regex, run sticky at each
 * place (detect.ts scanStarts), decides; test/detect/key-places.test.ts compares it with the global scan.
 */

/** `[:=>]` or `'`, then what KEYED_PREFIX allows before the value's first letter, then that letter. */
const SEPARATOR = /(?:[:=>][ ]*["']?|')(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}々〆ヶ])/gu;

const SPACE = 0x20;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;

/** `["']?[A-Za-z_][\w.-]{0,40}["']?`: at most 43 characters of a key and its quotes. */
const KEY_CHARS = 43;

/** [A-Za-z0-9_.-"']: characters a key and its quotes are made of. */
function isKeyChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2e || c === 0x2d || c === QUOTE || c === APOSTROPHE;
}

/** ["'A-Za-z_]: where a key (with its opening quote) starts. */
function isKeyStart(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === QUOTE || c === APOSTROPHE;
}

/** Before the separator at `at`: the spaces, then the key characters; each place a key could start. */
function keyStarts(text: string, at: number, out: number[]): void {
  let i = at - 1;
  while (text.charCodeAt(i) === SPACE) i--;
  for (let n = 0; n < KEY_CHARS && i >= 0; n++, i--) {
    const c = text.charCodeAt(i);
    if (!isKeyChar(c)) break;
    if (isKeyStart(c)) out.push(i);
  }
}

/** Before the `'` at `at`: the spaces, then a `(` or `,` where the match starts. */
function listStart(text: string, at: number, out: number[]): void {
  let i = at - 1;
  while (text.charCodeAt(i) === SPACE) i--;
  const c = text.charCodeAt(i);
  if (c === 0x28 || c === 0x2c) out.push(i);
}

/** Every place a keyed-value match can start, ascending, without repeats. */
export function keyPlaces(text: string): number[] {
  const out: number[] = [];
  SEPARATOR.lastIndex = 0;
  for (let m = SEPARATOR.exec(text); m; m = SEPARATOR.exec(text)) {
    const at = m.index;
    const value = at + m[0].length;
    const c = text.charCodeAt(at);
    if (c === 0x3a || c === 0x3d) keyStarts(text, at, out);
    else if (c === 0x3e && text.charCodeAt(at - 1) === 0x3d) keyStarts(text, at - 1, out);
    if (text.charCodeAt(value - 1) === APOSTROPHE) listStart(text, value - 1, out);
  }
  return out.length < 2 ? out : [...new Set(out)].sort((a, b) => a - b);
}
