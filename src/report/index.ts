/**
 * The report stage: one entry point for every format.
 * Input: a ScanResult sorted by path (or its files one by one, in that order), the detectors' RuleInfo,
 * rendering options. Output: the report as a string, or in chunks. Never: does I/O itself (the CLI writes
 * the chunks; sections that spill to disk are passed in), never sorts or filters.
 */
import type { RuleInfo, ScanResult } from '../model.js';
import { CsvWriter } from './csv.js';
import type { PreviousReport } from './html-changes.js';
import { HtmlWriter } from './html.js';
import { JsonWriter } from './json.js';
import { SarifWriter } from './sarif.js';
import { memorySection, type SectionFactory } from './sections.js';
import { TextWriter } from './text.js';
import { XlsxWriter } from './xlsx.js';
import { renderAll, type ReportWriter } from './writer.js';

export { renderBytes } from './writer.js';

export type { ReportWriter } from './writer.js';
export type { Section, SectionFactory } from './sections.js';

export type ReportFormat = 'text' | 'json' | 'sarif' | 'csv' | 'html' | 'xlsx';
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'sarif', 'csv', 'html', 'xlsx'];
/** Formats whose report is bytes, not text: written with ReportOutput, never rendered as a string. */
export const BINARY_FORMATS: readonly ReportFormat[] = ['xlsx'];

export interface ReportOptions {
  /** json, csv and text carry the unmasked value; SARIF ignores it (CONTRACT.md). */
  showValues: boolean;
  /** Colour in the text report only. */
  color: boolean;
  /** Language of the text and HTML reports' words (and SARIF messages); default English. */
  lang?: 'ja' | 'en';
  /** Absolute scan root, declared as SARIF's %SRCROOT% when known. */
  srcRoot?: string;
  /** Closing lines of the text report (baseline counts…); other formats ignore them. */
  notes?: readonly string[];
  /** --all-findings: SARIF writes one result per finding instead of one per occurrence. */
  allFindings?: boolean;
  /** `jpii report --previous`: the HTML report shows what changed since this report. */
  previous?: PreviousReport;
}

export function isReportFormat(s: string): s is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(s);
}

/** A report written file by file; `sections` decides where its parts wait for the end (memory by default). */
export function reportWriter(
  format: ReportFormat,
  tool: ScanResult['tool'],
  rules: readonly RuleInfo[],
  options: ReportOptions,
  sections: SectionFactory = memorySection,
): ReportWriter {
  switch (format) {
    case 'text':
      return new TextWriter(rules, options, sections);
    case 'json':
      return new JsonWriter(tool, options, sections);
    case 'sarif':
      return new SarifWriter(
        tool,
        rules,
        {
          ...(options.srcRoot === undefined ? {} : { srcRoot: options.srcRoot }),
          ...(options.lang === undefined ? {} : { lang: options.lang }),
          ...(options.allFindings ? { perFinding: true } : {}),
        },
        sections,
      );
    case 'csv':
      return new CsvWriter(rules, options, sections);
    case 'html':
      return new HtmlWriter(
        tool,
        rules,
        { ...(options.lang === undefined ? {} : { lang: options.lang }), ...(options.previous === undefined ? {} : { previous: options.previous }) },
        sections,
      );
    case 'xlsx':
      return new XlsxWriter(tool, rules, { showValues: options.showValues, ...(options.lang === undefined ? {} : { lang: options.lang }) }, sections);
  }
}

export function renderReport(format: ReportFormat, result: ScanResult, rules: readonly RuleInfo[], options: ReportOptions): string {
  return renderAll(reportWriter(format, result.tool, rules, options), result);
}
