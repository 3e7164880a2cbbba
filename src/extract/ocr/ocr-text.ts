/**
 * ocr-text: recognised text → text the detectors can read. Pure; no I/O.
 * tesseract's Japanese model puts a space between almost every CJK character and between kanji and digits
 * (`京都 府 京丹後 市`, `昭和 60 年`), wraps numbers across lines (`080-5560-` / `5433`), and confuses
 * look-alike glyphs inside numbers (O/0, l/I/|/1, 一/ー/— for a hyphen). This undoes those, and only
 * those: spaces between digits stay (the detection stage reads `1234 5678 9012` as one number), and a
 * letter next to other letters is never changed (`info1@` stays as it is).
 * It never touches the shared normalizer (NFKC, dashes): that still runs on the result.
 */

import type { OcrLine } from './engine.js';

const CJK = '\\u3005\\u3007\\u3012\\u3041-\\u30ff\\u3400-\\u9fff\\uf900-\\ufaff\\uff66-\\uff9f';
const CJK_OR_DIGIT = `${CJK}0-9`;
/** Spaces between two CJK characters, or between a CJK character and a digit (either order). */
const SPACE_IN_CJK = new RegExp(`(?<=[${CJK}])[ \\u3000]+(?=[${CJK_OR_DIGIT}])|(?<=[0-9])[ \\u3000]+(?=[${CJK}])`, 'gu');

/** Look-alikes read in place of a digit. */
const AS_DIGIT: Readonly<Record<string, string>> = { O: '0', o: '0', '〇': '0', l: '1', I: '1', '|': '1', '!': '1', ']': '1' };
/** Read in place of a hyphen between two digits (ー and the dashes are unified later, 一 is a kanji). */
const AS_HYPHEN = new Set(['一', '_', '~', '〜', '=']);

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isLetter = (c: string | undefined): boolean => c !== undefined && /[A-Za-z]/.test(c);

/**
 * One pass over a line: a look-alike becomes a digit when it touches a digit on one side and no letter on
 * the other; a hyphen look-alike becomes '-' between digits. Repeated until nothing changes, so `1O0` and
 * `O8O` are both read in full.
 */
function digitConfusions(line: string): string {
  const chars = [...line];
  for (let pass = 0; pass < 4; pass++) {
    let changed = false;
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i] as string;
      const prev = chars[i - 1];
      const next = chars[i + 1];
      const digit = AS_DIGIT[c];
      if (digit && ((isDigit(prev) && !isLetter(next)) || (isDigit(next) && !isLetter(prev)))) {
        chars[i] = digit;
        changed = true;
      } else if (AS_HYPHEN.has(c) && isDigit(prev) && isDigit(next)) {
        chars[i] = '-';
        changed = true;
      }
    }
    if (!changed) break;
  }
  return chars.join('');
}

/**
 * Noise tesseract reads from a form's underline or box edge right before a number (`_080…`, `”_1234…`,
 * `ご住所_〒420…`); never after a letter or digit, where `_` may belong to the value (`a_1@…`).
 */
const NOISE_BEFORE_NUMBER = /(?<![0-9A-Za-z])[_”"'`‘’“]+[ \u3000]*(?=[0-9〒])/gu;

/** A number cut at its separator at the end of a line continues on the next one. */
const WRAPPED_NUMBER = /([0-9][-‐‑‒–—―−ー－])[ \t]*\n[ \t]*(?=[0-9])/g;

const isCjk = (c: string | undefined): boolean => c !== undefined && new RegExp(`[${CJK}]`, 'u').test(c);

/**
 * A gap wider than this many line heights separates a label from its value (`お名前　橋本 明美`), or two
 * cells; narrower gaps are the recogniser's own spacing between characters and number groups.
 */
const WIDE_GAP = 0.5;

/**
 * Lines rebuilt from word positions: CJK words close together are one word (`京都 府` → `京都府`), a
 * wide gap stays a space (so `お名前 橋本明美` keeps the keyword apart from the name), and single
 * characters spread over a label cell (`氏　　名`, `住　　所`) are joined however wide their gap, and words whose
 * boxes overlap are one word.
 */
export function joinWords(lines: readonly OcrLine[]): string {
  return lines
    .map(({ words, height }) => {
      let out = '';
      words.forEach((w, i) => {
        const prev = words[i - 1];
        if (!prev) return void (out += w.text);
        const a = [...prev.text].at(-1);
        const b = [...w.text][0];
        const single = [...prev.text].length === 1 && [...w.text].length === 1 && isCjk(a) && isCjk(b);
        const gap = w.x0 - prev.x1;
        const wide = gap > WIDE_GAP * height;
        // Boxes that overlap are one word the recogniser cut in two (`06-8351-143` + `7`).
        const glue = gap < 0 ? '' : (wide && !single) || (!isCjk(a) && !isCjk(b)) ? ' ' : '';
        out += glue + w.text;
      });
      return out;
    })
    .join('\n');
}

/** `joined`: the text comes from joinWords (its spaces are meant); otherwise spaces inside CJK text go. */
export function normaliseOcrText(text: string, joined = false): string {
  const lines = text
    .normalize('NFKC')
    .split(/\r?\n/)
    .map((line) => {
      const cleaned = digitConfusions(line.replace(NOISE_BEFORE_NUMBER, ''));
      return (joined ? cleaned : cleaned.replace(SPACE_IN_CJK, '')).replace(/[ \t]+$/, '');
    });
  // Blank lines between the lines of one paragraph are layout, not content.
  return lines.filter((l) => l.trim() !== '').join('\n').replace(WRAPPED_NUMBER, '$1');
}
