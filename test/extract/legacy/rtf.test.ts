import { describe, expect, it } from 'vitest';
import { decodeRtf } from '../../../src/extract/rtf-decode.js';
import { extractAs, lines, load } from './helpers.js';

const rtf = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));

describe('RTF decoding', () => {
  it.each([
    ['cp932 escapes in \\ansicpg932', "{\\rtf1\\ansi\\ansicpg932 \\'8e\\'81\\'96\\'bc}", '氏名'],
    ['a cp932 trail byte written as a plain character (\\\'83A = ア)', "{\\rtf1\\ansi\\ansicpg932 \\'83A\\'83C}", 'アイ'],
    ['\\fcharset128 on the current font decides the code page', "{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f1\\fcharset128 x;}}\\f1 \\'93\\'64\\'98\\'62}", '電話'],
    ['\\uN with its \\uc2 fallback skipped', "{\\rtf1\\ansi\\uc2 \\u27663\\'8e\\'81\\u21517\\'96\\'bc}", '氏名'],
    ['negative \\uN and a surrogate pair', "{\\rtf1\\ansi\\uc1 \\u-10179?\\u-8703?}", '\u{1f601}'],
    ['\\par, \\tab and \\cell become newline and tab', '{\\rtf1 a\\par b\\tab c\\cell d}', 'a\nb\tc\td'],
    ['escaped braces and backslash', '{\\rtf1 \\{x\\}\\\\}', '{x}\\'],
    ['\\upr reads the Unicode alternative, not the ANSI one', "{\\rtf1{\\upr{\\'3f\\'3f}{\\*\\ud{\\u27663?\\u21517?}}}}", '氏名'],
    ['pictures, font tables and \\* destinations are not text', "{\\rtf1{\\fonttbl{\\f0 Arial;}}{\\*\\generator x;}{\\pict 0102}text}", 'text'],
    ['\\bin data is skipped byte for byte', '{\\rtf1 a\\bin3 {}}b}', 'ab'],
  ])('%s', (_, source, body) => {
    expect(decodeRtf(rtf(source)).body).toBe(body);
  });

  it('header, footnote and \\info fields go to their own places', () => {
    const d = decodeRtf(rtf("{\\rtf1\\ansicpg932{\\info{\\title \\'96\\'bc\\'95\\'eb}{\\author x}}{\\header \\'8e\\'d0\\'8a\\'4f\\'94\\'e9\\par}body{\\*\\footnote note 1}}"));
    expect(d).toMatchObject({ body: 'body', margins: ['社外秘'], notes: [{ part: 'footnotes', text: 'note 1' }], info: [{ name: 'Title', value: '名簿' }, { name: 'Author', value: 'x' }] });
  });

  it('counts bytes its code page cannot decode and malformed escapes', () => {
    expect(decodeRtf(rtf("{\\rtf1\\ansicpg932 a\\'82\\'zz b\\'ff}")).invalid).toBeGreaterThanOrEqual(2);
  });

  it('a deeply nested document is read without recursion', () => {
    const d = decodeRtf(rtf(`{\\rtf1 ${'{'.repeat(100000)}x${'}'.repeat(100000)}}`));
    expect(d.body).toBe('x');
  });
});

describe('.rtf extractor', () => {
  it.each(['memo-cp932.rtf', 'memo-unicode.rtf'])('%s: paragraphs, header as label zone, properties', async (name) => {
    const r = await extractAs(name, load(`legacy/${name}`));
    expect(lines(r)).toEqual([
      '顧客対応記録 @ {"part":"document","paragraph":1}',
      '氏名：試験 太郎 @ {"part":"document","paragraph":2}',
      '電話番号：090-1234-5678 @ {"part":"document","paragraph":3}',
      'マイナンバー：123456789018 @ {"part":"document","paragraph":4}',
      '〒100-0001 東京都千代田区千代田1-1 @ {"part":"document","paragraph":5}',
      '社外秘 @ {"part":"header"}',
      'Title: 顧客対応記録 @ {"part":"properties"}',
      'Author: 試験 次郎 @ {"part":"properties"}',
    ]);
    expect(r.ok && r.notes).toBeUndefined();
  });

  it.each([
    ['bad-hex.rtf', /^partly decoded: 2 invalid byte sequences/],
    ['bin-bomb.rtf', /^truncated: binary data \(\\bin\) declared \d+ bytes past the end of the file$/],
  ])('%s is scanned with a note, never silently clean', async (name, note) => {
    const r = await extractAs(name, load(`hostile/${name}`));
    expect(r.ok && r.notes?.[0]).toMatch(note);
  });
});
