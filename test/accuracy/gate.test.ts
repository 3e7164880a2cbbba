/**
 * The accuracy gate runs inside `npm test`, so CI runs it: every corpus registered under fixtures/ with an
 * accuracy-gate.json (scripts/lib/accuracy-gate.js says how) is scanned with the built bin and scored, and must
 * meet its committed instance count and every target. The gate itself is tested to fail on an empty
 * expected.json, on fewer instances than committed, on nothing found and on a figure below target.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error — plain JavaScript scripts, no type declarations
import { runJpii, score } from '../../scripts/accuracy.js';
// @ts-expect-error — plain JavaScript scripts, no type declarations
import { findGateFiles, gateProblems, prepareGate } from '../../scripts/lib/accuracy-gate.js';
import { tempDir } from '../cli/run.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const GATES: string[] = findGateFiles(join(ROOT, 'fixtures'));

type Expected = Record<string, { type: string; value: string }[]>;
const report = (files: Record<string, { type: string; value: string }[]>) => ({
  files: Object.entries(files).map(([path, findings]) => ({ path, status: 'scanned', findings: findings.map((f) => ({ ...f, level: 'high', confidence: 0.9 })) })),
});
const PHONES = ['0312345678', '0612345678', '09012345678', '08011112222'];
const expected: Expected = { 'a.txt': PHONES.map((value) => ({ type: 'phone', value })) };
const gate = { minExpected: 4, targets: { total: { precision: 0.99, recall: 0.97 }, byType: { '*': { precision: 0.9, recall: 0.9 } } } };

describe('the accuracy gate', () => {
  it('passes a corpus found exactly', () => {
    expect(gateProblems(score(expected, report(expected)), gate)).toEqual([]);
  });

  it('fails an empty expected.json, even when nothing is found', () => {
    expect(gateProblems(score({ 'a.txt': [] }, report({ 'a.txt': [] })), { ...gate, minExpected: undefined })).toContain('no expected instances: an empty expected.json proves nothing');
  });

  it('fails fewer expected instances than committed', () => {
    const fewer = { 'a.txt': expected['a.txt']!.slice(1) };
    expect(gateProblems(score(fewer, report(fewer)), gate).join('\n')).toMatch(/only 3 expected instances, fewer than the 4 committed/);
  });

  it('fails when nothing is found (no precision is not a perfect precision)', () => {
    const problems = gateProblems(score(expected, report({ 'a.txt': [] })), gate).join('\n');
    expect(problems).toMatch(/nothing found at all/);
    expect(problems).toMatch(/total: precision cannot be computed/);
  });

  it('fails a total or a per-type figure below its target', () => {
    const missOne = report({ 'a.txt': expected['a.txt']!.slice(1) });
    expect(gateProblems(score(expected, missOne), gate)).toEqual(['total: recall 0.750 below its target 0.97', 'phone: recall 0.750 below its target 0.9']);
    const extra = report({ 'a.txt': [...expected['a.txt']!, { type: 'email', value: 'x@example.jp' }] });
    expect(gateProblems(score(expected, extra), gate)).toEqual(['total: precision 0.800 below its target 0.99', 'email: precision 0.000 below its target 0.9']);
  });

  it('`accuracy.js --check` exits 1 on an empty expected.json', () => {
    const { dir, cleanup } = tempDir('jpii-gate-');
    try {
      writeFileSync(join(dir, 'empty.json'), '{}');
      const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'accuracy.js'), '--check', '--expected', join(dir, 'empty.json')], { cwd: ROOT, encoding: 'utf8' });
      expect(r.stdout).toMatch(/gate: no expected instances/);
      expect(r.status).toBe(1);
    } finally {
      cleanup();
    }
  });
});

describe('registered accuracy corpora', () => {
  it('include fixtures/accuracy', () => {
    expect(GATES).toContain(join(ROOT, 'fixtures', 'accuracy', 'accuracy-gate.json'));
  });

  it.each(GATES.map((f) => [f.slice(ROOT.length)]))('%s meets its gate', (file) => {
    const g = prepareGate(join(ROOT, file), ROOT);
    try {
      const result = score(JSON.parse(readFileSync(g.expected, 'utf8')), runJpii(g.corpus));
      expect(gateProblems(result, g)).toEqual([]);
    } finally {
      g.cleanup();
    }
  }, 300_000);
});
