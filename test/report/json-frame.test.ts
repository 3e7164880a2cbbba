/** Arrays streamed into a JSON frame give exactly JSON.stringify(doc, null, 2) plus a newline. */
import { describe, expect, it } from 'vitest';
import { jsonClose, jsonFrame, jsonItem, slot } from '../../src/report/json-frame.js';

function streamed(shape: (a: never[], b: never[]) => unknown, a: unknown[], b: unknown[]): string {
  const frame = jsonFrame(shape(slot(0), slot(1)), 2);
  let out = frame.parts[0] ?? '';
  a.forEach((item, i) => (out += jsonItem(item, frame.indents[0] ?? '', i === 0)));
  out += jsonClose(frame.indents[0] ?? '', a.length) + (frame.parts[1] ?? '');
  b.forEach((item, i) => (out += jsonItem(item, frame.indents[1] ?? '', i === 0)));
  return out + jsonClose(frame.indents[1] ?? '', b.length) + (frame.parts[2] ?? '');
}

function indentedStreamed(a: unknown[], indent: string): string {
  const frame = jsonFrame({ path: 'x', findings: slot(0), risk: 1 }, 1, indent);
  let out = frame.parts[0] ?? '';
  a.forEach((item, i) => (out += jsonItem(item, frame.indents[0] ?? '', i === 0)));
  return out + jsonClose(frame.indents[0] ?? '', a.length) + (frame.parts[1] ?? '');
}

const shapes: [string, (a: never[], b: never[]) => unknown][] = [
  ['top-level arrays', (a, b) => ({ head: { x: 1 }, a, b, tail: 'end' })],
  ['nested arrays', (a, b) => ({ runs: [{ a, inv: [{ ok: true, b }] }], n: [1, 2] })],
];
const items = [{ path: 'a.txt', findings: [], nested: { labels: ['社外秘'], risk: 0.5 } }, 'text "quoted"\n', 3, [], {}];

describe('jsonFrame', () => {
  for (const [name, shape] of shapes) {
    it.each([
      ['both empty', [], []],
      ['one item each', [items[0]], [items[1]]],
      ['many and none', items, []],
      ['none and many', [], items],
    ])(`${name}: %s`, (_, a, b) => {
      expect(streamed(shape, a, b)).toBe(JSON.stringify(shape(a as never[], b as never[]), null, 2));
    });
  }

  it.each([[[]], [items]])('at an indentation (an item of an outer array): %#', (a) => {
    const expected = JSON.stringify({ path: 'x', findings: a, risk: 1 }, null, 2).replaceAll('\n', '\n    ');
    expect(indentedStreamed(a, '    ')).toBe(expected);
  });

  it.each([[''], ['  '], ['      '], [' '], ['\t']])('an item at indentation %j is JSON.stringify indented', (indent) => {
    for (const item of [...items, { deep: [{ a: [1, { b: 'x\ny' }] }] }]) {
      expect(jsonItem(item, indent, false)).toBe(`,\n${indent}${JSON.stringify(item, null, 2).replaceAll('\n', `\n${indent}`)}`);
      expect(jsonItem(item, indent, true)).toBe(`\n${indent}${JSON.stringify(item, null, 2).replaceAll('\n', `\n${indent}`)}`);
    }
  });

  it('throws when a slot is missing (a bug, not a silent empty array)', () => {
    expect(() => jsonFrame({ a: slot(0) }, 2)).toThrow(/slot 1/);
  });
});
