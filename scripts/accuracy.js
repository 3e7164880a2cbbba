#!/usr/bin/env node
/**
 * accuracy — scores jpii against the labelled corpus (fixtures/accuracy, see its README.md).
 * Input: the JSON report of `node bin/jpii.js scan fixtures/accuracy/corpus --format json --show-values --all-findings
 * --no-progress --min-confidence medium` (run here with spawnSync, or read from `--report FILE`) and
 * fixtures/accuracy/expected.json (+ negatives.json, only to name the decoy behind a false positive).
 * Output: per type TP/FP/FN, precision, recall, F1 and a micro-averaged total, then every false positive and
 * false negative with its file and value (all synthetic). `--json` prints the same as one JSON object.
 * Exit: 0 — it is a report — unless `--check`: then 1 when the corpus fails its gate (scripts/lib/accuracy-gate.js:
 * fixtures/accuracy/accuracy-gate.json, or `--gate FILE` for another registered corpus): no or fewer expected
 * instances than committed, nothing found, or any figure below its target. `--min-precision`/`--min-recall`
 * override the gate's total targets. 2 when jpii could not be run or its output is not a report.
 * Never: writes files, or scores findings below `medium` (the default threshold of jpii).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gateProblems, prepareGate } from './lib/accuracy-gate.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ACCURACY_DIR = join(ROOT, 'fixtures', 'accuracy');
/** The 15 PII type ids of CONTRACT.md (src/model.ts TYPE_IDS); file-level types are not scored. */
const TYPE_IDS = [
  'my-number', 'corporate-number', 'credit-card', 'phone', 'postal-code', 'email', 'passport', 'drivers-license',
  'residence-card', 'pension-number', 'bank-account', 'insurer-number', 'address', 'person-name', 'birth-date',
];
/** Free-text types match by containment; the shorter side must be at least this long (so "東京都" never counts). */
const CONTAINMENT_MIN = { address: 5, 'person-name': 2 };
const MEDIUM_FLOOR = 0.5;
const USAGE = `usage: node scripts/accuracy.js [--report FILE] [--json] [--check] [--gate FILE]
  [--corpus DIR] [--expected FILE] [--min-precision 0.99] [--min-recall 0.97]
Runs jpii on the accuracy corpus (or reads a JSON report) and scores it against expected.json.
--gate FILE: a registered corpus (an accuracy-gate.json: its corpus, labels and targets).`;

class UsageError extends Error {}

function parseArgs(argv) {
  const opts = {
    report: undefined, json: false, check: false, minPrecision: undefined, minRecall: undefined, gate: join(ACCURACY_DIR, 'accuracy-gate.json'), gateGiven: false,
    corpus: join(ACCURACY_DIR, 'corpus'), expected: join(ACCURACY_DIR, 'expected.json'), negatives: join(ACCURACY_DIR, 'negatives.json'),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--json') opts.json = true;
    else if (a === '--check') opts.check = true;
    else if (a === '--report') opts.report = next();
    else if (a === '--gate') { opts.gate = next(); opts.gateGiven = true; }
    else if (a === '--corpus') opts.corpus = next();
    else if (a === '--expected') opts.expected = next();
    else if (a === '--min-precision') opts.minPrecision = Number(next());
    else if (a === '--min-recall') opts.minRecall = Number(next());
    else if (a === '-h' || a === '--help') throw new UsageError('');
    else throw new UsageError(`unknown option ${a}`);
  }
  return opts;
}

// ---------------------------------------------------------------- getting the report
export function runJpii(corpus) {
  const bin = join(ROOT, 'bin', 'jpii.js');
  if (!existsSync(bin)) throw new Error('bin/jpii.js not found (run `npm run build` first)');
  const args = [bin, 'scan', relative(ROOT, corpus) || '.', '--format', 'json', '--show-values', '--all-findings', '--no-progress', '--min-confidence', 'medium'];
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.error) throw r.error;
  if (r.status !== 0 && r.status !== 1) throw new Error(`jpii exited ${r.status ?? r.signal}: ${r.stderr.trim().slice(0, 2000)}`);
  return parseReport(r.stdout, 'jpii stdout');
}

function parseReport(text, what) {
  let report;
  try {
    report = JSON.parse(text);
  } catch (error) {
    throw new Error(`${what} is not JSON: ${error.message}`);
  }
  if (!report || !Array.isArray(report.files)) throw new Error(`${what} has no "files" array (not a jpii JSON report)`);
  return report;
}

// ---------------------------------------------------------------- canonical values (CONTRACT.md "Normalized value")
const SEPARATORS = /[\s\-\u2010-\u2015\u2212\u30fc\uff0d./()]/g;
/** Both sides go through this, so a found value differing only in separators, width or case still matches. */
export function canonical(type, value) {
  const n = String(value ?? '').normalize('NFKC').trim();
  if (type === 'email') return n.toLowerCase();
  if (type === 'birth-date') return n;
  if (type === 'address' || type === 'person-name') return n.replace(/[\u2010-\u2015\u2212\u30fc\uff0d]/g, '-').replace(/\s/g, '');
  const flat = n.replace(SEPARATORS, '').toUpperCase();
  if (type === 'phone' && flat.startsWith('+81')) return `0${flat.slice(3)}`;
  if (type === 'corporate-number' && /^T\d{13}$/.test(flat)) return flat.slice(1);
  return flat;
}

function contains(type, a, b) {
  const min = CONTAINMENT_MIN[type];
  if (min === undefined) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= min && long.includes(short);
}

/**
 * One type in one file: expected and found as multisets. Exact canonical matches first, then (address,
 * person-name only) containment either way. Greedy one-to-one; returns the unmatched on each side.
 */
export function matchValues(type, expected, found) {
  const exp = expected.map((e) => ({ ...e, canon: canonical(type, e.value), used: false }));
  const fps = [];
  const pending = [];
  let tp = 0;
  for (const f of found) {
    const canon = canonical(type, f.value);
    const hit = exp.find((e) => !e.used && e.canon === canon);
    if (hit) { hit.used = true; tp++; } else pending.push({ ...f, canon });
  }
  for (const f of pending) {
    const hit = exp.find((e) => !e.used && contains(type, e.canon, f.canon));
    if (hit) { hit.used = true; tp++; } else fps.push(f);
  }
  return { tp, fps, fns: exp.filter((e) => !e.used) };
}

// ---------------------------------------------------------------- scoring a report
function keyOf(path, keys) {
  const p = String(path).split('\\').join('/').replace(/^\.\//, '').normalize('NFC');
  if (keys.has(p)) return p;
  for (const k of keys) if (p.endsWith(`/${k}`)) return k;
  return undefined;
}

function isScored(f) {
  if (!TYPE_IDS.includes(f.type) || f.suppressed) return false;
  if (f.level) return f.level !== 'low';
  return typeof f.confidence === 'number' && f.confidence >= MEDIUM_FLOOR;
}

function groupByType(list) {
  const m = new Map();
  for (const x of list) {
    if (!m.has(x.type)) m.set(x.type, []);
    m.get(x.type).push(x);
  }
  return m;
}

/** Findings of the report per expected-file key; files the labels do not know are kept under their own path. */
function collectFound(report, keys, warnings) {
  const byFile = new Map();
  const seen = new Set();
  for (const file of report.files) {
    const key = keyOf(file.path, keys) ?? file.path;
    seen.add(key);
    if (!keys.has(key)) warnings.push(`not in expected.json (its findings count as false positives): ${file.path}`);
    if (file.status && file.status !== 'scanned') warnings.push(`${file.status}: ${file.path}${file.reason ? ` (${file.reason})` : ''}`);
    const list = byFile.get(key) ?? [];
    for (const f of file.findings ?? []) {
      if (!isScored(f)) continue;
      if (f.value === undefined) warnings.push(`finding without "value" in ${file.path} (was --show-values given?)`);
      list.push({ type: f.type, value: f.value ?? f.masked ?? '', confidence: f.confidence, level: f.level, location: f.location });
    }
    byFile.set(key, list);
  }
  for (const k of keys) if (!seen.has(k)) warnings.push(`missing from the report (all its instances count as false negatives): ${k}`);
  return byFile;
}

function decoyOf(negatives, file, type, canon) {
  const hit = (negatives[file] ?? []).find((n) => canonical(type, n.text) === canon);
  return hit?.category;
}

export function score(expected, report, negatives = {}) {
  const warnings = [];
  const keys = new Set(Object.keys(expected));
  const found = collectFound(report, keys, warnings);
  const counts = Object.fromEntries(TYPE_IDS.map((t) => [t, { expected: 0, found: 0, tp: 0, fp: 0, fn: 0 }]));
  const falsePositives = [];
  const falseNegatives = [];
  for (const file of new Set([...keys, ...found.keys()])) {
    const exp = groupByType(expected[file] ?? []);
    const got = groupByType(found.get(file) ?? []);
    for (const type of TYPE_IDS) {
      const r = matchValues(type, exp.get(type) ?? [], got.get(type) ?? []);
      const c = counts[type];
      c.expected += exp.get(type)?.length ?? 0;
      c.found += got.get(type)?.length ?? 0;
      c.tp += r.tp; c.fp += r.fps.length; c.fn += r.fns.length;
      for (const f of r.fps) falsePositives.push({ file, type, value: f.value, confidence: f.confidence, level: f.level, location: f.location, decoy: decoyOf(negatives, file, type, f.canon) });
      for (const e of r.fns) falseNegatives.push({ file, type, value: e.value, foundAs: foundAs(found.get(file) ?? [], type, e.canon) });
    }
  }
  const byType = Object.fromEntries(Object.entries(counts).map(([t, c]) => [t, { ...c, ...rates(c) }]));
  const sum = Object.values(counts).reduce((a, c) => ({ expected: a.expected + c.expected, found: a.found + c.found, tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { expected: 0, found: 0, tp: 0, fp: 0, fn: 0 });
  const byFile = (a, b) => a.file.localeCompare(b.file) || a.type.localeCompare(b.type) || String(a.value).localeCompare(String(b.value));
  return { byType, total: { ...sum, ...rates(sum) }, falsePositives: falsePositives.sort(byFile), falseNegatives: falseNegatives.sort(byFile), warnings: [...new Set(warnings)] };
}

/** A missed value that the report does carry under another type (e.g. a licence number reported as my-number). */
function foundAs(list, type, canon) {
  const other = list.find((f) => f.type !== type && canonical(f.type, f.value) === canonical(f.type, canon));
  return other?.type;
}

function rates({ tp, fp, fn }) {
  const precision = tp + fp ? tp / (tp + fp) : null;
  const recall = tp + fn ? tp / (tp + fn) : null;
  const f1 = precision !== null && recall !== null && precision + recall ? (2 * precision * recall) / (precision + recall) : null;
  return { precision, recall, f1 };
}

// ---------------------------------------------------------------- printing
const fmt = (x) => (x === null ? '  n/a' : x.toFixed(3));
function table(result) {
  const head = `${'type'.padEnd(18)}${['expected', 'found', 'TP', 'FP', 'FN'].map((h) => h.padStart(9)).join('')}${['precision', 'recall', 'F1'].map((h) => h.padStart(10)).join('')}`;
  const line = (name, c) => `${name.padEnd(18)}${[c.expected, c.found, c.tp, c.fp, c.fn].map((n) => String(n).padStart(9)).join('')}${[c.precision, c.recall, c.f1].map((x) => fmt(x).padStart(10)).join('')}`;
  const rows = Object.entries(result.byType).map(([t, c]) => line(t, c));
  return [head, '-'.repeat(head.length), ...rows, '-'.repeat(head.length), line('TOTAL (micro)', result.total)].join('\n');
}

function where(loc) {
  if (!loc) return '';
  const parts = Object.entries(loc).map(([k, v]) => `${k} ${v}`);
  return parts.length ? `, ${parts.join(', ')}` : '';
}

function lists(result) {
  const out = [];
  out.push('', `False positives (${result.falsePositives.length}):`);
  for (const f of result.falsePositives) {
    out.push(`  FP ${f.type.padEnd(17)} ${f.file}  ${f.value}  (${f.level ?? ''} ${typeof f.confidence === 'number' ? f.confidence.toFixed(2) : ''}${where(f.location)})${f.decoy ? `  [decoy: ${f.decoy}]` : ''}`);
  }
  out.push('', `False negatives (${result.falseNegatives.length}):`);
  for (const f of result.falseNegatives) out.push(`  FN ${f.type.padEnd(17)} ${f.file}  ${f.value}${f.foundAs ? `  [reported as ${f.foundAs}]` : ''}`);
  if (result.warnings.length) out.push('', 'Warnings:', ...result.warnings.map((w) => `  ${w}`));
  return out.join('\n');
}

function loadJson(file, fallback) {
  if (!existsSync(file)) {
    if (fallback !== undefined) return fallback;
    throw new Error(`${file} not found (run node scripts/make-accuracy-corpus.js)`);
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** The gate to apply: the file's targets, with --min-precision/--min-recall overriding its total. */
function effectiveGate(opts, fileGate) {
  const total = { ...(fileGate?.targets?.total ?? { precision: 0.99, recall: 0.97 }) };
  if (opts.minPrecision !== undefined) total.precision = opts.minPrecision;
  if (opts.minRecall !== undefined) total.recall = opts.minRecall;
  return { ...fileGate, targets: { ...fileGate?.targets, total } };
}

function main(argv) {
  const opts = parseArgs(argv);
  const fileGate = opts.gateGiven || existsSync(opts.gate) ? prepareGate(opts.gate, ROOT) : undefined;
  try {
    if (opts.gateGiven) Object.assign(opts, { corpus: fileGate.corpus, expected: fileGate.expected, negatives: fileGate.negatives ?? '' });
    return report(opts, effectiveGate(opts, fileGate));
  } finally {
    fileGate?.cleanup();
  }
}

function report(opts, gate) {
  const expected = loadJson(opts.expected);
  const negatives = opts.negatives ? loadJson(opts.negatives, {}) : {};
  const report = opts.report ? parseReport(readFileSync(opts.report, 'utf8'), opts.report) : runJpii(opts.corpus);
  const result = score(expected, report, negatives);
  const t = result.total;
  const problems = gateProblems(result, gate);
  const pass = problems.length === 0;
  const planted = Object.values(negatives).reduce((a, l) => a + l.length, 0);
  if (opts.json) {
    console.log(JSON.stringify({ thresholds: gate.targets.total, gate: gate.targets, pass, problems, files: Object.keys(expected).length, hardNegatives: planted, ...result }, null, 2));
  } else {
    console.log(`jpii accuracy: ${Object.keys(expected).length} files, ${t.expected} expected instances, ${planted} hard negatives planted; level ≥ medium`);
    console.log(table(result));
    console.log(lists(result));
    for (const p of problems) console.log(`gate: ${p}`);
    console.log(`\n${pass ? 'PASS' : 'BELOW TARGET'}: precision ${fmt(t.precision)} (target ${gate.targets.total.precision}), recall ${fmt(t.recall)} (target ${gate.targets.total.recall})`);
  }
  return opts.check && !pass ? 1 : 0;
}

const invokedDirectly = process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
if (invokedDirectly) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(error.message ? `accuracy: ${error.message}\n${USAGE}` : USAGE);
      process.exitCode = error.message ? 2 : 0;
    } else {
      console.error(`accuracy: ${error.message}`);
      process.exitCode = 2;
    }
  }
}
