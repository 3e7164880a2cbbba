/**
 * normalize: a segment's text → the text detectors match against, plus an offset map back to the original.
 * Input: any decoded string. Output: NFKC text in which every dash/minus variant is '-' and a prolonged
 * sound mark (ー) between digits is '-'. Never changes characters that NFKC keeps (kanji, kana, ASCII).
 * Locations in reports always refer to the original text, so every length-changing step is recorded.
 */

/** Characters that NFKC leaves alone and that are not dashes: skipped in bulk (verified by a test). */
const UNSTABLE = /[^\t\n\r\x20-\x7e\u3001-\u3035\u3041-\u3096\u309d\u309e\u30a1-\u30fa\u30fd\u30fe\u4e00-\u9fff]+/g;

/** Dash and minus variants that separate digits in Japanese text (after NFKC). */
const DASHES = /[\u2010-\u2015\u2043\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d]/g;
const PROLONGED = new Set(['\u30fc', '\uff70']);
const COMBINING = /[\u0300-\u036f\u3099\u309a\uff9e\uff9f]/;

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
}

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

export function normalize(text: string): Normalized {
  const parts: string[] = [];
  const shifts: Shift[] = [];
  let last = 0;
  let normLen = 0;
  UNSTABLE.lastIndex = 0;
  for (let m = UNSTABLE.exec(text); m; m = UNSTABLE.exec(text)) {
    const kept = text.slice(last, m.index);
    parts.push(kept);
    normLen += kept.length;
    const runEnd = m.index + m[0].length;
    let i = m.index;
    while (i < runEnd) {
      let j = i + 1;
      const code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && j < text.length) j++;
      while (j < text.length && COMBINING.test(text[j] ?? '')) j++;
      const group = text.slice(i, j);
      let out: string;
      if (PROLONGED.has(group)) {
        out = isDigitAt(text, i - 1) && isDigitAt(text, j) ? '-' : '\u30fc';
      } else {
        out = group.normalize('NFKC').replace(DASHES, '-');
      }
      if (out.length !== group.length) {
        shifts.push({ normStart: normLen, normLen: out.length, origStart: i, origLen: group.length });
      }
      parts.push(out);
      normLen += out.length;
      i = j;
    }
    last = Math.max(runEnd, i);
    UNSTABLE.lastIndex = last;
  }
  if (last === 0) return { text, shifts };
  parts.push(text.slice(last));
  return { text: parts.join(''), shifts };
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
