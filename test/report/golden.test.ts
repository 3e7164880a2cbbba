import { describe, it } from 'vitest';
import { renderReport, type ReportFormat, type ReportOptions } from '../../src/report/index.js';
import { makeResult, RULES } from './fixture.js';
import { expectGolden } from './golden.js';

const base: ReportOptions = { showValues: false, color: false };

const cases: [string, ReportFormat, ReportOptions][] = [
  ['report.json', 'json', base],
  ['report.values.json', 'json', { ...base, showValues: true }],
  ['report.sarif', 'sarif', base],
  ['report.root.sarif', 'sarif', { ...base, srcRoot: '/srv/共有/scan root' }],
  ['report.csv', 'csv', base],
  ['report.values.csv', 'csv', { ...base, showValues: true }],
  ['report.en.txt', 'text', base],
  ['report.ja.txt', 'text', { ...base, lang: 'ja' }],
  ['report.values.en.txt', 'text', { ...base, showValues: true }],
  ['report.color.en.txt', 'text', { ...base, color: true }],
];

describe('golden reports', () => {
  it.each(cases)('%s', (name, format, options) => {
    expectGolden(name, renderReport(format, makeResult(), RULES, options));
  });
});
