/**
 * Command-line values → typed options. Pure: throws UsageError with a message naming the option.
 */
import { LEVELS, LEVEL_FLOOR, type Level } from './model.js';
import { isReportFormat, REPORT_FORMATS, type ReportFormat } from './report/index.js';
import { LABEL_POLICY_IDS, type LabelPolicyId } from './score/risk.js';

export class UsageError extends Error {}

export type FailOn = Level | 'never';

export function parseLevel(name: string, value: string): Level {
  const v = value.toLowerCase();
  if ((LEVELS as readonly string[]).includes(v)) return v as Level;
  throw new UsageError(`${name}: '${value}' is not one of ${LEVELS.join(', ')}`);
}

export function parseFailOn(value: string): FailOn {
  return value.toLowerCase() === 'never' ? 'never' : parseLevel('--fail-on', value);
}

export function minConfidenceOf(level: Level): number {
  return LEVEL_FLOOR[level];
}

export function parseFormat(name: string, value: string): ReportFormat {
  const v = value.toLowerCase();
  if (isReportFormat(v)) return v;
  throw new UsageError(`${name}: unknown format '${value}' (use ${REPORT_FORMATS.join(', ')})`);
}

/** `--report sarif=out.sarif` → {format, file}. */
export function parseReportSpec(spec: string): { format: ReportFormat; file: string } {
  const eq = spec.indexOf('=');
  if (eq <= 0 || eq === spec.length - 1) throw new UsageError(`--report: expected FORMAT=FILE, got '${spec}'`);
  return { format: parseFormat('--report', spec.slice(0, eq)), file: spec.slice(eq + 1) };
}

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3 };

/** `10MB`, `512k`, `1.5GiB`, `2000` (bytes). */
export function parseSize(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(value);
  const unit = m ? UNITS[(m[2] ?? '').toLowerCase()] : undefined;
  if (!m || unit === undefined || Number(m[1]) <= 0) throw new UsageError(`--max-file-size: '${value}' is not a size (examples: 500k, 10MB, 1GiB)`);
  return Math.floor(Number(m[1]) * unit);
}

export function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError(`--jobs: '${value}' is not a number of threads between 1 and 256`);
  return n;
}

export function parseTypes(value: string, known: readonly string[]): string[] {
  const ids = value.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length || !ids.length) {
    throw new UsageError(`--types: unknown detector ${unknown.map((u) => `'${u}'`).join(', ') || "''"} (known: ${known.join(', ')})`);
  }
  return ids;
}

/** `--require-label personal-information,roster` (or `none`: only what is always labelled). */
export function parseLabelPolicy(name: string, value: string): LabelPolicyId[] {
  const ids = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length === 1 && ids[0] === 'none') return [];
  const unknown = ids.filter((id) => !(LABEL_POLICY_IDS as readonly string[]).includes(id));
  if (unknown.length || !ids.length) {
    throw new UsageError(`${name}: unknown category ${unknown.map((u) => `'${u}'`).join(', ') || "''"} (known: ${LABEL_POLICY_IDS.join(', ')}, none)`);
  }
  return ids as LabelPolicyId[];
}
