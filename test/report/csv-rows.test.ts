/**
 * CSV rows the fixture does not reach (found unchecked by mutation testing): the row that counts occurrences
 * not listed (one per type and place, only when some are not listed, never a value even with showValues,
 * neutralised like every row), a finding whose type has no rule, and several special-care kinds.
 */
import { describe, expect, it } from 'vitest';
import type { AppiVerdict, FileResult, Occurrence } from '../../src/model.js';
import { renderReport } from '../../src/report/index.js';
import { makeResult, RULES } from './fixture.js';

const VERDICT: AppiVerdict = { categories: ['personal-information', 'special-care'], specialCare: ['medical-history', 'criminal-record'], persons: 3, roster: false, breachReportable: true };

function occurrence(type: string, count: number, listed: number, where: Occurrence['where']): Occurrence {
  return { type, count, listed, distinct: count - 1, level: 'medium', where };
}

function file(path: string, occurrences: Occurrence[], type = 'phone'): FileResult {
  return {
    path, format: 'xlsx', status: 'scanned', labels: [], labelled: false, risk: 0.5, sensitive: true, appi: VERDICT, occurrences,
    findings: [{ type, confidence: 0.85, level: 'high', location: { sheet: '名簿', cell: 'C2' }, value: '09000000000', masked: '090********', fingerprint: 'f' }],
  };
}

/** The data rows (after the BOM and header), split on commas: only the count cell holds one (it stays quoted). */
function rows(files: FileResult[], showValues: boolean): string[][] {
  const text = renderReport('csv', makeResult(files), RULES, { showValues, color: false, lang: 'en' });
  return text.split('\r\n').slice(1, -1).map((r) => r.split(','));
}

describe('CSV rows', () => {
  it.each([false, true])('count the occurrences not listed, one row per type and place that has some (showValues %s)', (showValues) => {
    const occ = [
      occurrence('phone', 40, 15, { sheet: '名簿', column: '電話' }),
      occurrence('email', 3, 3, { sheet: '名簿', column: 'mail' }),
      occurrence('custom-staff-id', 17, 15, {}),
    ];
    const [listed, phone, custom, ...rest] = rows([file('=list.xlsx', occ)], showValues);
    expect(rest).toEqual([]);
    expect(listed!.slice(0, 8)).toEqual(["'=list.xlsx", 'phone', '電話番号', 'high', '0.85', '名簿!C2', '090********', showValues ? '09000000000' : '']);
    expect(phone).toEqual(["'=list.xlsx", 'phone', '電話番号', 'medium', '', '名簿 column 電話 (not listed)', '"25 more (40 in all', ' 39 distinct)"', '', 'false', '0.50', 'false', 'true', 'false', 'true', 'false', 'medical-history criminal-record', '3', 'false', 'true']);
    expect(custom!.slice(1, 9)).toEqual(['custom-staff-id', 'custom-staff-id', 'medium', '', '(not listed)', '"2 more (17 in all', ' 16 distinct)"', '']);
  });

  it('name a type without a rule by its id', () => {
    const [row] = rows([file('a.xlsx', [], 'custom-staff-id')], false);
    expect(row!.slice(1, 3)).toEqual(['custom-staff-id', 'custom-staff-id']);
  });
});
