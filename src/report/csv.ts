/**
 * CSV report (CONTRACT.md "CSV"): one row per finding, for Excel.
 * Input: a sorted ScanResult and the rules (for the Japanese type name). Output: UTF-8 text with a BOM,
 * CRLF line ends, RFC 4180 quoting. Never: writes the unmasked value unless showValues is set; never lets a
 * cell start a spreadsheet formula.
 *
 * Files that were skipped or failed get no row: every row is a finding, so a sheet filter or pivot on `type`
 * never meets an empty type. Their status lives in the JSON/SARIF/text reports. The file-level
 * `unlabelled-sensitive-file` finding is a finding like any other and gets its row. Suppressed findings are
 * kept and marked in the `suppressed` column, so an auditor sees what was waived. Occurrences counted but not
 * listed (without --all-findings) get one row per type and place that says how many.
 */
import { APPI_CATEGORIES, type AppiVerdict, type FileResult, type Finding, type Occurrence, type RuleInfo } from '../model.js';
import { formatLocation, formatWhere } from './location.js';
import { fixed2 } from './round.js';
import { RuleBook } from './rules.js';
import { memorySection, type Section, type SectionFactory } from './sections.js';
import type { ReportWriter } from './writer.js';

export interface CsvOptions {
  showValues: boolean;
}

export const CSV_HEADER = [
  'path',
  'type',
  'type_ja',
  'level',
  'confidence',
  'location',
  'masked',
  'value',
  'labelled',
  'risk',
  'suppressed',
  // The file's APPI verdict (CONTRACT.md `appi`): one column per category, then the rest of the verdict.
  'personal_information',
  'identifier_code',
  'special_care',
  'specific_personal_information',
  'special_care_kinds',
  'persons',
  'roster',
  'breach_reportable',
] as const;

const BOM = '\uFEFF';
const EOL = '\r\n';

/**
 * OWASP CSV Injection (https://owasp.org/www-community/attacks/CSV_Injection): a cell that begins with
 * `=`, `+`, `-`, `@`, tab or carriage return may be run as a formula by Excel, LibreOffice or Sheets;
 * prefixing a single quote makes the spreadsheet treat it as text.
 */
export function neutraliseCell(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** RFC 4180 §2.6–2.7: quote a field holding `"`, `,`, CR or LF, and double the quotes inside it. */
export function quoteCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function csvLine(cells: readonly string[]): string {
  return cells.map((c) => quoteCell(neutraliseCell(c))).join(',') + EOL;
}

function findingRow(file: FileResult, f: Finding, rules: Map<string, RuleInfo>, showValues: boolean): string[] {
  return [
    file.path,
    f.type,
    rules.get(f.type)?.nameJa ?? f.type,
    f.level,
    fixed2(f.confidence),
    formatLocation(f.location),
    f.masked,
    showValues ? f.value : '',
    String(file.labelled),
    fixed2(file.risk),
    String(f.suppressed !== undefined),
    ...appiCells(file.appi),
  ];
}

/** Empty cells when the file has no verdict (a report read back from an older version). */
function appiCells(a: AppiVerdict | undefined): string[] {
  if (!a) return ['', '', '', '', '', '', '', ''];
  return [...APPI_CATEGORIES.map((c) => String(a.categories.includes(c))), a.specialCare.join(' '), String(a.persons), String(a.roster), String(a.breachReportable)];
}

/**
 * The occurrences of a type at one place that are not listed, as one row whose `masked` cell says how many
 * (CONTRACT.md: counts stay exact, every report says what was not listed); its confidence cell is empty.
 */
function unlistedRow(file: FileResult, o: Occurrence, rules: Map<string, RuleInfo>): string[] {
  const place = formatWhere(o.where);
  return [
    file.path,
    o.type,
    rules.get(o.type)?.nameJa ?? o.type,
    o.level,
    '',
    place ? `${place} (not listed)` : '(not listed)',
    `${o.count - o.listed} more (${o.count} in all, ${o.distinct} distinct)`,
    '',
    String(file.labelled),
    fixed2(file.risk),
    'false',
    ...appiCells(file.appi),
  ];
}

/** The CSV report written file by file (rows go to a section; the BOM and header come first at the end). */
export class CsvWriter implements ReportWriter {
  private readonly book: RuleBook;
  private readonly rows: Section;

  constructor(
    rules: readonly RuleInfo[],
    private readonly options: CsvOptions,
    sections: SectionFactory = memorySection,
  ) {
    this.book = new RuleBook(rules);
    this.rows = sections();
  }

  file(file: FileResult): void {
    this.book.see(file);
    for (const f of file.findings) this.rows.write(csvLine(findingRow(file, f, this.book.byId, this.options.showValues)));
    for (const o of file.occurrences ?? []) if (o.count > o.listed) this.rows.write(csvLine(unlistedRow(file, o, this.book.byId)));
  }

  *finish(): Generator<string | Uint8Array> {
    yield BOM + csvLine(CSV_HEADER);
    yield* this.rows.chunks();
  }
}
