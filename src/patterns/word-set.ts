/**
 * A set of context words compiled into one case-insensitive regex (longest first), so a window is searched
 * once instead of once per word, and no text has to be lower-cased first. Words are NFKC; so is the text.
 */
export class WordSet {
  readonly words: readonly string[];
  private readonly re: RegExp | undefined;

  constructor(words: readonly string[]) {
    this.words = [...new Set(words)].sort((a, b) => b.length - a.length);
    this.re = this.words.length ? new RegExp(this.words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi') : undefined;
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
