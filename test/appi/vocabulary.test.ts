import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { readVocabularyFile } from '../../src/appi/load-vocabulary.js';
import { compileVocabulary, WordStarts, type CompiledWord } from '../../src/appi/vocabulary.js';
import { SPECIAL_CARE_IDS } from '../../src/model.js';
import { seededRandom } from '../properties/generators.js';

const schema = JSON.parse(readFileSync(new URL('../../patterns/special-care.schema.json', import.meta.url), 'utf8')) as object;

describe('patterns/special-care.yaml', () => {
  it('is valid against patterns/special-care.schema.json', () => {
    const check = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(check(readVocabularyFile()), JSON.stringify(check.errors)).toBe(true);
  });
  it('covers every special-care id with fields and terms', () => {
    const file = readVocabularyFile();
    expect(Object.keys(file.categories).sort()).toEqual([...SPECIAL_CARE_IDS].sort());
    for (const id of SPECIAL_CARE_IDS) expect(file.categories[id]?.terms.length ?? 0).toBeGreaterThan(0);
  });
  it('the schema rejects an unknown category and the compiler names it', () => {
    const check = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(check({ categories: { nationality: { fields: ['国籍'], terms: [] } } })).toBe(false);
    expect(() => compileVocabulary({ categories: { nationality: { fields: ['国籍'], terms: [] } } } as never)).toThrow(/categories\.nationality: unknown category/);
  });
  it('never lists nationality, 本籍 or occupation (not special care, PPC guidelines 2-3)', () => {
    const words = compileVocabulary(readVocabularyFile()).words.map((w) => w.word);
    for (const w of ['国籍', '本籍', '職業', '学歴']) expect(words).not.toContain(w);
  });
});

describe('WordStarts', () => {
  const word = (w: string): CompiledWord => ({ category: 'disability', kind: 'term', word: w, token: false });
  // Longest first, as compileVocabulary sorts them; 癌 is one unit long.
  const starts = new WordStarts(['身体障害者手帳', '障害者手帳', '障害', '癌検診', '癌'].map(word));

  it('gives the words that can start at a place, by its first two units, longest first', () => {
    expect(starts.at('が障害者手帳を', 1)?.map((w) => w.word)).toEqual(['障害者手帳', '障害']);
    expect(starts.at('癌検診', 0)?.map((w) => w.word)).toEqual(['癌検診', '癌']);
    expect(starts.at('癌です', 0)?.map((w) => w.word)).toEqual(['癌']);
    expect(starts.at('癌', 0)?.map((w) => w.word)).toEqual(['癌']);
  });
  it('gives nothing where no word starts with those units', () => {
    expect(starts.at('障がい', 0)).toBeUndefined();
    expect(starts.at('身分', 0)).toBeUndefined();
    expect(starts.at('身体', 0)?.map((w) => w.word)).toEqual(['身体障害者手帳']);
    expect(starts.at('会社', 0)).toBeUndefined();
    expect(starts.startsWith('障'.charCodeAt(0))).toBe(true);
    expect(starts.startsWith('会'.charCodeAt(0))).toBe(false);
  });
  it('mayStartAt is true wherever at() finds words (a filter that never hides one), false at most other places', () => {
    const vocab = compileVocabulary(readVocabularyFile());
    const units = [...new Set(vocab.words.flatMap((w) => [...w.word.slice(0, 3)]))];
    const random = seededRandom(20261206);
    let asked = 0;
    let found = 0;
    for (let n = 0; n < 2000; n++) {
      const piece = (r: number): string => (r < 0.3 ? (vocab.words[Math.floor(random() * vocab.words.length)]?.word ?? '') : r < 0.8 ? (units[Math.floor(random() * units.length)] ?? '') : 'あ会1a');
      const text = Array.from({ length: 1 + Math.floor(random() * 8) }, () => piece(random())).join('');
      for (let i = 0; i < text.length; i++) {
        const words = vocab.starts.at(text, i);
        if (words?.some((w) => text.startsWith(w.word, i))) found++;
        if (words !== undefined) expect(vocab.starts.mayStartAt(text, i), `${text} @${i}`).toBe(true);
        if (vocab.starts.mayStartAt(text, i)) asked++;
      }
    }
    expect(found).toBeGreaterThan(100);
    expect(starts.mayStartAt('会社', 0)).toBe(false);
    expect(starts.mayStartAt('身分', 0)).toBe(false);
    expect(starts.mayStartAt('身体', 0)).toBe(true);
    expect(starts.mayStartAt('癌', 0)).toBe(true);
    expect(starts.mayStartAt('障', 0)).toBe(false);
    expect(asked).toBeGreaterThan(0);
  });
  it('nextAt gives the first place at or after `from` where mayStartAt is true (the places matchesIn visits)', () => {
    const vocab = compileVocabulary(readVocabularyFile());
    const units = [...new Set(vocab.words.flatMap((w) => [...w.word.slice(0, 3)]))];
    const random = seededRandom(20261207);
    let hits = 0;
    for (let n = 0; n < 2000; n++) {
      const piece = (r: number): string => (r < 0.2 ? (vocab.words[Math.floor(random() * vocab.words.length)]?.word ?? '') : r < 0.6 ? (units[Math.floor(random() * units.length)] ?? '') : 'あ会1a\n');
      const text = Array.from({ length: Math.floor(random() * 10) }, () => piece(random())).join('');
      for (let from = 0; from <= text.length; from++) {
        let oracle = from;
        while (oracle < text.length && !vocab.starts.mayStartAt(text, oracle)) oracle++;
        expect(vocab.starts.nextAt(text, from), `${text} from ${from}`).toBe(oracle);
        if (oracle < text.length) hits++;
      }
    }
    expect(hits).toBeGreaterThan(1000);
    expect(starts.nextAt('会社の身体障害者手帳', 0)).toBe(3);
    expect(starts.nextAt('会社の癌', 0)).toBe(3);
    expect(starts.nextAt('会社の障', 0)).toBe(4);
  });
  it('lists every word of the vocabulary under its first two units', () => {
    const vocab = compileVocabulary(readVocabularyFile());
    for (const w of vocab.words) expect(vocab.starts.at(w.word, 0), w.word).toContain(w);
  });
});
