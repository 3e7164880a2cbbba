#!/usr/bin/env node
/**
 * appi-accuracy — scores jpii's APPI verdicts against a corpus from scripts/make-appi-corpus.js.
 * Scores the files on disk (archives and e-mails by their rolled-up verdict, not their members):
 * - personal information: precision / recall of `appi.categories` containing personal-information;
 * - unlabelled: precision / recall of the `unlabelled-sensitive-file` finding against "needs a label and has none";
 * - special care: per kind, precision / recall over (file, kind) pairs; any special care on a look-alike is listed;
 * - persons: on rosters (and containers of them), the share within ±20 % of the true count.
 * Usage: node scripts/appi-accuracy.js --seed N [--files 300] [--keep DIR] [--json]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const seed = Number(opt('--seed', '2'));
const files = opt('--files', '300');
const keep = opt('--keep', undefined);
const dir = keep ?? mkdtempSync(join(tmpdir(), 'jpii-appi-'));

const run = (cmd, argv) => {
  const r = spawnSync(cmd, argv, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${argv.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return r.stdout;
};

try {
  run('node', ['scripts/make-appi-corpus.js', '--seed', String(seed), '--out', dir, '--files', files]);
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')).files;
  const report = JSON.parse(run('node', ['bin/jpii.js', 'scan', join(dir, 'files'), '--root', join(dir, 'files'), '--format', 'json', '--no-progress', '--fail-on', 'never']));
  const byPath = new Map(report.files.map((f) => [f.path, f]));
  const pair = () => ({ tp: 0, fp: 0, fn: 0 });
  const pi = pair();
  const unlabelled = pair();
  const care = {};
  const errors = [];
  const lookalikeHits = [];
  const persons = { n: 0, within: 0, worst: [] };
  for (const t of truth) {
    const f = byPath.get(t.path);
    if (!f || f.status !== 'scanned') {
      errors.push(`${t.path}: ${f ? f.status : 'missing'}`);
      continue;
    }
    const a = f.appi ?? { categories: [], specialCare: [], persons: 0 };
    const count = (p, predicted, actual, what) => {
      if (predicted && actual) p.tp++;
      else if (predicted) (p.fp++, errors.push(`FP ${what} ${t.path} (${t.kind})`));
      else if (actual) (p.fn++, errors.push(`FN ${what} ${t.path} (${t.kind})`));
    };
    count(pi, a.categories.includes('personal-information'), t.pi, 'pi');
    const needsLabel = t.pi && (!t.metadata || t.specialCare.length > 0 || (t.roster && t.persons >= 50));
    count(unlabelled, f.findings.some((x) => x.type === 'unlabelled-sensitive-file'), needsLabel && !t.labelled, 'unlabelled');
    for (const k of new Set([...a.specialCare, ...t.specialCare])) {
      care[k] ??= pair();
      count(care[k], a.specialCare.includes(k), t.specialCare.includes(k), `special-care:${k}`);
    }
    const lookalike = t.kind.startsWith('lookalike') || (t.members !== undefined && t.members.every((m) => m.startsWith('lookalike')));
    if (lookalike && a.specialCare.length) lookalikeHits.push(`${t.path}: ${a.specialCare.join(',')}`);
    if (t.kind === 'roster' || (t.kind !== 'zip' && t.kind !== 'eml' ? false : t.persons >= 5)) {
      persons.n++;
      const err = Math.abs(a.persons - t.persons) / Math.max(1, t.persons);
      if (err <= 0.2) persons.within++;
      else persons.worst.push(`${t.path} (${t.kind}): ${a.persons} for ${t.persons}`);
    }
  }
  const pr = (p) => ({ ...p, precision: p.tp + p.fp ? +(p.tp / (p.tp + p.fp)).toFixed(3) : 1, recall: p.tp + p.fn ? +(p.tp / (p.tp + p.fn)).toFixed(3) : 1 });
  const careAll = Object.values(care).reduce((s, p) => ({ tp: s.tp + p.tp, fp: s.fp + p.fp, fn: s.fn + p.fn }), pair());
  const out = {
    seed, files: truth.length,
    personalInformation: pr(pi), unlabelled: pr(unlabelled),
    specialCare: Object.fromEntries(Object.entries(care).sort().map(([k, p]) => [k, pr(p)])), specialCareAll: pr(careAll),
    lookalikesWithSpecialCare: lookalikeHits,
    persons: { files: persons.n, within20: persons.within, share: +(persons.within / Math.max(1, persons.n)).toFixed(3), misses: persons.worst },
    errors,
  };
  if (args.includes('--json')) console.log(JSON.stringify(out, null, 1));
  else {
    const line = (name, p) => `${name.padEnd(28)} tp ${String(p.tp).padStart(4)} fp ${String(p.fp).padStart(3)} fn ${String(p.fn).padStart(3)}  precision ${p.precision.toFixed(3)}  recall ${p.recall.toFixed(3)}`;
    console.log(`APPI verdicts, seed ${seed}, ${truth.length} files on disk`);
    console.log(line('personal information', out.personalInformation));
    console.log(line('unlabelled (needs a label)', out.unlabelled));
    for (const [k, p] of Object.entries(out.specialCare)) console.log(line(`  ${k}`, p));
    console.log(line('special care (all kinds)', out.specialCareAll));
    console.log(`look-alikes with special care: ${lookalikeHits.length}${lookalikeHits.length ? `: ${lookalikeHits.join('; ')}` : ''}`);
    console.log(`persons within ±20 %: ${persons.within}/${persons.n} roster files${persons.worst.length ? ` (misses: ${persons.worst.join('; ')})` : ''}`);
    if (errors.length) console.log(`\n${errors.join('\n')}`);
  }
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
