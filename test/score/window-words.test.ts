import { describe, expect, it } from 'vitest';
import { findIn } from '../helpers.js';

/** A context window never ends inside a Latin word: the part it keeps is not the word (confidence.ts wordEnd). */
describe('context window edges and Latin words', () => {
  it('`zip` cut out of `zipinfo` is no postal-code context (jszip: the octal 0040000)', () => {
    expect(findIn('    // UNX_IFDIR  0040000 see zipinfo.c', { name: 'object.js' }).map((h) => h.type)).not.toContain('postal-code');
  });
  it('a whole `zip` word still is', () => {
    expect(findIn('    // zip 1000001 see the form', { name: 'form.js' }).map((h) => h.type)).toContain('postal-code');
  });
});
