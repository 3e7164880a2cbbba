/**
 * Which rules' required words a text holds, for every rule at once: one pass of a word automaton over the
 * text instead of one regex pass per rule (each WordSet regex, with its look-behinds and key syntax, cannot
 * skip ahead: the person-name set alone cost half a second per worker on 10,000 small files). The answer is
 * WordSet.test's, exactly: a match starts where one of the set's words is written, so the set's regex is asked
 * only there (testAt).
 */
import { WordAutomaton } from './word-automaton.js';
import type { WordSet } from './word-set.js';

export class RequiredWords {
  private readonly automaton: WordAutomaton;
  /** Per automaton word, the sets that start a match with it. */
  private readonly setsOf: number[][] = [];
  /** Sets that match any text (an empty word). */
  private readonly always: boolean[];

  constructor(readonly sets: readonly (WordSet | undefined)[]) {
    const index = new Map<string, number>();
    this.always = sets.map((set) => set?.starts.includes('') === true);
    sets.forEach((set, s) => {
      for (const word of set?.starts ?? []) {
        if (word === '') continue;
        let at = index.get(word);
        if (at === undefined) index.set(word, (at = this.setsOf.push([]) - 1));
        const list = this.setsOf[at] as number[];
        if (!list.includes(s)) list.push(s);
      }
    });
    this.automaton = new WordAutomaton([...index.keys()]);
  }

  /** What test() answers, filled again by each call (a cell's text is tested per cell: no array per call). */
  private readonly found: boolean[] = [];
  private text = '';
  /** One callback for every scan (a closure per call was an allocation per cell). */
  private readonly onWord = (word: number, start: number): void => {
    const { found, sets, text } = this;
    for (const s of this.setsOf[word] as number[]) if (!found[s] && (sets[s] as WordSet).testAt(text, start)) found[s] = true;
  };

  /**
   * Per set, set.test(text): false for an absent set. The array is this object's and is overwritten by the next
   * call: read it before testing again.
   */
  test(text: string): readonly boolean[] {
    const { found, always } = this;
    for (let i = 0; i < always.length; i++) found[i] = always[i] as boolean;
    this.text = text;
    this.automaton.scan(text, this.onWord);
    this.text = '';
    return found;
  }
}
