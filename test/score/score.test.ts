import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model.js';
import { fingerprint, valueHash } from '../../src/score/fingerprint.js';
import { findLabels } from '../../src/score/labels.js';
import { maskValue } from '../../src/score/mask.js';
import { fileRisk } from '../../src/score/risk.js';
import { loadLabelWords } from '../../src/patterns/load.js';

describe('maskValue', () => {
  it.each([
    ['my-number', '123456789018', '1234 **** ****'],
    ['credit-card', '3530112345678904', '3530 **** **** 8904'],
    ['phone', '09012345678', '090********'],
    ['postal-code', '1000001', '100-****'],
    ['email', 'taro.yamada@example-shoji.co.jp', 't***@example-shoji.co.jp'],
    ['birth-date', '1985-04-12', '1985-**-**'],
    ['address', '東京都千代田区千代田1-1', '東京都千代田区＊＊＊'],
    ['person-name', '山田太郎', '山＊＊＊'],
    ['passport', 'TR1234567', 'TR*******'],
  ])('%s %s → %s', (type, value, masked) => {
    expect(maskValue(type, value)).toBe(masked);
  });

  it('never returns the value itself for any type', () => {
    for (const [type, value] of [['bank-account', '1234567'], ['insurer-number', '01040013'], ['pension-number', '1234567890'], ['custom', 'ABCDEFGH']]) {
      expect(maskValue(type as string, value as string)).not.toContain(value);
    }
  });
});

describe('fingerprints', () => {
  it('change with the key, the value and the occurrence (the HMAC itself: test/properties/fingerprints.test.ts)', () => {
    const a = fingerprint('k1', 'a.txt', 'my-number', '123456789018', 1);
    expect(fingerprint('k1', 'a.txt', 'my-number', '123456789018', 1)).toBe(a);
    expect(fingerprint('k2', 'a.txt', 'my-number', '123456789018', 1)).not.toBe(a);
    expect(fingerprint('k1', 'a.txt', 'my-number', '987654321093', 1)).not.toBe(a);
    expect(fingerprint('k1', 'a.txt', 'my-number', '123456789018', 2)).not.toBe(a);
    expect(valueHash('k1', 'my-number', '123456789018')).not.toBe(valueHash('k2', 'my-number', '123456789018'));
  });
});

describe('findLabels', () => {
  const words = loadLabelWords();
  it.each([
    [['【社外秘】顧客リスト.xlsx'], ['社外秘']],
    [['顧客リスト_社内秘.csv'], ['社内秘']],
    [['㊙ 取締役会資料'], ['秘']],
    [['秘書課の連絡先一覧'], []],
    [['個人情報の取り扱いについて説明します'], []],
    [['【個人情報】応募者一覧'], ['個人情報']],
    [['STRICTLY CONFIDENTIAL'], ['Strictly Confidential']],
    [['This document is internal.'], ['Internal']],
    [['international sales'], []],
    [['機密情報を含む'], ['機密']],
  ])('%j → %j', (texts, expected) => {
    expect(findLabels(texts, words)).toEqual(expected);
  });
});

describe('risk', () => {
  const f = (type: string, confidence: number, level: Finding['level']): Finding => ({ type, confidence, level, location: {}, value: 'x', masked: 'x', fingerprint: 'f' });
  const severity = (t: string) => (t === 'my-number' ? 'high' : t === 'postal-code' ? 'low' : 'medium') as Finding['level'];
  it('one high-severity finding outweighs many low ones', () => {
    expect(fileRisk([f('my-number', 0.95, 'high')], severity)).toBe(0.95);
    expect(fileRisk([f('postal-code', 0.6, 'medium'), f('postal-code', 0.6, 'medium')], severity)).toBeLessThan(0.3);
  });
  it('many medium findings add up', () => {
    const many = Array.from({ length: 8 }, () => f('email', 0.7, 'medium'));
    expect(fileRisk(many, severity)).toBeGreaterThanOrEqual(0.9);
  });
  it('suppressed findings do not count', () => {
    const s = { ...f('my-number', 0.95, 'high'), suppressed: {} };
    expect(fileRisk([s], severity)).toBe(0);
  });
});
