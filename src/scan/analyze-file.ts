/**
 * One file (or archive entry / attachment) through extract → normalize → detect → score.
 * Input: a path and its bytes. Output: its FileResult, followed by those of its children (archive entries,
 * attachments) as `outer!/inner`. Never throws for bad input: corrupt, encrypted, binary or timed-out files
 * become a result with status and reason. Reads no files itself (the caller passes bytes).
 */
import { posix } from 'node:path';
import { chooseExtractor } from '../extract/index.js';
import { withTimeout } from '../extract/limits.js';
import { levelOf, notScanned, UNLABELLED_TYPE, type ExtractLimits, type ExtractResult, type FileResult, type Finding, type Level, type Occurrence, type OccurrenceWhere, type Segment } from '../model.js';
import type { CompiledRule, LabelWord } from '../patterns/types.js';
import { fingerprint, valueHash } from '../score/fingerprint.js';
import { findLabels } from '../score/labels.js';
import { maskValue } from '../score/mask.js';
import { PostalAlone } from '../score/postal-alone.js';
import { isSensitive, RiskTally, unlabelledConfidence, type LabelPolicyId } from '../score/risk.js';
import { EvidenceCollector, type AppiEvidence } from '../appi/evidence.js';
import { fileRole } from '../appi/file-role.js';
import { rollUp } from '../appi/roll-up.js';
import { appiVerdict } from '../appi/verdict.js';
import { PersonHits } from '../appi/person-hits.js';
import type { CompiledVocabulary } from '../appi/vocabulary.js';
import { analyzeSegmentInto, type SegmentHit } from './analyze-segment.js';
import { CellMemo } from './cell-memo.js';
import { lettersOfCell } from './column-label.js';
import { OccurrenceTally, type PlaceFields } from './occurrences.js';
import { cellRowOf, eachPacked, hitAt, sheetOf, unpackHits, valueAt, type PackedHits } from './packed-hits.js';
import { scopeOf } from '../appi/records.js';
import { HitPacker } from './hit-packer.js';
import { ValueTables } from './value-table.js';

export interface AnalyzeOptions {
  rules: readonly CompiledRule[];
  ruleMap: ReadonlyMap<string, CompiledRule>;
  labelWords: readonly LabelWord[];
  minConfidence: number;
  fingerprintKey: string;
  limits: ExtractLimits;
  /** Keyed hashes (valueHash) of values that are never reported. */
  allowHashes?: ReadonlySet<string>;
  /** Values matching one of these are never reported. */
  allowPatterns?: readonly RegExp[];
  /** The 要配慮個人情報 vocabulary (patterns/special-care.yaml). */
  vocabulary: CompiledVocabulary;
  /** What needs a classification label (config `requireLabel`, --require-label). */
  labelPolicy: readonly LabelPolicyId[];
  /** Findings listed per type and place (occurrences.ts); undefined: every occurrence (--all-findings). */
  listLimit?: number;
}

const HEAD_BYTES = 8192;
const MEMO_CHARS = 80;
const FIRST_CHARS = 300;
/** A remembered cell without hits (read only: callers copy hits out of what analyze returns). */
const NO_HITS: SegmentHit[] = [];

/** A cell's analysis; `quiet`: its APPI evidence had no special-care trigger (evidence.ts `segment`). */
interface Remembered {
  hits: SegmentHit[];
  quiet: boolean;
}


async function extract(path: string, bytes: Uint8Array, depth: number, opts: AnalyzeOptions, onSegment: (s: Segment) => void): Promise<ExtractResult> {
  const name = path.slice(path.lastIndexOf('!/') + 1);
  const choice = chooseExtractor(name, bytes.subarray(0, HEAD_BYTES), bytes);
  if ('skipped' in choice) return { ok: false, format: choice.format, status: 'skipped', reason: choice.skipped };
  const { extractor } = choice;
  try {
    const ctx = { name: choice.name ?? name, depth, limits: opts.limits, onSegment, ...(choice.textHead === undefined ? {} : { textHead: choice.textHead }) };
    const timed = await withTimeout(extractor.extract(bytes, ctx), opts.limits.timeoutMs, extractor.format);
    return timed.ok ? timed.value : { ok: false, format: extractor.format, status: 'error', reason: timed.reason };
  } catch (error) {
    return { ok: false, format: extractor.format, status: 'error', reason: `cannot read: ${(error as Error).message}` };
  }
}

/**
 * Segments as they are analyzed, whether an extractor hands them over one by one or returns them: their hits
 * go straight to `take` (the file's FindingsBuilder, which takes them in file order, batch by batch, or a
 * packer whose batches go to the main thread: analyzeStreamed), so a sheet's hundreds of thousands of hits are
 * never all held; only the texts where labels are looked for (label zones, the start of the first) are kept.
 */
class SegmentSink {
  readonly labelSources: string[];
  /** What the text says for the APPI verdict (special-care words, organisations' phone numbers). */
  readonly appi: EvidenceCollector;
  private first = true;

  constructor(
    path: string,
    private readonly opts: AnalyzeOptions,
    private readonly take: (hits: readonly SegmentHit[]) => void,
  ) {
    this.labelSources = [posix.basename(path)];
    this.appi = new EvidenceCollector(opts.vocabulary);
  }

  /** Short cells repeat (statuses, product and company names): their analysis is remembered (cell-memo.ts). */
  private readonly memo = new CellMemo<Remembered>();

  readonly add = (seg: Segment): void => {
    if (seg.origin.line !== undefined || seg.table || seg.text.length > MEMO_CHARS) {
      const hits: SegmentHit[] = [];
      const nfkc = this.analyze(seg, hits);
      this.appi.segment(seg, hits, nfkc);
      this.keep(seg, hits);
      return;
    }
    // The letters name the column when its header is not a recognised one (column-label.ts).
    const column = this.memo.column(lettersOfCell(seg.origin.cell) ?? '', seg.header ?? '', seg.cell?.label);
    const known = column.get(seg.text);
    if (known) {
      // The same hits at this cell's location; its evidence again only if it depends on the row.
      const hits = known.hits.length === 0 ? NO_HITS : known.hits.map((h) => ({ ...h, location: { ...seg.origin } }));
      if (!known.quiet) this.appi.segment(seg, hits);
      this.keep(seg, hits);
      return;
    }
    const found: SegmentHit[] = [];
    const nfkc = this.analyze(seg, found);
    column.set(seg.text, { hits: found, quiet: !this.appi.segment(seg, found, nfkc) });
    this.keep(seg, found);
  };

  /** The segment's hits, pushed to `hits`; returns its text in NFKC when the analysis had it (for the evidence). */
  private analyze(seg: Segment, hits: SegmentHit[]): string | undefined {
    return analyzeSegmentInto(seg, this.opts.rules, this.opts.ruleMap, this.opts.minConfidence, (hit) => hits.push(hit));
  }

  /** A segment's hits and the text labels are looked for in. */
  private keep(seg: Segment, hits: readonly SegmentHit[]): void {
    if (hits.length > 0) this.take(hits);
    if (seg.labelZone) this.labelSources.push(seg.text);
    if (this.first) this.labelSources.push(seg.text.slice(0, FIRST_CHARS));
    this.first = false;
  }
}

function allowed(hit: SegmentHit, opts: AnalyzeOptions): boolean {
  // A loop, not some() with a closure: that was a context per hit (67 MB per roster scan on the main thread).
  const patterns = opts.allowPatterns ?? [];
  for (let i = 0; i < patterns.length; i++) if ((patterns[i] as RegExp).test(hit.value)) return true;
  // An HMAC costs as much as the finding's fingerprint: none without an allowlist.
  if (!opts.allowHashes?.size) return false;
  return opts.allowHashes.has(valueHash(opts.fingerprintKey, hit.type, hit.value));
}

/**
 * A file's findings, built as its hits arrive in file order. Every hit above the threshold and off the
 * allowlist is counted (occurrences.ts), weighs in the file's risk and is kept for the APPI verdict; only the
 * first `listLimit` per type and place are built as findings (masked, fingerprinted with the value's
 * occurrence number in the file). A huge text file adds each chunk's hits as soon as every earlier chunk is
 * in, so this work overlaps the analysis of the later chunks.
 *
 * `add` is the one point where the full list of a file's findings exists (as hits, before listing): whatever
 * must see every occurrence (counts, risk, the APPI verdict through `persons`) is fed from there.
 */
export class FindingsBuilder {
  readonly findings: Finding[] = [];
  /** What the APPI verdict reads of every kept hit, listed or not (compact: a roster has 700,000). */
  readonly persons: PersonHits;
  readonly tally: OccurrenceTally;
  readonly risk: RiskTally;
  private readonly entry: string | undefined;
  /** Postal codes wait for another personal value of the file (postal-alone.ts). */
  private readonly postal: PostalAlone;
  private finished = false;

  constructor(
    private readonly path: string,
    private readonly opts: AnalyzeOptions,
  ) {
    const bang = path.indexOf('!/');
    this.entry = bang >= 0 ? path.slice(bang + 2) : undefined;
    // One table of distinct values per type for both: a roster's names, mails and phones stored once.
    const values = new ValueTables();
    this.tally = new OccurrenceTally(opts.listLimit ?? Infinity, values);
    this.persons = new PersonHits(values);
    this.risk = new RiskTally(severityOf(opts));
    this.postal = new PostalAlone((h) => !allowed(h, opts));
  }

  add(hits: readonly SegmentHit[]): void {
    this.take(this.postal.take(hits));
  }

  /**
   * add() of a chunk's packed hits (packed-hits.ts), in order, with the same findings, counts and verdict
   * hits, but without three objects per hit (the hit, its location, its value): only listed hits and those
   * that do not fit the columns become objects. A roster's 700,000 hits as objects were the main thread's
   * largest allocation (299 MB per scan of the bench's roster set). Takes the object path while postal codes
   * may be held (postal-alone.ts) or an allowlist must see every value.
   */
  addPacked(p: PackedHits): void {
    if (!this.postal.passing || (this.opts.allowPatterns?.length ?? 0) > 0 || (this.opts.allowHashes?.size ?? 0) > 0) {
      unpackHits(p, (batch) => this.add(batch));
      return;
    }
    const { tally, opts } = this;
    // Read by the tally, which does not keep it: one object for every hit.
    const at: PlaceFields = {};
    // A record's scope per sheet (records.ts scopeOf), made once: a packed hit names no other place.
    const scopes: string[] = [];
    const bare = scopeOf({});
    eachPacked(p, (i, whole, run, base) => {
      if (whole) {
        this.take([whole]);
        return;
      }
      const confidence = p.confidence[i] as number;
      if (confidence < opts.minConfidence) return;
      const type = p.names[p.type[i] as number] as string;
      const value = valueAt(p, i, run, base);
      const label = p.label[i] as number;
      const line = p.line[i] as number;
      const sheet = sheetOf(p, i);
      const sheetName = sheet >= 0 ? (p.names[sheet] as string) : undefined;
      at.sheet = sheetName;
      const row = cellRowOf(p, i);
      const level = levelOf(confidence);
      this.risk.add(type, confidence);
      const occurrence = tally.count(type, value, level, label >= 0 ? p.names[label] : undefined, at);
      // The record as records.ts recordOf() reads the hit's location: a cell's row, else its line.
      const scope = sheetName === undefined ? bare : (scopes[sheet] ??= scopeOf({ sheet: sheetName }));
      this.persons.addInRecord(type, value, tally.valueId, scope, row >= 0 ? row : line >= 0 ? line : 0);
      if (tally.listed) this.findings.push(this.finding(hitAt(p, i, run, base), level, occurrence, tally.where));
    });
  }

  /** Called once every hit is in: the postal codes still held go in, capped. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.take(this.postal.finish());
  }

  private take(hits: readonly SegmentHit[]): void {
    const { tally } = this;
    for (const h of hits) {
      if (h.confidence < this.opts.minConfidence || allowed(h, this.opts)) continue;
      const level = levelOf(h.confidence);
      // Suppressed findings are waivers an auditor reviews: always listed, never counted as occurrences.
      if (h.suppressed) {
        this.findings.push(this.finding(h, level, tally.number(h.type, h.value), undefined));
        continue;
      }
      this.risk.add(h.type, h.confidence);
      const occurrence = tally.count(h.type, h.value, level, h.column, h.location);
      // The tally and the hits number values in the same tables: the tally's number is the hits' number.
      this.persons.addNumbered(h.type, h.value, tally.valueId, h.location);
      if (tally.listed) this.findings.push(this.finding(h, level, occurrence, tally.where));
    }
  }

  occurrences(): Occurrence[] {
    return this.tally.occurrences(this.opts.fingerprintKey, this.path);
  }

  private finding(h: SegmentHit, level: Level, occurrence: number, where: OccurrenceWhere | undefined): Finding {
    const location = this.entry ? { ...h.location, entry: this.entry } : h.location;
    const finding: Finding = {
      type: h.type,
      confidence: h.confidence,
      level,
      location,
      value: h.value,
      masked: maskValue(h.type, h.value),
      fingerprint: fingerprint(this.opts.fingerprintKey, this.path, h.type, h.value, occurrence),
    };
    if (h.suppressed) finding.suppressed = h.suppressed;
    if (where) finding.where = where;
    if (h.ocr) finding.ocr = true;
    return finding;
  }
}

function severityOf(opts: AnalyzeOptions): (type: string) => Level {
  return (type) => opts.ruleMap.get(type)?.severity ?? 'medium';
}

/**
 * The file-level part: findings (masked, fingerprinted), labels, risk, sensitivity and the
 * unlabelled-sensitive-file finding, from the hits of all of a file's segments.
 */
export function fileResult(path: string, format: string, hits: readonly SegmentHit[], labelSources: readonly string[], opts: AnalyzeOptions, inherited: readonly string[] = [], evidence?: AppiEvidence): FileResult {
  const built = new FindingsBuilder(path, opts);
  built.add(hits);
  return resultOf(path, format, built, labelSources, opts, inherited, evidence);
}

/**
 * fileResult from a FindingsBuilder that has seen every hit. Risk, counts and the APPI verdict cover every
 * occurrence of the file, listed or not.
 */
export function resultOf(path: string, format: string, built: FindingsBuilder, labelSources: readonly string[], opts: AnalyzeOptions, inherited: readonly string[] = [], evidence?: AppiEvidence): FileResult {
  const labels = [...new Set([...inherited, ...findLabels(labelSources, opts.labelWords)])];
  built.finish();
  const { findings } = built;
  const risk = built.risk.risk;
  const appi = appiVerdict({ findings: built.persons, evidence, role: fileRole(path) });
  const result: FileResult = { path, format, status: 'scanned', labels, labelled: labels.length > 0, risk, sensitive: false, findings, appi };
  const occurrences = built.occurrences();
  if (occurrences.length > 0) result.occurrences = occurrences;
  applyLabelPolicy(result, opts);
  return result;
}

/** `sensitive` and the unlabelled-sensitive-file finding, from the verdict and the label policy. */
function applyLabelPolicy(result: FileResult, opts: AnalyzeOptions): void {
  const appi = result.appi;
  if (!appi) return;
  result.sensitive = isSensitive(appi, opts.labelPolicy);
  if (!result.sensitive || result.labelled || result.findings.some((f) => f.type === UNLABELLED_TYPE)) return;
  const confidence = unlabelledConfidence(appi, result.risk);
  result.findings.push({ type: UNLABELLED_TYPE, confidence, level: levelOf(confidence), location: {}, value: '', masked: '', fingerprint: fingerprint(opts.fingerprintKey, result.path, UNLABELLED_TYPE, '', 1) });
}

/**
 * An archive or e-mail holds what its members hold: its verdict is the union of theirs, and it needs a label
 * when they do. Its own label covers its members (they inherit it); a member's label does not label it.
 */
function rollUpContainer(result: FileResult, members: readonly FileResult[], opts: AnalyzeOptions): void {
  if (!result.appi || members.length === 0) return;
  result.appi = rollUp(result.appi, members.map((m) => m.appi));
  applyLabelPolicy(result, opts);
}


export async function analyzeBytes(path: string, bytes: Uint8Array, opts: AnalyzeOptions, depth = 0, inherited: readonly string[] = []): Promise<FileResult[]> {
  const built = new FindingsBuilder(path, opts);
  const sink = new SegmentSink(path, opts, (hits) => built.add(hits));
  const extracted = await extract(path, bytes, depth, opts, sink.add);
  if (!extracted.ok) return [notScanned(path, extracted.status, extracted.reason, { format: extracted.format })];
  for (const seg of extracted.segments) sink.add(seg);
  const result = streamedResult(path, built, endOf(extracted, sink), opts, inherited);
  const out = [result];
  const members: FileResult[] = [];
  for (const child of extracted.children ?? []) {
    const analyzed = withNotes(await analyzeBytes(`${path}!/${child.name}`, child.bytes, opts, depth + 1, result.labels), child.notes);
    // Its first result is the member itself, already rolled up over its own members.
    if (analyzed[0]) members.push(analyzed[0]);
    for (const r of analyzed) out.push(r); // a nested archive's results can exceed push(...)'s argument limit
  }
  rollUpContainer(result, members, opts);
  for (const failed of extracted.failedChildren ?? []) out.push(notScanned(`${path}!/${failed.name}`, failed.status, failed.reason, { format: posix.extname(failed.name).slice(1) || 'unknown' }));
  return out;
}

/** A child's own notes (its name was made safe) come before those of its reading. */
function withNotes(results: FileResult[], notes: readonly string[] | undefined): FileResult[] {
  const [first] = results;
  if (first && notes?.length) first.notes = [...notes, ...(first.notes ?? [])];
  return results;
}

/** What a file's reading says besides its hits, once every hit is out (a worker sends it after the hits). */
export interface StreamedEnd {
  format: string;
  /** The texts labels are looked for in, metadata included. */
  labelSources: string[];
  evidence: AppiEvidence;
  notes?: string[];
  ocrPages?: number;
}

function endOf(extracted: Extract<ExtractResult, { ok: true }>, sink: SegmentSink): StreamedEnd {
  // Metadata (MSIP label names, category, keywords) is matched against the vocabulary like any label zone:
  // a sensitivity label "社外秘 - 個人情報" counts, a category "議事録" or a label "General" does not.
  const end: StreamedEnd = { format: extracted.format, labelSources: [...sink.labelSources, ...(extracted.labels ?? [])], evidence: sink.appi.done() };
  if (extracted.notes?.length) end.notes = extracted.notes;
  if (extracted.ocrPages) end.ocrPages = extracted.ocrPages;
  return end;
}

/** A file's result from its findings builder, once it has every hit, and the rest of its reading. */
export function streamedResult(path: string, built: FindingsBuilder, end: StreamedEnd, opts: AnalyzeOptions, inherited: readonly string[] = []): FileResult {
  const result = resultOf(path, end.format, built, end.labelSources, opts, inherited, end.evidence);
  if (end.notes) result.notes = end.notes;
  if (end.ocrPages) result.ocrPages = end.ocrPages;
  return result;
}

/** Hits per batch a streamed file's worker sends (each a few hundred KB as columns). */
const STREAM_BATCH = 8192;

/**
 * A file on disk (not an archive member) read and analyzed here, its hits sent on in packed batches
 * (`send`) as they are made, for the main thread's FindingsBuilder: a workbook's 240,000 hits are then
 * counted, numbered and kept for the verdict there, while this worker reads on (that was a quarter of the
 * worker's time, and the other threads were idle). Returns what follows the hits (streamedResult makes the
 * result the whole reading gives), or the file's results: when its reading failed (what was sent is then
 * void) or when it is not of a format read this way (a format whose files may have members, archive entries
 * or attachments, whose reading needs the findings here; then nothing was sent).
 */
export async function analyzeStreamed(path: string, bytes: Uint8Array, opts: AnalyzeOptions, send: (hits: PackedHits) => void): Promise<StreamedEnd | FileResult[]> {
  const name = path.slice(path.lastIndexOf('!/') + 1);
  const choice = chooseExtractor(name, bytes.subarray(0, HEAD_BYTES), bytes);
  if (!('extractor' in choice) || !STREAMED_FORMATS.has(choice.extractor.format)) return analyzeBytes(path, bytes, opts);
  let packer = new HitPacker();
  let packed = 0;
  const sink = new SegmentSink(path, opts, (hits) => {
    for (const h of hits) packer.add(h);
    packed += hits.length;
    if (packed >= STREAM_BATCH) flush();
  });
  const flush = (): void => {
    if (packed === 0) return;
    send(packer.done());
    packer = new HitPacker();
    packed = 0;
  };
  const extracted = await extract(path, bytes, 0, opts, sink.add);
  if (!extracted.ok) return [notScanned(path, extracted.status, extracted.reason, { format: extracted.format })];
  for (const seg of extracted.segments) sink.add(seg);
  if (extracted.children?.length || extracted.failedChildren?.length) throw new Error(`a ${extracted.format} file with members cannot be streamed`);
  flush();
  return endOf(extracted, sink);
}

/** Formats whose files have no members: their whole result is streamedResult's. */
const STREAMED_FORMATS: ReadonlySet<string> = new Set(['xlsx']);
