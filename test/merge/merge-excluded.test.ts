/**
 * What the ignore rules kept out (`summary.excluded`) survives sharding: each shard counts the excluded paths
 * it owns, and `jpii merge` / `jpii report` add the shards' counts up to the unsharded scan's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpii, tempDir, writeFiles } from '../cli/run.js';

let dir: string;
let cleanup: () => void;

const summaryOf = (stdout: string) => JSON.parse(stdout).summary as { excluded?: Record<string, { files: number; folders: number }> };

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('jpii-merge-excluded-'));
  const files: Record<string, string> = { 'share/.jpiiignore': '*.log\ntmp*/\n' };
  for (let i = 0; i < 30; i++) {
    files[`share/d${i % 3}/f${i}.txt`] = `TEL 03-1234-${5600 + i}\n`;
    files[`share/d${i % 3}/f${i}.log`] = 'debug\n';
    if (i % 5 === 0) files[`share/tmp${i}/x.txt`] = 'scratch\n';
  }
  writeFiles(dir, files);
  for (const k of [1, 2, 3]) expect((await jpii(['scan', 'share', '--shard', `${k}/3`, '-f', 'json', '-o', `s${k}.json`, '--fail-on', 'never'], dir)).code).toBe(0);
});
afterAll(() => cleanup());

describe('summary.excluded across shards', () => {
  it('each shard counts only its own excluded paths; merged, they are the unsharded count', async () => {
    const whole = await jpii(['scan', 'share', '-f', 'json', '--fail-on', 'never'], dir);
    expect(summaryOf(whole.stdout).excluded).toEqual({ jpiiignore: { files: 30, folders: 6 } });
    const shards = await Promise.all([1, 2, 3].map((k) => jpii(['report', `s${k}.json`, '-f', 'json'], dir)));
    const perShard = shards.map((r) => summaryOf(r.stdout).excluded?.jpiiignore?.files ?? 0);
    expect(perShard.every((n) => n < 30)).toBe(true);
    expect(perShard.reduce((a, b) => a + b, 0)).toBe(30);
    const merged = await jpii(['merge', 's3.json', 's1.json', 's2.json'], dir);
    expect(merged.stdout).toBe(whole.stdout);
  });

  it('jpii report of the shards (merged as they stream) gives the same counts', async () => {
    const whole = await jpii(['scan', 'share', '-f', 'json', '--fail-on', 'never'], dir);
    const rendered = await jpii(['report', 's1.json', 's2.json', 's3.json', '-f', 'json'], dir);
    expect(rendered.code).toBe(0);
    expect(summaryOf(rendered.stdout).excluded).toEqual(summaryOf(whole.stdout).excluded);
  });
});
