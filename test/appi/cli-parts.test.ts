import { describe, expect, it } from 'vitest';
import { APPI_CATEGORIES, SPECIAL_CARE_IDS } from '../../src/model.js';
import { parseLabelPolicy, UsageError } from '../../src/options.js';
import { renderRules } from '../../src/rules-command.js';
import { appiFromJson } from '../../src/appi/from-json.js';

describe('--require-label', () => {
  it('takes category ids, or none', () => {
    expect(parseLabelPolicy('--require-label', 'identifier-code,breach-reportable')).toEqual(['identifier-code', 'breach-reportable']);
    expect(parseLabelPolicy('--require-label', 'none')).toEqual([]);
  });
  it('names the flag and the unknown id', () => {
    expect(() => parseLabelPolicy('--require-label', 'nationality')).toThrow(UsageError);
    expect(() => parseLabelPolicy('--require-label', 'nationality')).toThrow(/--require-label: unknown category 'nationality'/);
  });
});

describe('jpii rules', () => {
  it('lists every APPI category and special-care kind with its Japanese name and source', () => {
    const text = renderRules('text');
    for (const id of [...APPI_CATEGORIES, ...SPECIAL_CARE_IDS]) expect(text).toMatch(new RegExp(`^${id}  `, 'm'));
    expect(text).toContain('要配慮個人情報 / Special care-required personal information  [個人情報保護法2条3項, 施行令2条]');
    expect(text).toMatch(/^ {2}APPI: {6}個人情報, 個人識別符号, 特定個人情報$/m);
  });
});

describe('appi read back from a JSON report', () => {
  it('keeps known ids and drops unknown ones', () => {
    const v = appiFromJson({ categories: ['personal-information', 'future-category'], specialCare: ['race', 'x'], persons: 3, roster: false, breachReportable: true, specialCareWords: { race: ['人種'] } });
    expect(v).toEqual({ categories: ['personal-information'], specialCare: ['race'], persons: 3, roster: false, breachReportable: true, specialCareWords: { race: ['人種'] } });
    expect(appiFromJson('nope')).toBeUndefined();
  });
});
