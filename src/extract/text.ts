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
import { firstLines, LineCells, parseHeaderRow } from './csv-header.js';
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
    return extractText(bytes, ctx.name, ctx.textHead);
  },
};

/** `textHead`: bytes at the start already sniffed as text (ExtractContext): the head is sniffed only beyond them. */
export function extractText(bytes: Uint8Array, name: string, textHead = 0): ExtractResult {
  const format = textFormatOf(name);
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (textHead < head.length) {
    const sniff = sniffBinary(head);
    if (sniff.binary) return { ok: false, format, status: 'skipped', reason: sniff.reason };
  }
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
  const lines = new LineCells(firstLines(text, PREAMBLE_LINES + 5));
  let delimiter: string | undefined = format === 'tsv' ? '\t' : undefined;
  for (let skip = 0; delimiter === undefined && skip <= PREAMBLE_LINES; skip++) delimiter = lines.delimiterFrom(skip);
  delimiter ??= format === 'csv' ? ',' : undefined;
  if (delimiter === undefined) return undefined;
  const headerLine = headerLineOf(lines, delimiter);
  const from = headerLine === 0 ? 0 : lines.lines.slice(0, headerLine).reduce((at) => text.indexOf('\n', at) + 1, 0);
  const table: TableInfo = { delimiter, headers: parseHeaderRow(text.slice(from), delimiter) };
  if (headerLine > 0) table.headerLine = headerLine;
  return table;
}

/** Lines a title, an export date and blank lines may take above the header row of a CSV file. */
const PREAMBLE_LINES = 5;

/**
 * The header row: the first line that has as many cells as the lines after it (a title line or
 * `出力日,2025/04/01` above the table has fewer). Line 0 when nothing better is found.
 */
export function headerLineOf(lines: readonly string[] | LineCells, delimiter: string): number {
  const cells = lines instanceof LineCells ? lines : new LineCells(lines);
  const counts = cells.lines.map((_l, i) => cells.cells(i, delimiter));
  const body = counts.slice(1).filter((c) => c > 1);
  if (!body.length) return 0;
  const freq = new Map<number, number>();
  for (const c of body) freq.set(c, (freq.get(c) ?? 0) + 1);
  const modal = [...freq.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
  const at = counts.findIndex((c) => c === modal);
  return at > 0 && at <= PREAMBLE_LINES ? at : 0;
}
