/**
 * GitHub code scanning's limits (25,000 results per run; 10 MB gzipped): the SARIF writer keeps the highest
 * levels first, in report order, counts what it left out, lists only the artifacts of kept results and
 * unreadable files, and says so in a notification. Values are synthetic (the masked form only).
 */
import { gzipSync } from 'node:zlib';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { mergeSarif } from '../../src/merge/merge-sarif.js';
import type { FileResult, Finding, Level } from '../../src/model.js';
import { renderReport } from '../../src/report/index.js';
import { MAX_ARTIFACTS, MAX_NOTIFICATIONS, MAX_RESULTS, ResultQuota } from '../../src/report/sarif-limits.js';
import { makeResult, RULES } from './fixture.js';

function finding(level: Level, i: number): Finding {
  const confidence = level === 'high' ? 0.9 : level === 'medium' ? 0.6 : 0.3;
  return { type: 'phone', confidence, level, location: { line: i + 1, column: 1 }, value: '', masked: '090-****-0000', fingerprint: `f${i}` };
}

/** `files` files of `per` findings each: the first file's are `error`, then one `warning` file in ten, the rest `note`. */
function manyFiles(files: number, per: number): FileResult[] {
  return Array.from({ length: files }, (_, i) => {
    const level: Level = i === 0 ? 'high' : i % 10 === 1 ? 'medium' : 'low';
    const path = `d/f${String(i).padStart(6, '0')}.txt`;
    return { path, format: 'text', status: 'scanned', labels: [], labelled: false, risk: 0.5, sensitive: false, findings: Array.from({ length: per }, (_, k) => finding(level, k)) };
  });
}

function sarifOf(files: FileResult[]): Log {
  return JSON.parse(renderReport('sarif', makeResult(files), RULES, { showValues: false, color: false, lang: 'en' })) as Log;
}

describe('ResultQuota', () => {
  it('keeps whole levels from the highest down, then the first of the level that does not fit', () => {
    const q = new ResultQuota(4);
    const keys = (['note', 'error', 'warning', 'note', 'warning', 'warning', 'note', 'error'] as const).map((l) => q.add(l));
    q.close();
    expect(keys.map(([l, o]) => q.keeps(l, o))).toEqual([false, true, true, false, true, false, false, true]);
    expect(q.omitted()).toEqual({ error: 0, warning: 1, note: 3 });
  });

  it('keeps everything under the limit', () => {
    const q = new ResultQuota(3);
    const keys = (['note', 'note', 'warning'] as const).map((l) => q.add(l));
    q.close();
    expect(keys.every(([l, o]) => q.keeps(l, o))).toBe(true);
    expect(q.omitted()).toEqual({ error: 0, warning: 0, note: 0 });
  });
});

describe('SARIF within GitHub limits', () => {
  // 2,601 files × 10 findings = 26,010 results: 10 errors, 2,600 warnings, 23,400 notes.
  const files = manyFiles(2_601, 10);
  const log = sarifOf(files);
  const run = log.runs[0]!;

  it('keeps at most 25,000 results: every error and warning, then the first notes in report order', () => {
    const results = run.results ?? [];
    expect(results.length).toBe(MAX_RESULTS);
    const count = (level: string) => results.filter((r) => r.level === level).length;
    expect([count('error'), count('warning'), count('note')]).toEqual([10, 2_600, MAX_RESULTS - 2_610]);
    const paths = results.map((r) => r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '');
    expect(paths).toEqual([...paths].sort());
    expect(run.properties?.limits).toMatchObject({ resultsOmitted: { error: 0, warning: 0, note: 26_010 - MAX_RESULTS } });
  });

  it('says so in a notification and lists only the artifacts of kept results, at most 5,000', () => {
    const notes = run.invocations?.[0]?.toolExecutionNotifications ?? [];
    expect(notes.map((n) => n.message.text)).toEqual([expect.stringContaining('1010 more results were left out')]);
    const kept = new Set((run.results ?? []).map((r) => r.locations?.[0]?.physicalLocation?.artifactLocation?.uri));
    expect(run.artifacts?.length).toBe(Math.min(kept.size, MAX_ARTIFACTS));
    expect(run.artifacts?.every((a) => kept.has(a.location?.uri))).toBe(true);
  });

  it('lists at most 5,000 artifacts, in path order, and counts the rest', () => {
    const files6k = manyFiles(6_000, 1).map((f) => ({ ...f, findings: f.findings.map((x) => ({ ...x, level: 'high' as const, confidence: 0.9 })) }));
    const big = sarifOf(files6k).runs[0]!;
    expect(big.results?.length).toBe(6_000);
    expect(big.artifacts?.length).toBe(MAX_ARTIFACTS);
    expect(big.artifacts?.at(-1)?.location?.uri).toBe(`d/f${String(MAX_ARTIFACTS - 1).padStart(6, '0')}.txt`);
    expect(big.properties?.limits).toMatchObject({ artifactsOmitted: 1_000 });
  });

  it('stays far below 10 MB gzipped', () => {
    const text = renderReport('sarif', makeResult(files), RULES, { showValues: false, color: false });
    expect(gzipSync(text).length).toBeLessThan(10 * 1024 * 1024);
  });

  it('merging shards applies the limit again', () => {
    const halves = [files.slice(0, 1_300), files.slice(1_300)].map((part, i) => ({ file: `s${i}`, log: sarifOf(part) }));
    expect(halves.map((h) => h.log.runs[0]?.results?.length)).toEqual([13_000, 13_010]);
    const merged = mergeSarif(halves).merged.runs[0]!;
    expect(merged.results?.length).toBe(MAX_RESULTS);
    expect(merged.properties?.limits).toEqual(run.properties?.limits);
    expect(merged.properties?.summary).toEqual(run.properties?.summary);
  });
});

describe('SARIF notifications within limits', () => {
  it('lists at most 10,000 unreadable files and counts the rest', () => {
    const unreadable: FileResult[] = Array.from({ length: MAX_NOTIFICATIONS + 5 }, (_, i) => ({
      path: `x/${String(i).padStart(6, '0')}.pdf`, format: 'pdf', status: 'error', reason: 'encrypted', labels: [], labelled: false, risk: 0, sensitive: false, findings: [],
    }));
    const run = sarifOf(unreadable).runs[0]!;
    const notes = run.invocations?.[0]?.toolExecutionNotifications ?? [];
    expect(notes.length).toBe(MAX_NOTIFICATIONS + 1);
    expect(notes.at(-1)?.message.text).toContain('5 more notifications');
    expect(run.artifacts?.length).toBe(MAX_ARTIFACTS);
    expect(run.properties?.limits).toMatchObject({ notificationsOmitted: 5, artifactsOmitted: MAX_NOTIFICATIONS - MAX_ARTIFACTS });
  });
});
