#!/usr/bin/env node
/**
 * html-open-time — how long an HTML report takes to open in headless Chromium, and whether it logs errors.
 *
 *   node scripts/html-open-time.js REPORT.html [--runs N]
 *   node scripts/html-open-time.js --files 10000 [--runs N] [--against DIR] [--dir DIR]
 *
 * With --files N it first writes a synthetic JSON report of N files (scripts/lib/synthetic-report.js, seed 7)
 * and renders it with `jpii report -f html` of this checkout (and of DIR/bin/jpii.js with --against, the runs
 * then alternate A/B); the files go to --dir (default $TMPDIR/jpii-html-open).
 * Per run it prints the load average and, in milliseconds from navigation start (wall clock):
 *   overview  — the overview cards painted (Element Timing of `elementtiming="overview"`; "-" where absent),
 *   first     — the table's first page drawn (`body[data-first-at]`, set by the page's script),
 *   ready     — every file unpacked, filters and sorting usable (`body[data-ready-at]`),
 *   load      — the load event,
 * the renderer's main-thread busy time (CDP metrics: on a loaded machine wall clock mostly measures the wait
 * for a CPU, busy time does not), rows drawn, and console errors / failed requests (must be 0).
 * A fresh page per run, nothing cached in between. Needs puppeteer-core and CHROME_PATH or /usr/bin/chromium.
 * Never asserts a time: it measures.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launch } from 'puppeteer-core';
import { writeSyntheticReport } from './lib/synthetic-report.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const runs = Number(opt('--runs', 3)) || 3;
const fileCount = Number(opt('--files', 0));
const against = opt('--against', undefined);
const given = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!given && !fileCount) {
  console.error('usage: node scripts/html-open-time.js REPORT.html [--runs N] | --files N [--runs N] [--against DIR] [--dir DIR]');
  process.exit(2);
}
const chrome = process.env.CHROME_PATH ?? ['/usr/bin/chromium', '/usr/bin/google-chrome'].find((p) => existsSync(p));
if (!chrome) {
  console.error('no Chromium: set CHROME_PATH');
  process.exit(2);
}

/** The pages to open: the one given, or the synthetic report rendered by this checkout (and DIR's). */
async function pages() {
  if (given) return [{ name: 'page', file: resolve(given) }];
  const dir = resolve(opt('--dir', join(tmpdir(), 'jpii-html-open')));
  mkdirSync(dir, { recursive: true });
  const json = join(dir, `synthetic-${fileCount}.json`);
  if (!existsSync(json)) console.log(`wrote ${json}: ${JSON.stringify(await writeSyntheticReport(json, { files: fileCount }))}`);
  const builds = [{ name: 'this', root: REPO }, ...(against ? [{ name: 'against', root: resolve(against) }] : [])];
  return builds.map(({ name, root }) => {
    const file = join(dir, `synthetic-${fileCount}.${name}.html`);
    execFileSync(process.execPath, [join(root, 'bin', 'jpii.js'), 'report', json, '-f', 'html', '-o', file, '--lang', 'en'], { stdio: 'inherit' });
    console.log(`${name}: ${file} (${(statSync(file).size / 1e6).toFixed(2)} MB, rendered by ${root})`);
    return { name, file };
  });
}

/** Element Timing entries of the page, collected from the start (injected by CDP, so the page's CSP allows it). */
function watchPaint() {
  window.__paint = {};
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__paint[e.identifier] = e.renderTime || e.loadTime;
  }).observe({ type: 'element', buffered: true });
}

async function openOnce(browser, file) {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => (m.type() === 'error' ? problems.push(m.text()) : undefined));
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  await page.evaluateOnNewDocument(watchPaint);
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForSelector('body[data-ready="1"]', { timeout: 120_000 });
  const t = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const at = (name) => Number(document.body.getAttribute(`data-${name}-at`) ?? NaN);
    return { overview: window.__paint?.overview ?? NaN, first: at('first'), ready: at('ready'), load: nav ? nav.loadEventEnd : NaN, rows: document.querySelectorAll('#files-body tr').length };
  });
  const m = await page.metrics();
  await page.close();
  return { ...t, busy: (m.TaskDuration ?? 0) * 1000, script: (m.ScriptDuration ?? 0) * 1000, problems };
}

const ms = (n) => (Number.isFinite(n) ? String(Math.round(n)).padStart(5) : '    -');
const list = await pages();
const browser = await launch({ executablePath: chrome, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
try {
  console.log('run  build    load-avg  overview  first  ready   load   busy script rows errors');
  for (let i = 0; i < runs; i++) {
    for (const { name, file } of list) {
      const r = await openOnce(browser, file);
      const avg = loadavg()[0].toFixed(1).padStart(6);
      console.log(
        `${String(i + 1).padStart(3)}  ${name.padEnd(8)} ${avg}     ${ms(r.overview)} ${ms(r.first)} ${ms(r.ready)} ${ms(r.load)} ${ms(r.busy)} ${ms(r.script)} ${String(r.rows).padStart(4)} ${r.problems.length}` +
          (r.problems.length ? `  ${r.problems.slice(0, 3).join(' | ')}` : ''),
      );
    }
  }
} finally {
  await browser.close();
}
