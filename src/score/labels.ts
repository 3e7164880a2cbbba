/**
 * Classification labels (社外秘, 機密, Confidential…) in a file's name, metadata and label zones
 * (headers, footers, first lines). Pure. A `token` word counts only standing alone, so 秘 in 秘書 or
 * 個人情報 in a sentence is not a label.
 */
import type { LabelWord } from '../patterns/types.js';

const WORD_CHAR = /[\p{L}\p{N}]/u;

function occursAsToken(text: string, word: string): boolean {
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    const before = text[i - 1];
    const after = text[i + word.length];
    if ((before === undefined || !WORD_CHAR.test(before)) && (after === undefined || !WORD_CHAR.test(after))) return true;
  }
  return false;
}

/** Each word as it is looked for (NFKC, lower case), made once per word list: a scan asks for every file. */
const needlesMemo = new WeakMap<readonly LabelWord[], string[]>();

function needlesOf(words: readonly LabelWord[]): string[] {
  let needles = needlesMemo.get(words);
  if (!needles || needles.length !== words.length) needlesMemo.set(words, (needles = words.map((w) => w.word.normalize('NFKC').toLowerCase())));
  return needles;
}

export function findLabels(texts: readonly string[], words: readonly LabelWord[]): string[] {
  const found: string[] = [];
  const hay = texts.map((t) => t.normalize('NFKC').toLowerCase());
  const needles = needlesOf(words);
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as LabelWord;
    const needle = needles[i] as string;
    const hit = hay.some((t) => (w.token ? occursAsToken(t, needle) : t.includes(needle)));
    if (hit) found.push(w.word);
  }
  // "Strictly Confidential" also contains "Confidential": report the most specific words only.
  return found.filter((f) => !found.some((g) => g !== f && g.toLowerCase().includes(f.toLowerCase())));
}
