/**
 * Reading the inputs of `jpii merge`: a JSON report (CONTRACT.md "JSON report") or a SARIF log, told apart
 * by their shape. Input: a file name and its text. Output: a ScanResult (findings without `value`: a JSON
 * report holds masked values only, and the merge never invents one) or the SARIF log as parsed.
 * Never: reads files itself; problems are thrown as one MergeError listing each, naming file and field.
 */
import { appiFromJson } from '../appi/from-json.js';
import type { Log } from 'sarif';
import { LEVELS, type FileResult, type Finding, type Level, type Location, type Occurrence, type OccurrenceWhere, type ScanResult } from '../model.js';
import { summarize } from '../scan/scan.js';
import { addExcluded, excludedOf } from './excluded-sum.js';
import { extrasOf } from './read-extras.js';

export class MergeError extends Error {}

export type MergeInput = { kind: 'json'; file: string; result: ScanResult } | { kind: 'sarif'; file: string; log: Log };

type Obj = Record<string, unknown>;
const STATUSES = ['scanned', 'skipped', 'error'];
/** Enough to locate the trouble; a report broken everywhere does not need a thousand lines. */
export const MAX_PROBLEMS = 10;

function isObj(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function findingOf(x: unknown, where: string, problems: string[]): Finding | undefined {
  if (!isObj(x) || typeof x.type !== 'string' || typeof x.confidence !== 'number' || !LEVELS.includes(x.level as never) || !isObj(x.location) || typeof x.masked !== 'string') {
    problems.push(`${where}: not a finding (type, confidence, level, location, masked)`);
    return undefined;
  }
  const suppressed = isObj(x.suppressed) ? { suppressed: typeof x.suppressed.reason === 'string' ? { reason: x.suppressed.reason } : {} } : {};
  const f: Finding = { type: x.type, confidence: x.confidence, level: x.level as Finding['level'], location: x.location as Location, value: '', masked: x.masked, fingerprint: typeof x.fingerprint === 'string' ? x.fingerprint : '' };
  return { ...f, ...suppressed };
}

/** An `occurrences[]` item (CONTRACT.md): the counts a merged summary adds up. */
function occurrenceOf(x: unknown, where: string, problems: string[]): Occurrence | undefined {
  const count = isObj(x) ? x.count : undefined;
  if (!isObj(x) || typeof x.type !== 'string' || !Number.isInteger(count) || (count as number) < 0 || typeof x.listed !== 'number' || typeof x.distinct !== 'number' || !LEVELS.includes(x.level as never) || !isObj(x.where)) {
    problems.push(`${where}: not an occurrence (type, count, distinct, level, where, listed)`);
    return undefined;
  }
  const o: Occurrence = { type: x.type, count: count as number, distinct: x.distinct, level: x.level as Level, where: x.where as OccurrenceWhere, listed: x.listed };
  if (isObj(x.byLevel)) o.byLevel = { high: Number(x.byLevel.high) || 0, medium: Number(x.byLevel.medium) || 0, low: Number(x.byLevel.low) || 0 };
  if (typeof x.fingerprint === 'string') o.fingerprint = x.fingerprint;
  if (typeof x.setFingerprint === 'string') o.setFingerprint = x.setFingerprint;
  return o;
}

export function fileOf(x: unknown, where: string, problems: string[]): FileResult | undefined {
  if (!isObj(x) || typeof x.path !== 'string' || typeof x.format !== 'string' || !STATUSES.includes(x.status as string) || !Array.isArray(x.findings)) {
    problems.push(`${where}: not a file entry (path, format, status, findings)`);
    return undefined;
  }
  const findings = x.findings.map((f, i) => findingOf(f, `${where}.findings[${i}]`, problems)).filter((f): f is Finding => f !== undefined);
  const appi = appiFromJson(x.appi);
  const occurrences = Array.isArray(x.occurrences)
    ? x.occurrences.map((o, i) => occurrenceOf(o, `${where}.occurrences[${i}]`, problems)).filter((o): o is Occurrence => o !== undefined)
    : undefined;
  return {
    ...(occurrences ? { occurrences } : {}),
    path: x.path,
    format: x.format,
    status: x.status as FileResult['status'],
    ...(typeof x.reason === 'string' ? { reason: x.reason } : {}),
    labels: Array.isArray(x.labels) ? x.labels.filter((l): l is string => typeof l === 'string') : [],
    labelled: x.labelled === true,
    risk: typeof x.risk === 'number' ? x.risk : 0,
    sensitive: x.sensitive === true,
    ...(appi ? { appi } : {}),
    findings,
    ...extrasOf(x),
  };
}

function jsonReport(doc: Obj, file: string): ScanResult {
  const tool = isObj(doc.tool) ? doc.tool : {};
  const problems: string[] = [];
  if (tool.name !== 'jpii') problems.push('tool.name: not a jpii report');
  const files = (doc.files as unknown[]).map((f, i) => fileOf(f, `files[${i}]`, problems)).filter((f): f is FileResult => f !== undefined);
  if (problems.length) throw new MergeError(problems.slice(0, MAX_PROBLEMS).map((p) => `${file}: ${p}`).join('\n'));
  const summary = summarize(files);
  addExcluded(summary, excludedOf(doc.summary));
  return { tool: { name: 'jpii', version: typeof tool.version === 'string' ? tool.version : 'unknown' }, files, summary };
}

function sarifLog(doc: Obj, file: string): Log {
  const runs = doc.runs as unknown[];
  runs.forEach((run, i) => {
    const driver = isObj(run) && isObj(run.tool) && isObj(run.tool.driver) ? run.tool.driver : undefined;
    if (driver?.name !== 'jpii') throw new MergeError(`${file}: runs[${i}].tool.driver.name: not a jpii run`);
  });
  return doc as unknown as Log;
}

export function readReport(file: string, text: string): MergeInput {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new MergeError(`${file}: not JSON (${(error as Error).message})`);
  }
  if (isObj(doc) && doc.version === '2.1.0' && Array.isArray(doc.runs)) return { kind: 'sarif', file, log: sarifLog(doc, file) };
  if (isObj(doc) && Array.isArray(doc.files)) return { kind: 'json', file, result: jsonReport(doc, file) };
  throw new MergeError(`${file}: neither a jpii JSON report nor a SARIF 2.1.0 log`);
}
