import { readFileSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';
import { describe, it, expect } from 'vitest';
import { isKnownPostalCode, validatePostalCode } from '../../src/validators/postal-code.js';

// Codes checked against jquery-jpostal-ja 2.14.73 json/NNN.json (data/README.md); public area and office codes.
describe('isKnownPostalCode', () => {
  const known: [string, string][] = [
    ['1000001', '東京都千代田区千代田 (area)'],
    ['1000000', '東京都千代田区 (以下に掲載がない場合)'],
    ['0600000', '北海道札幌市中央区 (以下に掲載がない場合)'],
    ['0600001', '北海道札幌市中央区北一条西'],
    ['5300001', '大阪府大阪市北区梅田'],
    ['9998531', '山形県飽海郡遊佐町 (last file)'],
    ['1008111', '事業所: 宮内庁'],
    ['5308201', '事業所: 大阪市役所'],
    ['1008994', '事業所: 東京中央郵便局'],
  ];
  it.each(known)('%s is known (%s)', (code) => {
    expect(isKnownPostalCode(code)).toBe(true);
  });

  const unknown: [string, string][] = [
    ['0000000', 'no 000 prefix'],
    ['9999999', 'unallocated in 999'],
    ['1000099', 'unallocated in 100'],
    ['1234567', 'sequential digits'],
    ['100001', 'six digits'],
    ['10000011', 'eight digits'],
    ['100-0001', 'hyphen: helper takes digits only'],
  ];
  it.each(unknown)('%s is not known (%s)', (code) => {
    expect(isKnownPostalCode(code)).toBe(false);
  });
});

describe('validatePostalCode', () => {
  const ok: [string, string, number][] = [
    ['100-0001', '1000001', 0.1],
    ['1000001', '1000001', 0],
    ['〒100-0001', '1000001', 0.1],
    ['〒 530-0001', '5300001', 0.1],
    ['530 - 0001', '5300001', 0.1],
    ['060 0000', '0600000', 0],
    [' 100-8111 ', '1008111', 0.1],
  ];
  it.each(ok)('%s → %s', (text, value, bonus) => {
    expect(validatePostalCode(text)).toEqual({ ok: true, value, bonus });
  });

  const bad: [string, string][] = [
    ['000-0000', 'unallocated'],
    ['999-9999', 'unallocated'],
    ['123-4567', 'unallocated'],
    ['1000-001', 'wrong grouping'],
    ['100-00011', 'too long'],
    ['10-00001', 'wrong grouping'],
    ['100/0001', 'wrong separator'],
    ['abc-defg', 'letters'],
    ['', 'empty'],
  ];
  it.each(bad)('%s is rejected (%s)', (text) => {
    expect(validatePostalCode(text).ok).toBe(false);
  });
});

describe('data/postal-codes.bin.br', () => {
  it('holds the 142,871 codes stated in data/README.md', () => {
    const bits = brotliDecompressSync(readFileSync(new URL('../../data/postal-codes.bin.br', import.meta.url)));
    let count = 0;
    for (const byte of bits) for (let b = byte; b !== 0; b &= b - 1) count++;
    expect(bits.length).toBe(1_250_000);
    expect(count).toBe(142_871);
  });
});
