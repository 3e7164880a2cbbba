/**
 * Counted occurrences through the CLI: a roster lists its first occurrences per type and column with exact
 * counts beside them, in every report format, identically for any --jobs; --all-findings lists everything
 * with the same counts; baselines, --diff, shards and merges keep working with listed-only findings.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Log } from 'sarif';
import { readFileSync } from 'node:fs';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { commitAll, git, initRepo, jpii, tempDir, writeFiles } from './run.js';

const schema = JSON.parse(readFileSync(new URL('../report/sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as object;
const ajv = new AjvDraft04.default({ strict: false });
ajvFormats.default(ajv);
const validSarif = ajv.compile(schema);

interface Report {
  files: { path: string; findings: { type: string; fingerprint: string }[]; occurrences?: { type: string; count: number; distinct: number; listed: number; where: { column?: string } }[] }[];
  summary: { findings: number; byType: Record<string, number>; unlisted?: number };
}

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('jpii-occ-')));
afterEach(() => cleanup());

/** A synthetic roster: `rows` landlines (some repeated) and postal codes under recognised headers. */
function roster(rows: number, from = 0): string {
  const lines = ['番号,電話番号,郵便番号,備考'];
  for (let i = from; i < from + rows; i++) lines.push(`${i},03-5555-${String(1000 + (i % 90)).padStart(4, '0')},100-0001,なし`);
  return `${lines.join('\n')}\n`;
}

const json = async (...args: string[]): Promise<Report> => JSON.parse((await jpii(['scan', '--format', 'json', ...args], dir)).stdout) as Report;

describe('counted occurrences', () => {
  it('lists the first 15 per type and column, counts every one, and --all-findings lists them all with the same counts', async () => {
    writeFiles(dir, { 'roster.csv': roster(120) });
    const listed = await json();
    const all = await json('--all-findings');
    const file = listed.files[0];
    expect(file?.occurrences?.map((o) => [o.type, o.where.column, o.count, o.distinct, o.listed])).toEqual([
      ['phone', '電話番号', 120, 90, 15],
      ['postal-code', '郵便番号', 120, 1, 15],
    ]);
    expect(file?.findings.filter((f) => f.type === 'phone')).toHaveLength(15);
    expect(listed.summary.byType).toEqual(all.summary.byType);
    expect(listed.summary.findings).toBe(all.summary.findings);
    expect(listed.summary.unlisted).toBe(2 * (120 - 15));
    expect(all.summary.unlisted).toBeUndefined();
    expect(all.files[0]?.findings.filter((f) => f.type === 'phone')).toHaveLength(120);
    // The listed findings are the first ones of the full list, with the same fingerprints.
    const first = (r: Report) => r.files[0]?.findings.filter((f) => f.type === 'phone').slice(0, 15).map((f) => f.fingerprint);
    expect(first(listed)).toEqual(first(all));
    expect((await json('--max-listed', '3')).files[0]?.findings.filter((f) => f.type === 'phone')).toHaveLength(3);
  });

  it('gives the same report for any --jobs (workers list and count)', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++) files[`r/${String(i).padStart(2, '0')}.csv`] = roster(20 + i, i);
    writeFiles(dir, files);
    const one = await jpii(['scan', '--format', 'json', '--jobs', '1'], dir);
    const two = await jpii(['scan', '--format', 'json', '--jobs', '2'], dir);
    expect(two.stdout).toBe(one.stdout);
    expect((JSON.parse(one.stdout) as Report).summary.byType.phone).toBe(60 * 20 + (59 * 60) / 2);
  });

  it('writes one SARIF result per occurrence not listed in full, with its count and the listed ones as related locations', async () => {
    writeFiles(dir, { 'roster.csv': roster(40), 'one.txt': '電話 03-5555-1234\n' });
    const log = JSON.parse((await jpii(['scan', '--format', 'sarif'], dir)).stdout) as Log;
    validSarif(log);
    expect(validSarif.errors ?? []).toEqual([]);
    const results = log.runs[0]?.results ?? [];
    const grouped = results.filter((r) => r.properties?.count !== undefined);
    expect(grouped.map((r) => [r.ruleId, r.properties?.count, r.properties?.unlisted, r.relatedLocations?.length])).toEqual([
      ['phone', 40, 25, 15],
      ['postal-code', 40, 25, 15],
    ]);
    expect(grouped[0]?.partialFingerprints?.['jpiiOccurrenceHash/v1']).toMatch(/^[0-9a-f]{32}$/);
    expect(grouped[0]?.locations?.[0]?.physicalLocation?.region?.startLine).toBe(2);
    expect(JSON.stringify(log)).not.toContain('0355551000');
    // A file whose occurrences are all listed keeps one result per finding.
    expect(results.filter((r) => r.locations?.[0]?.physicalLocation?.artifactLocation?.uri === 'one.txt' && r.ruleId === 'phone')).toHaveLength(1);
  });

  it('says in CSV and text how many were not listed', async () => {
    writeFiles(dir, { 'roster.csv': roster(40) });
    const csv = (await jpii(['scan', '--format', 'csv'], dir)).stdout;
    expect(csv).toContain('roster.csv,phone,電話番号,high,,column 電話番号 (not listed),"25 more (40 in all, 40 distinct)",,false,1.00,false,');
    const text = (await jpii(['scan', '--lang', 'en'], dir)).stdout;
    expect(text).toContain('… 25 more Phone number');
    expect(text).toContain('50 occurrences counted but not listed');
  });

  it('rejects a bad --max-listed', async () => {
    writeFiles(dir, { 'a.txt': 'x\n' });
    expect((await jpii(['scan', '--max-listed', '0'], dir)).code).toBe(2);
    expect((await jpii(['scan', '--max-listed', '5', '--all-findings'], dir)).code).toBe(2);
  });
});

describe('occurrences with baselines, --diff and merges', () => {
  it('a baseline knows a roster by its occurrences; a changed roster is reported whole', async () => {
    writeFiles(dir, { 'roster.csv': roster(100) });
    expect((await jpii(['baseline'], dir)).code).toBe(0);
    const quiet = await jpii(['scan', '--baseline', 'jpii-baseline.json', '--format', 'json'], dir);
    expect(quiet.code).toBe(0);
    expect((JSON.parse(quiet.stdout) as Report).summary.byType).toEqual({});
    writeFiles(dir, { 'roster.csv': roster(101) });
    const loud = await jpii(['scan', '--baseline', 'jpii-baseline.json', '--format', 'json'], dir);
    expect(loud.code).toBe(1);
    const byType = (JSON.parse(loud.stdout) as Report).summary.byType;
    // Every postal code is the same value but one more of them: the set changed, so both are reported whole.
    expect([byType.phone, byType['postal-code']]).toEqual([101, 101]);
  });

  it('--diff counts and lists only the occurrences on added lines', async () => {
    initRepo(dir);
    writeFiles(dir, { 'roster.csv': roster(30) });
    commitAll(dir, 'base');
    git(dir, 'branch', 'base');
    writeFiles(dir, { 'roster.csv': roster(30) + roster(25, 500).split('\n').slice(1).join('\n') });
    const r = JSON.parse((await jpii(['scan', '--diff', 'base', '--format', 'json'], dir)).stdout) as Report;
    expect(r.files[0]?.occurrences?.map((o) => [o.type, o.count, o.listed])).toEqual([
      ['phone', 25, 15],
      ['postal-code', 25, 15],
    ]);
    expect(r.summary.byType.phone).toBe(25);
  });

  it('jpii merge of shard reports adds up the counts of the unsharded scan', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 8; i++) files[`r${i}.csv`] = roster(30 + i);
    writeFiles(dir, files);
    const whole = await json();
    for (const k of [1, 2]) expect((await jpii(['scan', '--shard', `${k}/2`, '--format', 'json', '-o', `s${k}.json`], dir)).code).toBe(1);
    const merged = JSON.parse((await jpii(['merge', 's1.json', 's2.json'], dir)).stdout) as Report;
    expect(merged.summary.byType).toEqual(whole.summary.byType);
    expect(merged.summary.unlisted).toBe(whole.summary.unlisted);
  });
});
