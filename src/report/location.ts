/**
 * Finding locations for display.
 * Input: a model Location. Output: the same keys in a fixed order (JSON), or one short string (CSV, text).
 * Never: invents keys that the finding does not carry (CONTRACT.md: keys appear only where they apply).
 */
import type { Location, OccurrenceWhere } from '../model.js';

/** Key order in the JSON report, so output does not depend on how the scanner built the object. */
const KEY_ORDER = ['line', 'column', 'sheet', 'cell', 'page', 'slide', 'part', 'paragraph', 'entry'] as const;

/** Copies the defined keys in a fixed order. */
export function orderedLocation(loc: Location): Location {
  const out: Record<string, string | number> = {};
  for (const key of KEY_ORDER) {
    const v = loc[key];
    if (v !== undefined) out[key] = v;
  }
  return out as Location;
}

const WHERE_ORDER = ['column', 'sheet', 'page', 'slide', 'part', 'entry'] as const;

/** An occurrence's place with its keys in a fixed order. */
export function orderedWhere(where: OccurrenceWhere): OccurrenceWhere {
  const out: Record<string, string | number> = {};
  for (const key of WHERE_ORDER) {
    const v = where[key];
    if (v !== undefined) out[key] = v;
  }
  return out as OccurrenceWhere;
}

/** `entry`, `顧客`, `p.3`, `slide 2`, `document`, then `column 電話番号`: one short string (empty for plain text). */
export function formatWhere(where: OccurrenceWhere, columnWord = 'column'): string {
  const parts = [
    where.entry,
    where.sheet,
    where.page === undefined ? undefined : `p.${where.page}`,
    where.slide === undefined ? undefined : `slide ${where.slide}`,
    where.part,
    where.column === undefined ? undefined : `${columnWord} ${where.column}`,
  ];
  return parts.filter((p): p is string => p !== undefined && p !== '').join(' ');
}

/** `L3:C5`, or `L3` without a column. */
export function lineColumn(loc: Location): string | undefined {
  if (loc.line === undefined) return undefined;
  return loc.column === undefined ? `L${loc.line}` : `L${loc.line}:C${loc.column}`;
}

/** `顧客!B3` (Excel's own notation), or the sheet alone when no cell is known. */
export function sheetCell(loc: Location): string | undefined {
  if (loc.sheet === undefined) return loc.cell;
  return loc.cell === undefined ? loc.sheet : `${loc.sheet}!${loc.cell}`;
}

/**
 * One short string, outermost first: `inner/file.csv L2:C1`, `顧客!B3`, `p.2`, `slide 1`, `header1 ¶2`.
 * Empty for a file-level finding.
 */
export function formatLocation(loc: Location): string {
  const parts = [
    loc.entry,
    sheetCell(loc),
    loc.page === undefined ? undefined : `p.${loc.page}`,
    loc.slide === undefined ? undefined : `slide ${loc.slide}`,
    loc.part,
    loc.paragraph === undefined ? undefined : `¶${loc.paragraph}`,
    lineColumn(loc),
  ];
  return parts.filter((p): p is string => p !== undefined && p !== '').join(' ');
}
