#!/usr/bin/env node
// Parses the built-in pattern files (patterns/types/*.yaml, patterns/labels.yaml) once at build time into
// dist/builtin-patterns.json, so that a run does not load a YAML parser (≈100 ms of start-up, which a
// pre-commit hook feels). The loader checks each source's size and mtime and falls back to the YAML when
// the JSON is missing or stale. Run by `npm run build` and `prepare`.
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = join(root, 'patterns');
const sources = [...readdirSync(join(dir, 'types')).filter((f) => f.endsWith('.yaml')).sort().map((f) => join('types', f)), 'labels.yaml', 'field-names.yaml'];
const out = { sources: {}, patterns: [], labels: [], fieldNames: {} };
for (const rel of sources) {
  const file = join(dir, rel);
  const st = statSync(file);
  out.sources[rel] = { size: st.size, mtimeMs: st.mtimeMs };
  const data = parse(readFileSync(file, 'utf8'));
  if (rel === 'labels.yaml') out.labels = data.labels ?? [];
  else if (rel === 'field-names.yaml') out.fieldNames = data ?? {};
  else out.patterns.push({ file: rel, pattern: data });
}
mkdirSync(join(root, 'dist'), { recursive: true });
writeFileSync(join(root, 'dist', 'builtin-patterns.json'), JSON.stringify(out));
console.log(`jpii: compiled ${out.patterns.length} pattern files to dist/builtin-patterns.json`);

// The 要配慮個人情報 vocabulary (src/appi/load-vocabulary.ts reads it; same freshness check).
const specialCare = join(dir, 'special-care.yaml');
const scSt = statSync(specialCare);
writeFileSync(join(root, 'dist', 'special-care.json'), JSON.stringify({ source: { size: scSt.size, mtimeMs: scSt.mtimeMs }, data: parse(readFileSync(specialCare, 'utf8')) }));
