/**
 * JSON report (CONTRACT.md "JSON report").
 * Input: a sorted ScanResult. Output: pretty-printed JSON (2 spaces, trailing newline).
 * Never: writes the unmasked `value` unless showValues is set; never reads or writes files.
 */
import type { FileResult, Finding, ScanResult, ScanSummary } from '../model.js';
import { orderedLocation } from './location.js';
import { round2 } from './round.js';

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
  return out;
}

function jsonFile(file: FileResult, showValues: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { path: file.path, format: file.format, status: file.status };
  if (file.reason !== undefined) out.reason = file.reason;
  Object.assign(out, {
    labels: file.labels,
    labelled: file.labelled,
    risk: round2(file.risk),
    sensitive: file.sensitive,
    findings: file.findings.map((f) => jsonFinding(f, showValues)),
  });
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
  };
}

export function renderJson(result: ScanResult, options: JsonOptions): string {
  const doc = {
    tool: { name: result.tool.name, version: result.tool.version },
    files: result.files.map((f) => jsonFile(f, options.showValues)),
    summary: jsonSummary(result.summary),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
