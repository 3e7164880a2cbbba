/**
 * validatePhone remembers its results by the number's text, and a number cut from a big text is a view into
 * that text (V8 makes a slice of 13 or more characters one): the memo must keep copies, or it keeps whole
 * chunks of earlier files alive (phone.ts ownCopy).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect, it } from 'vitest';
import { validatePhone } from '../../src/validators/phone.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

it('keeps none of the texts the numbers it remembers were cut from', () => {
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < 40; i++) {
    // 1 MB of text each, a mobile number written with hyphens (13 characters) in it.
    const big = `${'x'.repeat(1_000_000)} 090-4321-${String(1000 + i)} `;
    const number = big.slice(1_000_001, 1_000_014);
    expect(validatePhone(number, {}).ok).toBe(true);
  }
  gc();
  expect(process.memoryUsage().heapUsed - before).toBeLessThan(10_000_000);
});
