/**
 * fixtures/appi (scripts/make-appi-fixtures.js): each 要配慮 kind, each look-alike, rosters with known person
 * counts, project metadata and containers, scanned end to end and compared with expected.json.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { UNLABELLED_TYPE, type FileResult } from '../../src/model.js';
import { scan } from '../../src/scan/scan.js';

const ROOT = fileURLToPath(new URL('../../fixtures/appi/', import.meta.url));
interface Expected {
  path: string;
  pi: boolean;
  specialCare: string[];
  persons: number;
  roster?: boolean;
  labelled: boolean;
  metadata: boolean;
}
const expected = (JSON.parse(readFileSync(`${ROOT}expected.json`, 'utf8')) as { files: Expected[] }).files;
let byPath: Map<string, FileResult>;

beforeAll(async () => {
  const result = await scan({ roots: [ROOT], base: ROOT, jobs: 1, analyzer: { minConfidence: 0.5 } });
  byPath = new Map(result.files.map((f) => [f.path, f]));
});

describe('fixtures/appi', () => {
  it.each(expected.map((e) => [e.path, e] as const))('%s', (path, e) => {
    const f = byPath.get(path);
    expect(f?.status).toBe('scanned');
    const appi = f?.appi;
    expect(appi?.categories.includes('personal-information')).toBe(e.pi);
    expect([...(appi?.specialCare ?? [])].sort()).toEqual([...e.specialCare].sort());
    if (e.roster) expect(Math.abs((appi?.persons ?? 0) - e.persons) / e.persons).toBeLessThanOrEqual(0.2);
    const needsLabel = e.pi && (!e.metadata || e.specialCare.length > 0);
    expect(f?.sensitive).toBe(needsLabel);
    expect(f?.findings.some((x) => x.type === UNLABELLED_TYPE)).toBe(needsLabel && !e.labelled);
  });

  it('a labelled archive covers its members; an unlabelled one is as sensitive as they are', () => {
    expect(byPath.get('社外秘_archive.zip!/docs/0.csv')?.labelled).toBe(true);
    expect(byPath.get('archive.zip!/docs/0.csv')?.labelled).toBe(false);
    expect(byPath.get('archive.zip')?.appi?.roster).toBe(true);
    expect(byPath.get('archive.zip')?.appi?.breachReportable).toBe(true);
  });

  it('reports trigger words, never the text around them', () => {
    const words = byPath.get('special-care-medical-history.txt')?.appi?.specialCareWords?.['medical-history'] ?? [];
    expect(words.length).toBeGreaterThan(0);
    for (const w of words) expect(w.length).toBeLessThanOrEqual(12);
  });
});
