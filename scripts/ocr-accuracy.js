#!/usr/bin/env node
/**
 * ocr-accuracy — scores `jpii scan --ocr` on a set of scanned-paper fixtures (fixtures/ocr/<set>/, made by
 * scripts/make-ocr-fixtures.js) against its expected.json: per type, the numeric personal values found
 * (phone, postal code, My Number, pension, insurer, bank account, birth date) on the right page.
 * Also checks that every file is flagged sensitive with --ocr, and listed as not examined without it.
 * Usage: node scripts/ocr-accuracy.js [tune|heldout] [--check]   (--check: exit 1 under recall 0.8 or
 * precision 0.95). Runs the built CLI (npm run build first).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const set = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'heldout';
const check = process.argv.includes('--check');
const dir = join(ROOT, 'fixtures', 'ocr', set);
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
const TYPES = ['phone', 'postal-code', 'my-number', 'pension-number', 'insurer-number', 'bank-account', 'birth-date'];

function scan(extra) {
  const args = [join(ROOT, 'bin', 'jpii.js'), 'scan', '.', '-f', 'json', '--show-values', '--no-progress', '--fail-on', 'never', ...extra];
  return JSON.parse(execFileSync(process.execPath, args, { cwd: dir, maxBuffer: 64 << 20 }).toString());
}

const started = Date.now();
const report = scan(['--ocr']);
const seconds = (Date.now() - started) / 1000;
const rows = Object.fromEntries(TYPES.map((t) => [t, { expected: 0, tp: 0, fp: 0, fn: 0 }]));
const problems = [];
for (const [file, values] of Object.entries(expected)) {
  const entry = report.files.find((f) => f.path === file);
  if (!entry || entry.status !== 'scanned') problems.push(`${file}: ${entry ? `${entry.status}: ${entry.reason}` : 'missing'}`);
  if (entry && !entry.sensitive) problems.push(`${file}: not flagged sensitive`);
  for (const note of entry?.notes ?? []) problems.push(`${file}: ${note}`);
  const found = (entry?.findings ?? []).filter((f) => TYPES.includes(f.type)).map((f) => `${f.type}|${f.value}|${f.location.page}`);
  const want = values.map((e) => `${e.type}|${e.value}|${e.page}`);
  for (const e of values) rows[e.type].expected++;
  const left = [...found];
  for (const w of want) {
    const i = left.indexOf(w);
    const type = w.split('|')[0];
    if (i >= 0) {
      rows[type].tp++;
      left.splice(i, 1);
    } else {
      rows[type].fn++;
      problems.push(`${file}: missed ${w.replace(/\|(\d+)$/, ' (page $1)')}`);
    }
  }
  for (const f of left) {
    rows[f.split('|')[0]].fp++;
    problems.push(`${file}: unexpected ${f.replace(/\|(\d+)$/, ' (page $1)')}`);
  }
}
const plain = scan([]);
const notExamined = plain.summary.imageOnly ?? 0;
const total = TYPES.reduce((a, t) => ({ expected: a.expected + rows[t].expected, tp: a.tp + rows[t].tp, fp: a.fp + rows[t].fp, fn: a.fn + rows[t].fn }), { expected: 0, tp: 0, fp: 0, fn: 0 });
const ratio = (n, d) => (d === 0 ? '    -' : (n / d).toFixed(3));
console.log(`fixtures/ocr/${set}: ${Object.keys(expected).length} files, ${report.files.reduce((a, f) => a + (f.ocrPages ?? 0), 0)} OCR pages in ${seconds.toFixed(1)} s`);
console.log('type              expected   TP   FP   FN  precision  recall');
for (const [t, r] of [...Object.entries(rows), ['TOTAL', total]]) {
  console.log(`${t.padEnd(16)} ${String(r.expected).padStart(9)} ${String(r.tp).padStart(4)} ${String(r.fp).padStart(4)} ${String(r.fn).padStart(4)}  ${ratio(r.tp, r.tp + r.fp).padStart(9)}  ${ratio(r.tp, r.expected).padStart(6)}`);
}
console.log(`without --ocr: ${notExamined} of ${Object.keys(expected).length} files counted as image-only, not examined`);
for (const p of problems) console.log(`  ${p}`);
const recall = total.tp / total.expected;
const precision = total.tp / Math.max(1, total.tp + total.fp);
if (check && (recall < 0.8 || precision < 0.95 || notExamined !== Object.keys(expected).length)) process.exit(1);
