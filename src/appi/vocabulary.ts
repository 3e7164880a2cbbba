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
  /** The words that can start at a place, by its first two code units (wordsAt). */
  starts: WordStarts;
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

const PAIR_BITS = 1 << 20;

/** A bit for two UTF-16 units (NaN past the end of a text hashes like any other unit). */
function pairBit(a: number, b: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ b) & (PAIR_BITS - 1);
}

/**
 * Words by their first two UTF-16 units, longest first, so the scan looks up only the words that can start at
 * a place. A first-unit table skips the rest of the text at one array read per unit: the common kanji that
 * start a word (会, 人, 前) are one unit in 30 of Japanese text, the first two units of a word one in 1,000.
 */
export class WordStarts {
  /** Per first unit: 0 no word starts with it, 1 only words of two units or more, 2 a one-unit word too. */
  private readonly first = new Uint8Array(0x10000);
  /**
   * One bit per hash of a word's first two units: a Japanese text meets a word's first unit every 30
   * characters and its first two units every 1,000, so the scan asks at() only where the bit is set
   * (a collision only costs that look-up).
   */
  private readonly pairBits = new Int32Array(PAIR_BITS >>> 5);
  /** Per first unit: words by their second unit (one-unit words in every list), and the one-unit words. */
  private readonly bySecond = new Map<number, { pairs: Map<number, CompiledWord[]>; singles: CompiledWord[] }>();

  /** `words` longest first: each list keeps that order. */
  constructor(words: readonly CompiledWord[]) {
    for (const w of words) {
      const a = w.word.charCodeAt(0);
      this.first[a] = w.word.length === 1 ? 2 : Math.max(this.first[a] ?? 0, 1);
      if (w.word.length > 1) {
        const bit = pairBit(a, w.word.charCodeAt(1));
        this.pairBits[bit >>> 5] = (this.pairBits[bit >>> 5] ?? 0) | (1 << (bit & 31));
      }
      let entry = this.bySecond.get(a);
      if (!entry) this.bySecond.set(a, (entry = { pairs: new Map(), singles: [] }));
      if (w.word.length === 1) {
        entry.singles.push(w);
        for (const list of entry.pairs.values()) list.push(w);
        continue;
      }
      const b = w.word.charCodeAt(1);
      let list = entry.pairs.get(b);
      if (!list) entry.pairs.set(b, (list = [...entry.singles]));
      list.push(w);
    }
  }

  /** Whether some word starts with this unit. */
  startsWith(unit: number): boolean {
    return this.first[unit] !== 0;
  }

  /** False only where at() finds no word: cheap enough to ask at every unit of a text. */
  mayStartAt(text: string, start: number): boolean {
    const a = text.charCodeAt(start);
    const kind = this.first[a];
    if (kind !== 1) return kind === 2;
    const bit = pairBit(a, text.charCodeAt(start + 1));
    return ((this.pairBits[bit >>> 5] as number) & (1 << (bit & 31))) !== 0;
  }

  /**
   * The first place at or after `from` where mayStartAt is true, else text.length: the same places, with the
   * tables in locals (a call per unit of every text was most of the scan's time, ahead of its NFKC).
   */
  nextAt(text: string, from: number): number {
    const { first, pairBits } = this;
    for (let at = from; at < text.length; at++) {
      const a = text.charCodeAt(at);
      const kind = first[a];
      if (kind === 0) continue;
      if (kind !== 1) return at;
      const bit = pairBit(a, text.charCodeAt(at + 1));
      if (((pairBits[bit >>> 5] as number) & (1 << (bit & 31))) !== 0) return at;
    }
    return text.length;
  }

  /** The words, longest first, whose first two units (one for a one-unit word) are text's at `start`. */
  at(text: string, start: number): readonly CompiledWord[] | undefined {
    const entry = this.bySecond.get(text.charCodeAt(start));
    if (!entry) return undefined;
    return entry.pairs.get(text.charCodeAt(start + 1)) ?? (entry.singles.length ? entry.singles : undefined);
  }
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
  for (const w of words) {
    // One UTF-16 unit: the scan reads candidates as single units (special-care-scan.ts).
    const first = w.word.charAt(0);
    if (first.length !== 1 || /[\uD800-\uDFFF]/.test(first)) throw new Error(`special-care.yaml: '${w.word}': must not start with a character outside the BMP`);
  }
  const fieldWords = new Map<string, CompiledWord>();
  const termWords = new Map<string, CompiledWord>();
  for (const w of words) {
    if (w.kind === 'field' && !fieldWords.has(w.word)) fieldWords.set(w.word, w);
    if (w.kind === 'term' && !termWords.has(w.word)) termWords.set(w.word, w);
  }
  return { words, starts: new WordStarts(words), fieldWords, termWords, fileWords, modifiers: (file.modifiers ?? []).map((m) => m.normalize('NFKC')), topics: (file.topics ?? []).map((m) => m.normalize('NFKC')) };
}
