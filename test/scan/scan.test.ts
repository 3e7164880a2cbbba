/**
 * The orchestrator end to end (in this process): statuses for every kind of file, sorting, summary,
 * identical results for any --jobs, and the JSON contract's shape.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { comparePaths } from '../../src/model.js';
import { renderReport } from '../../src/report/index.js';
import { WorkerPool } from '../../src/scan/pool.js';
import { scan, type ScanOptions } from '../../src/scan/scan.js';

let dir: string;
const base = (extra: Partial<ScanOptions> = {}): ScanOptions => ({ roots: [dir], base: dir, jobs: 1, analyzer: { minConfidence: 0.5 }, ...extra });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jpii-scan-'));
  mkdirSync(join(dir, '顧客 データ'));
  writeFileSync(join(dir, '顧客 データ', '名簿.csv'), '氏名,電話番号,マイナンバー\n山田 太郎,090-1234-5678,123456789018\n');
  writeFileSync(join(dir, 'clean.txt'), '本日の会議は午後3時からです。注文番号 202610160001\n');
  writeFileSync(join(dir, 'labelled.txt'), '【社外秘】\nマイナンバー：1234 5678 9018\n');
  writeFileSync(join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
  writeFileSync(join(dir, 'empty.txt'), '');
  // A folder beside files whose names extend its name: report order puts the folder's files first.
  mkdirSync(join(dir, 'notes'));
  writeFileSync(join(dir, 'notes', 'a.txt'), 'メモ\n');
  writeFileSync(join(dir, 'notes.txt'), 'メモ\n');
  writeFileSync(join(dir, 'notes-2.txt'), 'メモ\n');
  mkdirSync(join(dir, 'locked'));
  writeFileSync(join(dir, 'locked', 'secret.txt'), 'x');
  chmodSync(join(dir, 'locked'), 0o000);
  symlinkSync(join(dir, 'clean.txt'), join(dir, 'link.txt'));
  // 3 KB each: enough for the scan to use worker threads (it keeps tiny files in this thread).
  for (let i = 0; i < 60; i++) writeFileSync(join(dir, `bulk-${String(i).padStart(2, '0')}.txt`), `連絡先 TEL 03-1234-${String(5600 + i)}\n${'本日の議事録です。'.repeat(120)}\n`);
});

afterAll(() => {
  chmodSync(join(dir, 'locked'), 0o755);
  rmSync(dir, { recursive: true, force: true });
});

describe('scan', () => {
  it('reports every file with a status, in report order (a folder\'s files before `folder.txt`)', async () => {
    const result = await scan(base());
    const byPath = new Map(result.files.map((f) => [f.path, f]));
    const paths = result.files.map((f) => f.path);
    expect(paths).toEqual([...paths].sort(comparePaths));
    expect(paths.filter((p) => p.startsWith('notes'))).toEqual(['notes/a.txt', 'notes-2.txt', 'notes.txt']);
    expect(byPath.get('clean.txt')).toMatchObject({ status: 'scanned', findings: [], sensitive: false });
    expect(byPath.get('empty.txt')).toMatchObject({ status: 'scanned', findings: [] });
    expect(byPath.get('image.png')).toMatchObject({ status: 'skipped' });
    expect(byPath.get('image.png')?.reason).toMatch(/PNG/);
    expect(byPath.get('link.txt')).toMatchObject({ status: 'skipped', reason: 'symbolic link (not followed)' });
    const list = byPath.get('顧客 データ/名簿.csv');
    expect(list?.findings.map((f) => [f.type, f.location.line])).toEqual([
      ['person-name', 2],
      ['phone', 2],
      ['my-number', 2],
      ['unlabelled-sensitive-file', undefined],
    ]);
    expect(list).toMatchObject({ format: 'csv', labelled: false, sensitive: true });
    expect(byPath.get('labelled.txt')).toMatchObject({ labels: ['社外秘'], labelled: true, sensitive: true });
    expect(byPath.get('labelled.txt')?.findings.map((f) => f.type)).toEqual(['my-number']);
    expect(result.summary.files).toBe(result.files.length);
    expect(result.summary.byType['my-number']).toBe(2);
  });

  it('gives identical results with one thread and with a worker pool', async () => {
    const one = await scan(base({ jobs: 1 }));
    const viaWorkers = vi.spyOn(WorkerPool.prototype, 'runBatch');
    const two = await scan(base({ jobs: 2 }));
    expect(viaWorkers).toHaveBeenCalled();
    viaWorkers.mockRestore();
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  });

  it('--types limits the detectors', async () => {
    const result = await scan(base({ analyzer: { minConfidence: 0.5, types: ['phone'] } }));
    const types = new Set(result.files.flatMap((f) => f.findings.map((x) => x.type)));
    expect([...types].filter((t) => t !== 'unlabelled-sensitive-file')).toEqual(['phone']);
  });

  it('a missing root is an error result, not a crash', async () => {
    const result = await scan(base({ roots: [join(dir, 'nope')] }));
    expect(result.files).toEqual([expect.objectContaining({ status: 'error', reason: 'no such file or directory' })]);
  });

  it('the JSON report follows the contract and masks values', async () => {
    const result = await scan(base());
    const json = JSON.parse(renderReport('json', result, [], { showValues: false, color: false })) as {
      tool: { name: string };
      files: { path: string; findings: Record<string, unknown>[] }[];
      summary: Record<string, unknown>;
    };
    expect(json.tool.name).toBe('jpii');
    expect(Object.keys(json.summary)).toEqual(expect.arrayContaining(['files', 'scanned', 'skipped', 'errors', 'findings', 'byType']));
    const finding = json.files.find((f) => f.path === 'labelled.txt')?.findings[0];
    expect(finding).toMatchObject({ type: 'my-number', level: 'high', location: { line: 2, column: 8 }, masked: '1234 **** ****' });
    expect(finding).not.toHaveProperty('value');
    expect(JSON.stringify(json)).not.toContain('123456789018');
  });
});

describe('a bug on one file', () => {
  it('becomes that file’s error and the scan goes on', async () => {
    const result = await scan(
      base({
        process: async (ref) => {
          if (ref.relPath === 'clean.txt') throw new Error('boom');
          return [{ path: ref.relPath, format: 'text', status: 'scanned', labels: [], labelled: false, risk: 0, sensitive: false, findings: [] }];
        },
      }),
    );
    const clean = result.files.find((f) => f.path === 'clean.txt');
    expect(clean).toMatchObject({ status: 'error', reason: 'internal error: boom' });
    expect(result.files.filter((f) => f.status === 'scanned').length).toBeGreaterThan(60);
  });
});

describe('reading', () => {
  it('does not change access times where the platform allows (O_NOATIME)', async () => {
    const { utimesSync, statSync } = await import('node:fs');
    const file = join(dir, 'clean.txt');
    const old = new Date('2020-01-01T00:00:00Z');
    utimesSync(file, old, statSync(file).mtime);
    await scan(base({ roots: [file] }));
    expect(statSync(file).atime.getTime()).toBe(old.getTime());
  });
});
