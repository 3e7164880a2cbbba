/**
 * Many literal words found in one pass over a text (Aho–Corasick, as a full transition table), ASCII letters
 * matched in either case: the places where a WordSet's regex can match start at one of its words, so one pass
 * for the words of every rule tells which rules can match at all and where to look (required-words.ts).
 * Never: decides a match on its own (boundaries and key syntax are the WordSet regex's).
 */

/** A UTF-16 unit as the automaton reads it: A–Z as a–z (WordSet writes Latin letters as `[xX]`). */
function fold(unit: number): number {
  return unit >= 0x41 && unit <= 0x5a ? unit + 0x20 : unit;
}

export class WordAutomaton {
  /** Per UTF-16 unit, its column in `next` (0: a unit no word holds, which always leads back to the root). */
  private readonly column = new Uint16Array(0x10000);
  private readonly width: number;
  /** next[state * width + column]: the state after reading a unit. */
  private readonly next: Int32Array;
  /** Per state, the words that end there (its own and those of its suffixes), or undefined. */
  private readonly ends: (number[] | undefined)[];
  readonly lengths: readonly number[];

  constructor(words: readonly string[]) {
    this.lengths = words.map((w) => w.length);
    let columns = 1;
    for (const w of words) for (let i = 0; i < w.length; i++) if (this.column[fold(w.charCodeAt(i))] === 0) this.column[fold(w.charCodeAt(i))] = columns++;
    for (let u = 0x41; u <= 0x5a; u++) this.column[u] = this.column[u + 0x20] ?? 0;
    this.width = columns;
    const trie = buildTrie(words, (unit) => this.column[fold(unit)] ?? 0, columns);
    this.next = trie.next;
    this.ends = trie.ends;
    linkFailures(trie, columns);
  }

  /** Calls `found(word, start)` for every place a word is written, in the order the words end. */
  scan(text: string, found: (word: number, start: number) => void): void {
    const { column, next, width, ends, lengths } = this;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = column[text.charCodeAt(i)] as number;
      if (c === 0) {
        state = 0;
        continue;
      }
      state = next[state * width + c] as number;
      const here = ends[state];
      if (here !== undefined) for (const w of here) found(w, i + 1 - (lengths[w] as number));
    }
  }
}

interface Trie {
  next: Int32Array;
  ends: (number[] | undefined)[];
  states: number;
}

/** The words' trie: next[] holds its edges (-1: none yet), ends[] each word's last state. */
function buildTrie(words: readonly string[], columnOf: (unit: number) => number, width: number): Trie {
  const size = 1 + words.reduce((n, w) => n + w.length, 0);
  const next = new Int32Array(size * width).fill(-1);
  const ends: (number[] | undefined)[] = [];
  let states = 1;
  words.forEach((w, index) => {
    let state = 0;
    for (let i = 0; i < w.length; i++) {
      const at = state * width + columnOf(w.charCodeAt(i));
      if ((next[at] as number) < 0) next[at] = states++;
      state = next[at] as number;
    }
    (ends[state] ??= []).push(index);
  });
  return { next: next.subarray(0, states * width), ends, states };
}

/**
 * Completes the trie into a transition table (a missing edge goes where the longest proper suffix leads) and
 * gives each state the words of its suffixes, breadth first so a state's suffix is complete before it.
 */
function linkFailures(trie: Trie, width: number): void {
  const { next, ends } = trie;
  const failure = new Int32Array(trie.states);
  const queue: number[] = [];
  for (let c = 0; c < width; c++) {
    const child = next[c] as number;
    if (child > 0) queue.push(child);
    else next[c] = 0;
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head] as number;
    const suffix = failure[state] as number;
    const inherited = ends[suffix];
    if (inherited !== undefined) ends[state] = [...(ends[state] ?? []), ...inherited];
    for (let c = 1; c < width; c++) {
      const at = state * width + c;
      const child = next[at] as number;
      const fallback = next[suffix * width + c] as number;
      if (child < 0) next[at] = fallback;
      else {
        failure[child] = fallback;
        queue.push(child);
      }
    }
  }
}
