/**
 * Where a streaming report keeps each part of its text until the scan ends and the parts are written in
 * order. In memory by default (tests, `jpii merge`); a share scan passes sections that spill to a temporary
 * file (src/output/spill.ts), so a report of a million files never sits in memory.
 */
export interface Section {
  write(text: string): void;
  /** The text written so far, in order, as chunks; then the section may be discarded. */
  read(): Iterable<string>;
  /**
   * read() for a report that copies the text out unchanged: each chunk is text or, where the section kept
   * it on disk, its UTF-8 bytes as they are there (not decoded into a string to be encoded again).
   */
  chunks(): Iterable<string | Uint8Array>;
}

export type SectionFactory = () => Section;

export const memorySection: SectionFactory = () => {
  const parts: string[] = [];
  return {
    write: (text) => {
      parts.push(text);
    },
    read: () => parts,
    chunks: () => parts,
  };
};

/** The lines of a section written as `line\n` records (chunks may cut a line anywhere). */
export function* linesOf(section: Section): Generator<string> {
  let rest = '';
  for (const chunk of section.read()) {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    yield* lines;
  }
  if (rest !== '') yield rest;
}
