/**
 * Where a match's value lies, read without match indices. A regex run with the `d` flag builds an index
 * array for every group of every match: ≈ 0.9 µs a match against ≈ 0.07 µs without (100,000 phone cells,
 * one core), and most of a roster's garbage. When the value group ends the regex body (patterns/whole-value.ts
 * valueEndsBody), its text says where it is: it ends where the match ends, or, in a whole-cell match
 * `^\s*(?:…)\s*$`, where the cell's trailing blanks begin.
 */

/** `\s` of a JavaScript regex (WhiteSpace and LineTerminator, the set `trim()` removes). */
export function isBlank(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Span of the value of a text match whose value group ends the body: it ends at the match's end. */
export function tailSpan(m: RegExpExecArray): [number, number] | undefined {
  const value = m.groups?.['value'];
  if (value === undefined) return undefined;
  const end = m.index + m[0].length;
  return [end - value.length, end];
}

interface ColumnRegex {
  re: RegExp;
  plain?: RegExp;
  valueStarts?: boolean;
}

/**
 * Span of the value of a whole-cell match `^\s*(?:body)\s*$`, or undefined when the cell does not match.
 * With `plain` (the value ends the body), only blanks follow the value: a value whose last character is not
 * blank ends where the cell's trailing blanks begin. When the value is the whole body, only blanks precede
 * it too: a value whose first character is not blank starts after the leading blanks. Otherwise (a value
 * that starts and ends with a blank, or is empty) the indexed regex says.
 */
export function cellValueSpan(column: ColumnRegex, text: string): [number, number] | undefined {
  if (!column.plain) return indexedSpan(column.re, text);
  // The value is the whole body and the cell starts and ends with no blank: `^\s*` and `\s*$` match nothing,
  // so a match's value is the whole cell. test() makes no match array, groups or value string (a roster's
  // cells were a tenth of a worker's allocations here).
  if (column.valueStarts && text.length > 0 && !isBlank(text.charCodeAt(0)) && !isBlank(text.charCodeAt(text.length - 1))) {
    return column.plain.test(text) ? [0, text.length] : undefined;
  }
  const m = column.plain.exec(text);
  const value = m?.groups?.['value'];
  if (value === undefined) return undefined;
  if (value.length > 0 && !isBlank(value.charCodeAt(value.length - 1))) {
    let end = text.length;
    while (end > 0 && isBlank(text.charCodeAt(end - 1))) end--;
    return [end - value.length, end];
  }
  if (column.valueStarts && value.length > 0 && !isBlank(value.charCodeAt(0))) {
    let start = 0;
    while (start < text.length && isBlank(text.charCodeAt(start))) start++;
    return [start, start + value.length];
  }
  return indexedSpan(column.re, text);
}

function indexedSpan(re: RegExp, text: string): [number, number] | undefined {
  const span = re.exec(text)?.indices?.groups?.['value'];
  return span ? [span[0], span[1]] : undefined;
}
