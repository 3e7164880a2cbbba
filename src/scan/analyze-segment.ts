/**
 * One segment through normalize → detect → score. Returns scored spans with their locations in the
 * ORIGINAL text; masking, fingerprints and file-level scoring happen in analyze-file.ts.
 */
import { columnIndexAt } from '../extract/csv-header.js';
import type { Location, Segment } from '../model.js';
import { detectCell, detectText, rulesForHeader } from '../detect/detect.js';
import { lineColumn, lineStarts } from '../normalize/lines.js';
import { normalize, originalOffset } from '../normalize/normalize.js';
import type { CompiledRule } from '../patterns/types.js';
import { canReach, resolveOverlaps, scoreCandidates, type ScoreContext } from '../score/confidence.js';
import { columnCells } from './table-cells.js';
import { columnLabel, columnLetters, lettersOfCell } from './column-label.js';
import type { Candidate } from '../model.js';

export interface SegmentHit {
  type: string;
  value: string;
  confidence: number;
  location: Location;
  /** Set when the line carries `jpii-ignore` or the line before carries `jpii-ignore-next-line`. */
  suppressed?: { reason?: string };
  /** The column it sits in, as occurrences name it (column-label.ts): a recognised header or letters. */
  column?: string;
  /** Found in OCR text (Segment.ocr). */
  ocr?: boolean;
}

/**
 * Recognised text is read with errors a check digit does not always catch (a 6 read as 8 in a phone
 * number): OCR findings never score above this, whatever their context (real text reaches 0.99).
 */
export const OCR_CONFIDENCE_CEILING = 0.9;

/** `jpii-ignore` anywhere on the line, in any comment syntax, with an optional reason after it. */
const IGNORE = /jpii-ignore(-next-line)?(?:[:\s]+(.*?))?\s*(?:-->|\*\/|$)/;

function suppressionOf(lineText: string | undefined, nextLine: boolean): { reason?: string } | undefined {
  if (lineText === undefined || !lineText.includes('jpii-ignore')) return undefined;
  const m = IGNORE.exec(lineText);
  if (!m || (m[1] !== undefined) !== nextLine) return undefined;
  const reason = m[2]?.trim();
  return reason ? { reason } : {};
}

function lineAt(text: string, starts: readonly number[], index: number): string | undefined {
  const from = starts[index];
  if (from === undefined) return undefined;
  const to = starts[index + 1];
  return text.slice(from, to === undefined ? text.length : to - 1);
}

function tableCandidates(text: string, seg: Segment, rules: readonly CompiledRule[]): Candidate[] {
  const table = seg.table;
  if (!table) return [];
  const byColumn = new Map<number, CompiledRule[]>();
  table.headers.forEach((h, i) => {
    const matched = rulesForHeader(h, rules);
    if (matched.length) byColumn.set(i, matched);
  });
  if (!byColumn.size) return [];
  const out: Candidate[] = [];
  for (const cell of columnCells(text, table.delimiter, new Set(byColumn.keys()), (table.headerLine ?? 0) + 1)) {
    const cellText = text.slice(cell.start, cell.end);
    for (const c of detectCell(cellText, byColumn.get(cell.column) ?? [])) {
      out.push({ ...c, start: c.start + cell.start, end: c.end + cell.start });
    }
  }
  return out;
}

/**
 * The rules that can match in this text: one whose required words (its context words, when it needs
 * context) appear nowhere in the text is skipped without running its regexes, unless a column header of
 * the segment names it (the header is then the context).
 */
function applicable(rules: readonly CompiledRule[], seg: Segment, key: string | undefined, ctx: ScoreContext): readonly CompiledRule[] {
  const headers = seg.table ? seg.table.headers : key !== undefined ? [key] : [];
  const named = new Set(headers.flatMap((h) => rulesForHeader(h, rules)));
  let mask = '';
  for (const r of rules) mask += !r.requires || named.has(r) || r.requires.test(ctx.text) ? '1' : '0';
  // The same subset is the same array, so detect's per-rule-set plan is built once per subset.
  let subsets = subsetMemo.get(rules);
  if (!subsets) subsetMemo.set(rules, (subsets = new Map()));
  let subset = subsets.get(mask);
  if (!subset) subsets.set(mask, (subset = rules.filter((_r, i) => mask[i] === '1')));
  return subset;
}

const subsetMemo = new WeakMap<readonly CompiledRule[], Map<string, readonly CompiledRule[]>>();

/**
 * What names a cell's value (the structure fields, whatever the format): the label beside or above it,
 * else the nearest header of its column; `header` for segments that carry only that.
 */
export function keyOf(seg: Segment): string | undefined {
  const c = seg.cell;
  if (c) return c.label ?? c.headers?.[c.headers.length - 1];
  return seg.header;
}

function scoreContext(text: string, seg: Segment, key: string | undefined): ScoreContext {
  const { table } = seg;
  if (key !== undefined) return { text, headerAt: () => key };
  if (table) {
    // Lines above the header row (title, export date) and the header row itself are nobody's column.
    const headerEnd = table.headerLine ? lineStartAt(text, table.headerLine + 1) : 0;
    return {
      text,
      lineBounded: true,
      delimiter: table.delimiter,
      headerAt: (offset) => (offset < headerEnd ? undefined : table.headers[columnIndexAt(text, offset, table.delimiter)]),
    };
  }
  return { text };
}

/** The column label of the segment's hits: one for a cell, one per offset for a table. */
function columnOf(seg: Segment, key: string | undefined, text: string, rules: readonly CompiledRule[]): string | undefined | ((offset: number) => string | undefined) {
  const { table } = seg;
  if (key !== undefined || !table) return columnLabel(key, lettersOfCell(seg.origin.cell), rules);
  return (offset) => {
    const index = columnIndexAt(text, offset, table.delimiter);
    return columnLabel(table.headers[index], columnLetters(index), rules);
  };
}

/** Offset where 0-based line `line` starts (only the first few lines are ever asked for). */
function lineStartAt(text: string, line: number): number {
  let at = 0;
  for (let i = 0; i < line && at >= 0; i++) at = text.indexOf('\n', at) + 1 || -1;
  return at < 0 ? text.length : at;
}

/** `min`: the reporting threshold; candidates that cannot reach it are not validated or returned. */
export function analyzeSegment(seg: Segment, rules: readonly CompiledRule[], ruleMap: ReadonlyMap<string, CompiledRule>, min = 0): SegmentHit[] {
  const norm = normalize(seg.text);
  const key = keyOf(seg);
  const ctx = scoreContext(norm.text, seg, key);
  const candidates = detectText(norm.text, applicable(rules, seg, key, ctx), min > 0 ? canReach(min, ctx) : undefined);
  if (key !== undefined) candidates.push(...detectCell(norm.text, rulesForHeader(key, rules)));
  // A loop, not push(...): a whole-read roster CSV has hundreds of thousands of table candidates, more than
  // V8 accepts as call arguments ("Maximum call stack size exceeded").
  for (const c of tableCandidates(norm.text, seg, rules)) candidates.push(c);
  if (!candidates.length) return [];
  const kept = resolveOverlaps(scoreCandidates(candidates, ruleMap, ctx).filter((c) => c.confidence >= min));
  const hasLines = seg.origin.line !== undefined;
  const starts = hasLines ? lineStarts(seg.text) : [];
  const column = columnOf(seg, key, norm.text, rules);
  // One look for the marker per segment, not two line slices per hit (a roster has 700,000 hits).
  const mayIgnore = seg.text.includes('jpii-ignore');
  return kept.map((k) => {
    const location: Location = { ...seg.origin };
    const hit: SegmentHit = { type: k.type, value: k.value, confidence: k.confidence, location };
    const label = typeof column === 'function' ? column(k.start) : column;
    if (label !== undefined) hit.column = label;
    if (seg.ocr) Object.assign(hit, { ocr: true, confidence: Math.min(k.confidence, OCR_CONFIDENCE_CEILING) });
    if (hasLines) {
      const { line, column } = lineColumn(starts, originalOffset(norm, k.start));
      location.line = (seg.origin.line ?? 1) + line - 1;
      location.column = line === 1 ? (seg.origin.column ?? 1) + column - 1 : column;
      const suppressed = mayIgnore ? (suppressionOf(lineAt(seg.text, starts, line - 1), false) ?? suppressionOf(lineAt(seg.text, starts, line - 2), true)) : undefined;
      if (suppressed) hit.suppressed = suppressed;
    }
    return hit;
  });
}
