/**
 * Text cells of the xlsx report, over generated strings: XML 1.0 cannot carry C0 controls other than tab, LF and
 * CR, U+FFFE, U+FFFF or a lone surrogate (a file name may hold any of them: the sheet would not open), so each such
 * code unit becomes one U+FFFD and every other character — surrogate pairs included — is kept as it is; a cell
 * holds at most Excel's 32,767 characters (longer text: the first 32,766 and `…`); a cell never starts a formula.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutraliseCell } from '../../src/report/csv.js';
import { textCell } from '../../src/report/xlsx-rows.js';

const MAX_CELL = 32_767;
const BAD = ['\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\u000e', '\u001f', '\ufffe', '\uffff'];
const HIGH = ['\ud800', '\udbff', '\ud83d'];
const LOW = ['\udc00', '\udfff', '\ude00'];

/** Pieces of text: characters XML carries (ASCII, Japanese, tab/LF/CR, surrogate pairs) and ones it does not. */
const good = fc.oneof(
  fc.constantFrom('a', 'Z', '0', ' ', '山', 'ｶ', '\t', '\n', '\r', '\ufffd', '\ufffd'.repeat(2), '\ud83d\ude00', '\ud800\udc00', '\udbff\udfff'),
  fc.string({ maxLength: 4 }),
);
const bad = fc.oneof(fc.constantFrom(...BAD), fc.constantFrom(...HIGH), fc.constantFrom(...LOW));
/** A mix, with lone surrogates next to good characters, at either end and next to each other (high, high / low, low). */
const mixed = fc.array(fc.oneof({ arbitrary: good, weight: 3 }, { arbitrary: bad, weight: 2 }), { maxLength: 12 }).map((p) => p.join(''));

/** Each code unit XML 1.0 cannot carry replaced by U+FFFD, written out code unit by code unit. */
function xmlSafe(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const high = c >= 0xd800 && c <= 0xdbff;
    const low = c >= 0xdc00 && c <= 0xdfff;
    const nextLow = i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff;
    const prevHigh = i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff;
    const control = c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d;
    out += control || c === 0xfffe || c === 0xffff || (high && !nextLow) || (low && !prevHigh) ? '\ufffd' : text[i];
  }
  return out;
}

describe('xlsx text cells', () => {
  it('replace each code unit XML cannot carry by one U+FFFD and keep every other character, surrogate pairs included', () => {
    fc.assert(
      fc.property(mixed, (text) => {
        const cell = textCell(text);
        expect(cell).toBe(neutraliseCell(xmlSafe(text)));
        expect(Buffer.from(cell, 'utf8').toString('utf8')).toBe(cell); // no lone surrogate (UTF-8 cannot encode one)
        expect(cell).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
      }),
      { seed: 70, numRuns: 1500 },
    );
  });

  it('keep text XML carries unchanged', () => {
    fc.assert(
      fc.property(fc.array(good, { maxLength: 10 }).map((p) => p.join('')), (text) => {
        fc.pre(xmlSafe(text) === text);
        expect(textCell(text)).toBe(neutraliseCell(text));
      }),
      { seed: 71, numRuns: 500 },
    );
  });

  it('hold at most 32,767 characters: longer text is cut to 32,766 and `…`, text of that length or shorter is kept whole', () => {
    fc.assert(
      fc.property(fc.integer({ min: MAX_CELL - 3, max: MAX_CELL + 3 }), fc.constantFrom('a', '山', 'x y'), (length, unit) => {
        const text = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
        const cell = textCell(text);
        expect(cell.length).toBe(Math.min(length, MAX_CELL));
        expect(cell).toBe(length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text);
      }),
      { seed: 72, numRuns: 60 },
    );
  });

  it('hold at most 32,767 characters when the text starts like a formula (the quote counts) or a cut falls inside a surrogate pair', () => {
    fc.assert(
      fc.property(fc.integer({ min: MAX_CELL - 3, max: MAX_CELL + 3 }), fc.constantFrom('=', '+', '-', '@', '\t', '\r', 'a', '𠮷'), fc.constantFrom('a', '𠮷', 'x 𠮷'), (length, lead, unit) => {
        const text = (lead + unit.repeat(Math.ceil(length / unit.length))).slice(0, length);
        const cell = textCell(text);
        expect(cell.length).toBeLessThanOrEqual(MAX_CELL);
        expect(xmlSafe(cell)).toBe(cell);
        if (/^[=+\-@\t\r]/.test(text)) expect(cell.startsWith(`'${text.slice(0, 100)}`)).toBe(true);
        if (text.length + (/^[=+\-@\t\r]/.test(text) ? 1 : 0) > MAX_CELL) expect(cell.length).toBeGreaterThanOrEqual(MAX_CELL - 1);
      }),
      { seed: 73, numRuns: 200 },
    );
  });

  it('never start a formula, whatever the text', () => {
    fc.assert(
      fc.property(fc.constantFrom('=', '+', '-', '@', '\t', '\r'), mixed, (lead, rest) => {
        expect(textCell(lead + rest)).toMatch(/^'/);
      }),
      { seed: 73, numRuns: 300 },
    );
  });
});
