import { describe, expect, it } from 'vitest';
import { renderReport } from '../../src/report/index.js';
import { makeResult, RULES } from './fixture.js';

interface JsonReport {
  tool: { name: string; version: string };
  files: Record<string, unknown>[];
  summary: Record<string, unknown>;
}

function json(showValues: boolean): JsonReport {
  return JSON.parse(renderReport('json', makeResult(), RULES, { showValues, color: false })) as JsonReport;
}

function findingsOf(report: JsonReport, path: string): Record<string, unknown>[] {
  const file = report.files.find((f) => f.path === path);
  return (file?.findings ?? []) as Record<string, unknown>[];
}

describe('JSON report', () => {
  it('is pretty-printed with two spaces and ends in a newline', () => {
    const text = renderReport('json', makeResult(), RULES, { showValues: false, color: false });
    expect(text.startsWith('{\n  "tool": {\n    "name": "jpii"')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('lists every file whatever its status, with a reason only when not scanned', () => {
    const files = json(false).files;
    expect(files.map((f) => [f.path, f.status, f.reason])).toEqual([
      ['a.zip', 'scanned', undefined],
      ['a.zip!/名簿/顧客 リスト.csv', 'scanned', undefined],
      ['big.log', 'skipped', 'larger than --max-file-size (10 MB)'],
      ['broken.xlsx', 'error', 'corrupt zip: end of central directory not found'],
      ['data/customers.xlsx', 'scanned', undefined],
      ['docs/案内.pdf', 'scanned', undefined],
      ['notes/memo.txt', 'scanned', undefined],
      ['report.docx', 'scanned', undefined],
      ['slides/deck.pptx', 'scanned', undefined],
      ['video.mp4', 'skipped', 'unsupported format'],
    ]);
    expect(Object.keys(files[0] ?? {})).toEqual(['path', 'format', 'status', 'labels', 'labelled', 'risk', 'sensitive', 'findings']);
  });

  it('rounds confidence and risk to two decimals', () => {
    const report = json(false);
    const memo = report.files.find((f) => f.path === 'notes/memo.txt');
    expect(memo?.risk).toBe(0.88);
    expect(findingsOf(report, 'notes/memo.txt').map((f) => f.confidence)).toEqual([0.41, 0.9, 0.96, 0.7, 0.88]);
    expect(report.files.find((f) => f.path === 'data/customers.xlsx')?.risk).toBe(0.91);
  });

  it('writes only the location keys a finding has', () => {
    const locations = (path: string) => findingsOf(json(false), path).map((f) => f.location);
    expect(locations('data/customers.xlsx')).toEqual([{ sheet: '顧客', cell: 'B3' }, { sheet: 'Sheet1', cell: 'C4' }]);
    expect(locations('docs/案内.pdf')).toEqual([{ page: 2 }]);
    expect(locations('report.docx')).toEqual([{ part: 'header1', paragraph: 2 }]);
  });

  it.each([
    [false, undefined],
    [true, '4000001234567899'],
  ])('writes value only with showValues (%s)', (showValues, value) => {
    const card = findingsOf(json(showValues), 'notes/memo.txt')[2];
    expect(card?.masked).toBe('4000 **** **** 7899');
    expect(card?.value).toBe(value);
    expect(Object.keys(card ?? {})).toEqual(
      ['type', 'confidence', 'level', 'location', 'masked', ...(showValues ? ['value'] : []), 'fingerprint'],
    );
  });

  it('marks suppressed findings and counts them in the summary', () => {
    const report = json(false);
    const suppressed = findingsOf(report, 'notes/memo.txt').filter((f) => f.suppressed !== undefined);
    expect(suppressed.map((f) => [f.type, f.suppressed])).toEqual([['birth-date', { reason: 'テスト用データ, "ok"' }]]);
    expect(report.summary).toMatchObject({ files: 10, scanned: 7, skipped: 2, errors: 1, findings: 12, suppressed: 1 });
    expect(Object.keys(report.summary)).toEqual(['files', 'scanned', 'skipped', 'errors', 'findings', 'byType', 'suppressed']);
  });
});
