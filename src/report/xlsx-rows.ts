/**
 * The rows of the xlsx report's sheets, as plain cell arrays.
 * Input: a FileResult (and the rule names). Output: rows of strings and numbers.
 * Never: lets a string start a formula (neutralised as in the CSV report), puts characters XML 1.0 cannot
 * carry into a cell (a file name may hold any byte but `/` and NUL: the sheet would not open), or writes a
 * value unless showValues is set.
 */
import { UNLABELLED_TYPE, type FileResult, type Finding, type Level, type Occurrence, type OccurrenceWhere } from '../model.js';
import { neutraliseCell } from './csv.js';
import { folderOf, personalFindings } from './html-aggregate.js';
import { formatLocation } from './location.js';
import { round2 } from './round.js';

export type Cell = string | number;

/** Excel's limit on the characters of a cell. */
const MAX_CELL = 32_767;

/** Text for a cell: XML-safe, at most 32,767 characters, and never a formula. */
export function textCell(text: string): string {
  // eslint-disable-next-line no-control-regex
  const safe = text.replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  // Neutralised first, then cut: the quote that stops a formula counts toward Excel's limit too.
  const cell = neutraliseCell(safe);
  if (cell.length <= MAX_CELL) return cell;
  // A cut between the two halves of a surrogate pair would leave a lone half, which XML cannot hold.
  const cut = isHighSurrogate(cell.charCodeAt(MAX_CELL - 2)) ? MAX_CELL - 2 : MAX_CELL - 1;
  return `${cell.slice(0, cut)}…`;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

export const FILE_COLUMNS = [
  'path', 'folder', 'format', 'status', 'reason', 'labelled', 'labels', 'risk', 'sensitive', 'findings', 'types',
  'appi_categories', 'special_care', 'persons', 'roster', 'breach_reportable',
] as const;

const yes = (b: boolean | undefined): string => (b ? 'yes' : 'no');

export function fileRow(file: FileResult): Cell[] {
  const types = [...new Set([...file.findings.filter((f) => !f.suppressed).map((f) => f.type), ...(file.occurrences ?? []).map((o) => o.type)])];
  const a = file.appi;
  return [
    textCell(file.path),
    textCell(folderOf(file.path)),
    textCell(file.format),
    file.status,
    textCell(file.reason ?? ''),
    yes(file.labelled),
    textCell(file.labels.join(', ')),
    round2(file.risk),
    yes(file.sensitive),
    personalFindings(file),
    types.join(', '),
    a ? a.categories.join(', ') : '',
    a ? a.specialCare.join(', ') : '',
    a ? a.persons : '',
    a ? yes(a.roster) : '',
    a ? yes(a.breachReportable) : '',
  ];
}

export const OCCURRENCE_COLUMNS = ['path', 'type', 'type_name', 'count', 'distinct', 'level', 'where', 'listed'] as const;

function whereText(w: OccurrenceWhere): string {
  const parts = [w.entry, w.sheet, w.column, w.page === undefined ? undefined : `p.${w.page}`, w.slide === undefined ? undefined : `slide ${w.slide}`, w.part];
  return parts.filter((p): p is string => p !== undefined && p !== '').join(' / ');
}

const RANK: Readonly<Record<Level, number>> = { low: 0, medium: 1, high: 2 };

/** A report without counts (an older jpii): the listed findings grouped by type and place stand in. */
function fromFindings(findings: readonly Finding[]): Occurrence[] {
  const groups = new Map<string, { o: Occurrence; values: Set<string> }>();
  for (const f of findings) {
    if (f.suppressed || f.type === UNLABELLED_TYPE) continue;
    const { sheet, page, slide, part, entry } = f.location;
    const where: OccurrenceWhere = { ...(entry ? { entry } : {}), ...(sheet ? { sheet } : {}), ...(page ? { page } : {}), ...(slide ? { slide } : {}), ...(part ? { part } : {}) };
    const key = `${f.type}\u0000${JSON.stringify(where)}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { o: { type: f.type, count: 0, distinct: 0, level: f.level, where, listed: 0 }, values: new Set() }));
    g.o.count++;
    g.o.listed++;
    g.values.add(f.fingerprint || f.masked);
    g.o.distinct = g.values.size;
    if (RANK[f.level] > RANK[g.o.level]) g.o.level = f.level;
  }
  return [...groups.values()].map((g) => g.o);
}

export function occurrenceRows(file: FileResult, typeName: (id: string) => string): Cell[][] {
  const list = file.occurrences ?? fromFindings(file.findings);
  return list.map((o) => [textCell(file.path), o.type, textCell(typeName(o.type)), o.count, o.distinct, o.level, textCell(whereText(o.where)), o.listed]);
}

export const FINDING_COLUMNS = ['path', 'type', 'type_name', 'level', 'confidence', 'location', 'masked', 'value', 'suppressed'] as const;

export function findingRows(file: FileResult, typeName: (id: string) => string, showValues: boolean): Cell[][] {
  return file.findings.map((f) => [
    textCell(file.path),
    f.type,
    textCell(typeName(f.type)),
    f.level,
    round2(f.confidence),
    textCell(formatLocation(f.location)),
    textCell(f.masked),
    showValues ? textCell(f.value) : '',
    yes(f.suppressed !== undefined),
  ]);
}
