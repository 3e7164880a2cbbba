/**
 * The HTML report's file table as data: one compact record per file, packed (JSON, gzip, base64) into
 * `<script type="application/octet-stream">` elements that the page's script reads. Short keys and packing
 * keep 100,000 files in a page that opens at once.
 * Input: a FileResult and the index of each type. Output: a JSON-able record; text safe inside <script>.
 * Never: carries a finding's raw value (the HTML report is for mailing around: masked only, always).
 */
import { gzipSync } from 'node:zlib';
import { LEVELS, UNLABELLED_TYPE, type FileResult, type Finding, type Occurrence } from '../model.js';
import { personalFindings } from './html-aggregate.js';
import { formatLocation } from './location.js';
import { round2 } from './round.js';

/** Findings listed per file in the page; the rest are counted (the JSON report has them all). */
export const FINDINGS_PER_FILE = 25;

export interface FileRecord {
  p: string;
  f: string;
  s: string;
  r?: string;
  k: number;
  lb: string[];
  l: 0 | 1;
  x: 0 | 1;
  /** Personal-data findings (exact when occurrences are counted). */
  n: number;
  /** Type indices present. */
  t: number[];
  /** [type, level, masked, location, suppressed] */
  fs: [number, number, string, string, 0 | 1][];
  /** Findings not listed here. */
  m: number;
  /** [type, count, distinct, level, where, listed] */
  oc?: [number, number, number, number, string, number][];
  a?: { c: string[]; sc: string[]; p: number; ro: 0 | 1; br: 0 | 1 };
  /** Notes on how the file was read. */
  no?: string[];
  /** Change since the previous report (--previous): new, more or fewer personal-data findings. */
  ch?: 'n' | '+' | '-';
}

function whereText(o: Occurrence): string {
  const w = o.where;
  const parts = [w.entry, w.sheet, w.column, w.page === undefined ? undefined : `p.${w.page}`, w.slide === undefined ? undefined : `slide ${w.slide}`, w.part];
  return parts.filter((p): p is string => p !== undefined && p !== '').join(' / ');
}

const levelIndex = (f: { level: Finding['level'] }): number => LEVELS.indexOf(f.level);

export function fileRecord(file: FileResult, typeIndex: (type: string) => number): FileRecord {
  const listed = file.findings.slice(0, FINDINGS_PER_FILE);
  const types = new Set<number>();
  for (const f of file.findings) if (!f.suppressed) types.add(typeIndex(f.type));
  for (const o of file.occurrences ?? []) types.add(typeIndex(o.type));
  const rec: FileRecord = {
    p: file.path,
    f: file.format,
    s: file.status,
    k: round2(file.risk),
    lb: file.labels,
    l: file.labelled ? 1 : 0,
    x: file.sensitive ? 1 : 0,
    n: personalFindings(file),
    t: [...types].sort((a, b) => a - b),
    fs: listed.map((f) => [typeIndex(f.type), levelIndex(f), f.type === UNLABELLED_TYPE ? '' : f.masked, formatLocation(f.location), f.suppressed ? 1 : 0]),
    m: file.findings.length - listed.length,
  };
  if (file.reason !== undefined) rec.r = file.reason;
  if (file.occurrences?.length) rec.oc = file.occurrences.map((o) => [typeIndex(o.type), o.count, o.distinct, levelIndex(o), whereText(o), o.listed]);
  const a = file.appi;
  if (a) rec.a = { c: a.categories, sc: a.specialCare, p: a.persons, ro: a.roster ? 1 : 0, br: a.breachReportable ? 1 : 0 };
  if (file.notes?.length) rec.no = file.notes;
  return rec;
}

/**
 * Records packed for the page: a JSON array, gzip, base64. The browser's HTML parser is what makes a big page
 * slow to open; packed, 10,000 files' records are about 8 times fewer bytes to parse, and the page's script
 * unpacks them with the browser's own DecompressionStream. Base64 holds no `<`, so it cannot end its element.
 */
export function packRecords(records: readonly string[]): string {
  return gzipSync(Buffer.from(`[${records.join(',')}]`, 'utf8'), { level: 6 }).toString('base64');
}

/**
 * JSON that cannot end its <script> element or open a comment there: `<`, `>` and `&` become \u escapes
 * (JSON.parse reads them back as the same characters), and so do U+2028/U+2029.
 */
export function scriptJson(value: unknown): string {
  return scriptSafe(JSON.stringify(value));
}

/** JSON text made safe the same way (for records already serialised). */
export function scriptSafe(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
