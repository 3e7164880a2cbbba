/**
 * Baselines: today's findings recorded as keyed fingerprints, so later scans report only new ones.
 * Input: a ScanResult (write) or a baseline file (read). Output: baseline JSON, or the result without the
 * * known findings (per file, as results stream by). Never: writes a value or a masked value into a baseline, only fingerprints (keyed HMACs
 * that do not change when lines move or the file is re-encoded), types and paths.
 */
import { readFileSync } from 'node:fs';
import type { FileResult, ScanResult } from '../model.js';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  fingerprint: string;
  type: string;
  path: string;
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

/** Every unsuppressed finding, one entry per fingerprint, sorted so the file diffs well in review. */
export function makeBaseline(result: ScanResult, createdAt: Date): Baseline {
  const byFingerprint = new Map<string, BaselineEntry>();
  for (const file of result.files) {
    for (const f of file.findings) {
      if (!f.suppressed && f.fingerprint) byFingerprint.set(f.fingerprint, { fingerprint: f.fingerprint, type: f.type, path: file.path });
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

/** Drops the findings whose fingerprint the baseline knows; `hidden` counts the unsuppressed ones. */
/** Per file: drops the findings whose fingerprint the baseline knows, counting the unsuppressed ones hidden. */
export class BaselineFilter {
  hidden = 0;

  constructor(private readonly known: ReadonlySet<string>) {}

  apply(file: FileResult): FileResult {
    const findings = file.findings.filter((f) => {
      if (!this.known.has(f.fingerprint)) return true;
      if (!f.suppressed) this.hidden++;
      return false;
    });
    return findings.length === file.findings.length ? file : { ...file, findings };
  }
}
