#!/usr/bin/env node
/**
 * bench — `npm run bench`: jpii against ripgrep (and secretlint when installed) on a deterministic corpus.
 * Input: options below; the corpus comes from scripts/bench-corpus.js, outside the repo. Output: a table on
 * stdout (workload, tool, median wall, MB/s, files/s, median CPU seconds and minor page faults, peak RSS, ratio to
 * ripgrep), or JSON with --json;
 * --profile adds the top self-time functions of jpii on the big file (node --cpu-prof, every thread).
 * Never installs anything (a missing peer is reported "not installed"), never asserts a timing, never
 * writes inside the repo: reports and profiles go to DIR/out.
 *
 *   node scripts/bench.js [--dir DIR] [--runs 3] [--jobs N] [--only big,small,sjis,office,tree] [--office]
 *                         [--tree] [--tree-files 1000000]
 *                         [--big-mb 64] [--timeout 300] [--json] [--profile] [--against DIR] [--jpii-only]
 *                         [--all-findings]
 * --against DIR runs another built jpii checkout (DIR/bin/jpii.js) as tool `jpii@base`, alternating with this
 * one, and says whether their reports are byte-identical: the way to measure a change on a machine whose
 * speed drifts; reports that differ are compared by their counts (findings and byType). --jpii-only leaves
 * ripgrep and secretlint out (quicker A/B runs). --all-findings makes this build list every occurrence.
 * --profile profiles the first workload chosen (the big file by default).
 * A run past --timeout seconds is killed with its whole process group and the tool's remaining runs on that
 * workload are skipped; the table then shows the timeout as a lower bound.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDir, ensureCorpus, WORKLOADS } from './bench-corpus.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const JPII = join(REPO, 'bin', 'jpii.js');
const TIME = '/usr/bin/time';
const TIMEOUT = '/usr/bin/timeout';
const MiB = 1024 * 1024;

/**
 * The six candidate patterns a Japanese PII scanner must look for (issue 5), as ripgrep sees them: 12/13-digit
 * runs (My Number, corporate number), card-shaped, two phone shapes, postal shapes, e-mail. ASCII digits only.
 */
export const RG_PATTERNS = [
  '[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{4,5}',
  '[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{2,4}',
  '0[5789]0[ -]?[0-9]{4}[ -]?[0-9]{4}',
  '0[1-9][0-9]{0,3}[-(][0-9]{1,4}[-)][0-9]{4}',
  '〒 ?[0-9]{3}-?[0-9]{4}|[0-9]{3}-[0-9]{4}',
  '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+',
];

function parseArgs(argv) {
  const o = { dir: defaultDir(), runs: 3, jobs: availableParallelism?.() ?? cpus().length, only: null, office: false, tree: false, treeFiles: 1_000_000, bigMb: 64, timeout: 300, json: false, profile: false, against: null, peers: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => { const v = argv[++i]; if (v === undefined) throw new Error(`${a} needs a value`); return v; };
    if (a === '--dir') o.dir = resolve(next());
    else if (a === '--runs') o.runs = positive(a, next());
    else if (a === '--jobs') o.jobs = positive(a, next());
    else if (a === '--big-mb') o.bigMb = positive(a, next());
    else if (a === '--timeout') o.timeout = positive(a, next());
    else if (a === '--only') o.only = next().split(',').map((s) => s.trim()).filter(Boolean);
    else if (a === '--office') o.office = true;
    else if (a === '--tree') o.tree = true;
    else if (a === '--tree-files') o.treeFiles = positive(a, next());
    else if (a === '--json') o.json = true;
    else if (a === '--profile') o.profile = true;
    else if (a === '--against') o.against = resolve(next());
    else if (a === '--jpii-only') o.peers = false;
    else if (a === '--all-findings') o.allFindings = true;
    else if (a === '-h' || a === '--help') { console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]); process.exit(0); }
    else throw new Error(`unknown option ${a}`);
  }
  if (o.against && !existsSync(join(o.against, 'dist', 'cli.js'))) throw new Error(`--against: no built jpii in ${o.against} (run 'npm ci' or 'npm run build' there)`);
  o.workloads = o.only ?? WORKLOADS.filter((w) => (w !== 'office' || o.office) && (w !== 'tree' || o.tree));
  for (const w of o.workloads) if (!WORKLOADS.includes(w)) throw new Error(`--only: unknown workload '${w}' (known: ${WORKLOADS.join(', ')})`);
  return o;
}
function positive(name, v) {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name}: '${v}' is not a positive integer`);
  return n;
}

// ---------------------------------------------------------------- tools
const firstLine = (cmd, args) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 60_000 });
  return r.status === 0 ? (r.stdout || r.stderr).split('\n')[0].trim() : null;
};
/** Peers are used only when already installed: this script never installs anything. */
function detectTools() {
  const rg = firstLine('rg', ['--version']);
  const local = join(REPO, 'node_modules', '.bin', 'secretlint');
  const secretlint = firstLine('npx', ['--no-install', 'secretlint', '--version']);
  return {
    rg,
    secretlint: secretlint ? { version: secretlint, cmd: existsSync(local) ? [local] : ['npx', '--no-install', 'secretlint'] } : null,
    time: existsSync(TIME),
    timeout: existsSync(TIMEOUT),
  };
}

function commandsFor(workload, root, o, tools, outDir) {
  const maxSize = workload === 'big' && o.bigMb > 90 ? ['--max-file-size', `${o.bigMb * 2}MB`] : [];
  const jpii = (bin, report) => [process.execPath, bin, 'scan', root, '--format', 'json', '-o', join(outDir, report), '--no-progress', '--jobs', String(o.jobs), ...maxSize];
  // --all-findings goes to this build only: a build before issue 13 lists every occurrence anyway.
  const cmds = [{ tool: 'jpii', cmd: [...jpii(JPII, `${workload}.json`), ...(o.allFindings ? ['--all-findings'] : [])] }];
  if (o.against) cmds.push({ tool: 'jpii@base', cmd: jpii(join(o.against, 'bin', 'jpii.js'), `${workload}.base.json`) });
  if (!o.peers) return cmds;
  // ripgrep reads compressed office containers as opaque bytes: no comparable work, so no peer there.
  if (tools.rg && workload !== 'office') {
    cmds.push({ tool: 'rg', cmd: ['rg', '--count', '--no-ignore', '--no-messages', '-j', String(o.jobs), ...RG_PATTERNS.flatMap((p) => ['-e', p]), root] });
  }
  // secretlint needs a config naming its rules: its recommended preset (installed beside it). Like ripgrep,
  // it would read office containers as compressed bytes, so it is no peer there either.
  if (tools.secretlint && workload !== 'office') {
    const rc = join(outDir, 'secretlintrc.json');
    writeFileSync(rc, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
    cmds.push({ tool: 'secretlint', cmd: [...tools.secretlint.cmd, '--secretlintrc', rc, `${root}/**/*`] });
  }
  return cmds;
}

/**
 * One timed run: wall from process.hrtime around spawnSync; from GNU time, peak RSS (%M, KiB), CPU seconds
 * (user %U + system %S, every thread) and minor page faults (%R: on a VM each can cost microseconds,
 * BENCHMARKS.md "Page faults"). CPU time drifts less than wall time here.
 */
function measure(cmd, tools, outDir, limitS) {
  const rssFile = join(outDir, 'rss.txt');
  rmSync(rssFile, { force: true });
  const timed = tools.time ? [TIME, '-f', '%M %U %S %R', '-o', rssFile, ...cmd] : cmd;
  // coreutils timeout signals its whole process group, so jpii's worker threads and children die with it
  const argv = tools.timeout ? [TIMEOUT, '--kill-after=5', String(limitS), ...timed] : timed;
  const start = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * MiB, timeout: tools.timeout ? 0 : limitS * 1000 });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  // GNU time writes "Command exited with non-zero status 1" first when jpii found something: the last line.
  const fields = tools.time && existsSync(rssFile) ? readFileSync(rssFile, 'utf8').trim().split('\n').pop().split(' ').map(Number) : [];
  const [rssKb = NaN, user = NaN, sys = NaN, faults = NaN] = fields;
  const timedOut = (tools.timeout && (r.status === 124 || r.status === 137)) || r.error?.code === 'ETIMEDOUT';
  // 0 = nothing found, 1 = found (jpii's --fail-on, ripgrep's and secretlint's "no match"); anything else failed
  const ok = !timedOut && (r.status === 0 || r.status === 1);
  const error = timedOut ? `timed out after ${limitS} s` : ok ? null : `exit ${r.status ?? r.signal}: ${String(r.stderr ?? '').trim().slice(-400)}`;
  return { wall, rssMb: timedOut ? NaN : rssKb / 1024, cpu: timedOut ? NaN : user + sys, faults: timedOut ? NaN : faults, ok, timedOut, error };
}

// ---------------------------------------------------------------- corpus facts
function treeStats(root) {
  const files = [];
  const walk = (d) => { for (const e of readdirSync(d, { withFileTypes: true })) { const p = join(d, e.name); if (e.isDirectory()) walk(p); else if (e.isFile()) files.push(p); } };
  walk(root);
  return { paths: files, files: files.length, bytes: files.reduce((s, p) => s + statSync(p).size, 0) };
}
/** One read of every file, so every tool's runs see the page cache warm. */
function warm(paths) { for (const p of paths) readFileSync(p); }
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

function jpiiSummary(file) {
  try {
    if (statSync(file).size > 512 * MiB) return null;
    const s = JSON.parse(readFileSync(file, 'utf8')).summary;
    return { findings: s.findings, scanned: s.scanned, skipped: s.skipped, errors: s.errors, byType: s.byType };
  } catch { return null; }
}

/** Findings and counts by type, keys sorted (two builds may meet the types in another order). */
function countsOf(s) {
  return s ? { findings: s.findings, byType: Object.fromEntries(Object.entries(s.byType ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) } : null;
}

/** Whether two files hold the same bytes, read 1 MiB at a time (a report can be hundreds of MB). */
function sameBytes(a, b) {
  if (!existsSync(a) || !existsSync(b) || statSync(a).size !== statSync(b).size) return false;
  const [fa, fb] = [openSync(a, 'r'), openSync(b, 'r')];
  try {
    const [ba, bb] = [Buffer.alloc(MiB), Buffer.alloc(MiB)];
    for (let n = readSync(fa, ba); n > 0; n = readSync(fa, ba)) if (readSync(fb, bb, 0, n) !== n || !ba.subarray(0, n).equals(bb.subarray(0, n))) return false;
    return true;
  } finally {
    closeSync(fa);
    closeSync(fb);
  }
}

function benchWorkload(workload, root, o, tools, outDir, log) {
  const stats = treeStats(root);
  rmSync(join(outDir, `${workload}.json`), { force: true });
  warm(stats.paths);
  const cmds = commandsFor(workload, root, o, tools, outDir);
  const runs = new Map(cmds.map((c) => [c.tool, []]));
  for (let i = 0; i < o.runs; i++) {
    for (const c of cmds) { // alternating: jpii, rg, secretlint, jpii, rg, …
      if (runs.get(c.tool).some((m) => m.timedOut)) continue;
      const m = measure(c.cmd, tools, outDir, o.timeout);
      runs.get(c.tool).push(m);
      log(`  ${workload} run ${i + 1}/${o.runs} ${c.tool}: ${m.wall.toFixed(2)} s${m.ok ? '' : ` FAILED ${m.error}`}`);
    }
  }
  const rows = cmds.map((c) => {
    const ms = runs.get(c.tool);
    const wall = median(ms.map((m) => m.wall));
    const rss = Math.max(...ms.map((m) => m.rssMb).filter(Number.isFinite));
    const cpu = median(ms.map((m) => m.cpu).filter(Number.isFinite));
    const faults = median(ms.map((m) => m.faults).filter(Number.isFinite));
    const timedOut = ms.some((m) => m.timedOut);
    return { workload, tool: c.tool, timedOut, files: stats.files, bytes: stats.bytes, runs: ms.map((m) => +m.wall.toFixed(3)), medianS: +wall.toFixed(3),
      mbPerS: +(stats.bytes / MiB / wall).toFixed(1), filesPerS: +(stats.files / wall).toFixed(stats.files / wall < 100 ? 2 : 0), peakRssMb: Number.isFinite(rss) ? +rss.toFixed(0) : null,
      cpuS: Number.isFinite(cpu) ? +cpu.toFixed(2) : null, cpuRuns: ms.map((m) => (Number.isFinite(m.cpu) ? +m.cpu.toFixed(2) : null)), pageFaults: Number.isFinite(faults) ? faults : null,
      failed: ms.filter((m) => !m.ok).length, error: ms.find((m) => !m.ok)?.error ?? null, command: c.cmd.join(' ') };
  });
  const rg = rows.find((r) => r.tool === 'rg');
  for (const r of rows) r.vsRg = rg ? +(r.medianS / rg.medianS).toFixed(1) : null;
  const jpii = rows.find((r) => r.tool === 'jpii');
  if (jpii) jpii.report = jpiiSummary(join(outDir, `${workload}.json`));
  const base = rows.find((r) => r.tool === 'jpii@base');
  if (base) {
    base.sameReport = sameBytes(join(outDir, `${workload}.json`), join(outDir, `${workload}.base.json`));
    // Listing (issue 13) changes the bytes but never a count: compare the summaries too.
    base.report = jpiiSummary(join(outDir, `${workload}.base.json`));
    base.sameCounts = JSON.stringify(countsOf(jpii?.report)) === JSON.stringify(countsOf(base.report));
  }
  if (jpii) jpii.reportBytes = existsSync(join(outDir, `${workload}.json`)) ? statSync(join(outDir, `${workload}.json`)).size : null;
  if (base) base.reportBytes = existsSync(join(outDir, `${workload}.base.json`)) ? statSync(join(outDir, `${workload}.base.json`)).size : null;
  return rows;
}

// ---------------------------------------------------------------- profile (node --cpu-prof, every thread)
function profile(root, o, outDir) {
  const dir = join(outDir, 'profile');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const cmd = [process.execPath, '--cpu-prof', '--cpu-prof-dir', dir, JPII, 'scan', root, '--format', 'json', '-o', '/dev/null', '--no-progress', '--jobs', String(o.jobs)];
  const r = spawnSync(cmd[0], cmd.slice(1), { stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0 && r.status !== 1) throw new Error(`profile run failed: ${r.stderr}`);
  return { command: cmd.join(' '), ...summarizeProfiles(dir) };
}

/** Self time per function over every .cpuprofile in `dir` (main thread and workers), idle excluded. */
export function summarizeProfiles(dir, top = 15) {
  const self = new Map();
  const areas = new Map(); // the same time by file (or RegExp, GC, node internals): where to look first
  let total = 0;
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  for (const f of files) {
    const p = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    const byId = new Map(p.nodes.map((n) => [n.id, n.callFrame]));
    p.samples.forEach((id, i) => {
      const cf = byId.get(id);
      if (!cf || cf.functionName === '(idle)') return;
      const where = cf.url ? `${cf.url.replace(`file://${REPO}/`, '').replace(/^.*node_modules\//, 'node_modules/')}:${cf.lineNumber + 1}:${cf.columnNumber + 1}` : '';
      const key = `${cf.functionName || '(anonymous)'} ${where}`.trim();
      const us = p.timeDeltas[i] ?? 0;
      self.set(key, (self.get(key) ?? 0) + us);
      const area = cf.functionName.startsWith('RegExp:') ? 'RegExp (all patterns)' : !cf.url || cf.url.startsWith('node:') ? (cf.functionName.startsWith('(') ? cf.functionName : 'node internals') : where.replace(/:\d+:\d+$/, '');
      areas.set(area, (areas.get(area) ?? 0) + us);
      total += us;
    });
  }
  const rank = (m, n) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n)
    .map(([fn, us]) => ({ fn, selfMs: +(us / 1000).toFixed(0), pct: +((100 * us) / total).toFixed(1) }));
  return { threads: files.length, totalMs: +(total / 1000).toFixed(0), hot: rank(self, top), areas: rank(areas, 10) };
}

// ---------------------------------------------------------------- output
function table(rows) {
  const head = ['workload', 'tool', 'files', 'MiB', 'median s', 'MB/s', 'files/s', 'CPU s', 'faults', 'peak RSS MB', '÷ rg'];
  const gt = (r) => (r.timedOut ? '>' : ''); // a timed-out run is a lower bound on the time
  const lt = (r) => (r.timedOut ? '<' : '');
  const body = rows.map((r) => [r.workload, r.tool, String(r.files), (r.bytes / MiB).toFixed(1), `${gt(r)}${r.medianS.toFixed(2)}`, `${lt(r)}${r.mbPerS.toFixed(1)}`,
    `${lt(r)}${r.filesPerS}`, r.cpuS === null ? 'n/a' : r.cpuS.toFixed(2), r.pageFaults === null ? 'n/a' : String(r.pageFaults),
    r.peakRssMb === null ? 'n/a' : String(r.peakRssMb), r.vsRg === null ? '—' : `${gt(r)}${r.vsRg.toFixed(1)}×`]);
  const w = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => (i < 2 ? c.padEnd(w[i]) : c.padStart(w[i]))).join(' | ')} |`;
  return [line(head), `|${w.map((n, i) => (i < 2 ? `${'-'.repeat(n + 1)}-` : `${'-'.repeat(n + 1)}:`)).join('|')}|`, ...body.map(line)].join('\n');
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const log = (m) => process.stderr.write(`${m}\n`);
  if (!existsSync(join(REPO, 'dist', 'cli.js'))) throw new Error("jpii is not built: run 'npm run build' first");
  const tools = detectTools();
  const dirs = await ensureCorpus({ dir: o.dir, workloads: o.workloads, params: { bigMb: o.bigMb, treeFiles: o.treeFiles }, log });
  const outDir = join(o.dir, 'out');
  mkdirSync(outDir, { recursive: true });
  const env = { date: new Date().toISOString(), cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '?', ramGiB: +(totalmem() / 1024 ** 3).toFixed(1),
    node: process.version, rg: tools.rg ?? 'not installed', secretlint: tools.secretlint?.version ?? 'not installed', peakRss: tools.time ? TIME : 'n/a',
    jobs: o.jobs, runs: o.runs, dir: o.dir };
  log(`jpii bench: ${o.workloads.join(', ')}; ${o.runs} runs; --jobs ${o.jobs}; rg: ${env.rg}; secretlint: ${env.secretlint}`);
  const rows = [];
  for (const w of o.workloads) rows.push(...benchWorkload(w, dirs[w], o, tools, outDir, log));
  let prof = null;
  if (o.profile) {
    const first = o.only?.[0] ?? 'big';
    const root = (await ensureCorpus({ dir: o.dir, workloads: [first], params: { bigMb: o.bigMb } }))[first];
    log(`profiling jpii on ${first} …`);
    prof = profile(root, o, outDir);
  }
  if (o.json) { console.log(JSON.stringify({ env, rows, profile: prof }, null, 2)); return; }
  console.log(`jpii bench — ${env.date}; ${env.cpus} × ${env.cpuModel}, ${env.ramGiB} GiB, node ${env.node}; --jobs ${o.jobs}; median of ${o.runs}`);
  console.log(`ripgrep: ${env.rg}; secretlint: ${env.secretlint}; CPU s (user + system), minor page faults, peak RSS: ${tools.time ? 'GNU time %U %S %R %M' : 'n/a'}\n`);
  console.log(table(rows));
  for (const r of rows.filter((x) => x.report)) {
    const s = r.report;
    const types = Object.entries(s.byType ?? {}).map(([t, n]) => `${t} ${n}`).join(', ');
    console.log(`jpii ${r.workload}: ${s.scanned} scanned, ${s.skipped} skipped, ${s.errors} errors; ${s.findings} findings (${types})`);
  }
  for (const r of rows.filter((x) => x.tool === 'jpii@base')) {
    const ours = rows.find((x) => x.workload === r.workload && x.tool === 'jpii');
    const sorted = (x) => [...x.runs].sort((p, q) => p - q).map((t) => t.toFixed(2)).join(' ');
    const size = (x) => (x.reportBytes == null ? '?' : `${(x.reportBytes / MiB).toFixed(2)} MiB`);
    const cpu = (x) => (x.cpuS === null ? '' : `CPU ${x.cpuS} s, `);
    console.log(`${r.workload}: this build ${sorted(ours)} s (${cpu(ours)}peak ${ours.peakRssMb} MB, report ${size(ours)}) against ${o.against} ${sorted(r)} s (${cpu(r)}peak ${r.peakRssMb} MB, report ${size(r)}); reports ${r.sameReport ? 'byte-identical' : `differ, counts ${r.sameCounts ? 'the same' : 'DIFFER'}`}`);
  }
  for (const r of rows.filter((x) => x.failed)) console.log(`FAILED ${r.workload}/${r.tool} (${r.failed} runs): ${r.error}`);
  if (prof) {
    console.log(`\nprofile (${prof.threads} threads, ${prof.totalMs} ms on CPU, idle excluded): top self time`);
    const show = (h) => console.log(`${String(h.selfMs).padStart(7)} ms ${h.pct.toFixed(1).padStart(5)}%  ${h.fn.length > 140 ? `${h.fn.slice(0, 137)}...` : h.fn}`);
    prof.hot.forEach(show);
    console.log('by area:');
    prof.areas.forEach(show);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    process.stderr.write(`bench: ${error.message}\n`);
    process.exitCode = 2;
  });
}
