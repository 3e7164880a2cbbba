/**
 * One segment through normalize → detect → score. Returns scored spans with their locations in the
 * ORIGINAL text; masking, fingerprints and file-level scoring happen in analyze-file.ts.
 */
import { ColumnIndex } from '../extract/column-index.js';
import type { Location, Segment } from '../model.js';
import { detectCell, rulesForHeader, TextDetector } from '../detect/detect.js';
import { lineColumn, lineIndexOf, lineStarts } from '../normalize/lines.js';
import { normalize, originalOffset, type Normalized } from '../normalize/normalize.js';
import { RequiredWords } from '../patterns/required-words.js';
import type { CompiledRule } from '../patterns/types.js';
import { canReach, scoreCandidates, settleOverlaps, type ScoreContext, type Scored } from '../score/confidence.js';
import { TableCells } from './table-cells.js';
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
 * Where analyzeSegmentInto can hand its hits without making them objects (a roster chunk's 80,000): a hit that
 * is nothing but a type, value, confidence, column label, line and column (no suppression, no OCR, a segment
 * whose origin is a line and a column) as its fields; any other hit as the object analyzeSegment makes.
 */
export interface HitFields {
  plain(type: string, value: string, confidence: number, label: string | undefined, line: number, column: number): void;
  hit(hit: SegmentHit): void;
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

/**
 * The rules that can match in this text: one whose required words (its context words, when it needs
 * context) appear nowhere in the text is skipped without running its regexes, unless a column header of
 * the segment names it (the header is then the context).
 */
function applicable(rules: readonly CompiledRule[], seg: Segment, key: string | undefined, ctx: ScoreContext): readonly CompiledRule[] {
  const named = namedRules(rules, seg, key);
  const present = requiredWordsOf(rules).test(ctx.text);
  // The same subset is the same array, so detect's per-rule-set plan is built once per subset.
  let subsets = subsetMemo.get(rules);
  if (!subsets) subsetMemo.set(rules, (subsets = new Map()));
  const mask = maskOf(rules, named, present);
  let subset = subsets.get(mask);
  if (!subset) subsets.set(mask, (subset = rules.filter((r, i) => kept(r, i, named, present))));
  return subset;
}

function kept(rule: CompiledRule, i: number, named: readonly boolean[], present: readonly boolean[]): boolean {
  return !rule.requires || named[i] === true || present[i] === true;
}

/** The kept rules as a key of the subset memo: bits while the rules fit a small integer (no string per cell). */
function maskOf(rules: readonly CompiledRule[], named: readonly boolean[], present: readonly boolean[]): number | string {
  if (rules.length > 30) return rules.map((r, i) => (kept(r, i, named, present) ? '1' : '0')).join('');
  let mask = 0;
  for (let i = 0; i < rules.length; i++) if (kept(rules[i] as CompiledRule, i, named, present)) mask |= 1 << i;
  return mask;
}

const subsetMemo = new WeakMap<readonly CompiledRule[], Map<number | string, readonly CompiledRule[]>>();

const NONE: readonly boolean[] = [];
/** Per rule set, by key: which rules the key names (a sheet asks for its few column keys once per cell). */
const namedMemo = new WeakMap<readonly CompiledRule[], Map<string, readonly boolean[]>>();
const NAMED_MEMO_ENTRIES = 10_000;

/** Per rule, whether a header of the segment (its table's headers, or its key) names it. */
function namedRules(rules: readonly CompiledRule[], seg: Segment, key: string | undefined): readonly boolean[] {
  if (seg.table) return namedBy(rules, seg.table.headers);
  if (key === undefined) return NONE;
  let byKey = namedMemo.get(rules);
  if (!byKey || byKey.size >= NAMED_MEMO_ENTRIES) namedMemo.set(rules, (byKey = new Map()));
  let named = byKey.get(key);
  if (!named) byKey.set(key, (named = namedBy(rules, [key])));
  return named;
}

function namedBy(rules: readonly CompiledRule[], headers: readonly string[]): boolean[] {
  const named = new Set(headers.flatMap((h) => rulesForHeader(h, rules)));
  return rules.map((r) => named.has(r));
}

/** One word automaton per rule set (built again should a rule's required words have been replaced). */
function requiredWordsOf(rules: readonly CompiledRule[]): RequiredWords {
  let words = requiredMemo.get(rules);
  if (!words || words.sets.some((set, i) => set !== rules[i]?.requires)) requiredMemo.set(rules, (words = new RequiredWords(rules.map((r) => r.requires))));
  return words;
}

const requiredMemo = new WeakMap<readonly CompiledRule[], RequiredWords>();

/**
 * What names a cell's value (the structure fields, whatever the format): the label beside or above it,
 * else the nearest header of its column; `header` for segments that carry only that.
 */
export function keyOf(seg: Segment): string | undefined {
  const c = seg.cell;
  if (c) return c.label ?? c.headers?.[c.headers.length - 1];
  return seg.header;
}

/** The column of an offset in a table's text: one reader per segment, shared by scoring and the hits' labels. */
function columnsOf(seg: Segment, key: string | undefined, text: string): ColumnIndex | undefined {
  return key === undefined && seg.table ? new ColumnIndex(text, seg.table.delimiter) : undefined;
}

function scoreContext(text: string, seg: Segment, key: string | undefined, columns: ColumnIndex | undefined): ScoreContext {
  const { table } = seg;
  if (key !== undefined) return { text, headerAt: () => key };
  if (table) {
    // Lines above the header row (title, export date) and the header row itself are nobody's column.
    const headerEnd = table.headerLine ? lineStartAt(text, table.headerLine + 1) : 0;
    const column = columns ?? new ColumnIndex(text, table.delimiter);
    return {
      text,
      lineBounded: true,
      delimiter: table.delimiter,
      lines: column,
      headerAt: (offset) => (offset < headerEnd ? undefined : table.headers[column.at(offset)]),
    };
  }
  return { text };
}

/** The column label of a segment's hits: one for a cell, one per offset for a table. */
type ColumnLabel = string | undefined | ((offset: number) => string | undefined);

/** The column label of the segment's hits (ColumnLabel). */
function columnOf(seg: Segment, key: string | undefined, text: string, rules: readonly CompiledRule[], columns: ColumnIndex | undefined): ColumnLabel {
  const { table } = seg;
  if (key !== undefined || !table) return columnLabel(key, lettersOfCell(seg.origin.cell), rules);
  const column = columns ?? new ColumnIndex(text, table.delimiter);
  return (offset) => {
    const index = column.at(offset);
    return columnLabel(table.headers[index], columnLetters(index), rules);
  };
}

/** Offset where 0-based line `line` starts (only the first few lines are ever asked for). */
function lineStartAt(text: string, line: number): number {
  let at = 0;
  for (let i = 0; i < line && at >= 0; i++) at = text.indexOf('\n', at) + 1 || -1;
  return at < 0 ? text.length : at;
}

/**
 * A long text is analyzed in blocks of whole lines: each block's candidates are scored and resolved while
 * the next are not yet found, so a roster's hundreds of thousands of candidates never live all at once
 * (they were a fifth of its time in garbage collection). The result is that of one pass over the text.
 * Small blocks: whatever a block holds when the young generation is collected is copied, and promoted to the
 * old generation if it is still held at the next collection. A 64 K block of a roster (≈ 400 rows, 3,000
 * candidates) allocates about as much as a worker's young generation holds; 16 K blocks took 13–15 % off a
 * roster chunk's CPU (BENCHMARKS.md). Each block costs one more exec per regex (the match it stops at).
 */
export const BLOCK_CHARS = 16 * 1024;

/**
 * Blocks of a long table (a roster chunk: 1 MB of a CSV read in chunks is 400,000+ characters): 1 K. Every
 * row of such a table is candidates, so a 16 K block's (≈ 150 rows, 1,300 candidates with their contexts
 * and hits) were still held at nearly every scavenge of a worker and promoted: 466 MB promoted per scan of the
 * bench's roster set, 2.0 s of scavenge pauses and 71 full collections; with 1 K blocks 265 MB, 1.2 s and 46
 * (`--trace-gc-nvp`), roster 7.93 → 7.40 s wall, 14.8 → 13.8 s CPU (alternating runs, BENCHMARKS.md). Texts
 * shorter than LONG_TABLE_CHARS keep 16 K blocks: on the 10,000 small files (their CSVs are ~11 KB) 1 K
 * blocks cost 12 %.
 */
export const TABLE_BLOCK_CHARS = 1024;
export const LONG_TABLE_CHARS = 256 * 1024;

/** Block size for a segment's text: see BLOCK_CHARS and TABLE_BLOCK_CHARS. */
export function blockCharsFor(seg: Segment, textLength: number): number {
  return seg.table !== undefined && textLength >= LONG_TABLE_CHARS ? TABLE_BLOCK_CHARS : BLOCK_CHARS;
}

function blockEnd(text: string, from: number, blockChars: number): number {
  if (from + blockChars >= text.length) return text.length;
  const nl = text.indexOf('\n', from + blockChars);
  return nl < 0 ? text.length : nl + 1;
}

/** `min`: the reporting threshold; candidates that cannot reach it are not validated or returned. */
export function analyzeSegment(seg: Segment, rules: readonly CompiledRule[], ruleMap: ReadonlyMap<string, CompiledRule>, min = 0): SegmentHit[] {
  const hits: SegmentHit[] = [];
  analyzeSegmentInto(seg, rules, ruleMap, min, (hit) => hits.push(hit));
  return hits;
}

/**
 * analyzeSegment handing each hit to `use` as it is made, in the same order. `blockChars`: the block size
 * (default: blockCharsFor the segment); any size gives the same hits. `norm`: the segment's text normalized,
 * when the caller has read it already.
 * Returns the segment's text in NFKC when the detectors' text is exactly that (normalize.ts `nfkc`), for the
 * special-care scan, which would otherwise normalize it again.
 */
export function analyzeSegmentInto(
  seg: Segment,
  rules: readonly CompiledRule[],
  ruleMap: ReadonlyMap<string, CompiledRule>,
  min: number,
  use: ((hit: SegmentHit) => void) | HitFields,
  blockChars?: number,
  norm: Normalized = normalize(seg.text),
): string | undefined {
  const text = norm.text;
  const block = blockChars ?? blockCharsFor(seg, text.length);
  const key = keyOf(seg);
  const columns = columnsOf(seg, key, text);
  const ctx = scoreContext(text, seg, key, columns);
  const detector = new TextDetector(text, applicable(rules, seg, key, ctx), min > 0 ? canReach(min, ctx) : undefined);
  // Only a table has cells of its own to read (a spreadsheet cell is one value: detectCell below).
  const cells = seg.table ? new TableCells(text, seg, rules) : undefined;
  const label = columnOf(seg, key, text, rules, columns);
  const toHit = hitMaker(seg, norm, label);
  const fields = typeof use === 'function' ? undefined : use;
  const plain = fields && plainHits(seg, norm, label, fields, toHit);
  let pending: Scored[] = [];
  // A cell's key candidates span the whole text: such texts (cells, labelled fields) are one block.
  for (let from = 0, first = true; first || from < text.length; first = false) {
    const to = key === undefined ? blockEnd(text, from, block) : text.length;
    const last = to >= text.length;
    const candidates: Candidate[] = [];
    detector.until(last ? Infinity : to, candidates);
    if (first && key !== undefined) detectCell(text, rulesForHeader(key, rules), 0, candidates);
    cells?.until(last ? Infinity : to, candidates);
    const scored = scoreCandidates(candidates, ruleMap, ctx, min);
    const settled = pending;
    pending = [];
    for (const s of scored) settled.push(s);
    for (const k of settleOverlaps(settled, last ? Infinity : to, pending)) {
      if (plain) plain(k);
      else if (fields) fields.hit(toHit(k));
      else (use as (hit: SegmentHit) => void)(toHit(k));
    }
    from = to;
  }
  return norm.nfkc ? text : undefined;
}

/** A segment's origin that a plain hit's line and column replace whole: `{ line, column }`, in that order. */
function lineColumnOrigin(origin: Location): boolean {
  let keys = 0;
  for (const k in origin) if ((keys === 0 && k === 'line') || (keys === 1 && k === 'column')) keys++;
    else return false;
  return keys === 2;
}

/** The suppression of a hit on 0-based line `line` of the original text: its own line's marker, or the line before's. */
function suppressionAt(text: string, starts: readonly number[], line: number): SegmentHit['suppressed'] {
  return suppressionOf(lineAt(text, starts, line), false) ?? suppressionOf(lineAt(text, starts, line - 1), true);
}

/** Builds a segment's hits: locations in the original text, column label, OCR ceiling, suppression. */
function hitMaker(seg: Segment, norm: Normalized, column: ColumnLabel): (k: Scored) => SegmentHit {
  const hasLines = seg.origin.line !== undefined;
  let starts: number[] | undefined;
  // One look for the marker per segment, not two line slices per hit (a roster has 700,000 hits).
  const mayIgnore = seg.text.includes('jpii-ignore');
  return (k) => {
    const location: Location = { ...seg.origin };
    const hit: SegmentHit = { type: k.type, value: k.value, confidence: k.confidence, location };
    const label = typeof column === 'function' ? column(k.start) : column;
    if (label !== undefined) hit.column = label;
    if (seg.ocr) Object.assign(hit, { ocr: true, confidence: Math.min(k.confidence, OCR_CONFIDENCE_CEILING) });
    if (hasLines) {
      starts ??= lineStarts(seg.text);
      const { line, column } = lineColumn(starts, originalOffset(norm, k.start));
      location.line = (seg.origin.line ?? 1) + line - 1;
      location.column = line === 1 ? (seg.origin.column ?? 1) + column - 1 : column;
      const suppressed = mayIgnore ? suppressionAt(seg.text, starts, line - 1) : undefined;
      if (suppressed) hit.suppressed = suppressed;
    }
    return hit;
  };
}

/**
 * For a HitFields sink: each plain hit handed as its fields (hitMaker's line, column and label, without the
 * objects), any other as `toHit` makes it; undefined when no hit of the segment can be plain (OCR text, an
 * origin that is not a line and a column).
 */
function plainHits(seg: Segment, norm: Normalized, column: ColumnLabel, sink: HitFields, toHit: (k: Scored) => SegmentHit): ((k: Scored) => void) | undefined {
  if (seg.ocr || !lineColumnOrigin(seg.origin)) return undefined;
  const origin = seg.origin as { line: number; column: number };
  const mayIgnore = seg.text.includes('jpii-ignore');
  let starts: number[] | undefined;
  return (k) => {
    starts ??= lineStarts(seg.text);
    const offset = originalOffset(norm, k.start);
    const line = lineIndexOf(starts, offset);
    if (mayIgnore && suppressionAt(seg.text, starts, line)) {
      sink.hit(toHit(k));
      return;
    }
    const at = line === 0 ? origin.column + offset - (starts[0] as number) : offset - (starts[line] as number) + 1;
    sink.plain(k.type, k.value, k.confidence, typeof column === 'function' ? column(k.start) : column, origin.line + line, at);
  };
}
