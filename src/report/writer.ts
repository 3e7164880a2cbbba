/**
 * A report written file by file, as the scan produces results in report order, and finished with the
 * summary: a scan of a million files hands each result over and forgets it.
 */
import type { FileResult, ScanResult, ScanSummary } from '../model.js';

export interface ReportWriter {
  file(file: FileResult): void;
  /**
   * The whole report, in chunks (the parts kept in sections are read back here): text, or bytes made
   * asynchronously for a binary format (xlsx).
   */
  finish(summary: ScanSummary): Iterable<string> | AsyncIterable<string | Uint8Array>;
}

/** The report of a result held in memory, as one string (text formats only). */
export function renderAll(writer: ReportWriter, result: ScanResult): string {
  for (const file of result.files) writer.file(file);
  const chunks = writer.finish(result.summary);
  if (!(Symbol.iterator in chunks)) throw new Error('renderAll: a binary report is written with ReportOutput, not as a string');
  return [...chunks].join('');
}

/** The whole report as bytes, any format (tests, small reports). */
export async function renderBytes(writer: ReportWriter, result: ScanResult): Promise<Buffer> {
  for (const file of result.files) writer.file(file);
  const parts: Buffer[] = [];
  for await (const chunk of writer.finish(result.summary)) parts.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  return Buffer.concat(parts);
}
