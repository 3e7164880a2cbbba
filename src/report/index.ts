/**
 * The report stage: one entry point for every format.
 * Input: a ScanResult sorted by path, the detectors' RuleInfo, rendering options.
 * Output: the report as a string. Never: does I/O (the CLI writes the string), never sorts or filters.
 */
import type { RuleInfo, ScanResult } from '../model.js';
import { renderCsv } from './csv.js';
import { renderJson } from './json.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';

export type ReportFormat = 'text' | 'json' | 'sarif' | 'csv';
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'sarif', 'csv'];

export interface ReportOptions {
  /** json, csv and text carry the unmasked value; SARIF ignores it (CONTRACT.md). */
  showValues: boolean;
  /** Colour in the text report only. */
  color: boolean;
  /** Language of the text report's words; default English. */
  lang?: 'ja' | 'en';
  /** Absolute scan root, declared as SARIF's %SRCROOT% when known. */
  srcRoot?: string;
  /** Closing lines of the text report (baseline counts…); other formats ignore them. */
  notes?: readonly string[];
}

export function isReportFormat(s: string): s is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(s);
}

export function renderReport(
  format: ReportFormat,
  result: ScanResult,
  rules: readonly RuleInfo[],
  options: ReportOptions,
): string {
  switch (format) {
    case 'text':
      return renderText(result, rules, options);
    case 'json':
      return renderJson(result, options);
    case 'sarif':
      return renderSarif(result, rules, {
        ...(options.srcRoot === undefined ? {} : { srcRoot: options.srcRoot }),
        ...(options.lang === undefined ? {} : { lang: options.lang }),
      });
    case 'csv':
      return renderCsv(result, rules, options);
  }
}
