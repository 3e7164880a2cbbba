/**
 * The accuracy gate: what a scored corpus must show to pass. Used by `node scripts/accuracy.js --check` and by
 * test/accuracy/gate.test.ts, which runs every corpus registered with an `accuracy-gate.json` under fixtures/.
 *
 * accuracy-gate.json (paths relative to its folder; `{out}` is a fresh temporary folder when `generate` is set):
 *   {
 *     "name": "…",                                  what the corpus is (shown in failures)
 *     "generate": ["scripts/x.js", "--out", "{out}"], optional: a node script (path from the repo root) that writes
 *                                                   the corpus first, e.g. a seeded held-out generator
 *     "corpus": "corpus", "expected": "expected.json", "negatives": "negatives.json" (optional),
 *     "minExpected": 546,                           the committed number of expected instances: fewer fails
 *     "targets": {
 *       "total":  {"precision": 0.99, "recall": 0.97, "f1": …},        micro-averaged figures
 *       "byType": {"*": {"precision": 0.9}, "phone": {"recall": 0.95}} "*": every type with expected or found
 *     }                                                               instances; a named type always
 *   }
 * A figure that cannot be computed (precision with nothing found, recall with nothing expected) fails a target
 * set for it in `total` or by type name: "no findings" never passes as perfect.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const FIGURES = ['precision', 'recall', 'f1'];

function checkFigures(where, counts, targets, required) {
  const problems = [];
  for (const figure of FIGURES) {
    const target = targets?.[figure];
    if (target === undefined) continue;
    const value = counts[figure];
    if (value === null || value === undefined) {
      if (required) problems.push(`${where}: ${figure} cannot be computed (expected ${counts.expected}, found ${counts.found}), target ${target}`);
    } else if (value < target) {
      problems.push(`${where}: ${figure} ${value.toFixed(3)} below its target ${target}`);
    }
  }
  return problems;
}

/** Every way `result` (from score()) falls short of `gate`; empty when it passes. */
export function gateProblems(result, gate) {
  const problems = [];
  const expected = result.total.expected;
  if (expected === 0) problems.push('no expected instances: an empty expected.json proves nothing');
  if (gate.minExpected !== undefined && expected < gate.minExpected) {
    problems.push(`only ${expected} expected instances, fewer than the ${gate.minExpected} committed in accuracy-gate.json`);
  }
  if (result.total.found === 0) problems.push('nothing found at all');
  problems.push(...checkFigures('total', result.total, gate.targets?.total, true));
  const byType = gate.targets?.byType ?? {};
  for (const [type, counts] of Object.entries(result.byType)) {
    const named = byType[type];
    const any = byType['*'];
    if (named) problems.push(...checkFigures(type, counts, named, true));
    // Under "*" a figure with nothing to compute from is left to the other one (recall of a type only ever
    // found falsely is undefined; its precision of 0 already fails).
    else if (any && (counts.expected > 0 || counts.found > 0)) problems.push(...checkFigures(type, counts, any, false));
  }
  for (const type of Object.keys(byType)) {
    if (type !== '*' && !(type in result.byType)) problems.push(`${type}: a target for a type the scorer does not know`);
  }
  return problems;
}

// ---------------------------------------------------------------- gate files

/** Every accuracy-gate.json under `dir` (fixtures/), sorted. */
export function findGateFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (name === 'accuracy-gate.json') out.push(path);
    else if (statSync(path).isDirectory()) out.push(...findGateFiles(path));
  }
  return out;
}

/**
 * Reads a gate file and makes its corpus ready: runs `generate` (with node, from `repoRoot`) into a temporary
 * folder when it is set. Returns the gate with absolute paths and a `cleanup` that removes that folder.
 */
export function prepareGate(file, repoRoot) {
  const gate = JSON.parse(readFileSync(file, 'utf8'));
  const base = dirname(file);
  const out = gate.generate ? mkdtempSync(join(tmpdir(), 'jpii-accuracy-')) : undefined;
  const cleanup = () => out && rmSync(out, { recursive: true, force: true });
  const place = (p) => (p === undefined ? undefined : p.includes('{out}') ? p.split('{out}').join(out ?? '') : resolve(base, p));
  if (gate.generate) {
    const [script, ...args] = gate.generate.map((a) => a.split('{out}').join(out));
    const r = spawnSync(process.execPath, [join(repoRoot, script), ...args], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status !== 0) {
      cleanup();
      throw new Error(`${file}: generate exited ${r.status ?? r.signal}: ${(r.stderr ?? '').trim().slice(0, 2000)}`);
    }
  }
  const ready = { ...gate, file, corpus: place(gate.corpus ?? 'corpus'), expected: place(gate.expected ?? 'expected.json'), negatives: place(gate.negatives), cleanup };
  for (const key of ['corpus', 'expected']) {
    if (!existsSync(ready[key])) {
      cleanup();
      throw new Error(`${file}: ${key} ${ready[key]} does not exist`);
    }
  }
  return ready;
}
