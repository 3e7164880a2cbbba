#!/usr/bin/env node
/**
 * make-heldout-corpus — a seeded document-shape generator for honest accuracy figures (ACCURACY.md).
 * Layouts vary independently of the values: header row position, title and blank rows, merged cells, header
 * from column B, two-row headers, several tables per sheet, vertical key–value forms, Word/PowerPoint form
 * tables (label left, label above), PDF forms and lists, CSV/TSV with preambles, e-mail (plain and HTML
 * tables), JSON/YAML/log/SQL/.env records; field names in Japanese, English and romaji.
 * Output: OUT/corpus/<format>/… and OUT/expected.json (the format accuracy.js reads: path → [{type, value}]).
 * Every value is synthetic and check-digit-valid (scripts/lib/synthetic-values.js).
 * Usage: node scripts/make-heldout-corpus.js --seed N --out DIR [--docs 14]
 * Tune on one seed, report on another: ACCURACY.md names both.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from './lib/prng.js';
import { makeValues } from './lib/synthetic-values.js';
import { KINDS, makeRecords } from './lib/heldout-records.js';
import { csv, mail, portable, slides, structured, word, xlsx } from './lib/heldout-layouts.js';

/** format folder → [extensions, renderer, share of documents with Japanese field names]. */
const FORMATS = {
  xlsx: [['xlsx'], xlsx, 0.85],
  csv: [['csv', 'csv', 'tsv'], csv, 0.7],
  docx: [['docx'], word, 0.9],
  pptx: [['pptx'], slides, 0.9],
  pdf: [['pdf'], portable, 0.9],
  eml: [['eml'], mail, 0.9],
  text: [['json', 'yaml', 'log', 'sql', 'env'], structured, 0.15],
};

function parseArgs(argv) {
  const opts = { seed: undefined, out: undefined, docs: 14 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--seed') opts.seed = Number(argv[++i]);
    else if (a === '--out') opts.out = argv[++i];
    else if (a === '--docs') opts.docs = Number(argv[++i]);
    else throw new Error(`unknown option ${a}\nusage: node scripts/make-heldout-corpus.js --seed N --out DIR [--docs 14]`);
  }
  if (!Number.isInteger(opts.seed) || !opts.out) throw new Error('usage: node scripts/make-heldout-corpus.js --seed N --out DIR [--docs 14]');
  return opts;
}

/** Expected PII of a rendered document: the values of its (possibly trimmed) records and fields. */
function expectedOf(doc) {
  const values = doc.records.flatMap((rec) => doc.fields.map((f) => rec[f]).filter((x) => x.type).map((x) => ({ type: x.type, value: x.value })));
  return [...values, ...(doc.extra ?? [])];
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const v = makeValues(mulberry32(opts.seed));
  const corpus = join(opts.out, 'corpus');
  rmSync(opts.out, { recursive: true, force: true });
  const expected = {};
  for (const [format, [exts, render, jaShare]] of Object.entries(FORMATS)) {
    mkdirSync(join(corpus, format), { recursive: true });
    for (let i = 0; i < opts.docs; i++) {
      const kind = v.pick(Object.keys(KINDS));
      const ext = exts[i % exts.length];
      const lang = v.rnd() < jaShare ? 'ja' : v.pick(['en', 'ro']);
      const doc = { kind, ext, lang, title: v.pick(KINDS[kind].title), ...makeRecords(v, kind, v.int(3, 7)) };
      const bytes = await render(v, doc);
      const rel = `${format}/${kind}-${String(i + 1).padStart(2, '0')}.${ext}`;
      writeFileSync(join(corpus, rel), bytes);
      expected[rel] = expectedOf(doc);
    }
  }
  writeFileSync(join(opts.out, 'expected.json'), `${JSON.stringify(expected, null, 1)}\n`);
  const n = Object.values(expected).reduce((a, l) => a + l.length, 0);
  process.stdout.write(`seed ${opts.seed}: ${Object.keys(expected).length} files, ${n} expected values in ${opts.out}\n`);
}

await main();
