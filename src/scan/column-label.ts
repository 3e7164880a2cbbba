/**
 * The name an occurrence's column goes by in reports (CONTRACT.md `occurrences[].where.column`): the header
 * as written when a detector's header vocabulary names it (電話番号, E-mail…), else the column's letter as a
 * spreadsheet shows it (`C`). A first row is not always a header: a header-less CSV's first record would put
 * a name or a number into every report, unmasked, so only a recognised header is ever printed.
 */
import { rulesForHeader } from '../detect/detect.js';
import type { CompiledRule } from '../patterns/types.js';

/** Headers longer than this, or with a run of 3 digits or an `@`, are not printed (a data row, not a header). */
const MAX_HEADER = 24;
const DATA_LIKE = /\d{3}|@/;

/** `0` → `A`, `25` → `Z`, `26` → `AA` (spreadsheet column letters). */
export function columnLetters(index: number): string {
  let out = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

const named = new WeakMap<readonly CompiledRule[], Map<string, boolean>>();

function isNamedHeader(header: string, rules: readonly CompiledRule[]): boolean {
  let memo = named.get(rules);
  if (!memo) named.set(rules, (memo = new Map()));
  let ok = memo.get(header);
  if (ok === undefined) {
    ok = header.length <= MAX_HEADER && !DATA_LIKE.test(header.normalize('NFKC')) && rulesForHeader(header, rules).length > 0;
    if (memo.size < 10_000) memo.set(header, ok);
  }
  return ok;
}

/** The label of a column: its header when a detector names it, else its letters (undefined: no column known). */
export function columnLabel(header: string | undefined, letters: string | undefined, rules: readonly CompiledRule[]): string | undefined {
  if (header !== undefined && isNamedHeader(header, rules)) return header;
  return letters;
}

/** `AB12` → `AB` (the leading capitals). Char codes, not a regex: it runs for every cell of a sheet. */
export function lettersOfCell(cell: string | undefined): string | undefined {
  if (cell === undefined) return undefined;
  let end = 0;
  for (let c = cell.charCodeAt(0); c >= 0x41 && c <= 0x5a; c = cell.charCodeAt(++end));
  return end === 0 ? undefined : end === cell.length ? cell : cell.slice(0, end);
}
