/** A pattern file as written (patterns/schema.json), and the compiled form the detect stage runs. */
import type { Level, RuleInfo } from '../model.js';
import type { Validator } from '../validators/types.js';
import type { KeyVocabulary } from './field-names.js';
import type { DigitShape, StartShape } from './digit-shape.js';
import type { LiteralAnchor } from './first-char.js';
import type { WordSet } from './word-set.js';

export interface PatternExample {
  text: string;
  value?: string;
  header?: string;
  why?: string;
}

export interface PatternFile {
  id: string;
  name: { ja: string; en: string };
  description: string;
  validates: string;
  descriptionJa?: string;
  validatesJa?: string;
  severity: Level;
  securitySeverity?: number;
  tags?: string[];
  macros?: Record<string, string>;
  match: { regex: string; bonus?: number; ignoreCase?: boolean }[];
  validator?: string;
  validatorOptions?: Record<string, unknown>;
  canonical?: 'digits' | 'lower' | 'trim' | 'nospace' | 'upper';
  score: { base: number; context?: number; negative?: number };
  requires?: string[];
  requireContext?: boolean;
  boundary?: 'word' | 'token';
  window?: { before?: number; after?: number };
  context?: { positive?: string[]; negative?: string[]; headers?: string[]; veto?: string[] };
  column?: { regex: string; validatorOptions?: Record<string, unknown> };
  examples: { positive: PatternExample[]; negative: PatternExample[] };
}

export interface CompiledRule {
  id: string;
  info: RuleInfo;
  severity: Level;
  /**
   * `whole`: the same regex without match indices or value group, when the value is the whole match.
   * `tail`: the same regex without match indices, when the value ends the match (patterns/whole-value.ts).
   * `digits`: every match holds an ASCII digit (it starts with one, or it is a phone number's start shape), so a
   * text without one is not scanned with it.
   */
  regexes: { re: RegExp; bonus: number; whole?: RegExp; tail?: RegExp; anchor?: LiteralAnchor; shape?: DigitShape; starts?: StartShape; digits?: true }[];
  validate: Validator;
  /** The validator is cheaper than the context look-up that gates it: run it first (validators/index.ts). */
  validateFirst: boolean;
  validatorOptions: Readonly<Record<string, unknown>>;
  base: number;
  contextWeight: number;
  negativeWeight: number;
  requireContext: boolean;
  before: number;
  after: number;
  /** Lower-cased, NFKC context words. */
  positive: WordSet;
  negative: WordSet;
  headers: WordSet;
  veto: WordSet;
  /** Latin-letter field names (patterns/field-names.yaml), matched by whole tokens of a key or header. */
  keys?: KeyVocabulary;
  notKeys?: KeyVocabulary;
  /** A text holding none of these cannot hold a match (undefined: no such shortcut). */
  requires?: WordSet;
  /**
   * A cell's whole-cell match. `plain`: `re` without match indices, set when the value ends the body or is
   * all of it (`valueStarts`); the value's span is then found from its text and the cell's blanks (detect.ts).
   */
  column?: { re: RegExp; plain?: RegExp; valueStarts?: boolean; validatorOptions: Readonly<Record<string, unknown>> };
  examples: PatternFile['examples'];
}

export interface LabelWord {
  word: string;
  token?: boolean;
}
