/**
 * compile: a PatternFile (data) → a CompiledRule the detect stage runs. Pure: no I/O.
 * Regexes get the engine's boundary rule (no match starts or ends inside a run of digits or letters,
 * or right after "digit." / before ".digit" as in prices and versions) and the `{sep}` macro.
 */
import type { RuleInfo } from '../model.js';
import { CANONICAL, COSTLY_VALIDATORS, VALIDATORS } from '../validators/index.js';
import type { ValidationResult, Validator } from '../validators/types.js';
import type { CompiledRule, PatternFile } from './types.js';
import { digitShapeOf, startShapeOf } from './digit-shape.js';
import { literalAnchor, startsWithDigit } from './first-char.js';
import { valueEndsBody, wholeValueBody } from './whole-value.js';
import { WordSet } from './word-set.js';

/** An optional separator inside a number: one hyphen (every dash is '-' after normalization), dot or space. */
const SEP = '[-. ]?';
/**
 * A match that starts with a letter or digit must not continue a run of letters/digits, nor one joined by
 * a dot (3.14159265358, taro.yamada@ — never "yamada@"); one that starts with a digit never follows a dot
 * (the fraction of `-.4435068666934967` in minified code); a match that starts with anything else (〒, 東京都)
 * may follow anything. Likewise at the end.
 */
const START = '(?:(?<![0-9A-Za-z]|[0-9A-Za-z]\\.|\\.(?=[0-9]))|(?![0-9A-Za-z]))';
const END = '(?:(?![0-9A-Za-z]|\\.[0-9A-Za-z])|(?<![0-9A-Za-z]))';
/**
 * `boundary: token` (identifiers): neither is a match joined by '-' or '_' to a run of letters or digits, nor
 * next to '_' at all. A licence number is no part of a UUID (`…-a716-309012345620`) nor of
 * `token-AB12345678CD-suffix`, and `"_1000001"` is a key of a data table, not a postal code.
 */
const TOKEN_START = '(?<![0-9A-Za-z]-|_)';
const TOKEN_END = '(?!-[0-9A-Za-z]|_)';
/**
 * START (and TOKEN_START) for a regex whose every match starts with a digit (first-char.ts), as one
 * lookbehind: before a digit, `(?![0-9A-Za-z])` fails and `\.(?=[0-9])` holds, so START is "not after a
 * letter, digit or dot". Same matches (a property test compares both forms on every built-in regex); V8
 * scans it faster, because no alternation of lookarounds opens the regex.
 */
const DIGIT_START = '(?<![0-9A-Za-z.])';
const DIGIT_TOKEN_START = '(?<![0-9A-Za-z.]|[0-9A-Za-z]-|_)';
const SECURITY: Record<string, number> = { high: 8.0, medium: 5.0, low: 2.0 };

/** Expands `{sep}` and the pattern's own macros, which may use each other (at most 8 levels deep). */
export function expandRegex(source: string, macros: Readonly<Record<string, string>> = {}): string {
  let out = source;
  for (let depth = 0; depth < 8; depth++) {
    const before = out;
    for (const [name, fragment] of Object.entries(macros)) out = out.replaceAll(`{${name}}`, fragment);
    if (out === before) break;
  }
  return out.replaceAll('{sep}', SEP);
}

/** Context words are NFKC and lower-cased; they are matched case-insensitively (WordSet). */
export function contextWord(word: string): string {
  return word.normalize('NFKC').toLowerCase();
}

/** `my number` also matches the keys `my_number` and `my-number` of JSON, YAML and code. */
export function withKeyForms(words: readonly string[]): string[] {
  const out = new Set<string>();
  for (const w of words.map(contextWord)) {
    out.add(w);
    if (w.includes(' ')) {
      out.add(w.replaceAll(' ', '_'));
      out.add(w.replaceAll(' ', '-'));
      out.add(w.replaceAll(' ', ''));
    }
  }
  return [...out];
}

function canonicalValidator(kind: string | undefined): Validator {
  const canon = CANONICAL[kind ?? 'trim'] ?? CANONICAL.trim!;
  return (text): ValidationResult => {
    const value = canon(text);
    return value ? { ok: true, value } : { ok: false, reason: 'empty' };
  };
}

export function ruleInfo(p: PatternFile): RuleInfo {
  const first = p.examples.positive[0];
  return {
    id: p.id,
    nameJa: p.name.ja,
    nameEn: p.name.en,
    description: p.description,
    validates: p.validates,
    ...(p.descriptionJa ? { descriptionJa: p.descriptionJa } : {}),
    ...(p.validatesJa ? { validatesJa: p.validatesJa } : {}),
    example: first ? first.text : '',
    severity: p.severity,
    securitySeverity: p.securitySeverity ?? SECURITY[p.severity] ?? 5,
    tags: p.tags ?? ['pii'],
  };
}

/** The words a text must hold for the rule to match in it: declared, or a requireContext rule's positive words. */
function requiresOf(p: PatternFile): { requires?: WordSet } {
  const words = p.requires ?? (p.requireContext ? p.context?.positive : undefined);
  return words?.length ? { requires: new WordSet(withKeyForms(words)) } : {};
}

/**
 * A match regex's source: the body between the boundaries (`token`: the identifier boundary too).
 * `general`: always the general START, never DIGIT_START (the tests compare both).
 */
export function matchSource(body: string, token: boolean, general = false): string {
  const start = !general && startsWithDigit(body) ? (token ? DIGIT_TOKEN_START : DIGIT_START) : token ? START + TOKEN_START : START;
  return `${start}(?:${body})${token ? END + TOKEN_END : END}`;
}

/** Throws an Error naming the field when a regex does not compile or a validator is unknown. */
export function compilePattern(p: PatternFile): CompiledRule {
  const validate = p.validator ? VALIDATORS[p.validator] : canonicalValidator(p.canonical);
  if (!validate) throw new Error(`validator: unknown validator '${p.validator}' (known: ${Object.keys(VALIDATORS).join(', ')})`);
  const token = p.boundary === 'token';
  const regexes = p.match.map((m, i) => {
    const body = expandRegex(m.regex, p.macros);
    if (!body.includes('(?<value>')) throw new Error(`match[${i}].regex: needs a named group (?<value>…)`);
    try {
      const re = new RegExp(matchSource(body, token), m.ignoreCase ? 'gdiu' : 'gdu');
      const whole = wholeValueBody(body);
      const flags = m.ignoreCase ? 'giu' : 'gu';
      const anchor = literalAnchor(body, m.ignoreCase === true);
      const starts = startShapeOf(body);
      // A phone number's start shapes are found from the digit runs: each match holds digits.
      const digits = startsWithDigit(body) || (starts !== undefined && starts !== 'keyed');
      const shared = { re, bonus: m.bonus ?? 0, ...(anchor ? { anchor } : {}), ...(starts ? { starts } : {}), ...(digits ? { digits: true as const } : {}) };
      // A digit shape is read from the text's digit runs instead (detect/digit-shapes.ts); case never matters
      // to digits, but `i` would let [A-Za-z] in the boundaries match ſ and K, which the shapes do not check.
      const shape = whole && !m.ignoreCase && startsWithDigit(whole) ? digitShapeOf(whole, token) : undefined;
      if (whole) return { ...shared, ...(shape ? { shape } : {}), whole: new RegExp(matchSource(whole, token), flags) };
      return { ...shared, ...(valueEndsBody(body) ? { tail: new RegExp(re.source, flags) } : {}) };
    } catch (error) {
      throw new Error(`match[${i}].regex: ${(error as Error).message}`);
    }
  });
  let column: CompiledRule['column'];
  if (p.column) {
    const body = expandRegex(p.column.regex, p.macros);
    if (!body.includes('(?<value>')) throw new Error('column.regex: needs a named group (?<value>…)');
    try {
      const source = `^\\s*(?:${body})\\s*$`;
      // A whole-value body also ends with its value (valueEndsBody holds for it).
      const plain = valueEndsBody(body) ? { plain: new RegExp(source, 'u'), valueStarts: wholeValueBody(body) !== undefined } : {};
      column = { re: new RegExp(source, 'du'), ...plain, validatorOptions: { ...p.validatorOptions, ...p.column.validatorOptions } };
    } catch (error) {
      throw new Error(`column.regex: ${(error as Error).message}`);
    }
  }
  const positive = new WordSet(withKeyForms(p.context?.positive ?? []));
  return {
    id: p.id,
    info: ruleInfo(p),
    severity: p.severity,
    regexes,
    validate,
    validateFirst: p.validator === undefined || !COSTLY_VALIDATORS.has(p.validator),
    validatorOptions: p.validatorOptions ?? {},
    base: p.score.base,
    contextWeight: p.score.context ?? 0.3,
    negativeWeight: p.score.negative ?? -0.4,
    requireContext: p.requireContext ?? false,
    before: p.window?.before ?? 30,
    after: p.window?.after ?? 10,
    positive,
    negative: new WordSet(withKeyForms(p.context?.negative ?? [])),
    headers: new WordSet(withKeyForms(p.context?.headers ?? p.context?.positive ?? [])),
    veto: new WordSet(withKeyForms(p.context?.veto ?? [])),
    ...requiresOf(p),
    column,
    examples: p.examples,
  };
}
