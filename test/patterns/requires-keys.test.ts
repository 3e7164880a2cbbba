/**
 * Key names (patterns/field-names.yaml) in a rule's `requires` shortcut count only where written as keys, so a
 * rule that a key can enable is skipped on code and prose that merely say "name" or "mail".
 */
import { describe, expect, it } from 'vitest';
import { loadBuiltinRules } from '../../src/patterns/load.js';

const rules = new Map(loadBuiltinRules().map((r) => [r.id, r]));
function requires(id: string, text: string): boolean {
  const r = rules.get(id)?.requires;
  if (!r) throw new Error(`${id} has no requires`);
  return r.test(text);
}

describe('requires with key names', () => {
  it.each([
    ['person-name', '{"namae": "x"}', true],
    ['person-name', 'customerName: x', true],
    ['person-name', 'INSERT INTO c (id, nm) VALUES (1, 2)', true],
    ['person-name', 'the name of the file', false],
    ['person-name', 'const filename = x', false],
    ['birth-date', 'seinengappi=1', true],
    ['birth-date', 'seinengappi', false],
    ['birth-date', 'date of birth', true], // a context word: counts in prose too
    ['bank-account', 'koza_bango: 1', true],
    ['bank-account', 'koza bango', false],
  ])('%s requires(%j) = %s', (id, text, expected) => {
    expect(requires(id, text)).toBe(expected);
  });

  it('rules whose regexes need a literal of their own get no key names', () => {
    expect(rules.get('email')?.requires?.keys).toEqual([]);
    expect(rules.get('address')?.requires?.keys).toEqual([]);
    expect(requires('email', 'mail: none')).toBe(false);
  });
});
