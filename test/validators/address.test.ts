import { describe, it, expect } from 'vitest';
import { validateAddress, PREFECTURES, prefectureOf } from '../../src/validators/address.js';

// Addresses are public landmarks or made-up block numbers, not anyone's home.
describe('validateAddress accepts addresses down to the block', () => {
  const cases: [string, number][] = [
    ['東京都千代田区千代田1-1', 0.1],
    ['東京都千代田区丸の内1-9-1', 0.1],
    ['大阪府大阪市北区梅田一丁目1番1号', 0.1],
    ['北海道札幌市中央区北一条西2丁目', 0.1],
    ['長野県北佐久郡軽井沢町大字軽井沢1323番地', 0.1],
    ['沖縄県島尻郡座間味村座間味109', 0],
    ['神奈川県横浜市中区日本大通1', 0],
    ['京都府京都市上京区 下立売通新町西入薮ノ内町 85-3', 0.1],
    ['東京都町田市森野2-2-22', 0.1],
    ['鹿児島県鹿児島市山下町11番1号', 0.1],
    ['和歌山県和歌山市七番丁23', 0],
  ];
  it.each(cases)('%s (bonus %d)', (text, bonus) => {
    expect(validateAddress(text)).toEqual({ ok: true, value: text, bonus });
  });

  it('trims surrounding spaces only', () => {
    expect(validateAddress('  東京都港区芝公園 4-2-8  ')).toEqual({ ok: true, value: '東京都港区芝公園 4-2-8', bonus: 0.1 });
  });
});

describe('validateAddress rejects places that are not addresses', () => {
  const cases: [string, string][] = [
    ['東京都', 'prefecture alone'],
    ['東京都千代田区', 'no block number'],
    ['大阪府大阪市北区梅田', 'no block number'],
    ['東京都 123', 'no municipality'],
    ['千代田区千代田1-1', 'no prefecture'],
    ['東京本社 1-1', 'not a prefecture'],
    ['東京都知事選挙 2024年', 'no municipality marker'],
    ['米国カリフォルニア州 1-2-3', 'foreign'],
    [`東京都千代田区${'あ'.repeat(120)}1`, 'too long'],
    ['', 'empty'],
  ];
  it.each(cases)('%s (%s)', (text) => {
    expect(validateAddress(text).ok).toBe(false);
  });
});

describe('validateAddress with options.noPrefecture', () => {
  const cases: [string, boolean][] = [
    ['千代田区千代田1-1', true],
    ['横浜市中区日本大通1', true],
    ['北佐久郡軽井沢町大字軽井沢1323', true],
    ['東京都千代田区千代田1-1', true],
    ['千代田区', false],
    ['本社ビル1-1', false],
    ['第3会議室 2-1', false],
  ];
  it.each(cases)('%s → %s', (text, ok) => {
    expect(validateAddress(text, { noPrefecture: true }).ok).toBe(ok);
  });
});

describe('PREFECTURES', () => {
  it('lists the 47 prefectures once each, ending in 都/道/府/県', () => {
    expect(PREFECTURES).toHaveLength(47);
    expect(new Set(PREFECTURES).size).toBe(47);
    expect(PREFECTURES.every((p) => /^.{2,3}[都道府県]$/.test(p))).toBe(true);
  });
  it('finds the prefecture an address starts with', () => {
    expect(prefectureOf('京都府京都市')).toBe('京都府');
    expect(prefectureOf('東京都京都')).toBe('東京都');
    expect(prefectureOf('京都市')).toBeUndefined();
  });
});
