import { describe, expect, it } from 'vitest';
import { BINARY_FORMATS, renderReport, REPORT_FORMATS, type ReportFormat } from '../../src/report/index.js';
import { FILES, makeResult, RULES } from './fixture.js';

/** Every non-empty value of the fixture; file-level findings carry none. */
const VALUES = FILES.flatMap((f) => f.findings.map((x) => x.value)).filter((v) => v !== '');

function render(format: ReportFormat, showValues: boolean): string {
  return renderReport(format, makeResult(), RULES, { showValues, color: true, lang: 'ja' });
}

describe('raw values', () => {
  it('the fixture has values to look for', () => {
    expect(VALUES.length).toBeGreaterThanOrEqual(10);
  });

  // xlsx (bytes) is checked in xlsx.test.ts.
  it.each(REPORT_FORMATS.filter((f) => !BINARY_FORMATS.includes(f)))('never appear in %s without showValues', (format) => {
    const out = render(format, false);
    expect(VALUES.filter((v) => out.includes(v))).toEqual([]);
  });

  it('never appear in SARIF, even with showValues', () => {
    const out = render('sarif', true);
    expect(VALUES.filter((v) => out.includes(v))).toEqual([]);
  });

  it.each(['json', 'csv', 'text'] as const)('all appear in %s with showValues', (format) => {
    const out = render(format, true);
    expect(VALUES.filter((v) => !out.includes(v))).toEqual([]);
  });
});
