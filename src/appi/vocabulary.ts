/**
 * The 要配慮個人情報 vocabulary (patterns/special-care.yaml) as written and compiled.
 * Input: the parsed file. Output: per category, its field labels, terms and file words, NFKC-normalised, with
 * one regex each that finds them. Never: reads files (load-vocabulary.ts does).
 */
import { SPECIAL_CARE_IDS, type SpecialCareId } from '../model.js';

export type VocabularyWord = string | { word: string; token?: boolean };

export interface VocabularyFile {
  modifiers?: string[];
  topics?: string[];
  categories: Partial<Record<SpecialCareId, { fields: VocabularyWord[]; terms: VocabularyWord[]; fileWords?: VocabularyWord[] }>>;
}

export type TriggerKind = 'field' | 'term';

export interface CompiledWord {
  category: SpecialCareId;
  kind: TriggerKind;
  word: string;
  token: boolean;
}

export interface CompiledVocabulary {
  /** Every field and term word, longest first (so 身体障害者手帳 wins over 障害者手帳 at one place). */
  words: CompiledWord[];
  /** Matches the first character of any word: the scan jumps from one candidate position to the next. */
  firsts: RegExp;
  /** Words by their first character, longest first. */
  byFirst: ReadonlyMap<string, readonly CompiledWord[]>;
  fieldWords: ReadonlyMap<string, CompiledWord>;
  /** Words that are also terms (療育手帳): a field without a value still counts as a term. */
  termWords: ReadonlyMap<string, CompiledWord>;
  /** A term followed by one of these modifies a product or service (糖尿病治療薬, 糖尿病外来), not a person. */
  modifiers: readonly string[];
  /** A term whose phrase holds one of these is a topic (障害者手帳の提示方法), not a fact about someone. */
  topics: readonly string[];
  /** Per category, words of which one must appear in the file. */
  fileWords: ReadonlyMap<SpecialCareId, readonly string[]>;
}

function wordOf(w: VocabularyWord): { word: string; token: boolean } {
  return typeof w === 'string' ? { word: w.normalize('NFKC'), token: false } : { word: w.word.normalize('NFKC'), token: w.token === true };
}

/** Escaped for a character class. */
function escape(s: string): string {
  return s.replace(/[\\\]^-]/g, '\\$&');
}

/** Compiles the file; throws an Error naming the category and field for an unknown id (the schema also says so). */
export function compileVocabulary(file: VocabularyFile): CompiledVocabulary {
  const words: CompiledWord[] = [];
  const fileWords = new Map<SpecialCareId, string[]>();
  for (const [id, entry] of Object.entries(file.categories)) {
    if (!(SPECIAL_CARE_IDS as readonly string[]).includes(id)) throw new Error(`special-care.yaml: categories.${id}: unknown category`);
    const category = id as SpecialCareId;
    if (!entry) continue;
    for (const w of entry.fields) words.push({ category, kind: 'field', ...wordOf(w) });
    for (const w of entry.terms) words.push({ category, kind: 'term', ...wordOf(w) });
    if (entry.fileWords?.length) fileWords.set(category, entry.fileWords.map((w) => wordOf(w).word));
  }
  words.sort((a, b) => b.word.length - a.word.length);
  const byFirst = new Map<string, CompiledWord[]>();
  for (const w of words) {
    // One UTF-16 unit: the scan reads candidates as single units (special-care-scan.ts).
    const first = w.word.charAt(0);
    if (first.length !== 1 || /[\uD800-\uDFFF]/.test(first)) throw new Error(`special-care.yaml: '${w.word}': must not start with a character outside the BMP`);
    byFirst.set(first, [...(byFirst.get(first) ?? []), w]);
  }
  const firsts = new RegExp(`[${[...byFirst.keys()].map(escape).join('')}]`, 'g');
  const fieldWords = new Map<string, CompiledWord>();
  const termWords = new Map<string, CompiledWord>();
  for (const w of words) {
    if (w.kind === 'field' && !fieldWords.has(w.word)) fieldWords.set(w.word, w);
    if (w.kind === 'term' && !termWords.has(w.word)) termWords.set(w.word, w);
  }
  return { words, firsts, byFirst, fieldWords, termWords, fileWords, modifiers: (file.modifiers ?? []).map((m) => m.normalize('NFKC')), topics: (file.topics ?? []).map((m) => m.normalize('NFKC')) };
}
