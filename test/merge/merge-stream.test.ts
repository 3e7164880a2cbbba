/**
 * `jpii report a.json b.json`: shard reports merged as they are read give the same page as one report of
 * the whole scan, refuse a path found in two shards (naming both, exit 2), and fall back to merging in
 * memory when a report is not in path order. Synthetic values only.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeSorted, UnsortedInput } from '../../src/merge/merge-stream.js';
import { StreamedReport } from '../../src/merge/stream-report.js';
import { emptySummary, summarize } from '../../src/scan/scan.js';
import type { FileResult } from '../../src/model.js';
import { jpii, tempDir } from '../cli/run.js';

let dir: string;
let cleanup: () => void;

function entry(path: string, phones: number): Record<string, unknown> {
  const findings = Array.from({ length: phones }, (_, k) => ({ type: 'phone', confidence: 0.9, level: 'high', location: { line: k + 1, column: 1 }, masked: '090-****-0000' }));
  return { path, format: 'text', status: 'scanned', labels: [], labelled: false, risk: phones ? 0.5 : 0, sensitive: false, findings };
}
function report(name: string, paths: readonly string[]): string {
  writeFileSync(join(dir, name), JSON.stringify({ tool: { name: 'jpii', version: '1.0.0' }, files: paths.map((p) => entry(p, Math.max(0, PATHS.indexOf(p)) % 3)), summary: {} }));
  return name;
}
const PATHS = Array.from({ length: 30 }, (_, i) => `d${i % 4}/f${String(i).padStart(2, '0')}.txt`).sort();

beforeAll(() => {
  ({ dir, cleanup } = tempDir('jpii-merge-stream-'));
  report('all.json', PATHS);
  report('a.json', PATHS.filter((_, i) => i % 3 === 0));
  report('b.json', PATHS.filter((_, i) => i % 3 === 1));
  report('c.json', PATHS.filter((_, i) => i % 3 === 2));
});
afterAll(() => cleanup());

const streamed = (name: string): StreamedReport => new StreamedReport(name, join(dir, name));

describe('mergeSorted', () => {
  it('gives the files of sorted shards in path order, with their summary', async () => {
    const summary = emptySummary();
    const out: FileResult[] = [];
    for await (const f of mergeSorted(['c.json', 'a.json', 'b.json'].map(streamed), summary)) out.push(f);
    expect(out.map((f) => f.path)).toEqual(PATHS);
    expect(summary).toEqual(summarize(out));
  });

  it('refuses a path in two shards, naming both', async () => {
    report('dup.json', [PATHS[1]!, PATHS[4]!]);
    const run = async (): Promise<void> => {
      for await (const _ of mergeSorted([streamed('a.json'), streamed('dup.json'), streamed('b.json')])) void _;
    };
    const error = await run().then(() => undefined, (e: unknown) => e as Error);
    expect(error?.message).toContain(`'${PATHS[1]}' is in both dup.json and b.json`);
    expect(error?.message).toContain(`'${PATHS[4]}' is in both dup.json and b.json`);
    expect(error?.message).toContain('the same --shard N');
  });

  it('stops with UnsortedInput on a report out of path order', async () => {
    report('unsorted.json', [PATHS[5]!, PATHS[2]!]);
    const run = async (): Promise<void> => {
      for await (const _ of mergeSorted([streamed('unsorted.json'), streamed('a.json')])) void _;
    };
    await expect(run()).rejects.toThrow(UnsortedInput);
  });
});

describe('jpii report of shard reports', () => {
  it('renders the same page as the whole scan’s report, also when a shard is out of order', async () => {
    const whole = await jpii(['report', 'all.json', '-o', 'whole.html', '--lang', 'en'], dir);
    const shards = await jpii(['report', 'a.json', 'b.json', 'c.json', '-o', 'shards.html', '--lang', 'en'], dir);
    expect([whole.code, shards.code]).toEqual([0, 0]);
    expect(readFileSync(join(dir, 'shards.html'), 'utf8')).toBe(readFileSync(join(dir, 'whole.html'), 'utf8'));
    report('c-reversed.json', PATHS.filter((_, i) => i % 3 === 2).reverse());
    const unsorted = await jpii(['report', 'a.json', 'b.json', 'c-reversed.json', '-f', 'json', '-o', 'u.json'], dir);
    const sorted = await jpii(['report', 'all.json', '-f', 'json', '-o', 's.json'], dir);
    expect([unsorted.code, sorted.code]).toEqual([0, 0]);
    expect(readFileSync(join(dir, 'u.json'), 'utf8')).toBe(readFileSync(join(dir, 's.json'), 'utf8'));
  });
});
