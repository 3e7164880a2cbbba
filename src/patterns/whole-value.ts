/**
 * Whether a pattern's `value` group is its whole regex (`(?<value>\d{7})`), so a match's value span is the
 * match itself. Such a regex is run without the `d` flag and without the group: building match indices and
 * a groups object cost more than the matching itself for short numbers (≈ 0.6 µs of ≈ 1 µs a match).
 * Pure string scanning; any doubt (a backreference, an unbalanced parenthesis) answers no.
 */

/** Index of the parenthesis closing the group opened at `open`, or -1; skips escapes and classes. */
export function closingParen(source: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

const VALUE_GROUP = '(?<value>';
/** `\k<name>` or `\1`…`\9`: making the value group non-capturing would change what these refer to. */
const BACKREFERENCE = /\\(?:k<|[1-9])/;

/**
 * The regex body with its value group made non-capturing, when that group spans the whole body;
 * undefined otherwise (the caller then reads the value's span from match indices).
 */
export function wholeValueBody(body: string): string | undefined {
  if (!body.startsWith(VALUE_GROUP) || BACKREFERENCE.test(body)) return undefined;
  if (closingParen(body, 0) !== body.length - 1) return undefined;
  return `(?:${body.slice(VALUE_GROUP.length)}`;
}

const LOOKAROUND = /^\(\?(?:=|!|<=|<!)/;

/**
 * Whether the value group ends the body: after its closing parenthesis come only lookarounds (zero width),
 * so in every match the value ends where the match ends (`TEL(?<value>\d{10})`, `(?<value>…@…)(?!:\w)`).
 * Such a regex runs without match indices: the value's span is [match end − value length, match end).
 * Any doubt (a backreference to the value, a quantifier or alternation after it) answers no.
 */
export function valueEndsBody(body: string): boolean {
  const open = body.indexOf(VALUE_GROUP);
  if (open < 0 || body.indexOf(VALUE_GROUP, open + 1) >= 0 || /\\k<value>/.test(body)) return false;
  let at = closingParen(body, open);
  if (at < 0) return false;
  for (at++; at < body.length; at++) {
    if (!LOOKAROUND.test(body.slice(at, at + 4))) return false;
    at = closingParen(body, at);
    if (at < 0) return false;
  }
  return true;
}
