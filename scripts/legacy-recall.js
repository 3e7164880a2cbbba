#!/usr/bin/env node
/**
 * legacy-recall — recall per format on a corpus written by scripts/make-legacy-eval.js.
 * Input: the corpus folder. Output: per format, the planted values found (same type and canonical value,
 * in the file or one of its attachments) at the default threshold, and the values missed (type only, no PII
 * beyond the synthetic corpus). Runs the built CLI: `npm run build` first.
 * `--reference` scores the same content converted to the modern formats instead (DIR/reference, written by
 * make-legacy-eval.js --reference): the ceiling set by detection, so reading and detection misses stand apart.
 * Usage: node scripts/legacy-recall.js DIR [--reference]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node scripts/legacy-recall.js DIR');
const bin = fileURLToPath(new URL('../bin/jpii.js', import.meta.url));
const reference = process.argv.includes('--reference');
const MODERN = { xls: 'xlsx', xlsb: 'xlsx', ppt: 'pptx', doc: 'docx', rtf: 'docx' };
const planted = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
const { seed } = planted;
const expected = reference
  ? planted.expected.filter((e) => MODERN[e.file.split('/')[0]]).map((e) => ({ ...e, file: `reference/${e.file.replace(/\.(\w+)$/, (_, x) => `.${MODERN[x]}`)}` }))
  : planted.expected;
const report = JSON.parse(execFileSync(process.execPath, [bin, 'scan', dir, '--root', dir, '-f', 'json', '--show-values', '--all-findings', '--fail-on', 'never', '--no-progress', '--exclude', 'expected.json'], { maxBuffer: 1 << 28 }).toString());
const found = new Set();
const status = {};
for (const f of report.files) {
  const top = f.path.split('!/')[0];
  if (f.path === top) status[top] = [f.format, f.status, f.reason ?? '', (f.notes ?? []).join('; ')];
  for (const x of f.findings) found.add(`${top}\u0000${x.type}\u0000${x.value}`);
}
const byFormat = {};
const missed = {};
for (const e of expected) {
  const format = e.file.split('/')[reference ? 1 : 0];
  const row = (byFormat[format] ??= { expected: 0, found: 0 });
  const key = `${e.file}\u0000${e.type}\u0000${e.value}`;
  if (found.has(key)) row.found++;
  else (missed[format] ??= {})[e.type] = ((missed[format] ??= {})[e.type] ?? 0) + 1;
}
// Distinct expected values per file: the same value planted twice in a file counts once.
for (const [format, row] of Object.entries(byFormat)) {
  row.expected = 0;
  const keys = new Set(expected.filter((x) => x.file.split('/')[reference ? 1 : 0] === format).map((x) => `${x.file}\u0000${x.type}\u0000${x.value}`));
  row.expected = keys.size;
  row.found = [...keys].filter((k) => found.has(k)).length;
}
console.log(`seed ${seed}${reference ? ' (reference: the same content as xlsx / pptx / docx)' : ''}`);
for (const [format, row] of Object.entries(byFormat)) {
  const files = Object.entries(status).filter(([p]) => p.split('/')[reference ? 1 : 0] === format);
  const notScanned = files.filter(([, s]) => s[1] !== 'scanned');
  console.log(`${format.padEnd(5)} recall ${(row.found / row.expected).toFixed(3)} (${row.found}/${row.expected})  files ${files.length}, not scanned ${notScanned.length}${notScanned.length ? ` ${JSON.stringify(notScanned)}` : ''}  missed ${JSON.stringify(missed[format] ?? {})}`);
}
