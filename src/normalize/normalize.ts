/**
 * normalize: a segment's text → the text detectors match against, plus an offset map back to the original.
 * Input: any decoded string. Output: NFKC text in which every dash/minus variant is '-' and a prolonged
 * sound mark (ー) between digits is '-'. Never changes characters that NFKC keeps (kanji, kana, ASCII).
 * Locations in reports always refer to the original text, so every length-changing step is recorded.
 */

/**
 * Characters that NFKC leaves alone and that are not dashes: skipped in bulk (verified by a test). One unit at a
 * time with test(), which makes no match object (a Japanese text has one such unit every hundred characters:
 * ー, （, ）), and the unit found is the one before lastIndex.
 */
const UNSTABLE = /[^\t\n\r\x20-\x7e\u3001-\u3035\u3041-\u3096\u309d\u309e\u30a1-\u30fa\u30fd\u30fe\u4e00-\u9fff]/g;

/** Dash and minus variants that separate digits in Japanese text (after NFKC). */
const DASHES = /[\u2010-\u2015\u2043\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d]/g;
/** ー and ｰ: a dash between digits (０９０ー１２３４), a prolonged sound mark elsewhere. */
const PROLONGED = [0x30fc, 0xff70];

/** Code units that join the character before them (a voiced mark after ｶ): [\u0300-\u036f\u3099\u309a\uff9e\uff9f]. */
function isCombining(c: number): boolean {
  return (c >= 0x0300 && c <= 0x036f) || c === 0x3099 || c === 0x309a || c === 0xff9e || c === 0xff9f;
}

/**
 * A character NFKC may join to the one before it, so that NFKC of a text is not the NFKC of its pieces cut
 * before it: a mark (every character with a combining class is one) or a Hangul jamo (a vowel or final
 * consonant joins the syllable before it).
 */
const JOINS_BACK = /^[\p{M}\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff]/u;

interface Unit {
  /** The unit's normalized form. */
  out: string;
  /**
   * Its form is its plain NFKC form (no dash made '-'), and neither it nor that form starts with a character
   * that joins back: text cut before and after it normalizes piece by piece as it does whole.
   */
  plain: boolean;
}

/**
 * Normalized form of single code units, by code: most characters outside the stable ranges (（）・ー,
 * full-width digits) come one at a time, and each NFKC call and dash replacement costs a string or two.
 */
const singleUnit = new Map<number, Unit>();

function normalizeUnit(code: number): Unit {
  let unit = singleUnit.get(code);
  if (unit === undefined) {
    const char = String.fromCharCode(code);
    const nfkc = char.normalize('NFKC');
    const out = nfkc.replace(DASHES, '-');
    singleUnit.set(code, (unit = { out, plain: out === nfkc && !JOINS_BACK.test(char) && !JOINS_BACK.test(nfkc) }));
  }
  return unit;
}

/** A span of the normalized text whose length differs from the original span it came from. */
interface Shift {
  normStart: number;
  normLen: number;
  origStart: number;
  origLen: number;
}

export interface Normalized {
  text: string;
  /** Length-changing replacements in order; empty when offsets map one to one. */
  shifts: readonly Shift[];
  /**
   * True only when `text` is exactly the original's NFKC form (no dash made '-', no piece that NFKC of the
   * whole text would join to the one before): a reader that wants plain NFKC (special-care-scan.ts) takes it
   * instead of normalizing the original again. False says nothing.
   */
  nfkc: boolean;
}

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

/**
 * Only the characters that change are spliced in: the text between them is copied as one slice, so a
 * Japanese text whose ー and ・ stay as they are costs no substring per such character.
 */
export function normalize(text: string): Normalized {
  const parts: string[] = [];
  const shifts: Shift[] = [];
  /** Original text before this offset is already in `parts`. */
  let copied = 0;
  /** Normalized length minus original length, so far. */
  let delta = 0;
  let nfkc = true;
  UNSTABLE.lastIndex = 0;
  while (UNSTABLE.test(text)) {
    const i = UNSTABLE.lastIndex - 1;
    let j = i + 1;
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && j < text.length) j++;
    while (j < text.length && isCombining(text.charCodeAt(j))) j++;
    let out: string;
    let same: boolean;
    if (j === i + 1) {
      // One code unit: no substring, and its form from the table (ー depends on its neighbours).
      if (PROLONGED.includes(code)) {
        out = isDigitAt(text, i - 1) && isDigitAt(text, j) ? '-' : '\u30fc';
        if (out === '-') nfkc = false;
      } else {
        const unit = normalizeUnit(code);
        out = unit.out;
        if (!unit.plain) nfkc = false;
      }
      same = out.length === 1 && out.charCodeAt(0) === code;
    } else {
      const group = text.slice(i, j);
      const plain = group.normalize('NFKC');
      out = plain.replace(DASHES, '-');
      if (out !== plain || JOINS_BACK.test(group) || JOINS_BACK.test(plain)) nfkc = false;
      same = out === group;
    }
    if (out.length !== j - i) {
      shifts.push({ normStart: i + delta, normLen: out.length, origStart: i, origLen: j - i });
      delta += out.length - (j - i);
    }
    if (!same) {
      parts.push(text.slice(copied, i), out);
      copied = j;
    }
    UNSTABLE.lastIndex = j;
  }
  if (copied === 0) return { text, shifts, nfkc };
  parts.push(text.slice(copied));
  return { text: parts.join(''), shifts, nfkc };
}

/** Offset in the original text of the character at `offset` in the normalized text. */
export function originalOffset(n: Normalized, offset: number): number {
  const { shifts } = n;
  let lo = 0;
  let hi = shifts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((shifts[mid] as Shift).normStart <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return offset;
  const s = shifts[found] as Shift;
  if (offset < s.normStart + s.normLen) return s.origStart + Math.min(offset - s.normStart, s.origLen - 1);
  return s.origStart + s.origLen + (offset - s.normStart - s.normLen);
}
