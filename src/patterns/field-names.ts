/**
 * Field names (patterns/field-names.yaml): how tables, forms and structured text name their fields.
 * Input: the vocabulary data. Output: `KeyVocabulary` (does a key like `customerTelNo` name `tel`, by whole
 * tokens) and `isFieldName` (is a cell a field name at all: it names a PII type or is a generic header word).
 * Pure apart from loading the data once; never looks at values.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { withKeyForms } from './compile.js';
import type { CompiledRule } from './types.js';
import { WordSet } from './word-set.js';

export interface FieldNamesFile {
  types?: Record<string, { keys?: string[]; notKeys?: string[] }>;
  generic?: string[];
}

/**
 * Tokens of a key: NFKC, camelCase and letter/digit changes split, every non-alphanumeric a break, lower-cased.
 * `customerTelNo` → customer tel no; `addr_1` → addr 1; `電話番号` → (no Latin tokens).
 */
export function keyTokens(key: string): string[] {
  return key
    .normalize('NFKC')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** A list of multi-token names; a key is named when one of them occurs as consecutive whole tokens of it. */
export class KeyVocabulary {
  private readonly entries: string[][];

  constructor(names: readonly string[]) {
    const seen = new Set<string>();
    this.entries = [];
    for (const name of names) {
      const tokens = keyTokens(name);
      for (const form of tokens.length > 1 ? [tokens, [tokens.join('')]] : [tokens]) {
        const id = form.join(' ');
        if (form.length && !seen.has(id)) {
          seen.add(id);
          this.entries.push(form);
        }
      }
    }
  }

  get empty(): boolean {
    return this.entries.length === 0;
  }

  /** Whether every entry has a token with a letter: then tokens that are all digits hold none. */
  get lettered(): boolean {
    return this.entries.every((e) => e.some((token) => /[a-z]/.test(token)));
  }

  /** Length in tokens of the longest entry found in `tokens` (0: none). */
  longest(tokens: readonly string[]): number {
    let best = 0;
    for (const e of this.entries) {
      if (e.length <= best) continue;
      for (let i = 0; i + e.length <= tokens.length; i++) {
        if (startsAt(e, tokens, i)) {
          best = e.length;
          break;
        }
      }
    }
    return best;
  }
}

/** Whether `tokens` holds `entry` from index `i` (a loop: every() made a closure per entry and place). */
function startsAt(entry: readonly string[], tokens: readonly string[], i: number): boolean {
  for (let k = 0; k < entry.length; k++) if (tokens[i + k] !== entry[k]) return false;
  return true;
}

/** Does the key name the rule: a key entry longer than any notKey entry it also holds (`user_name` is not). */
export function keyNames(rule: Pick<CompiledRule, 'keys' | 'notKeys'>, tokens: readonly string[]): boolean {
  if (!rule.keys || tokens.length === 0) return false;
  const yes = rule.keys.longest(tokens);
  return yes > 0 && yes > (rule.notKeys?.longest(tokens) ?? 0);
}

const FILE = 'field-names.yaml';

/** The vocabulary, from dist/builtin-patterns.json when built, else the YAML. */
export function readFieldNames(patternsDir: string, compiled: FieldNamesFile | undefined): FieldNamesFile {
  if (compiled) return compiled;
  const { parse } = createRequire(import.meta.url)('yaml') as { parse: (s: string) => unknown };
  return (parse(readFileSync(join(patternsDir, FILE), 'utf8')) ?? {}) as FieldNamesFile;
}

/** Adds each type's key vocabulary to its compiled rule (same id). */
export function attachKeys(rules: readonly CompiledRule[], names: FieldNamesFile): void {
  for (const rule of rules) {
    const entry = names.types?.[rule.id];
    if (!entry) continue;
    rule.keys = new KeyVocabulary(entry.keys ?? []);
    rule.notKeys = new KeyVocabulary(entry.notKeys ?? []);
    if (rule.requires) rule.requires = requiresWithKeys(rule, entry.keys ?? []);
  }
}

/**
 * A text holding only a key (`"seinengappi": …`) can hold a match of a rule that context enables
 * (requireContext) or that names its keys among its required words (person-name: `name`, `kana`): the
 * shortcut must not skip it. Key names count there only where written as keys (`tel=`, `"name":`, `<tel>`,
 * an SQL column list), not in prose or code that merely says "name"; the rule's context words stay words.
 * Rules whose regexes need a literal of their own (`@`, a prefecture) gain nothing from keys.
 */
function requiresWithKeys(rule: CompiledRule, names: readonly string[]): WordSet | undefined {
  const keys = new Set(withKeyForms(names));
  const declared = rule.requires?.words ?? [];
  if (!rule.requireContext && !declared.some((w) => keys.has(w))) return rule.requires;
  const positive = new Set(rule.positive.words);
  const plain = declared.filter((w) => !keys.has(w) || positive.has(w));
  return new WordSet(plain, [...keys]);
}

const MAX_FIELD_NAME = 24;

/**
 * A cell that reads as a field name: short, no long digit run, no `@`, and either naming a PII type (its
 * headers or keys) or holding a generic header word. Shape alone is not enough: a name column looks like
 * labels too.
 */
export function fieldNameTest(rules: readonly CompiledRule[], names: FieldNamesFile): (text: string) => boolean {
  const genericJa = (names.generic ?? []).filter((w) => !/^[\x20-\x7e]+$/.test(w)).map((w) => w.normalize('NFKC'));
  const genericKeys = new KeyVocabulary((names.generic ?? []).filter((w) => /^[\x20-\x7e]+$/.test(w)));
  const lettered = genericKeys.lettered && rules.every((r) => r.keys?.lettered ?? true);
  const vocabulary: Vocabulary = { rules, genericJa, genericKeys, initials: lettered ? headerInitials(rules) : undefined };
  const memo = new Map<string, boolean>();
  return (text) => {
    let known = memo.get(text);
    if (known === undefined) {
      if (memo.size > 5000) memo.clear();
      memo.set(text, (known = isFieldName(text, vocabulary)));
    }
    return known;
  };
}

interface Vocabulary {
  rules: readonly CompiledRule[];
  genericJa: readonly string[];
  genericKeys: KeyVocabulary;
  /** headerInitials(rules); undefined when a key vocabulary has an entry of digits only (no shortcut then). */
  initials: ReadonlySet<number> | undefined;
}

/**
 * The first code unit of every text a rule's header words can match (its words, keys and the SQL column list:
 * WordSet.starts), in both cases: a header word found in a text puts its first character there.
 */
function headerInitials(rules: readonly CompiledRule[]): Set<number> {
  const initials = new Set<number>();
  for (const r of rules) {
    for (const start of r.headers.starts) for (const form of [start, start.toLowerCase(), start.toUpperCase()]) if (form) initials.add(form.charCodeAt(0));
  }
  return initials;
}

function hasInitial(t: string, initials: ReadonlySet<number>): boolean {
  for (let i = 0; i < t.length; i++) if (initials.has(t.charCodeAt(i))) return true;
  return false;
}

function isFieldName(text: string, v: Vocabulary): boolean {
  const t = text.normalize('NFKC').trim();
  if (!t || t.length > MAX_FIELD_NAME || /\d{3}|@/.test(t)) return false;
  const { rules, genericJa, genericKeys } = v;
  const edge = (w: string): boolean => t.endsWith(w) || t.startsWith(w);
  // Without a Latin letter a text's key tokens are digits, which no key entry is made of (v.initials says so);
  // without a header word's first character it holds no header word. Such a text (a name, an address) is a
  // field name only by a generic word, and only without digits: what the full test below would say. (İ is
  // the one character outside A–Z that NFKC keeps and lower-cases to a Latin letter: i and a dot.)
  if (v.initials && !/[A-Za-z\u0130]/.test(t) && !hasInitial(t, v.initials)) return !/[0-9]/.test(t) && genericJa.some(edge);
  const tokens = keyTokens(t);
  // Generic words (名, 日, 番号) also end values (昭和55年4月1日): only a text without digits is taken for them.
  if (!/[0-9]/.test(t) && (genericKeys.longest(tokens) > 0 || genericJa.some(edge))) return true;
  return rules.some((r) => (r.headers.test(t) && !r.negative.test(t)) || keyNames(r, tokens));
}
