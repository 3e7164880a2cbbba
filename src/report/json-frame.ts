/**
 * A pretty-printed JSON document whose big arrays are streamed: the frame is what JSON.stringify(doc, null, 2)
 * prints around each marked array, so items written one by one in between give exactly the same bytes, and
 * no part of the report is ever one huge string.
 */

const MARK = (i: number): string => `@@jpii-slot-${i}@@`;

/** Put `slot(i)` where array i goes (typed to fit any array); the frame cuts the document there. */
export function slot(i: number): never[] {
  return [MARK(i)] as never[];
}

export interface JsonFrame {
  /** Text before array 0, between arrays i-1 and i…, after the last: `slots + 1` parts. */
  parts: string[];
  /** Indentation of the items of each array. */
  indents: string[];
}

/** `indent`: where the document itself sits (an item of an outer array); the parts carry no final newline. */
export function jsonFrame(doc: unknown, slots: number, indent = ''): JsonFrame {
  const text = indent === '' ? JSON.stringify(doc, null, 2) : JSON.stringify(doc, null, 2).replaceAll('\n', `\n${indent}`);
  const parts: string[] = [];
  const indents: string[] = [];
  let from = 0;
  for (let i = 0; i < slots; i++) {
    const at = text.indexOf(`"${MARK(i)}"`, from);
    const open = text.lastIndexOf('[', at);
    const close = text.indexOf(']', at);
    if (at < 0 || open < from || close < 0) throw new Error(`jsonFrame: slot ${i} not found`);
    parts.push(text.slice(from, open + 1));
    indents.push(text.slice(text.lastIndexOf('\n', at) + 1, at));
    from = close; // the `]`, preceded by a newline and its indentation only when the array has items
  }
  parts.push(text.slice(from));
  return { parts, indents };
}

/**
 * One array item as JSON.stringify(doc, null, 2) prints it at `indent`, with the separator before it. The
 * item is printed inside as many arrays as its indentation has levels and cut out, so JSON.stringify itself
 * indents it: no second copy of every report item to indent its lines (a scan's report is tens of MB). The
 * separator is cut out with it (the newline before the item; for a later item, the comma after a `0` put
 * before it in the innermost array), so the item is one slice of JSON.stringify's text, which is written out
 * as it is: a separator joined to it made a string that had to be copied whole before it could be encoded
 * (52 MB for the report of the 10,000 small files).
 */
export function jsonItem(value: unknown, indent: string, first: boolean): string {
  const depth = indent.length / 2;
  if (depth < 1 || !Number.isInteger(depth) || indent !== ' '.repeat(indent.length)) return `${first ? '' : ','}\n${indent}${JSON.stringify(value, null, 2).replaceAll('\n', `\n${indent}`)}`;
  let wrapped: unknown = first ? [value] : [0, value];
  for (let i = 1; i < depth; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  // Before the innermost array's contents, level k opens with 2k spaces, `[` and a newline; after the item,
  // each level closes likewise. A later item's `0` sits after the innermost level's indentation.
  const around = depth * depth + depth;
  return text.slice(first ? around - 1 : around + 2 * depth + 1, text.length - around);
}

/** What closes an array of `count` items (the `]` itself starts the next part). */
export function jsonClose(indent: string, count: number): string {
  return count === 0 ? '' : `\n${indent.slice(2)}`;
}
