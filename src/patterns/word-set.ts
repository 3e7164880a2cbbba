/**
 * A set of context words compiled into one case-insensitive regex (longest first), so a window is searched
 * once instead of once per word, and no text has to be lower-cased first. Words are NFKC; so is the text.
 * A word that starts (ends) with a Latin letter matches only where no Latin letter precedes it (no
 * lower-case letter follows it): `dob` is not found in `adobe`, nor `tel` in `hotel`, but `telNo` and
 * `customer_name` still hold `tel` and `name`. Case-insensitivity is written into the pattern letter by
 * letter, so the end check can tell camelCase (`telNo`) from a longer word (`telemetry`).
 */
export class WordSet {
  readonly words: readonly string[];
  private readonly re: RegExp | undefined;

  constructor(words: readonly string[]) {
    this.words = [...new Set(words)].sort((a, b) => b.length - a.length);
    this.re = this.words.length ? new RegExp(this.words.map(wordPattern).join('|'), 'g') : undefined;
  }

  get empty(): boolean {
    return this.re === undefined;
  }

  test(text: string): boolean {
    if (!this.re) return false;
    this.re.lastIndex = 0;
    return this.re.test(text);
  }

  /** Characters between the end of the last word in `before` and the end of `before` (-1: none). */
  nearestBefore(before: string): number {
    if (!this.re) return -1;
    this.re.lastIndex = 0;
    let end = -1;
    // test() leaves lastIndex at the end of the word it found, and builds no match array (runs per candidate).
    while (this.re.test(before)) end = this.re.lastIndex;
    return end < 0 ? -1 : before.length - end;
  }

  /** Characters before the first word in `after` (-1: none). */
  nearestAfter(after: string): number {
    return this.re ? after.search(this.re) : -1;
  }

  /** The text with every word replaced by NULs of the same length. */
  blank(text: string): string {
    return this.re ? text.replace(this.re, (w) => '\u0000'.repeat(w.length)) : text;
  }
}

const LATIN = /[A-Za-z]/;

/** One word as a regex source: Latin letters as `[Tt]`, boundaries where the word begins or ends in one. */
function wordPattern(word: string): string {
  let body = '';
  for (const ch of word) {
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    if (lower !== upper && LATIN.test(ch)) body += `[${lower}${upper}]`;
    else body += ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  }
  const start = LATIN.test(word.charAt(0)) ? '(?<![A-Za-z])' : '';
  const end = LATIN.test(word.charAt(word.length - 1)) ? '(?![a-z])' : '';
  return `${start}${body}${end}`;
}
