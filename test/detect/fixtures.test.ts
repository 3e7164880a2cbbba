/**
 * Detection fixtures (secretlint-style snapshot folders): fixtures/detect/<type>/<positive|negative>.<case>/.
 * Input: input.txt (a text, or a spreadsheet cell when header.txt names its column). Output compared: every
 * finding at ≥ medium, as {type, value, line}, of ANY type — so a case also catches collateral false positives.
 * Positives compare with expected.json exactly; negatives must yield nothing. `_pending/` (cases the engine gets
 * wrong today, waiting for a fix) is skipped. expected.json is written only with UPDATE_SNAPSHOTS=1 when missing,
 * never under CI. A case with `scope.txt` saying `file` is analysed as a whole file (analyzeBytes), so the
 * rules that look at the whole file apply (a postal code alone in its file is low: src/score/postal-alone.ts).
 */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TYPE_IDS, UNLABELLED_TYPE } from '../../src/model.js';
import { analyzeBytes } from '../../src/scan/analyze-file.js';
import { buildAnalyzer } from '../../src/scan/analyzer.js';
import { findIn } from '../helpers.js';

const ROOT = fileURLToPath(new URL('../../fixtures/detect/', import.meta.url));
const PENDING = '_pending';
const CASE_NAME = /^(positive|negative)\.[a-z0-9]+(?:-[a-z0-9]+)*$/;

interface Expected {
  type: string;
  value: string;
  /** Line of the finding in input.txt; a spreadsheet cell has no lines and counts as line 1. */
  line: number;
}

interface FixtureCase {
  type: string;
  name: string;
  dir: string;
  positive: boolean;
}

function subdirs(dir: string): string[] {
  return readdirSync(dir)
    .filter((d) => statSync(join(dir, d)).isDirectory())
    .sort();
}

function listCases(): FixtureCase[] {
  return subdirs(ROOT)
    .filter((type) => type !== PENDING)
    .flatMap((type) =>
      subdirs(join(ROOT, type)).map((name) => ({ type, name, dir: join(ROOT, type, name), positive: name.startsWith('positive.') })),
    );
}

/** File content without the one trailing newline an editor adds. */
function readText(file: string): string {
  return readFileSync(file, 'utf8').replace(/\r?\n$/, '');
}

function byLineThenType(a: Expected, b: Expected): number {
  return a.line - b.line || a.type.localeCompare(b.type) || a.value.localeCompare(b.value);
}

const WHOLE_FILE = buildAnalyzer({ minConfidence: 0.5 });

/** A case marked `scope.txt` = `file`: input.txt scanned as one file, file-level rules included. */
async function wholeFileFindings(dir: string): Promise<Expected[]> {
  const [file] = await analyzeBytes('input.txt', readFileSync(join(dir, 'input.txt')), WHOLE_FILE);
  return (file?.findings ?? [])
    .filter((f) => f.type !== UNLABELLED_TYPE)
    .map((f) => ({ type: f.type, value: f.value, line: f.location.line ?? 1 }))
    .sort(byLineThenType);
}

/** What the real pipeline reports (≥ medium) for a fixture folder. */
async function actualFindings(dir: string): Promise<Expected[]> {
  const scope = join(dir, 'scope.txt');
  if (existsSync(scope) && readText(scope).trim() === 'file') return wholeFileFindings(dir);
  const headerFile = join(dir, 'header.txt');
  const header = existsSync(headerFile) ? readText(headerFile) : undefined;
  return findIn(readText(join(dir, 'input.txt')), { header })
    .map((h) => ({ type: h.type, value: h.value, line: h.location.line ?? 1 }))
    .sort(byLineThenType);
}

/** expected.json of a positive case; a missing file is written from the actual result only when allowed. */
function expectedFindings(dir: string, actual: Expected[]): Expected[] {
  const file = join(dir, 'expected.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Expected[];
  if (process.env['CI']) throw new Error(`${file} is missing (snapshots are never written under CI)`);
  if (process.env['UPDATE_SNAPSHOTS'] !== '1') throw new Error(`${file} is missing: run with UPDATE_SNAPSHOTS=1 and review it`);
  writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
  return actual;
}

const cases = listCases();

describe('detection fixture folders', () => {
  it('are named <type-id>/<positive|negative>.<kebab-case>/ and hold input.txt', () => {
    const problems = cases.flatMap((c) => {
      const out: string[] = [];
      if (!(TYPE_IDS as readonly string[]).includes(c.type)) out.push(`${c.type}: not a type id`);
      if (!CASE_NAME.test(c.name)) out.push(`${c.type}/${c.name}: bad case name`);
      if (!existsSync(join(c.dir, 'input.txt'))) out.push(`${c.type}/${c.name}: no input.txt`);
      if (!c.positive && existsSync(join(c.dir, 'expected.json'))) out.push(`${c.type}/${c.name}: a negative has expected.json`);
      return out;
    });
    expect(problems).toEqual([]);
  });

  it('cover every type id with at least one positive and one negative case', () => {
    const missing = TYPE_IDS.flatMap((id) =>
      ['positive', 'negative']
        .filter((kind) => !cases.some((c) => c.type === id && c.name.startsWith(`${kind}.`)))
        .map((kind) => `${id}: no ${kind} case`),
    );
    expect(missing).toEqual([]);
  });
});

describe.each([...new Set(cases.map((c) => c.type))])('detection fixtures of %s', (type) => {
  const ofType = cases.filter((c) => c.type === type);
  const positives = ofType.filter((c) => c.positive);
  const negatives = ofType.filter((c) => !c.positive);

  it.runIf(positives.length > 0).each(positives.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const actual = await actualFindings(c.dir);
    const expected = expectedFindings(c.dir, actual);
    // A positive must show its own type, or it belongs in another folder.
    expect(expected.some((e) => e.type === type)).toBe(true);
    expect(actual).toEqual(expected);
  });

  it.runIf(negatives.length > 0).each(negatives.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    expect(await actualFindings(c.dir)).toEqual([]);
  });
});
