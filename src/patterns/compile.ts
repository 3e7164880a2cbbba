/**
 * compile: a PatternFile (data) → a CompiledRule the detect stage runs. Pure: no I/O.
 * Regexes get the engine's boundary rule (no match starts or ends inside a run of digits or letters,
 * or right after "digit." / before ".digit" as in prices and versions) and the `{sep}` macro.
 */
import type { RuleInfo } from '../model.js';
import { CANONICAL, VALIDATORS } from '../validators/index.js';
import type { ValidationResult, Validator } from '../validators/types.js';
import type { CompiledRule, PatternFile } from './types.js';

/** An optional separator inside a number: one hyphen (every dash is '-' after normalization), dot or space. */
const SEP = '[-. ]?';
const START = '(?<![0-9A-Za-z]|[0-9][.,])';
const END = '(?![0-9A-Za-z]|[.,][0-9])';
const SECURITY: Record<string, number> = { high: 8.0, medium: 5.0, low: 2.0 };

export function expandRegex(source: string): string {
  return source.replaceAll('{sep}', SEP);
}

/** Context words are compared against NFKC, lower-cased text. */
export function contextWord(word: string): string {
  return word.normalize('NFKC').toLowerCase();
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
    example: first ? first.text : '',
    severity: p.severity,
    securitySeverity: p.securitySeverity ?? SECURITY[p.severity] ?? 5,
    tags: p.tags ?? ['pii'],
  };
}

/** Throws an Error naming the field when a regex does not compile or a validator is unknown. */
export function compilePattern(p: PatternFile): CompiledRule {
  const validate = p.validator ? VALIDATORS[p.validator] : canonicalValidator(p.canonical);
  if (!validate) throw new Error(`validator: unknown validator '${p.validator}' (known: ${Object.keys(VALIDATORS).join(', ')})`);
  const regexes = p.match.map((m, i) => {
    const body = expandRegex(m.regex);
    if (!body.includes('(?<value>')) throw new Error(`match[${i}].regex: needs a named group (?<value>…)`);
    try {
      return { re: new RegExp(`${START}(?:${body})${END}`, m.ignoreCase ? 'gdiu' : 'gdu'), bonus: m.bonus ?? 0 };
    } catch (error) {
      throw new Error(`match[${i}].regex: ${(error as Error).message}`);
    }
  });
  let column: CompiledRule['column'];
  if (p.column) {
    const body = expandRegex(p.column.regex);
    if (!body.includes('(?<value>')) throw new Error('column.regex: needs a named group (?<value>…)');
    try {
      column = { re: new RegExp(`^\\s*(?:${body})\\s*$`, 'du'), validatorOptions: { ...p.validatorOptions, ...p.column.validatorOptions } };
    } catch (error) {
      throw new Error(`column.regex: ${(error as Error).message}`);
    }
  }
  const positive = (p.context?.positive ?? []).map(contextWord);
  return {
    id: p.id,
    info: ruleInfo(p),
    severity: p.severity,
    regexes,
    validate,
    validatorOptions: p.validatorOptions ?? {},
    base: p.score.base,
    contextWeight: p.score.context ?? 0.3,
    negativeWeight: p.score.negative ?? -0.4,
    requireContext: p.requireContext ?? false,
    before: p.window?.before ?? 30,
    after: p.window?.after ?? 10,
    positive,
    negative: (p.context?.negative ?? []).map(contextWord),
    headers: (p.context?.headers ?? p.context?.positive ?? []).map(contextWord),
    column,
    examples: p.examples,
  };
}
