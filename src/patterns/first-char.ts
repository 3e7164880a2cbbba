/**
 * Whether every match of a regex body starts with an ASCII digit (`\d{7}`, `(?:18|19|20)\d{2}年…`), so the
 * engine's start boundary can be written as one lookbehind (compile.ts DIGIT_START). V8 scans such a regex
 * a quarter to a third faster than one that opens with the general boundary's alternation of lookarounds.
 * Pure string scanning, conservative: any syntax it does not know (a backreference, an escape that could
 * stand for a digit such as `\x31`, a modifier group) answers no, which only keeps the general boundary.
 */
import { closingParen } from './whole-value.js';

/** What the first character of a match of a piece may be, and whether the piece may match nothing. */
interface First {
  digit: boolean;
  other: boolean;
  empty: boolean;
}

class Unknown extends Error {}

const NOTHING: First = { digit: false, other: false, empty: true };
const DIGIT: First = { digit: true, other: false, empty: false };
const OTHER: First = { digit: false, other: true, empty: false };
const ANY: First = { digit: true, other: true, empty: false };

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

class Scanner {
  i = 0;
  constructor(private readonly s: string) {}

  /** alternative ('|' alternative)*, up to an unmatched ')' or the end. */
  alternation(): First {
    let out = this.sequence();
    while (this.s[this.i] === '|') {
      this.i++;
      const next = this.sequence();
      out = { digit: out.digit || next.digit, other: out.other || next.other, empty: out.empty || next.empty };
    }
    return out;
  }

  private sequence(): First {
    let out: First = NOTHING;
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      const atom = this.quantified();
      // Only while everything before may match nothing does the atom's first character start the match.
      if (out.empty) out = { digit: out.digit || atom.digit, other: out.other || atom.other, empty: atom.empty };
    }
    return out;
  }

  private quantified(): First {
    const atom = this.atom();
    const q = this.s[this.i];
    let optional = false;
    if (q === '?' || q === '*') {
      optional = true;
      this.i++;
    } else if (q === '+') this.i++;
    else if (q === '{') {
      const m = /^\{(\d+)(?:,(\d*))?\}/.exec(this.s.slice(this.i));
      if (!m) throw new Unknown();
      optional = Number(m[1]) === 0;
      this.i += m[0].length;
    }
    if (q === '?' || q === '*' || q === '+' || q === '{') if (this.s[this.i] === '?') this.i++; // lazy
    return optional ? { ...atom, empty: true } : atom;
  }

  private atom(): First {
    const c = this.s[this.i];
    if (c === '(') return this.group();
    if (c === '[') return this.charClass();
    if (c === '\\') return this.escape();
    this.i++;
    if (c === '^' || c === '$') return NOTHING;
    if (c === '.') return ANY;
    return isDigit(c) ? DIGIT : OTHER;
  }

  private group(): First {
    const rest = this.s.slice(this.i);
    const open = /^\((?:\?(?:=|!|<=|<!)|\?:|\?<[A-Za-z_$][\w$]*>|(?!\?))/.exec(rest);
    if (!open) throw new Unknown(); // a modifier group or other syntax this scanner does not know
    this.i += open[0].length;
    const inner = this.alternation();
    if (this.s[this.i] !== ')') throw new Unknown();
    this.i++;
    // A lookaround consumes nothing: what follows it gives the first character.
    return /^\(\?(?:=|!|<=|<!)/.test(open[0]) ? NOTHING : inner;
  }

  /** `[…]`: digits only when every member is a digit, a range of digits or `\d`. */
  private charClass(): First {
    this.i++;
    const negated = this.s[this.i] === '^';
    if (negated) this.i++;
    let digit = false;
    let other = false;
    for (let first = true; ; first = false) {
      const c = this.s[this.i];
      if (c === undefined) throw new Unknown();
      if (c === ']' && !first) break;
      if (c === ']') throw new Unknown(); // `[]` and `[^]`
      if (c === '\\') {
        const e = this.s[this.i + 1];
        this.i += 2;
        if (e === 'd') digit = true;
        else if (e !== undefined && /[-.\\\]^[(){}|/*+?$ ]/.test(e)) other = true;
        else throw new Unknown(); // \w, \p{…}, \x31, \u0031…: may or may not be digits
        continue;
      }
      this.i++;
      if (this.s[this.i] === '-' && this.s[this.i + 1] !== ']' && this.s[this.i + 1] !== undefined) {
        const to = this.s[this.i + 1];
        if (to === '\\') throw new Unknown();
        this.i += 2;
        if (isDigit(c) && isDigit(to)) digit = true;
        else if (!isDigit(c) && !isDigit(to) && (c as string) > '9' === (to as string) > '9') other = true; // a range that skips 0-9
        else throw new Unknown();
        continue;
      }
      if (isDigit(c)) digit = true;
      else other = true;
    }
    this.i++;
    return negated ? ANY : { digit, other, empty: false };
  }

  private escape(): First {
    const e = this.s[this.i + 1];
    this.i += 2;
    if (e === 'd') return DIGIT;
    if (e === 'b' || e === 'B') return NOTHING;
    // Punctuation, white space and control escapes never stand for a digit.
    if (e !== undefined && /[-.\\\]^[(){}|/*+?$ tnrfv]/.test(e)) return OTHER;
    throw new Unknown(); // \w, \D, \p{…}, \x31, \u0031, \k<…>, \1…: not worth the risk
  }
}

/** True when every match of `body` starts with a character 0–9 (and no match is empty). */
export function startsWithDigit(body: string): boolean {
  try {
    const scanner = new Scanner(body);
    const first = scanner.alternation();
    if (scanner.i !== body.length) return false; // an unmatched ')'
    return first.digit && !first.other && !first.empty;
  } catch (error) {
    if (error instanceof Unknown) return false;
    throw error;
  }
}

/**
 * A character every match holds within its first `within + 1` characters (the `@` of an e-mail address after at
 * most 64 characters of local part, the 〒 that opens a postal code): a scan for matches from `from` may then
 * start at `indexOf(char, from) - within`, as no match starts before (detect.ts). An e-mail regex tried at
 * every letter of a text reads up to 64 characters ahead each time; with the anchor it runs only near an `@`.
 */
export interface LiteralAnchor {
  char: string;
  within: number;
  /**
   * Set when everything before the anchor is one character class that the anchor is not in (the e-mail's
   * local part, `[A-Za-z0-9._%+-]{1,64}`): per UTF-16 unit, 1 when the class holds it. A match then starts
   * inside the run of such units just before the anchor, so the scan starts there, not `within` back.
   */
  before?: Uint8Array;
}

/**
 * What a class written in ASCII can match beyond ASCII: the white space of `\s`, and under `iu` the two
 * characters that case-fold to ASCII letters (ſ to s, the Kelvin sign to k).
 */
const NON_ASCII_REACH = '\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\u017f\u212a';

/**
 * The units a bracket class matches (flags: the regex's `i`), read from one test per ASCII unit and per
 * NON_ASCII_REACH unit: exact for a class written in ASCII without `^`, `\p`, `\u`, `\x` or a negated escape
 * (`\W`, `\S`, `\D`), which matches nothing else (a test compares it with every BMP unit).
 */
export function classUnits(cls: string, ignoreCase: boolean): Uint8Array | undefined {
  if (!/^\[[\x20-\x7e]*\]$/.test(cls) || cls.startsWith('[^') || /\\[pPuxWSD]/.test(cls)) return undefined;
  const re = new RegExp(`^${cls}$`, ignoreCase ? 'iu' : 'u');
  const units = new Uint8Array(0x10000);
  for (let u = 0; u < 0x80; u++) units[u] = re.test(String.fromCharCode(u)) ? 1 : 0;
  for (const c of NON_ASCII_REACH) units[c.charCodeAt(0)] = re.test(c) ? 1 : 0;
  return units;
}

/** Whether `source` between `from` and `to` has a `|` outside every group and class opened there. */
export function hasTopLevelBar(source: string, from = 0, to = source.length): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = from; i < to; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

/** The quantifier at `i`: its maximum repeat (Infinity when unbounded), its length in the source. */
function quantifierAt(source: string, i: number): { max: number; length: number } {
  const c = source[i];
  let max = 1;
  let length = 0;
  if (c === '?') [max, length] = [1, 1];
  else if (c === '*' || c === '+') [max, length] = [Infinity, 1];
  else if (c === '{') {
    const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(source.slice(i));
    if (!m) return { max: Infinity, length: 0 };
    max = m[2] === undefined ? Number(m[1]) : m[3] ? Number(m[3]) : Infinity;
    length = m[0].length;
  }
  if (length > 0 && source[i + length] === '?') length++;
  return { max, length };
}

/**
 * The anchor of a regex body: walks the atoms every match starts with, adding up their longest lengths, to
 * the first unquantified literal character that is neither a letter nor a digit (so case never matters).
 * Conservative: an alternative, an unbounded repeat, a quantified group, a backreference or an escape it
 * does not know before the anchor answers undefined.
 */
function anchorOf(char: string, within: number, only: string | undefined, ignoreCase: boolean): LiteralAnchor {
  const before = only ? classUnits(only, ignoreCase) : undefined;
  return before && before[char.charCodeAt(0)] === 0 ? { char, within, before } : { char, within };
}

export function literalAnchor(body: string, ignoreCase = false): LiteralAnchor | undefined {
  let within = 0;
  /** The source of the one class every atom so far was ('' before the first, undefined once they differ). */
  let only: string | undefined = '';
  for (let i = 0; i < body.length; ) {
    const c = body[i] as string;
    let next: number;
    let width: number;
    if (c === '(') {
      const close = closingParen(body, i);
      if (close < 0 || quantifierAt(body, close + 1).length > 0) return undefined;
      if (/^\(\?(?:=|!|<=|<!)/.test(body.slice(i))) {
        i = close + 1; // zero width
        continue;
      }
      const open = /^\((?:\?:|\?<[A-Za-z_$][\w$]*>|(?!\?))/.exec(body.slice(i));
      if (!open || hasTopLevelBar(body, i + 1, close)) return undefined;
      i += open[0].length; // the group's atoms are read in sequence; its ')' is skipped below
      continue;
    } else if (c === ')') {
      i++;
      continue;
    } else if (c === '|') return undefined;
    else if (c === '^' || c === '$') {
      i++;
      continue;
    } else if (c === '[') {
      let j = i + 1;
      if (body[j] === '^') j++;
      for (; j < body.length && body[j] !== ']'; j++) if (body[j] === '\\') j++;
      if (j >= body.length) return undefined;
      next = j + 1;
      width = 1;
      const cls = body.slice(i, next);
      only = only === '' || only === cls ? cls : undefined;
    } else if (c === '\\') {
      const e = body[i + 1];
      if (e === 'b' || e === 'B') {
        i += 2;
        continue;
      }
      if (e === 'p' || e === 'P') {
        const m = /^\\[pP]\{[^}]*\}/.exec(body.slice(i));
        if (!m) return undefined;
        next = i + m[0].length;
      } else if (e !== undefined && /[dDwWsS.\-\\[\](){}|^$*+?/ tnrfv]/.test(e)) next = i + 2;
      else return undefined; // \k<…>, \1, \x…, \u…, \c…: not worth the risk
      width = 1;
      only = undefined;
    } else {
      const q = quantifierAt(body, i + 1);
      const code = c.charCodeAt(0);
      if (q.length === 0 && !'.*+?{}'.includes(c) && !(code >= 0xd800 && code <= 0xdfff) && !/[\p{L}\p{N}]/u.test(c)) return anchorOf(c, within, only, ignoreCase);
      next = i + 1;
      width = 1;
      only = undefined;
    }
    const q = quantifierAt(body, next);
    if (q.max === Infinity) return undefined;
    within += width * q.max;
    i = next + q.length;
  }
  return undefined;
}
