/**
 * Baselines: today's findings recorded as keyed fingerprints, so later scans report only new ones.
 * Input: a ScanResult (write) or a baseline file (read). Output: baseline JSON, or the result without the
 * * known findings (per file, as results stream by). Never: writes a value or a masked value into a baseline, only fingerprints (keyed HMACs
 * that do not change when lines move or the file is re-encoded), types and paths.
 */
import { readFileSync } from 'node:fs';
import { LEVELS, type FileResult, type Finding, type Level, type Occurrence, type ScanResult } from '../model.js';
import { occurrenceGroups } from '../report/occurrence-groups.js';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  fingerprint: string;
  type: string;
  path: string;
  /** Set for an occurrence entry: its `fingerprint` is the keyed hash of all the values of a type at one place. */
  count?: number;
}

export interface Baseline {
  version: number;
  tool: { name: string; version: string };
  createdAt: string;
  fingerprints: BaselineEntry[];
}

/** A missing or malformed baseline: a fatal error (exit 2), never "no known findings". */
export class BaselineError extends Error {}

const compare = (a: BaselineEntry, b: BaselineEntry): number =>
  a.path < b.path ? -1 : a.path > b.path ? 1 : a.type < b.type ? -1 : a.type > b.type ? 1 : a.fingerprint < b.fingerprint ? -1 : 1;

/**
 * Every unsuppressed listed finding, one entry per fingerprint, and every occurrence (a type at one place) as
 * the keyed hash of its values, so a roster's 86,000 rows are known without 86,000 entries; sorted so the
 * file diffs well in review.
 */
export function makeBaseline(result: ScanResult, createdAt: Date): Baseline {
  const byFingerprint = new Map<string, BaselineEntry>();
  for (const file of result.files) {
    for (const f of file.findings) {
      if (!f.suppressed && f.fingerprint) byFingerprint.set(f.fingerprint, { fingerprint: f.fingerprint, type: f.type, path: file.path });
    }
    // An occurrence of one value is its finding's entry already.
    for (const o of file.occurrences ?? []) {
      if (o.setFingerprint && o.count > 1) byFingerprint.set(o.setFingerprint, { fingerprint: o.setFingerprint, type: o.type, path: file.path, count: o.count });
    }
  }
  return {
    version: BASELINE_VERSION,
    tool: { name: result.tool.name, version: result.tool.version },
    createdAt: createdAt.toISOString(),
    fingerprints: [...byFingerprint.values()].sort(compare),
  };
}

export function renderBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

function parse(text: string, name: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new BaselineError(`${name}: not valid JSON: ${(error as Error).message}`);
  }
  const b = data as Partial<Baseline> | null;
  if (typeof b !== 'object' || b === null || !Array.isArray(b.fingerprints)) {
    throw new BaselineError(`${name}: not a jpii baseline (no "fingerprints" list; create one with jpii baseline)`);
  }
  if (b.version !== BASELINE_VERSION) throw new BaselineError(`${name}: version: ${String(b.version)} is not supported (expected ${BASELINE_VERSION})`);
  const bad = b.fingerprints.findIndex((e: Partial<BaselineEntry> | null) => typeof e?.fingerprint !== 'string' || !/^[0-9a-f]{16,64}$/.test(e.fingerprint));
  if (bad >= 0) throw new BaselineError(`${name}: fingerprints[${bad}].fingerprint: must be a hex string`);
  return b as Baseline;
}

/** The fingerprints of a baseline file. */
export function readBaseline(file: string, name = file): Set<string> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BaselineError(`${name}: cannot read the baseline (${code === 'ENOENT' ? 'no such file; create it with jpii baseline' : (code ?? 'EIO')})`);
  }
  return new Set(parse(text, name).fingerprints.map((e) => e.fingerprint));
}

/**
 * Per file: drops what the baseline knows, counting the unsuppressed occurrences hidden.
 * - An occurrence whose values are all known (same set fingerprint) is dropped with its listed findings.
 * - An occurrence listed in full is filtered finding by finding, and counted again.
 * - An occurrence not listed in full whose values changed is kept whole: which of its rows are new cannot be
 *   told from the listed ones (a baseline and scan made with --all-findings tell them apart finding by finding).
 */
export class BaselineFilter {
  hidden = 0;

  constructor(private readonly known: ReadonlySet<string>) {}

  apply(file: FileResult): FileResult {
    if (!file.occurrences) return this.byFinding(file);
    const { groups, single } = occurrenceGroups(file);
    const occurrences: Occurrence[] = [];
    const findings: Finding[] = this.byFinding({ ...file, findings: single }).findings;
    let changed = findings.length !== single.length;
    for (const { occurrence: o, listed } of groups) {
      if (o.setFingerprint && this.known.has(o.setFingerprint)) {
        this.hidden += o.count;
        changed = true;
        continue;
      }
      const kept = o.count === o.listed ? listed.filter((f) => !this.known.has(f.fingerprint)) : listed;
      if (kept.length === listed.length) {
        occurrences.push(o);
      } else {
        this.hidden += listed.length - kept.length;
        changed = true;
        if (kept.length > 0) occurrences.push(recounted(o, kept));
      }
      for (const f of kept) findings.push(f); // not push(...): one occurrence can list 86,000 findings
    }
    if (!changed) return file;
    const out: FileResult = { ...file, findings: inFileOrder(file.findings, findings) };
    if (occurrences.length > 0) out.occurrences = occurrences;
    else delete out.occurrences;
    return out;
  }

  private byFinding(file: FileResult): FileResult {
    const findings = file.findings.filter((f) => {
      if (!this.known.has(f.fingerprint)) return true;
      if (!f.suppressed) this.hidden++;
      return false;
    });
    return findings.length === file.findings.length ? file : { ...file, findings };
  }
}

/** An occurrence listed in full, counted again from the findings left of it. */
function recounted(o: Occurrence, kept: readonly Finding[]): Occurrence {
  const byLevel: Record<Level, number> = { high: 0, medium: 0, low: 0 };
  for (const f of kept) byLevel[f.level]++;
  const level = LEVELS.filter((l) => byLevel[l] > 0).pop() ?? o.level;
  const distinct = new Set(kept.map((f) => f.value || f.masked)).size;
  return { ...o, count: kept.length, listed: kept.length, distinct, level, byLevel };
}

function inFileOrder(all: readonly Finding[], kept: readonly Finding[]): Finding[] {
  const keep = new Set(kept);
  return all.filter((f) => keep.has(f));
}
