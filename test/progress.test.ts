/** The progress line says how many files and folders the ignore rules kept out so far, once there are any. */
import { describe, expect, it } from 'vitest';
import { progressPrinter } from '../src/progress.js';

function lines(excluded?: () => number): string[] {
  const written: string[] = [];
  const stream = { columns: 200, write: (s: string) => written.push(s) } as unknown as NodeJS.WritableStream & { columns: number };
  const print = progressPrinter(stream, excluded);
  print({ files: 3, bytes: 2048, errors: 0, current: 'a/b.txt', done: true });
  return written;
}

describe('progress line', () => {
  it('shows the excluded count when the rules kept something out', () => {
    expect(lines(() => 12)[0]).toMatch(/\| 0 errors \| 12 excluded \| [0-9.]+ s \| a\n$/);
  });

  it('says nothing about exclusions when nothing was kept out', () => {
    expect(lines(() => 0)[0]).not.toContain('excluded');
    expect(lines()[0]).not.toContain('excluded');
  });
});
