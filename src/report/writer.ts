/**
 * A report written file by file, as the scan produces results in report order, and finished with the
 * summary: a scan of a million files hands each result over and forgets it.
 */
import type { FileResult, ScanResult, ScanSummary } from '../model.js';

export interface ReportWriter {
  file(file: FileResult): void;
  /** The whole report text, in chunks (the parts kept in sections are read back here). */
  finish(summary: ScanSummary): Iterable<string>;
}

/** The report of a result held in memory, as one string. */
export function renderAll(writer: ReportWriter, result: ScanResult): string {
  for (const file of result.files) writer.file(file);
  return [...writer.finish(result.summary)].join('');
}
