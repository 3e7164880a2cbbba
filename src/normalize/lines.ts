/**
 * Line and column of an offset in a text (1-based; columns in UTF-16 code units, SARIF's default).
 * The line index is built once per segment, and only for segments that have findings.
 */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export function lineColumn(starts: readonly number[], offset: number): { line: number; column: number } {
  const line = lineIndexOf(starts, offset);
  return { line: line + 1, column: offset - (starts[line] as number) + 1 };
}

/** 0-based index of the line that holds `offset` (the last one that starts at or before it). */
export function lineIndexOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
