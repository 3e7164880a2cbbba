import { describe, expect, it } from 'vitest';
import { compileVocabulary } from '../../src/appi/vocabulary.js';
import { readVocabularyFile } from '../../src/appi/load-vocabulary.js';
import { EvidenceCollector } from '../../src/appi/evidence.js';
import { appiVerdict, ROSTER_MIN_PERSONS } from '../../src/appi/verdict.js';
import { rollUp } from '../../src/appi/roll-up.js';
import { fileRole } from '../../src/appi/file-role.js';
import { isSensitive } from '../../src/score/risk.js';
import type { Location, Segment } from '../../src/model.js';

const vocab = compileVocabulary(readVocabularyFile());
type F = { type: string; value: string; location: Location; suppressed?: { reason?: string } };
const at = (type: string, value: string, line: number): F => ({ type, value, location: { line, column: 1 } });

/** The verdict of a plain-text file, from its findings and its text (as one segment from line 1). */
function verdictOf(text: string, findings: F[], path = 'a.txt') {
  const c = new EvidenceCollector(vocab);
  const seg: Segment = { text, origin: { line: 1, column: 1 } };
  c.segment(seg, findings);
  return appiVerdict({ findings, evidence: c.done(), role: fileRole(path) });
}

describe('categories', () => {
  it('a name is personal information; a My Number is also an identifier code and 特定個人情報', () => {
    expect(verdictOf('氏名：山田 太郎', [at('person-name', '山田太郎', 1)]).categories).toEqual(['personal-information']);
    expect(verdictOf('個人番号 123456789018', [at('my-number', '123456789018', 1)]).categories).toEqual([
      'personal-information',
      'identifier-code',
      'specific-personal-information',
    ]);
  });
  it('a named business mailbox identifies its owner, a role mailbox does not', () => {
    expect(verdictOf('t-sato@example-corp.co.jp', [at('email', 't-sato@example-corp.co.jp', 1)]).categories).toEqual(['personal-information']);
    expect(verdictOf('info@example-corp.co.jp', [at('email', 'info@example-corp.co.jp', 1)]).categories).toEqual([]);
  });
  it('a postal code, an address, a birth date or a company number alone identifies no one', () => {
    const findings = [at('postal-code', '1000001', 1), at('address', '東京都千代田区千代田1-1', 1), at('birth-date', '1980-01-01', 2), at('corporate-number', '1234567890123', 3)];
    expect(verdictOf('x\ny\nz', findings).categories).toEqual([]);
  });
  it("an organisation's phone (代表, toll-free) is not personal; a fixed line alone is not either, a mobile is", () => {
    expect(verdictOf('代表 03-1234-5678', [at('phone', '0312345678', 1)]).categories).toEqual([]);
    expect(verdictOf('0120-123-456', [at('phone', '0120123456', 1)]).categories).toEqual([]);
    expect(verdictOf('電話 03-1234-5678', [at('phone', '0312345678', 1)]).categories).toEqual([]);
    expect(verdictOf('電話 090-1234-5678', [at('phone', '09012345678', 1)]).categories).toEqual(['personal-information']);
    expect(verdictOf('氏名：山田 太郎 電話 03-1234-5678', [at('person-name', '山田太郎', 1), at('phone', '0312345678', 1)]).persons).toBe(1);
  });
  it('suppressed findings do not count', () => {
    expect(verdictOf('x', [{ ...at('my-number', '123456789018', 1), suppressed: {} }]).categories).toEqual([]);
  });
});

describe('special care', () => {
  it('a field with a value in a file naming a person', () => {
    const v = verdictOf('氏名：山田 太郎\n既往歴：糖尿病', [at('person-name', '山田太郎', 1)]);
    expect(v.specialCare).toEqual(['medical-history']);
    expect(v.specialCareWords).toEqual({ 'medical-history': ['既往歴', '糖尿病'] });
    expect(v.breachReportable).toBe(true);
  });
  it('a blank form, a code name or a "none" value is not a trigger', () => {
    expect(verdictOf('氏名：山田 太郎\n既往歴：＿＿＿＿', [at('person-name', '山田太郎', 1)]).specialCare).toEqual([]);
    expect(verdictOf('氏名：山田 太郎\n病名コード 0012', [at('person-name', '山田太郎', 1)]).specialCare).toEqual([]);
    expect(verdictOf('氏名：山田 太郎\n既往歴：なし', [at('person-name', '山田太郎', 1)]).specialCare).toEqual([]);
  });
  it('a term counts near a person, not twenty lines away', () => {
    const near = verdictOf('山田 太郎 様\n逮捕されたとの連絡あり', [at('person-name', '山田太郎', 1)]);
    expect(near.specialCare).toEqual(['criminal-procedure']);
    const far = verdictOf(`山田 太郎 様${'\n'.repeat(20)}社会面：容疑者が逮捕された`, [at('person-name', '山田太郎', 1)]);
    expect(far.specialCare).toEqual([]);
  });
  it('never without an identifiable person (rulebook, error list, public page)', () => {
    expect(verdictOf('第12条 前科：ある者は採用しない\n病名：入力必須', []).specialCare).toEqual([]);
  });
  it('a line defining the categories (a privacy policy) is not a trigger even beside a name', () => {
    const text = '担当：山田 太郎 様 要配慮個人情報（人種、信条、社会的身分、病歴：等）は取得しません';
    expect(verdictOf(text, [at('person-name', '山田太郎', 1)]).specialCare).toEqual([]);
  });
  it('a word inside a longer word does not count (発信者 is not a believer)', () => {
    expect(verdictOf('氏名：山田 太郎 発信者番号通知あり', [at('person-name', '山田太郎', 1)]).specialCare).toEqual([]);
    expect(verdictOf('氏名：山田 太郎 キリスト教の信者である', [at('person-name', '山田太郎', 1)]).specialCare).toEqual(['creed']);
  });
  it('nationality is not race', () => {
    expect(verdictOf('氏名：山田 太郎\n国籍：日本', [at('person-name', '山田太郎', 1)]).specialCare).toEqual([]);
    expect(verdictOf('氏名：山田 太郎\n民族：アイヌ', [at('person-name', '山田太郎', 1)]).specialCare).toEqual(['race']);
  });
  it('health-check results need a health check in the file (合否判定 is not one)', () => {
    expect(verdictOf('氏名：山田 太郎\n判定：A', [at('person-name', '山田太郎', 1)]).specialCare).toEqual([]);
    expect(verdictOf('健康診断結果\n氏名：山田 太郎\n判定：要精密検査', [at('person-name', '山田太郎', 2)]).specialCare).toEqual(['health-check']);
  });
});

describe('persons and rosters', () => {
  it('counts distinct people, a customer on many lines once', () => {
    const findings = [1, 2, 3, 4].map((line) => at('phone', line % 2 ? '09011112222' : '09033334444', line));
    expect(verdictOf('a\nb\nc\nd', findings).persons).toBe(2);
  });
  it('four attendees on one line are four people', () => {
    const names = ['佐藤一郎', '鈴木花子', '高橋次郎', '田中陽子'].map((n) => at('person-name', n, 2));
    expect(verdictOf('x', [...names, at('person-name', '佐藤一郎', 4)]).persons).toBe(4);
  });
  it('two phones per row count the rows', () => {
    const findings = Array.from({ length: 60 }, (_, i) => [at('phone', `0901111${String(i).padStart(4, '0')}`, i + 2), at('phone', `0801111${String(i).padStart(4, '0')}`, i + 2)]).flat();
    const v = verdictOf('x', findings);
    expect(v.persons).toBe(60);
    expect(v.roster).toBe(60 >= ROSTER_MIN_PERSONS);
  });
  it('more than 1,000 people is breach-reportable; a card number is on its own', () => {
    const many = Array.from({ length: 1001 }, (_, i) => at('email', `user${i}@mail-sample.jp`, i + 1));
    expect(verdictOf('x', many).breachReportable).toBe(true);
    expect(verdictOf('x', many.slice(0, 1000)).breachReportable).toBe(false);
    expect(verdictOf('x', [at('person-name', '山田太郎', 1), at('credit-card', '4111111111111111', 1)]).breachReportable).toBe(true);
  });
});

describe('containers and the label policy', () => {
  const member = verdictOf('氏名：山田 太郎\n病名：喘息', [at('person-name', '山田太郎', 1)]);
  const clean = verdictOf('nothing', []);
  it("a container's verdict is the union of its members'", () => {
    const v = rollUp(clean, [member, clean, undefined]);
    expect(v.categories).toEqual(member.categories);
    expect(v.specialCare).toEqual(['medical-history']);
    expect(v.persons).toBe(1);
    expect(isSensitive(v)).toBe(true);
  });
  it('project metadata holds personal information but needs no label, unless always labelled', () => {
    const v = verdictOf('"author": "t-sato@example-corp.co.jp"', [at('email', 't-sato@example-corp.co.jp', 1)], 'lib/package.json');
    expect(v.categories).toEqual(['personal-information']);
    expect(v.role).toBe('project-metadata');
    expect(isSensitive(v)).toBe(false);
    expect(isSensitive({ ...v, roster: true })).toBe(true);
    expect(fileRole('a/AUTHORS')).toBe('project-metadata');
    expect(fileRole('a/authors-list.xlsx')).toBeUndefined();
  });
  it('the policy chooses the categories; special care, My Numbers and rosters always need a label', () => {
    const pi = verdictOf('氏名：山田 太郎', [at('person-name', '山田太郎', 1)]);
    expect(isSensitive(pi)).toBe(true);
    expect(isSensitive(pi, ['identifier-code'])).toBe(false);
    expect(isSensitive(member, [])).toBe(true);
  });
});
