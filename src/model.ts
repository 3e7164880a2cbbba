/**
 * The shared model: plain, JSON-able data that flows one way through
 * walk → extract → normalize → detect → score → report.
 * Every stage imports this file and its own folder only; src/scan.ts wires them.
 */

/** Every PII type id (CONTRACT.md). Existing ids never change; pattern files must agree (a test checks). */
export const TYPE_IDS = [
  'my-number',
  'corporate-number',
  'credit-card',
  'phone',
  'postal-code',
  'email',
  'passport',
  'drivers-license',
  'residence-card',
  'pension-number',
  'bank-account',
  'insurer-number',
  'address',
  'person-name',
  'birth-date',
] as const;
export type TypeId = (typeof TYPE_IDS)[number];

/** File-level finding type: a sensitive file that carries no classification label. */
export const UNLABELLED_TYPE = 'unlabelled-sensitive-file';

export type Level = 'low' | 'medium' | 'high';
export const LEVELS: readonly Level[] = ['low', 'medium', 'high'];
/** Lower bound of each level on the 0–1 confidence scale. */
export const LEVEL_FLOOR: Readonly<Record<Level, number>> = { low: 0, medium: 0.5, high: 0.8 };

export function levelOf(confidence: number): Level {
  if (confidence >= LEVEL_FLOOR.high) return 'high';
  if (confidence >= LEVEL_FLOOR.medium) return 'medium';
  return 'low';
}

export type FileStatus = 'scanned' | 'skipped' | 'error';

/** A file found by the walk (or an entry of an archive / attachment of an e-mail). */
export interface FileRef {
  /** Absolute path on disk; for archive entries, the outer file's path. */
  absPath: string;
  /** Path relative to the scan root, forward slashes; archive levels joined with `!/`. */
  relPath: string;
  size: number;
  mtimeMs?: number;
  /** On a local file system (not a network share): small reads are cheaper done synchronously. */
  localFs?: boolean;
}

/** Where a piece of text or a finding sits. Keys appear only where they apply (CONTRACT.md). */
export interface Location {
  line?: number;
  column?: number;
  sheet?: string;
  cell?: string;
  page?: number;
  slide?: number;
  /** docx part (`document`, `header1`, `footnotes`, `comments`…) */
  part?: string;
  paragraph?: number;
  /** Inner path of an archive entry or e-mail attachment. */
  entry?: string;
}

/** Column context for delimited text (CSV/TSV): the header of a cell's column is context for it. */
export interface TableInfo {
  delimiter: string;
  /** Header cells of the header row, as written. */
  headers: string[];
  /** 0-based line of the header row when it is not the first (title and blank lines above it). */
  headerLine?: number;
}

/**
 * Where a segment sits in a table or form (CONTRACT.md "structure"): filled by every extractor that knows
 * layout (sheets, CSV, Word/PowerPoint/ODF tables, PDF rebuilt from text positions). The scorer reads only
 * these fields, never a format name: `label` (a form's label cell beside or above) or else the nearest of
 * `headers` names what the value is.
 */
export interface CellStructure {
  /** 1-based table number within its sheet, part, slide or page. */
  table: number;
  /** 0-based row and column within the table. */
  row: number;
  col: number;
  /** Header cells of the column, top to bottom (a two-row header gives two); absent above the header row. */
  headers?: string[];
  /** The label cell left of the value (same row) or above it (a label row over a value row). */
  label?: string;
}

/**
 * A piece of extracted text with its origin. For multi-line text, `origin` is where the text starts
 * (line 1, column 1 for a whole text file); finding locations are computed from offsets within `text`.
 */
export interface Segment {
  text: string;
  origin: Location;
  /** Header of the column this text sits in (spreadsheet cell), used as context. */
  header?: string;
  /** Set for delimited text: each cell's column header is context. */
  table?: TableInfo;
  /** Page headers/footers, first rows…: where classification labels are looked for. */
  labelZone?: boolean;
  /** Text recognised by OCR (`--ocr`): its findings carry `ocr: true` and a lower confidence ceiling. */
  ocr?: boolean;
  /** Its place in a table or form, with the header and label cells that say what it holds. */
  cell?: CellStructure;
}

/** A child file found inside a container (zip entry, e-mail attachment), scanned like any file. */
export interface ChildFile {
  /** Name inside the container (forward slashes). */
  name: string;
  bytes: Uint8Array;
  /** How the name was made safe (a `..` or absolute path inside the container), shown in the child's entry. */
  notes?: string[];
}

export type ExtractResult =
  | {
      ok: true;
      format: string;
      segments: Segment[];
      /** Classification labels found in metadata (e.g. MSIP sensitivity label names). */
      labels?: string[];
      children?: ChildFile[];
      /** Children that could not be read (encrypted entry, over a limit): reported as their own files. */
      failedChildren?: { name: string; status: Exclude<FileStatus, 'scanned'>; reason: string }[];
      /** How the file was read when not perfectly (invalid bytes replaced, parts unreadable): FileResult.notes. */
      notes?: string[];
      /** Pages (or images) recognised by OCR. */
      ocrPages?: number;
    }
  | { ok: false; format: string; status: Exclude<FileStatus, 'scanned'>; reason: string };

/** `--ocr`: image-only PDF pages and image files are recognised within these limits. */
export interface OcrLimits {
  /** Pages (PDF pages, TIFF pages) recognised per file; the rest are named in the file's notes. */
  maxPages: number;
  /** One page; a page over it stops the recogniser, which restarts for the next page. */
  pageTimeoutMs: number;
  /** Larger images are not recognised (the recogniser's memory grows with the pixel count). */
  maxPixels: number;
}

export interface ExtractLimits {
  maxFileSize: number;
  maxDepth: number;
  maxEntries: number;
  maxTotalBytes: number;
  maxRatio: number;
  timeoutMs: number;
  /** Set with --ocr: without it image-only pages and image files are `skipped`, counted in the summary. */
  ocr?: OcrLimits;
}

export interface ExtractContext {
  /** Path used for messages and for the format decision (may be an archive entry name). */
  name: string;
  depth: number;
  limits: ExtractLimits;
  /**
   * When set, an extractor may hand segments over one by one instead of returning them (a sheet of a
   * million cells then never sits in memory at once); segments it hands over are not returned again.
   */
  onSegment?: (segment: Segment) => void;
  /** How many bytes at the start were already sniffed as text (the extractor was chosen for them): not sniffed again. */
  textHead?: number;
}

/** An extractor turns a file's bytes into text segments. One per format, chosen by name and magic bytes. */
export interface Extractor {
  format: string;
  /** True when this extractor should handle the file (extension and/or leading bytes). */
  matches(name: string, head: Uint8Array): boolean;
  extract(bytes: Uint8Array, ctx: ExtractContext): Promise<ExtractResult>;
}

/** A validated match before context scoring. Offsets are into the normalized text. */
export interface Candidate {
  type: string;
  start: number;
  end: number;
  /** Canonical value (CONTRACT.md "Normalized value"). */
  value: string;
  /** Adjustment to the pattern's base score decided by the validator and the matching regex alternative. */
  bonus: number;
  /** Matched as a whole cell of a column whose header names this type (counts as positive context). */
  column?: boolean;
  /** Its context as the gate before validation read it (score/confidence.ts Near): not read twice. */
  context?: { positive: boolean; negative: boolean; veto: boolean };
}

export interface Finding {
  type: string;
  confidence: number;
  level: Level;
  location: Location;
  /** Canonical value: only written to reports with --show-values (never to SARIF). */
  value: string;
  masked: string;
  /** Keyed HMAC of type and value (never a bare hash). */
  fingerprint: string;
  /** Set when an inline `jpii-ignore` comment suppressed it. */
  suppressed?: { reason?: string };
  /** Found in text recognised by OCR (`--ocr`): lower confidence ceiling than real text. */
  ocr?: boolean;
  /** The place its occurrence is counted under (shared by the findings of one occurrence); never written to reports. */
  where?: OccurrenceWhere;
}

/**
 * Where occurrences of one type are counted together (CONTRACT.md `occurrences[].where`): the column
 * header, sheet, page, slide, document part or archive entry; empty for plain text.
 */
export interface OccurrenceWhere {
  column?: string;
  sheet?: string;
  page?: number;
  slide?: number;
  part?: string;
  entry?: string;
}

/** Exact count of one type at one place; only the first `listed` of them are in `findings`. */
export interface Occurrence {
  type: string;
  count: number;
  /** Number of distinct canonical values. */
  distinct: number;
  /** Highest level among them. */
  level: Level;
  where: OccurrenceWhere;
  listed: number;
  /** Count per level (the text summary and --fail-on read it). */
  byLevel?: Record<Level, number>;
  /** Keyed hash of path, type and place: stable while the file changes (SARIF partialFingerprints). */
  fingerprint?: string;
  /** Keyed hash of the multiset of values: changes when any occurrence changes (baselines). */
  setFingerprint?: string;
}

/** APPI categories of a file (CONTRACT.md `appi.categories`). */
export const APPI_CATEGORIES = ['personal-information', 'identifier-code', 'special-care', 'specific-personal-information'] as const;
export type AppiCategory = (typeof APPI_CATEGORIES)[number];

/** 要配慮個人情報 categories (個人情報保護法2条3項, 施行令2条), CONTRACT.md `appi.specialCare`. */
export const SPECIAL_CARE_IDS = [
  'race',
  'creed',
  'social-status',
  'medical-history',
  'criminal-record',
  'crime-victim',
  'disability',
  'health-check',
  'medical-care',
  'criminal-procedure',
  'juvenile-procedure',
] as const;
export type SpecialCareId = (typeof SPECIAL_CARE_IDS)[number];

/** A file's verdict in the terms of Japanese law (CONTRACT.md `appi`). */
export interface AppiVerdict {
  categories: AppiCategory[];
  specialCare: SpecialCareId[];
  /** Estimate of the number of distinct people the file holds data on. */
  persons: number;
  roster: boolean;
  breachReportable: boolean;
  /** The vocabulary words that made each special-care category a candidate (never the text around them). */
  specialCareWords?: Partial<Record<SpecialCareId, string[]>>;
  /** Set when the file's role exempts it from the label policy (package.json, AUTHORS, LICENSE…). */
  role?: 'project-metadata';
}

export interface FileResult {
  path: string;
  format: string;
  status: FileStatus;
  reason?: string;
  labels: string[];
  labelled: boolean;
  risk: number;
  sensitive: boolean;
  findings: Finding[];
  size?: number;
  /** Exact counts per type and place (CONTRACT.md `occurrences`); absent in results built before counting. */
  occurrences?: Occurrence[];
  /** The file's APPI verdict (CONTRACT.md `appi`). */
  appi?: AppiVerdict;
  /** Things a reader must know about how the file was read (partly decoded bytes, renamed entries…). */
  notes?: string[];
  /** Pages or images of this file recognised by OCR (`--ocr`). */
  ocrPages?: number;
}

/** The result of a file that was not (fully) read: never clean, always with its reason. */
export function notScanned(path: string, status: Exclude<FileStatus, 'scanned'>, reason: string, extra: { format?: string; size?: number } = {}): FileResult {
  const result: FileResult = { path, format: extra.format ?? 'unknown', status, reason, labels: [], labelled: false, risk: 0, sensitive: false, findings: [] };
  if (extra.size !== undefined) result.size = extra.size;
  return result;
}

/**
 * Report order: paths compared as their `/`-separated segments, so a folder's files come right after the
 * folder's own name and before `folder.txt`. It is the order of the walk (each directory sorted by name),
 * which lets results be written as they arrive; archive members (`a.zip!/b`) follow their archive.
 */
export function comparePaths(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return x === 47 ? -1 : y === 47 ? 1 : x - y;
  }
  return a.length - b.length;
}

export interface ScanSummary {
  files: number;
  scanned: number;
  skipped: number;
  errors: number;
  findings: number;
  suppressed: number;
  byType: Record<string, number>;
  /** Occurrences counted but not listed as findings (see `FileResult.occurrences`). */
  unlisted?: number;
  /** Files skipped because they hold only images (image-only PDFs, scans, faxes): run with --ocr to read them. */
  imageOnly?: number;
  /** Files and folders ignore rules kept out of the walk, by source (a folder counted once, not its files). */
  excluded?: Partial<Record<'gitignore' | 'jpiiignore' | 'exclude' | 'config', { files: number; folders: number }>>;
}

export interface ScanResult {
  tool: { name: 'jpii'; version: string };
  files: FileResult[];
  summary: ScanSummary;
}

/** Display metadata of a detector, as declared in its pattern file (used by `jpii rules` and SARIF). */
export interface RuleInfo {
  id: string;
  nameJa: string;
  nameEn: string;
  description: string;
  validates: string;
  /** Japanese `description` / `validates`, when the pattern file gives them (--lang ja). */
  descriptionJa?: string;
  validatesJa?: string;
  example: string;
  severity: Level;
  /** 0–10, for SARIF `security-severity`. */
  securitySeverity: number;
  tags: string[];
}
