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
  /** Words that count only where written as the name of a field (`keyPattern`): `tel=`, `"name":`. */
  readonly keys: readonly string[];
  /**
   * Literal text every match of this set starts with (Latin letters in either case): its words, its keys, and
   * `insert` when an SQL column list counts. required-words.ts finds them all in one pass, then asks testAt.
   */
  readonly starts: readonly string[];
  /**
   * The pattern, its regexes made on first use: a rule set holds some 80 sets (context, negative, header, veto
   * and required words of every rule, key vocabularies) and each thread made all 160 regexes at start-up,
   * ≈ 100 KB of pattern source parsed, though a scan of a few files asks for a fraction of them.
   */
  private source: string | undefined;
  private global: RegExp | undefined;
  private sticky: RegExp | undefined;

  constructor(words: readonly string[], keys: readonly string[] = []) {
    this.words = [...new Set(words)].sort((a, b) => b.length - a.length);
    const plain = new Set(this.words);
    this.keys = [...new Set(keys)].filter((k) => !plain.has(k)).sort((a, b) => b.length - a.length);
    this.starts = [...this.words, ...this.keys, ...(this.keys.length ? ['insert'] : [])];
  }

  get empty(): boolean {
    return this.words.length === 0 && this.keys.length === 0;
  }

  /** The set as one regex source: longest words first, then its keys and the SQL column list. */
  private pattern(): string {
    if (this.source === undefined) {
      const sources = [...this.words.map(wordPattern), ...this.keys.map(keyPattern)];
      if (this.keys.length) sources.push(SQL_COLUMNS);
      this.source = sources.join('|');
    }
    return this.source;
  }

  /** The global regex, or undefined for an empty set. */
  private get re(): RegExp | undefined {
    if (this.empty) return undefined;
    return (this.global ??= new RegExp(this.pattern(), 'g'));
  }

  test(text: string): boolean {
    const re = this.re;
    if (!re) return false;
    re.lastIndex = 0;
    return re.test(text);
  }

  /** Whether a word of the set matches starting at `at` (test() is true exactly when it does at some place). */
  testAt(text: string, at: number): boolean {
    if (this.empty) return false;
    const sticky = (this.sticky ??= new RegExp(this.pattern(), 'y'));
    sticky.lastIndex = at;
    return sticky.test(text);
  }

  /** Characters between the end of the last word in `before` and the end of `before` (-1: none). */
  nearestBefore(before: string): number {
    const re = this.re;
    if (!re) return -1;
    re.lastIndex = 0;
    let end = -1;
    // test() leaves lastIndex at the end of the word it found, and builds no match array (runs per candidate).
    while (re.test(before)) end = re.lastIndex;
    return end < 0 ? -1 : before.length - end;
  }

  /** Characters before the first word in `after` (-1: none). */
  nearestAfter(after: string): number {
    const re = this.re;
    return re ? after.search(re) : -1;
  }

  /** The text with every word replaced by NULs of the same length. */
  blank(text: string): string {
    const re = this.re;
    return re ? text.replace(re, (w) => '\u0000'.repeat(w.length)) : text;
  }
}

const LATIN = /[A-Za-z]/;

/**
 * What follows a field name written as a key (score/key-context.ts reads the same shapes): the rest of the key
 * (`tel_no`, `TelNo`), an optional closing quote, then `:`, `=`, `=>` (`"tel": `, `tel=`, `TEL = `), or the end
 * of an XML start tag (`<tel>`, `<tel type="home">`).
 */
const KEY_END = `[\\w.\\-]{0,40}(?:["']?[ \\t]*(?:=>|[:=])|(?<=<[\\w.:\\-]{0,40})(?:[ \\t][^<>\\n]{0,80})?>)`;
/** `INSERT INTO t (name, tel) VALUES …`: the column list names the values (key-context.ts sqlColumn). */
const SQL_COLUMNS = '[Ii][Nn][Ss][Ee][Rr][Tt][ \\t\\n]+[Ii][Nn][Tt][Oo]';

/**
 * A field name as a key: the word where a key may start (after a non-letter, or as the upper-case start of a
 * camelCase part: `customerTelNo`), followed by key syntax (KEY_END). A key name in prose (`the name of`,
 * `mail me`) is not a key, so a rule that a key enables is not run on every code file that says "name".
 * The start is checked by a look-behind after the first letter, not before it: an alternative that opens
 * with an assertion keeps V8 from skipping ahead to its first letter (60× slower on a 5 MB file).
 */
function keyPattern(word: string): string {
  // The word's own end check stays (`namespace:` is no `name` key).
  const body = wordPattern(word).replace(/^\(\?<!\[A-Za-z\]\)/, '');
  const first = /^\[[a-z][A-Z]\]/.exec(body)?.[0];
  if (first === undefined) return `${body}${KEY_END}`;
  // Rejected: after an upper-case letter, or a lower-case letter after a lower-case one (`hotel`).
  return `${first}(?<![A-Z]${first}|[a-z][a-z])${body.slice(first.length)}${KEY_END}`;
}

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
