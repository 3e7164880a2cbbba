/**
 * The keyed-value regex of person-name (patterns/digit-shape.ts KEYED_PREFIX) run sticky at keyPlaces finds
 * exactly what its global scan finds, and detectText finds the same candidates with it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectText } from '../../src/detect/detect.js';
import { keyPlaces } from '../../src/detect/key-places.js';
import { startShapeOf } from '../../src/patterns/digit-shape.js';
import { loadBuiltinRules } from '../../src/patterns/load.js';
import { expectSameDetection, long } from './same-detection.js';

const rules = loadBuiltinRules();
const keyed = rules.flatMap((r) => r.regexes.filter((x) => x.starts === 'keyed').map((x) => ({ id: r.id, x })));

function globalMatches(re: RegExp, text: string, from = 0): string[] {
  const g = new RegExp(re.source, re.flags);
  g.lastIndex = from;
  const out: string[] = [];
  for (let m = g.exec(text); m; m = g.exec(text)) out.push(`${m.index}:${m[0]}`);
  return out;
}

function stickyMatches(re: RegExp, text: string, from = 0): string[] {
  const sticky = new RegExp(re.source, `${re.flags}y`);
  const out: string[] = [];
  let after = from;
  for (const at of keyPlaces(text)) {
    if (at < after) continue;
    sticky.lastIndex = at;
    const m = sticky.exec(text);
    if (!m) continue;
    out.push(`${m.index}:${m[0]}`);
    after = m.index + m[0].length;
  }
  return out;
}

const KEYS = ['name', 'customer_name', 'dept', 'kana', 'Kana', 'x.y-z', '_id', 'code', 'a1', 'shimei', 'n', 'verylongkey_verylongkey_verylongkey_verylongkey'];
const keyedText = fc
  .array(
    fc.oneof(
      fc.tuple(fc.constantFrom('', '"', "'", '{', ' ', ',', 'x', '1', '.', '-', '\n'), fc.constantFrom(...KEYS), fc.constantFrom('', '"', "'"), fc.constantFrom(':', '=', '=>', ' : ', ' = ', '>', ':='), fc.constantFrom('', ' ', '"', "'", ' "'), fc.constantFrom('山田 太郎', 'ヤマダ タロウ', '営業部', '設定', 'やまだ はなこ', 'abc', '123', '山田', ''), fc.constantFrom('', '"', "'", ',', ' ', '}', '\n')).map((parts) => parts.join('')),
      fc.tuple(fc.constantFrom('(', ',', ' (', ', ', '( '), fc.constantFrom("'", ' '), fc.constantFrom('佐藤 花子', 'サトウ', '東京', 'x'), fc.constantFrom("'", "',", '')).map((parts) => parts.join('')),
      fc.constantFrom(' ', '\n', 'x', ':', '=', "'", '"', '山', 'カナ', ', ', '"code": "0413", '),
    ),
    { maxLength: 10 },
  )
  .map((parts) => parts.join(''));


describe('keyPlaces', () => {
  it('person-name has the one keyed regex', () => {
    expect(keyed.map((k) => k.id)).toEqual(['person-name']);
    expect(startShapeOf(`${keyed[0]?.x.re.source}|x`)).toBeUndefined();
  });

  it.each(keyed.map((k) => [k.id, k.x]))('%s: the same matches as the global scan, from any place', (_id, x) => {
    const re = x.whole ?? x.tail ?? x.re;
    fc.assert(
      fc.property(keyedText, fc.nat(80), (t, from) => {
        const at = Math.min(from, t.length);
        expect(stickyMatches(re, t, at)).toEqual(globalMatches(re, t, at));
      }),
      { numRuns: 3000 },
    );
  });

  it.each(['{"name": "山田 太郎"}', "name='小川 隆'", 'customer_name => "佐藤 花子"', "INSERT INTO t VALUES (1, '鈴木 一郎', 'スズキ イチロウ')", 'x.y-z : 山田 太郎', '"verylongkey_verylongkey_verylongkey_verylongkey": "山田 太郎"', '"code": "0413", "name": "スタンダード チャータード"', `"${'k'.repeat(41)}": "山田 太郎"`, `${'k'.repeat(41)} = 山田 太郎`, `'${'k'.repeat(42)}'='山田 太郎'`])('%s', (t) => {
    const x = keyed[0]?.x;
    if (!x) throw new Error('no keyed regex');
    const re = x.whole ?? x.tail ?? x.re;
    expect(stickyMatches(re, t)).toEqual(globalMatches(re, t));
  });

  it('detectText finds the same candidates with and without it', () => {
    const plain = rules.map((r) => ({ ...r, regexes: r.regexes.map(({ starts: _starts, ...rest }) => rest) }));
    expectSameDetection(rules, plain, keyedText);
    const t = long('{"name": "山田 太郎", "kana": "ヤマダ タロウ"}', true);
    expect(detectText(t, rules).some((c) => c.type === 'person-name')).toBe(true);
  });
});
