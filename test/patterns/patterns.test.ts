/**
 * Every pattern file: valid against patterns/schema.json, named after its id, one per type id, and every
 * example in it behaves as declared when run through the real pipeline (gitleaks-style rule tests).
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { TYPE_IDS } from '../../src/model.js';
import { PATTERNS_DIR, builtinPatternFiles, loadLabelWords, readPatternFile } from '../../src/patterns/load.js';
import { findIn } from '../helpers.js';

const schema = JSON.parse(readFileSync(join(PATTERNS_DIR, 'schema.json'), 'utf8')) as object;
const check = new Ajv({ allErrors: true, strict: false }).compile(schema);
const files = builtinPatternFiles();

describe('pattern files', () => {
  it('one file per type id, and no file without an id', () => {
    expect(files.map((f) => basename(f, '.yaml')).sort()).toEqual([...TYPE_IDS].sort());
  });

  it.each(files.map((f) => [basename(f), f]))('%s is valid against the schema and named after its id', (_name, file) => {
    const data = readPatternFile(file);
    const valid = check(data);
    expect(check.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(data.id).toBe(basename(file, '.yaml'));
  });

  it('the label vocabulary is non-empty and holds the default words', () => {
    const words = loadLabelWords().map((w) => w.word);
    for (const w of ['社外秘', '機密', '極秘', '社内秘', '部外秘', '取扱注意', 'Confidential', 'Internal', 'Restricted']) expect(words).toContain(w);
  });
});

describe.each(files.map((f) => [basename(f, '.yaml'), readPatternFile(f)] as const))('examples of %s', (id, pattern) => {
  it.each(pattern.examples.positive.map((e) => [e.text, e] as const))('finds %s', (_text, example) => {
    const hits = findIn(example.text, { header: example.header }).filter((h) => h.type === id);
    expect(hits.map((h) => h.value)).toContain(example.value);
  });

  it.each(pattern.examples.negative.map((e) => [e.text, e] as const))('does not report %s', (_text, example) => {
    const hits = findIn(example.text, { header: example.header }).filter((h) => h.type === id);
    expect(hits).toEqual([]);
  });
});
