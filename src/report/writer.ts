/**
 * A report written file by file, as the scan produces results in report order, and finished with the
 * summary: a scan of a million files hands each result over and forgets it.
 */
import { StringDecoder } from 'node:string_decoder';
import type { FileResult, ScanResult, ScanSummary } from '../model.js';

export interface ReportWriter {
  file(file: FileResult): void;
  /**
   * The whole report, in chunks (the parts kept in sections are read back here): text, text a section kept
   * on disk as its UTF-8 bytes (Section.chunks), or bytes made asynchronously for a binary format (xlsx).
   */
  finish(summary: ScanSummary): Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;
}

/** The report of a result held in memory, as one string (text formats only). */
export function renderAll(writer: ReportWriter, result: ScanResult): string {
  for (const file of result.files) writer.file(file);
  const chunks = writer.finish(result.summary);
  if (!(Symbol.iterator in chunks)) throw new Error('renderAll: a binary report is written with ReportOutput, not as a string');
  const decoder = new StringDecoder('utf8');
  let out = '';
  for (const chunk of chunks) out += typeof chunk === 'string' ? decoder.end() + chunk : decoder.write(chunk);
  return out + decoder.end();
}

/** The whole report as bytes, any format (tests, small reports). */
export async function renderBytes(writer: ReportWriter, result: ScanResult): Promise<Buffer> {
  for (const file of result.files) writer.file(file);
  const parts: Buffer[] = [];
  for await (const chunk of writer.finish(result.summary)) parts.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  return Buffer.concat(parts);
}
