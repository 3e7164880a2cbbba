import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Encoding from 'encoding-japanese';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BaselineFilter, makeBaseline } from '../../src/baseline/baseline.js';
import { summarize } from '../../src/scan/scan.js';
import type { ScanResult } from '../../src/model.js';
import { findingsOf, git, initRepo, jpii, tempDir, writeFiles, type JsonReport } from '../cli/run.js';

const TEXT = '顧客メモ\nマイナンバー: 123456789018\n電話 090-1234-5678\n';
const sjis = (text: string): Uint8Array => Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE', type: 'array' }));

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('jpii-baseline-')));
afterEach(() => cleanup());

const fingerprints = async (): Promise<Map<string, string>> => {
  const report = JSON.parse((await jpii(['scan', '--format', 'json', '--min-confidence', 'low'], dir)).stdout) as JsonReport;
  return new Map(report.files.flatMap((f) => f.findings.map((x) => [`${f.path} ${x.type}`, x.fingerprint] as const)));
};

describe('fingerprints', () => {
  it('stay the same when lines move', async () => {
    writeFiles(dir, { 'a.txt': TEXT });
    const before = await fingerprints();
    expect([...before.keys()].sort()).toEqual(['a.txt my-number', 'a.txt phone', 'a.txt unlabelled-sensitive-file']);
    writeFiles(dir, { 'a.txt': `新しい行\n\n電話 090-1234-5678\n空行\n\nマイナンバー: 123456789018\n` });
    expect(await fingerprints()).toEqual(before);
  });

  it('stay the same when the file is re-encoded from UTF-8 to Shift_JIS', async () => {
    writeFiles(dir, { 'a.txt': TEXT });
    const before = await fingerprints();
    expect(before.size).toBe(3);
    writeFiles(dir, { 'a.txt': sjis(TEXT) });
    expect(readFileSync(join(dir, 'a.txt'))).not.toEqual(Buffer.from(TEXT));
    expect(await fingerprints()).toEqual(before);
  });

  it('differ per value, per path and per occurrence', async () => {
    writeFiles(dir, { 'a.txt': 'マイナンバー: 123456789018\n', 'b.txt': 'マイナンバー: 987654321093\n', 'c.txt': 'マイナンバー: 123456789018\n' });
    const fp = await fingerprints();
    const values = [fp.get('a.txt my-number'), fp.get('b.txt my-number'), fp.get('c.txt my-number')];
    expect(new Set(values).size).toBe(3);
    writeFiles(dir, { 'd.txt': 'マイナンバー: 123456789018\nマイナンバー: 123456789018\n' });
    const report = JSON.parse((await jpii(['scan', '--format', 'json'], dir)).stdout) as JsonReport;
    const twice = report.files.find((f) => f.path === 'd.txt')?.findings.filter((x) => x.type === 'my-number').map((x) => x.fingerprint);
    expect(new Set(twice).size).toBe(2);
  });
});

describe('jpii baseline + jpii scan --baseline', () => {
  it('round trip: known findings are hidden and counted, exit 0; a new value is reported, exit 1', async () => {
    writeFiles(dir, { 'a.txt': TEXT });
    const made = await jpii(['baseline'], dir);
    expect(made.code).toBe(0);
    expect(made.stderr).toMatch(/wrote 3 fingerprints to jpii-baseline\.json/);
    const quiet = await jpii(['scan', '--baseline', 'jpii-baseline.json'], dir);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toContain('3 known findings hidden by the baseline');
    expect(quiet.stdout).toContain('No findings.');

    writeFiles(dir, { 'a.txt': `${TEXT}マイナンバー: 987654321093\n` });
    const loud = await jpii(['scan', '--baseline', 'jpii-baseline.json', '--format', 'json'], dir);
    expect(loud.code).toBe(1);
    expect(findingsOf(loud.stdout)).toEqual([{ path: 'a.txt', type: 'my-number', line: 4 }]);
    expect(loud.stderr).toContain('3 known findings hidden by the baseline');
  });

  it('writes fingerprints, types and paths only: no values, no masked values', async () => {
    writeFiles(dir, { 'a.txt': TEXT });
    const r = await jpii(['baseline', '-o', '-', '-q'], dir);
    const file = JSON.parse(r.stdout) as { version: number; tool: { name: string }; createdAt: string; fingerprints: object[] };
    expect(file.version).toBe(1);
    expect(file.tool.name).toBe('jpii');
    expect(Date.parse(file.createdAt)).not.toBeNaN();
    for (const e of file.fingerprints) expect(Object.keys(e).sort()).toEqual(['fingerprint', 'path', 'type']);
    for (const needle of ['123456789018', '1234', '090', '5678']) expect(r.stdout).not.toContain(needle);
  });

  it('records low-confidence findings by default, so lowering --min-confidence later reports nothing old', async () => {
    writeFiles(dir, { 'a.txt': '123456789018\n' });
    await jpii(['baseline', '-q'], dir);
    const r = await jpii(['scan', '--baseline', 'jpii-baseline.json', '--min-confidence', 'low', '--fail-on', 'low'], dir);
    expect(r.code).toBe(0);
  });

  it('works with --staged: baseline made at the top of the repository, scan of the index', async () => {
    initRepo(dir);
    writeFiles(dir, { 'a.txt': TEXT });
    await jpii(['baseline', '-q'], dir);
    git(dir, 'add', 'a.txt');
    expect((await jpii(['scan', '--staged', '--baseline', 'jpii-baseline.json'], dir)).code).toBe(0);
  });

  it.each([
    ['a missing file', null, 'cannot read the baseline (no such file'],
    ['invalid JSON', '{"fingerprints": [', 'not valid JSON'],
    ['another JSON document', '{"runs": []}', 'not a jpii baseline'],
    ['a bad entry', '{"version": 1, "fingerprints": [{"fingerprint": "090-1234-5678"}]}', 'fingerprints[0].fingerprint: must be a hex string'],
  ])('exits 2 with a clear message for %s', async (_name, content, message) => {
    writeFiles(dir, { 'a.txt': TEXT, ...(content === null ? {} : { 'base.json': content }) });
    const r = await jpii(['scan', '--baseline', 'base.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`base.json: ${message}`);
  });
});

describe('BaselineFilter', () => {
  const finding = (fingerprint: string, suppressed = false) => ({
    type: 'phone', confidence: 0.9, level: 'high' as const, location: { line: 1 }, value: '09012345678', masked: '090********', fingerprint,
    ...(suppressed ? { suppressed: {} } : {}),
  });
  const result: ScanResult = {
    tool: { name: 'jpii', version: '0' },
    files: [{ path: 'a.txt', format: 'text', status: 'scanned', labels: [], labelled: false, risk: 1, sensitive: true, findings: [finding('aa'), finding('bb'), finding('cc', true)] }],
    summary: { files: 1, scanned: 1, skipped: 0, errors: 0, findings: 2, suppressed: 1, byType: { phone: 2 } },
  };

  it('drops known fingerprints, counts only unsuppressed ones as hidden, and recomputes the summary', () => {
    const filter = new BaselineFilter(new Set(['aa', 'cc']));
    const out = result.files.map((f) => filter.apply(f));
    expect(filter.hidden).toBe(1);
    expect(out[0]?.findings.map((f) => f.fingerprint)).toEqual(['bb']);
    expect(summarize(out)).toMatchObject({ findings: 1, suppressed: 0, byType: { phone: 1 } });
  });

  it('makeBaseline leaves suppressed findings out and sorts entries', () => {
    const b = makeBaseline(result, new Date('2024-01-01T00:00:00Z'));
    expect(b.fingerprints.map((e) => e.fingerprint)).toEqual(['aa', 'bb']);
    expect(b.createdAt).toBe('2024-01-01T00:00:00.000Z');
  });
});
