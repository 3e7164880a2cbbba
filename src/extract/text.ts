/**
 * text: the fallback extractor, for plain text, CSV and TSV.
 * Input: a file's bytes and name. Output: one Segment holding the whole decoded text at line 1, column 1
 * (delimited text also carries its delimiter and header row, so each cell's column header is context), or
 * `skipped` for binary bytes and `error` for text in an encoding jpii cannot read. It never splits the text
 * into lines or cells (locations are computed later from offsets) and never decodes bytes itself.
 *
 * An empty file (or one holding only a BOM) is `{ok: true, segments: []}`: it was read in full and holds no
 * PII, so it is clean rather than skipped.
 */
import { posix } from 'node:path';
import type { ExtractResult, Extractor, Segment, TableInfo } from '../model.js';
import { detectDelimiter, firstLines, parseHeaderRow } from './csv-header.js';
import { decodeText, invalidBytesNote } from './decode.js';
import { sniffBinary } from './sniff.js';

/** How much of the head binary sniffing looks at. */
export const SNIFF_BYTES = 8192;

export type TextFormat = 'text' | 'csv' | 'tsv';

/** Format by extension; archive entry names (`a.zip!/b.csv`) work too. */
export function textFormatOf(name: string): TextFormat {
  const ext = posix.extname(name.replace(/\\/g, '/')).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.tsv' || ext === '.tab') return 'tsv';
  return 'text';
}

export const textExtractor: Extractor = {
  format: 'text',
  /** The fallback: anything that is not binary. */
  matches(_name: string, head: Uint8Array): boolean {
    return !sniffBinary(head).binary;
  },
  async extract(bytes, ctx) {
    return extractText(bytes, ctx.name);
  },
};

export function extractText(bytes: Uint8Array, name: string): ExtractResult {
  const format = textFormatOf(name);
  const sniff = sniffBinary(bytes.subarray(0, SNIFF_BYTES));
  if (sniff.binary) return { ok: false, format, status: 'skipped', reason: sniff.reason };
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, format, status: 'error', reason: decoded.reason };
  if (decoded.text.length === 0) return { ok: true, format, segments: [] };
  const segment: Segment = { text: decoded.text, origin: { line: 1, column: 1 } };
  const table = tableOf(decoded.text, format);
  if (table !== undefined) segment.table = table;
  const note = invalidBytesNote(decoded);
  return { ok: true, format, segments: [segment], ...(note ? { notes: [note] } : {}) };
}

/**
 * Table context: always for .csv (comma unless the lines clearly use another delimiter) and .tsv (tab);
 * for other text only when its first lines look delimited (detectDelimiter), so prose gets none.
 */
export function tableOf(text: string, format: TextFormat): TableInfo | undefined {
  const lines = firstLines(text);
  const delimiter = format === 'tsv' ? '\t' : (detectDelimiter(lines) ?? (format === 'csv' ? ',' : undefined));
  if (delimiter === undefined) return undefined;
  return { delimiter, headers: parseHeaderRow(text, delimiter) };
}
