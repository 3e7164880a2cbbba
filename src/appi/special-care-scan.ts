/**
 * Finds the 要配慮個人情報 vocabulary in one segment: field labels that carry a value, column headers over data,
 * label cells, and terms, each with the record it sits in. Pure.
 * Never: keeps the surrounding text (only the vocabulary word and where it was), never decides whether the
 * file is about a person (verdict.ts does, with the findings).
 */
import type { Location, Segment, SpecialCareId } from '../model.js';
import { recordOf, type RecordKey } from './records.js';
import type { CompiledVocabulary, CompiledWord } from './vocabulary.js';

export interface Trigger {
  category: SpecialCareId;
  kind: CompiledWord['kind'];
  word: string;
  record: RecordKey;
}

/** A line naming this many categories, or these words, defines the categories (a policy, a rulebook). */
const DEFINITION_CATEGORIES = 3;
const DEFINITION_WORDS = /要配慮個人情報|要配慮情報|センシティブ|機微情報|機微な個人情報/;

/** After a field label: closing quote, separator, opening quote, then the value's first characters. */
const FIELD_VALUE = /^["」』】]?[ \u3000]*[:：=|\t][ \u3000]*["「『]?([^ \u3000"」』|,\t\r\n]{1,6})/u;
/** Values that say nothing about the person (blank forms, "none"). */
const NO_VALUE = /^(?:[＿_\-－ー―—…・*＊?？]|なし|無し|特になし|該当なし|未記入|記入例|不明|null|none|n\/a)/i;

const LETTER = /[\p{L}\p{N}]/u;

/**
 * A field label counts when a person is written within this many lines, rows or paragraphs of it in the same
 * part of the file (a form: 氏名 at the top, 判定 further down; an e-mail's headers do not anchor its body).
 */
export const FIELD_NEAR = 40;
/** A column header counts for every row of its table. */
const WHOLE_TABLE = Number.MAX_SAFE_INTEGER;

/** A Latin word (DV, HIV) must not touch Latin letters or digits; a Japanese one, no letter at all. */
function tokenOk(text: string, start: number, end: number): boolean {
  const latin = /^[A-Za-z0-9]/.test(text[start] ?? '');
  const touches = (c: string | undefined): boolean => c !== undefined && (latin ? /[A-Za-z0-9]/.test(c) : LETTER.test(c));
  return !touches(text[start - 1]) && !touches(text[end]);
}

function hasValue(rest: string): boolean {
  const m = FIELD_VALUE.exec(rest);
  return m !== null && !NO_VALUE.test(m[1] ?? '');
}

interface Match {
  word: CompiledWord;
  start: number;
  end: number;
}

/**
 * Every vocabulary word in the text, longest first at each place, looking up words only where two units fit.
 * No closure in the loop: one that captured `start` made V8 allocate a context for every character of every
 * text (500 MB per 2,000 small files, a third of the workers' allocations).
 */
function matchesIn(text: string, vocab: CompiledVocabulary): Match[] {
  const out: Match[] = [];
  const { starts } = vocab;
  // Char codes and a bit table, not a regex over the first units: a test() per place cost more than the look-up.
  for (let start = starts.nextAt(text, 0); start < text.length; start = starts.nextAt(text, start + 1)) {
    const word = wordAt(text, start, starts.at(text, start));
    if (!word) continue;
    out.push({ word, start, end: start + word.word.length });
    start += word.word.length - 1;
  }
  return out;
}

/** The first (longest) of `candidates` written at `start`, as a token where it must be one. */
function wordAt(text: string, start: number, candidates: readonly CompiledWord[] | undefined): CompiledWord | undefined {
  if (!candidates) return undefined;
  for (const w of candidates) if (text.startsWith(w.word, start) && (!w.token || tokenOk(text, start, start + w.word.length))) return w;
  return undefined;
}

/** Triggers of one line of text (a definition line yields none); `found`: its matches, offsets in the line. */
function lineTriggers(line: string, record: RecordKey, vocab: CompiledVocabulary, fieldsOnlyAsLabels: boolean, found = matchesIn(line, vocab)): Trigger[] {
  if (found.length === 0 || DEFINITION_WORDS.test(line)) return [];
  if (new Set(found.map((f) => f.word.category)).size >= DEFINITION_CATEGORIES) return [];
  const out: Trigger[] = [];
  for (const { word, end } of found) {
    const rest = line.slice(end);
    const asField = word.kind === 'field' && !fieldsOnlyAsLabels && hasValue(rest);
    const term = word.kind === 'term' ? word : vocab.termWords.get(word.word);
    if (asField) out.push({ category: word.category, kind: 'field', word: word.word, record: { ...record, near: FIELD_NEAR } });
    else if (term && !modifies(rest, vocab)) out.push({ category: term.category, kind: 'term', word: term.word, record });
  }
  return out;
}

/** 糖尿病治療薬, うつ病の予防: the term names a product, a service or a topic. */
function modifies(rest: string, vocab: CompiledVocabulary): boolean {
  const after = rest.startsWith('の') ? rest.slice(1) : rest;
  if (vocab.modifiers.some((m) => after.startsWith(m))) return true;
  const phrase = /^[^、。,.()「」\n]{0,12}/u.exec(rest)?.[0] ?? '';
  return vocab.topics.some((t) => phrase.includes(t));
}

function fieldOf(label: string, vocab: CompiledVocabulary): CompiledWord | undefined {
  return normalizedFieldOf(label.normalize('NFKC').trim(), vocab);
}

/** fieldOf of text that is NFKC and trimmed already (normalizing it again would give the same text). */
function normalizedFieldOf(text: string, vocab: CompiledVocabulary): CompiledWord | undefined {
  return vocab.fieldWords.get(text.replace(/[:：]$/, ''));
}

/** Column headers read as field labels, per vocabulary: every cell of a column asks for its header's. */
const headerFields = new WeakMap<CompiledVocabulary, Map<string, CompiledWord | null>>();
const HEADER_MEMO = 1000;

function headerFieldOf(header: string, vocab: CompiledVocabulary): CompiledWord | undefined {
  let memo = headerFields.get(vocab);
  if (!memo) headerFields.set(vocab, (memo = new Map()));
  let field = memo.get(header);
  if (field === undefined) {
    if (memo.size >= HEADER_MEMO) memo.clear();
    memo.set(header, (field = fieldOf(header, vocab) ?? null));
  }
  return field ?? undefined;
}

/** A spreadsheet cell: under a special-care column header, a label cell, or text with terms. `text` is NFKC. */
function cellTriggers(seg: Segment, text: string, vocab: CompiledVocabulary): Trigger[] {
  // The record only once a trigger needs it: most cells have none, and it is a string built per cell.
  const value = text.trim();
  const header = seg.header === undefined ? undefined : headerFieldOf(seg.header, vocab);
  if (header && value !== '' && !NO_VALUE.test(value)) return [{ category: header.category, kind: 'field', word: header.word, record: recordOf(seg.origin) }];
  const label = normalizedFieldOf(value, vocab);
  if (label) return [{ category: label.category, kind: 'field', word: label.word, record: { ...recordOf(seg.origin), near: FIELD_NEAR } }];
  const found = matchesIn(text, vocab);
  return found.length === 0 ? [] : lineTriggers(text, recordOf(seg.origin), vocab, false, found);
}

/** The text's matches grouped by line: [line index, line text, matches with offsets in the line]. */
function byLine(text: string, matches: readonly Match[]): [number, string, Match[]][] {
  const out: [number, string, Match[]][] = [];
  let line = 0;
  let from = 0;
  for (const m of matches) {
    for (let nl = text.indexOf('\n', from); nl >= 0 && nl < m.start; nl = text.indexOf('\n', from)) {
      line++;
      from = nl + 1;
    }
    const last = out[out.length - 1];
    const moved = { ...m, start: m.start - from, end: m.end - from };
    if (last && last[0] === line) last[2].push(moved);
    else {
      const end = text.indexOf('\n', from);
      out.push([line, text.slice(from, end < 0 ? text.length : end), [moved]]);
    }
  }
  return out;
}

/** Whether anything but white space follows the first line. */
function dataFollows(text: string): boolean {
  const firstBreak = text.indexOf('\n');
  return firstBreak >= 0 && text.slice(firstBreak + 1).trim() !== '';
}

/** Delimited text: special-care column headers (when data rows follow), then each data line. */
function tableTriggers(seg: Segment, text: string, matches: readonly Match[], vocab: CompiledVocabulary): Trigger[] {
  const out: Trigger[] = [];
  const first = seg.origin.line ?? 1;
  // Only when a header is a field: most tables have none, and this copies the whole text.
  let hasData: boolean | undefined;
  for (const h of seg.table?.headers ?? []) {
    const field = headerFieldOf(h, vocab);
    if (field && (hasData ??= dataFollows(text))) out.push({ category: field.category, kind: 'field', word: field.word, record: { ...recordOf({ ...seg.origin, line: first }), near: WHOLE_TABLE } });
  }
  for (const [i, line, found] of byLine(text, matches)) {
    if (i > 0 || first > 1) out.push(...lineTriggers(line, recordOf({ ...seg.origin, line: first + i }), vocab, true, found));
  }
  return out;
}

function lineLocation(origin: Location, i: number): Location {
  return origin.line !== undefined ? { ...origin, line: origin.line + i } : origin;
}

/** `nfkc`: the segment's text in NFKC when the caller has it already (analyze-segment.ts). */
export function scanSpecialCare(seg: Segment, vocab: CompiledVocabulary, nfkc?: string): Trigger[] {
  const text = nfkc ?? seg.text.normalize('NFKC');
  if (seg.origin.cell !== undefined) return cellTriggers(seg, text, vocab);
  const matches = matchesIn(text, vocab);
  if (seg.table) return tableTriggers(seg, text, matches, vocab);
  if (matches.length === 0) return [];
  return byLine(text, matches).flatMap(([i, line, found]) => lineTriggers(line, recordOf(lineLocation(seg.origin, i)), vocab, false, found));
}
