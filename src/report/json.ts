/**
 * JSON report (CONTRACT.md "JSON report").
 * Input: a sorted ScanResult, or its files one by one. Output: pretty-printed JSON (2 spaces, trailing newline).
 * Never: writes the unmasked `value` unless showValues is set; never reads or writes files.
 */
import type { AppiVerdict, FileResult, Finding, Occurrence, ScanResult, ScanSummary } from '../model.js';
import { orderedLocation, orderedWhere } from './location.js';
import { jsonClose, jsonFrame, jsonItem, slot } from './json-frame.js';
import { round2 } from './round.js';
import { memorySection, type Section, type SectionFactory } from './sections.js';
import type { ReportWriter } from './writer.js';

export interface JsonOptions {
  showValues: boolean;
}

/** Field order follows the contract; `fingerprint` and `suppressed` are additions (keyed hash, no PII). */
function jsonFinding(f: Finding, showValues: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {
    type: f.type,
    confidence: round2(f.confidence),
    level: f.level,
    location: orderedLocation(f.location),
    masked: f.masked,
  };
  if (showValues) out.value = f.value;
  if (f.fingerprint) out.fingerprint = f.fingerprint;
  if (f.suppressed) out.suppressed = f.suppressed.reason === undefined ? {} : { reason: f.suppressed.reason };
  if (f.ocr) out.ocr = true;
  return out;
}

function jsonFile(file: FileResult, showValues: boolean, findings: unknown[] = file.findings.map((f) => jsonFinding(f, showValues))): Record<string, unknown> {
  const out: Record<string, unknown> = { path: file.path, format: file.format, status: file.status };
  if (file.reason !== undefined) out.reason = file.reason;
  if (file.notes?.length) out.notes = file.notes;
  Object.assign(out, {
    labels: file.labels,
    labelled: file.labelled,
    risk: round2(file.risk),
    sensitive: file.sensitive,
  });
  if (file.appi) out.appi = jsonAppi(file.appi);
  out.findings = findings;
  if (file.occurrences?.length) out.occurrences = file.occurrences.map(jsonOccurrence);
  if (file.notes?.length) out.notes = file.notes;
  if (file.ocrPages) out.ocrPages = file.ocrPages;
  return out;
}

/** CONTRACT.md `occurrences[]`; `byLevel`, `fingerprint` and `setFingerprint` are additions (keyed hashes, no PII). */
function jsonOccurrence(o: Occurrence): Record<string, unknown> {
  const out: Record<string, unknown> = { type: o.type, count: o.count, distinct: o.distinct, level: o.level, where: orderedWhere(o.where), listed: o.listed };
  if (o.byLevel) out.byLevel = { high: o.byLevel.high, medium: o.byLevel.medium, low: o.byLevel.low };
  if (o.fingerprint) out.fingerprint = o.fingerprint;
  if (o.setFingerprint) out.setFingerprint = o.setFingerprint;
  return out;
}

/** CONTRACT.md `appi`: the five fixed keys first, then `specialCareWords` and `role` when set. */
function jsonAppi(a: AppiVerdict): Record<string, unknown> {
  const out: Record<string, unknown> = { categories: a.categories, specialCare: a.specialCare, persons: a.persons, roster: a.roster, breachReportable: a.breachReportable };
  if (a.specialCareWords) out.specialCareWords = a.specialCareWords;
  if (a.role) out.role = a.role;
  return out;
}

function jsonSummary(s: ScanSummary): Record<string, unknown> {
  return {
    files: s.files,
    scanned: s.scanned,
    skipped: s.skipped,
    errors: s.errors,
    findings: s.findings,
    byType: s.byType,
    suppressed: s.suppressed,
    ...(s.unlisted ? { unlisted: s.unlisted } : {}),
    ...(s.imageOnly ? { imageOnly: s.imageOnly } : {}),
    ...(s.excluded ? { excluded: s.excluded } : {}),
  };
}

/** The JSON report written file by file: each file's entry goes to a section, the frame around it at the end. */
export class JsonWriter implements ReportWriter {
  private readonly files: Section;
  private count = 0;

  constructor(
    private readonly tool: ScanResult['tool'],
    private readonly options: JsonOptions,
    sections: SectionFactory = memorySection,
  ) {
    this.files = sections();
  }

  file(file: FileResult): void {
    const { showValues } = this.options;
    const first = this.count++ === 0;
    if (file.findings.length <= FINDINGS_AT_ONCE) {
      this.files.write(jsonItem(jsonFile(file, showValues), FILE_INDENT, first));
      return;
    }
    // A log with 70,000 findings: its entry is written finding by finding, never as one 40 MB string.
    const frame = jsonFrame(jsonFile(file, showValues, slot(0)), 1, FILE_INDENT);
    const indent = frame.indents[0] ?? '';
    this.files.write(`${first ? '' : ','}\n${FILE_INDENT}${frame.parts[0] ?? ''}`);
    file.findings.forEach((f, i) => this.files.write(jsonItem(jsonFinding(f, showValues), indent, i === 0)));
    this.files.write(jsonClose(indent, file.findings.length) + (frame.parts[1] ?? ''));
  }

  *finish(summary: ScanSummary): Generator<string | Uint8Array> {
    const frame = jsonFrame({ tool: { name: this.tool.name, version: this.tool.version }, files: slot(0), summary: jsonSummary(summary) }, 1);
    yield frame.parts[0] ?? '';
    yield* this.files.chunks();
    yield jsonClose(FILE_INDENT, this.count);
    yield `${frame.parts[1] ?? ''}\n`;
  }
}

/** Findings of a file that are rendered as one string; more are written one by one. */
const FINDINGS_AT_ONCE = 256;

/** Where JSON.stringify(doc, null, 2) puts the items of the top-level `files` array. */
const FILE_INDENT = '    ';
