import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { readVocabularyFile } from '../../src/appi/load-vocabulary.js';
import { compileVocabulary } from '../../src/appi/vocabulary.js';
import { SPECIAL_CARE_IDS } from '../../src/model.js';

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
