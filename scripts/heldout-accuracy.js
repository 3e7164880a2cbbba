#!/usr/bin/env node
/**
 * heldout-accuracy — scores jpii on a corpus written by make-heldout-corpus.js, per format and per type.
 * Input: DIR (holding corpus/ and expected.json); jpii is run on DIR/corpus at `--min-confidence medium`
 * (or `--report FILE` is read). Scoring is accuracy.js's `score` (same matching rules), applied to the whole
 * corpus and to each format folder. Output: a table per type, a table per format, and with `--list` every
 * false positive / negative. `--json` prints one JSON object. Exit 0 (a report); 2 when jpii could not run.
 * Usage: node scripts/heldout-accuracy.js DIR [--report FILE] [--json] [--list] [--bin PATH]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { score } from './accuracy.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const opts = { dir: undefined, report: undefined, json: false, list: false, bin: join(ROOT, 'bin', 'jpii.js') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--report') opts.report = argv[++i];
    else if (a === '--bin') opts.bin = argv[++i];
    else if (a === '--json') opts.json = true;
    else if (a === '--list') opts.list = true;
    else if (!a.startsWith('-') && !opts.dir) opts.dir = a;
    else throw new Error(`unknown option ${a}`);
  }
  if (!opts.dir) throw new Error('usage: node scripts/heldout-accuracy.js DIR [--report FILE] [--json] [--list] [--bin PATH]');
  return opts;
}

function runJpii(bin, corpus) {
  const r = spawnSync(process.execPath, [bin, 'scan', corpus, '--format', 'json', '--show-values', '--no-progress', '--min-confidence', 'medium'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`jpii exited ${r.status ?? r.signal}: ${r.stderr.slice(0, 2000)}`);
  return JSON.parse(r.stdout);
}

/** Report paths are relative to the scan root (the corpus folder). */
function normalizePaths(report, corpus) {
  const prefix = `${corpus.replace(/\\/g, '/').replace(/\/$/, '')}/`;
  for (const f of report.files) f.path = f.path.replace(/\\/g, '/').replace(prefix, '');
  return report;
}

const fmt = (x) => (x === null || x === undefined ? '  n/a' : x.toFixed(3));
const row = (name, c) => `${name.padEnd(18)}${[c.expected, c.found, c.tp, c.fp, c.fn].map((n) => String(n).padStart(7)).join('')}${[c.precision, c.recall, c.f1].map((x) => fmt(x).padStart(10)).join('')}`;
const HEAD = `${''.padEnd(18)}${['exp', 'found', 'TP', 'FP', 'FN'].map((h) => h.padStart(7)).join('')}${['precision', 'recall', 'F1'].map((h) => h.padStart(10)).join('')}`;

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const corpus = join(opts.dir, 'corpus');
  const expected = JSON.parse(readFileSync(join(opts.dir, 'expected.json'), 'utf8'));
  const report = normalizePaths(opts.report ? JSON.parse(readFileSync(opts.report, 'utf8')) : runJpii(opts.bin, corpus), corpus);
  const all = score(expected, report);
  const formats = [...new Set(Object.keys(expected).map((k) => k.split('/')[0]))];
  const byFormat = Object.fromEntries(formats.map((fo) => {
    const exp = Object.fromEntries(Object.entries(expected).filter(([k]) => k.startsWith(`${fo}/`)));
    const rep = { ...report, files: report.files.filter((f) => f.path.startsWith(`${fo}/`)) };
    return [fo, score(exp, rep).total];
  }));
  if (opts.json) {
    console.log(JSON.stringify({ total: all.total, byType: all.byType, byFormat, falsePositives: all.falsePositives, falseNegatives: all.falseNegatives }, null, 2));
    return;
  }
  console.log(`per type\n${HEAD}`);
  for (const [t, c] of Object.entries(all.byType)) if (c.expected || c.found) console.log(row(t, c));
  console.log(row('TOTAL (micro)', all.total));
  console.log(`\nper format\n${HEAD}`);
  for (const [fo, c] of Object.entries(byFormat)) console.log(row(fo, c));
  if (opts.list) {
    for (const f of all.falsePositives) console.log(`FP ${f.type.padEnd(16)} ${f.file}  ${f.value}  (${f.level} ${f.confidence})`);
    for (const f of all.falseNegatives) console.log(`FN ${f.type.padEnd(16)} ${f.file}  ${f.value}${f.foundAs ? `  [as ${f.foundAs}]` : ''}`);
  }
  if (all.warnings.length) console.log(`\nwarnings:\n  ${all.warnings.slice(0, 20).join('\n  ')}`);
}

try {
  main();
} catch (error) {
  console.error(`heldout-accuracy: ${error.message}`);
  process.exitCode = 2;
}
