/**
 * What scripts/instructions.js runs under valgrind: one build's analysis of a workload in this thread, twice.
 *   node instructions-harness.js DIST PATH FILES
 * PATH a file: analyzed as a large text (chunks); a folder: its first FILES files in path order, each whole.
 * Prints the number of findings built (the same for two builds that agree).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

const [dist, path, files] = process.argv.slice(2);
const load = (module) => import(pathToFileURL(join(dist, module)).href);
const { buildAnalyzer } = await load('scan/analyzer.js');
const opts = buildAnalyzer({ minConfidence: 0.5, listed: 15 });

function filesUnder(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(p);
    }
  };
  walk(dir);
  return out;
}

let findings = 0;
const countOf = (results) => results.reduce((n, r) => n + (r.findings?.length ?? 0), 0);
if (statSync(path).isDirectory()) {
  const { analyzeBytes } = await load('scan/analyze-file.js');
  const picked = filesUnder(path)
    .slice(0, Number(files))
    .map((p) => ({ rel: relative(path, p), bytes: readFileSync(p) }));
  for (let round = 0; round < 2; round++) for (const f of picked) findings += countOf(await analyzeBytes(f.rel, f.bytes, opts));
} else {
  const { analyzeLargeText } = await load('scan/large-text.js');
  const ref = { absPath: path, relPath: path.split('/').pop(), size: statSync(path).size, localFs: true };
  for (let round = 0; round < 2; round++) findings += countOf((await analyzeLargeText(ref, opts)) ?? []);
}
console.log(`${findings} findings listed`);
