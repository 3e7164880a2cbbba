/**
 * Records: the unit in which a special-care word is tied to a person (a line of text, a sheet row, a paragraph,
 * a page or slide) and in which a roster's rows are counted. Pure.
 */
import type { Location } from '../model.js';

export interface RecordKey {
  /**
   * Everything but the position: part, sheet, page, slide. Not the archive entry: records are compared
   * within one file, and a member's findings carry its entry while its segments do not.
   */
  scope: string;
  /** Line, sheet row or paragraph number; 0 when the place has no finer position (a PDF page). */
  index: number;
  /** Lines and paragraphs: a word this many positions away is in the same record; sheet rows: 0. */
  near: number;
}

/** Words up to this many lines (or paragraphs) from a person's finding describe that person. */
export const NEAR_LINES = 3;

/** The row of a cell reference (`B12` → 12): its trailing digits, 0 without. Char codes: it runs per cell. */
function rowOf(cell: string): number {
  let start = cell.length;
  while (start > 0 && isDigit(cell.charCodeAt(start - 1))) start--;
  return start < cell.length ? Number(cell.slice(start)) : 0;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** The scope of a place that is only a line or a cell (every hit of a CSV): one string, not one per hit. */
const NO_SCOPE = '\u0000\u0000\u0000';

export function recordOf(loc: Location): RecordKey {
  const scope = scopeOf(loc);
  const index = recordIndexOf(loc);
  return { scope, index, near: loc.cell === undefined && (loc.line !== undefined || loc.paragraph !== undefined) ? NEAR_LINES : 0 };
}

/** recordOf(loc).scope, without the record (person-hits.ts asks it for every hit of a roster). */
export function scopeOf(loc: Location): string {
  const bare = loc.part === undefined && loc.sheet === undefined && loc.page === undefined && loc.slide === undefined;
  return bare ? NO_SCOPE : `${loc.part ?? ''}\u0000${loc.sheet ?? ''}\u0000${loc.page ?? ''}\u0000${loc.slide ?? ''}`;
}

/** recordOf(loc).index, without the record. */
export function recordIndexOf(loc: Location): number {
  if (loc.cell !== undefined) return rowOf(loc.cell);
  return loc.line ?? loc.paragraph ?? 0;
}
