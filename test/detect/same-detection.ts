/** Shared by the tests of the detection shortcuts (digit shapes, start shapes): detectText with and without them. */
import fc from 'fast-check';
import { expect } from 'vitest';
import { SHAPES_FROM, detectText } from '../../src/detect/detect.js';
import type { CompiledRule } from '../../src/patterns/types.js';

/** The text made long enough for the shortcuts (shorter texts run the regexes plainly), blank lines before or after. */
export function long(text: string, atEnd: boolean): string {
  const pad = '\n'.repeat(SHAPES_FROM);
  return atEnd ? text + pad : pad + text;
}

/** Asserts that detectText finds the same candidates with `rules` as with `plain` on texts from `texts`, made long. */
export function expectSameDetection(rules: readonly CompiledRule[], plain: readonly CompiledRule[], texts: fc.Arbitrary<string>, numRuns = 500): void {
  fc.assert(
    fc.property(texts, fc.boolean(), (short, atEnd) => {
      const t = long(short, atEnd);
      expect(detectText(t, rules)).toEqual(detectText(t, plain));
    }),
    { numRuns },
  );
}
