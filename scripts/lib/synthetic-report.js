// A synthetic JSON report (CONTRACT.md "JSON report") of any size, for measuring the report renderers
// (`jpii report`) and the HTML page without scanning a share first. Seeded (mulberry32): the same options
// give the same bytes. Masked values only, example.com addresses, 見本/架空 names: nothing real.
// Written file entry by file entry, so a million-file report never sits in memory.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mulberry32 } from './prng.js';

const TYPES = [
  ['phone', '090-****-1234'],
  ['email', 't***@example.com'],
  ['my-number', '1234 **** ****'],
  ['person-name', '見本**'],
  ['address', '東京都架空区***'],
];
const FORMATS = [['csv', 'csv'], ['txt', 'text'], ['xlsx', 'xlsx']];

function pathOf(i, files) {
  const [ext] = FORMATS[i % 3];
  return `共有/部署${String(i % 1000).padStart(4, '0')}/sub${i % 7}/file${String(i).padStart(String(files).length, '0')}.${ext}`;
}

/** One file entry; `findingsPer` is the most findings a file gets (the mean is about half of it). */
function entry(i, files, rand, findingsPer, dropEvery) {
  const path = pathOf(i, files);
  if (i % 97 === 0) return { path, format: 'pdf', status: 'error', reason: 'encrypted PDF (password required)', labels: [], labelled: false, risk: 0, sensitive: false, findings: [] };
  const n = i % 5 === 0 ? 0 : 1 + Math.floor(rand() * findingsPer);
  const findings = [];
  for (let k = 0; k < n; k++) {
    const [type, masked] = TYPES[Math.floor(rand() * TYPES.length)];
    const c = Math.round((0.3 + rand() * 0.69) * 100) / 100;
    const location = i % 3 === 2 ? { sheet: '顧客', cell: `B${k + 2}` } : { line: k + 1, column: 3 };
    findings.push({ type, confidence: c, level: c >= 0.8 ? 'high' : c >= 0.5 ? 'medium' : 'low', location, masked, fingerprint: `fp${i}_${k}` });
  }
  const labelled = i % 4 === 0;
  const out = {
    path,
    format: FORMATS[i % 3][1],
    status: 'scanned',
    labels: labelled ? ['社外秘'] : [],
    labelled,
    risk: n ? Math.round(rand() * 100) / 100 : 0,
    sensitive: n > 4,
    findings,
    appi: { categories: n ? ['personal-information'] : [], specialCare: [], persons: n, roster: n > 6, breachReportable: n > 7 },
  };
  if (dropEvery > 0 && i % dropEvery === 1) out.notes = ['3 invalid bytes replaced (decoded as Shift_JIS)'];
  return out;
}

/**
 * Writes the report to `file`. Options: files (count), seed, findingsPer (default 8), skip (a function of
 * the index: leave that file out — a "previous" report with some files gone), notesEvery (every Nth file
 * gets a decoding note; 0: none). Resolves to { files, findings } written.
 */
export async function writeSyntheticReport(file, { files = 10_000, seed = 7, findingsPer = 8, skip = () => false, notesEvery = 0 } = {}) {
  const rand = mulberry32(seed);
  const out = createWriteStream(file);
  const write = async (text) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('{"tool":{"name":"jpii","version":"0.1.0"},"files":[');
  // The report is sorted by path, as a scan writes it; the random stream follows that order.
  const order = Array.from({ length: files }, (_, i) => i).sort((a, b) => (pathOf(a, files) < pathOf(b, files) ? -1 : 1));
  let written = 0;
  let findings = 0;
  for (const i of order) {
    const e = entry(i, files, rand, findingsPer, notesEvery);
    // Drawn before skipping, so a file has the same content in a report with some files left out.
    if (skip(i)) continue;
    findings += e.findings.length;
    await write(`${written++ === 0 ? '' : ','}\n${JSON.stringify(e)}`);
  }
  await write('\n],"summary":{}}\n');
  out.end();
  await once(out, 'finish');
  return { files: written, findings };
}
