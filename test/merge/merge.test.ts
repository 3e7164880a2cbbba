/**
 * jpii merge: the reports of N shards merge into exactly the report of one unsharded scan (JSON and SARIF),
 * any format can be rendered from JSON inputs, overlaps and mixed or foreign inputs are errors (exit 2),
 * different versions are a warning, and no raw value ever comes out of a merge.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeSarif } from '../../src/merge/merge-sarif.js';
import { jpii, tempDir, writeFiles } from '../cli/run.js';

const MY_NUMBER = '123456789018'; // synthetic, check digit valid

let dir: string;
let cleanup: () => void;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('jpii-merge-'));
  const files: Record<string, string> = { 'share/顧客 一覧/名簿.csv': `氏名,電話番号,マイナンバー\n山田 太郎,090-1234-5678,${MY_NUMBER}\n` };
  for (let i = 0; i < 24; i++) files[`share/d${i % 3}/f${i}.txt`] = i % 4 ? `TEL 03-1234-${5600 + i}\n` : 'nothing here\n';
  writeFiles(dir, files);
  for (const k of [1, 2, 3]) {
    for (const [format, ext] of [['json', 'json'], ['sarif', 'sarif']]) {
      const r = await jpii(['scan', 'share', '--shard', `${k}/3`, '-f', format, '-o', `s${k}.${ext}`, '--fail-on', 'never', '--show-values'], dir);
      expect(r.code).toBe(0);
    }
  }
});
afterAll(() => cleanup());

const read = (name: string): string => readFileSync(join(dir, name), 'utf8');

describe('jpii merge', () => {
  it('three JSON shards merge into the unsharded JSON report (summary recomputed)', async () => {
    const whole = await jpii(['scan', 'share', '-f', 'json', '--fail-on', 'never'], dir);
    const merged = await jpii(['merge', 's2.json', 's3.json', 's1.json'], dir);
    expect(merged.code).toBe(0);
    expect(merged.stderr).toBe('');
    expect(merged.stdout).toBe(whole.stdout);
    for (const k of [1, 2, 3]) expect(read(`s${k}.json`)).not.toBe(whole.stdout);
  });

  it('three SARIF shards merge into the unsharded SARIF log', async () => {
    const whole = await jpii(['scan', 'share', '-f', 'sarif', '--fail-on', 'never'], dir);
    const merged = await jpii(['merge', 's3.sarif', 's1.sarif', 's2.sarif', '-o', 'merged.sarif'], dir);
    expect(merged.code).toBe(0);
    expect(read('merged.sarif')).toBe(whole.stdout);
  });

  it.each([['csv'], ['text'], ['sarif'], ['json']])('JSON shards render as %s without any raw value', async (format) => {
    const r = await jpii(['merge', 's1.json', 's2.json', 's3.json', '-f', format], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1234 **** ****');
    expect(r.stdout).not.toContain(MY_NUMBER);
    expect(read('s1.json') + read('s2.json') + read('s3.json')).toContain(MY_NUMBER); // the inputs had values
  });

  it('--fail-on decides the exit code', async () => {
    expect((await jpii(['merge', 's1.json', 's2.json', 's3.json', '--fail-on', 'high'], dir)).code).toBe(1);
    expect((await jpii(['merge', 's1.sarif', 's2.sarif', 's3.sarif', '--fail-on', 'high'], dir)).code).toBe(1);
    expect((await jpii(['merge', 's1.json', 's2.json', 's3.json'], dir)).code).toBe(0);
  });

  it('a file in two inputs is an error naming it', async () => {
    const r = await jpii(['merge', 's1.json', 's2.json', 's1.json'], dir);
    expect(r.code).toBe(2);
    const first = (JSON.parse(read('s1.json')) as { files: { path: string }[] }).files[0]?.path;
    expect(r.stderr).toContain(`jpii: '${first}' is in both s1.json and s1.json`);
    expect(r.stdout).toBe('');
  });

  it('different jpii versions are a warning on stderr', async () => {
    writeFileSync(join(dir, 'old.json'), read('s3.json').replace(/"version": "[^"]*"/, '"version": "0.0.1"'));
    const r = await jpii(['merge', 's1.json', 's2.json', 'old.json'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^jpii: warning: the reports come from different jpii versions \(.*0\.0\.1 in old\.json\)\n$/);
  });

  it.each([
    ['SARIF to CSV', ['s1.sarif', '-f', 'csv'], 'SARIF logs can only be merged into SARIF'],
    ['JSON with SARIF', ['s1.json', 's2.sarif'], 'cannot merge JSON reports with SARIF logs'],
    ['a missing file', ['nope.json'], 'nope.json: cannot read (ENOENT)'],
    ['not a report', ['share/d0/f0.txt'], 'share/d0/f0.txt: not JSON'],
    ['another tool', ['other.json'], 'other.json: tool.name: not a jpii report'],
  ])('%s: exit 2', async (_name, args, message) => {
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ tool: { name: 'x' }, files: [] }));
    const r = await jpii(['merge', ...args], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe('mergeSarif', () => {
  const rule = (id: string) => ({ id, shortDescription: { text: id } });
  const result = (ruleId: string, ruleIndex: number, uri: string) => ({ ruleId, ruleIndex, message: { text: 'x' }, locations: [{ physicalLocation: { artifactLocation: { uri } } }] });
  const log = (rules: string[], results: ReturnType<typeof result>[]): Log => ({
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'jpii', version: '1', rules: rules.map(rule) } }, invocations: [{ executionSuccessful: true, toolExecutionNotifications: [] }], results }],
  });

  it('unites rules by id and re-points each ruleIndex; results ordered by decoded path', () => {
    const a = log(['phone', 'email'], [result('email', 1, 'z.txt')]);
    const b = log(['custom-id', 'phone'], [result('phone', 1, '%E9%A1%A7.txt'), result('custom-id', 0, 'b.txt')]);
    const { merged, warnings } = mergeSarif([{ file: 'a', log: a }, { file: 'b', log: b }]);
    const run = merged.runs[0]!;
    expect(warnings).toEqual([]);
    expect(run.tool.driver.rules?.map((r) => r.id)).toEqual(['phone', 'email', 'custom-id']);
    expect(run.results?.map((r) => [r.ruleId, r.ruleIndex, r.locations?.[0]?.physicalLocation?.artifactLocation?.uri])).toEqual([
      ['custom-id', 2, 'b.txt'],
      ['email', 1, 'z.txt'],
      ['phone', 0, '%E9%A1%A7.txt'],
    ]);
  });
});
