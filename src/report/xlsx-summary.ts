/**
 * The xlsx report's summary sheet: the HTML report's overview as rows (same words, same counts), then
 * findings by type and the reasons files were not examined.
 * Input: the summary, the aggregate of every file, the sheets' row counts. Output: rows of cells.
 * Never: a formula (text cells go through textCell).
 */
import type { ScanResult, ScanSummary } from '../model.js';
import type { HtmlAggregate } from './html-aggregate.js';
import type { HtmlText } from './html-text.js';
import { textCell, type Cell } from './xlsx-rows.js';

export interface SheetCounts {
  files: number;
  occurrences: number;
  findings: number;
  max: number;
}

export function summaryRows(
  t: HtmlText,
  tool: ScanResult['tool'],
  s: ScanSummary,
  agg: HtmlAggregate,
  typeName: (id: string) => string,
  counts: SheetCounts,
): Cell[][] {
  const appi = agg.appiFiles > 0;
  const maybe = (n: number): Cell => (appi ? n : '—');
  const rows: Cell[][] = [
    [textCell(t.title)],
    [textCell(t.generated(`${tool.name} ${tool.version}`)), '', textCell(t.maskedNote)],
    [],
    [textCell(t.filesConsidered), s.files],
    [textCell(t.scanned), s.scanned],
    [textCell(t.notExamined), s.skipped + s.errors],
    [textCell(t.withFindings), agg.withFindings],
    [textCell(t.unlabelledPersonal), agg.unlabelledPersonal],
    [textCell(t.unlabelledSensitive), agg.unlabelledSensitive],
    [textCell(t.rosters), maybe(agg.rosters)],
    [textCell(t.specialCare), maybe(agg.specialCare)],
    [textCell(t.specificPersonal), maybe(agg.specificPersonal)],
    [textCell(t.breachReportable), maybe(agg.breachReportable)],
    [textCell(t.findings), s.findings],
    [textCell(t.suppressed), s.suppressed],
  ];
  if (!appi) rows.push([textCell(t.noAppi)]);
  for (const [what, n] of [['files', counts.files], ['occurrences', counts.occurrences], ['findings', counts.findings]] as const) {
    if (n > counts.max) rows.push([textCell(`${what}: ${n - counts.max} rows over the sheet's limit of ${counts.max} left out (the JSON report has them all)`)]);
  }
  rows.push([], [textCell(t.byType), textCell(t.count)]);
  for (const [id, n] of Object.entries(s.byType).sort((a, b) => b[1] - a[1])) rows.push([textCell(typeName(id)), n, id]);
  rows.push([], [textCell(t.notExaminedWhy), textCell(t.files)]);
  for (const [reason, n] of agg.notExamined()) rows.push([textCell(reason), n]);
  if (agg.otherReasons > 0) rows.push(['…', agg.otherReasons]);
  return rows;
}
