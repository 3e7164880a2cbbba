#!/usr/bin/env node
/**
 * html-open-time — how long an HTML report takes to open in headless Chromium, and whether it logs errors.
 * Usage: node scripts/html-open-time.js REPORT.html [--runs N]   (CHROME_PATH or /usr/bin/chromium)
 * Prints, per run: milliseconds from navigation start to the file table drawn (`body[data-ready]`, set by the
 * page's script after its first render), to the load event, and the console errors / failed requests seen.
 * Also the renderer's main-thread busy time (CDP Performance.getMetrics: TaskDuration, ScriptDuration,
 * LayoutDuration): on a loaded machine wall-clock time mostly measures the wait for a CPU, busy time does not.
 * A fresh browser page per run, so nothing is cached between runs. Dev tool: needs puppeteer-core.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch } from 'puppeteer-core';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const runs = Number(args[args.indexOf('--runs') + 1] ?? 3) || 3;
if (!file) {
  console.error('usage: node scripts/html-open-time.js REPORT.html [--runs N]');
  process.exit(2);
}
const chrome = process.env.CHROME_PATH ?? ['/usr/bin/chromium', '/usr/bin/google-chrome'].find((p) => existsSync(p));
if (!chrome) {
  console.error('no Chromium: set CHROME_PATH');
  process.exit(2);
}

const browser = await launch({ executablePath: chrome, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
try {
  const url = pathToFileURL(resolve(file)).href;
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage();
    const problems = [];
    page.on('console', (m) => (m.type() === 'error' ? problems.push(m.text()) : undefined));
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await page.waitForSelector('body[data-ready="1"]', { timeout: 120_000 });
    const t = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return { ready: Number(document.body.getAttribute("data-ready-at") ?? NaN), load: nav ? nav.loadEventEnd : NaN, rows: document.querySelectorAll('#files-body tr').length };
    });
    // Main-thread busy time of the renderer: what the page costs, whatever else the machine is doing.
    const m = await page.metrics();
    const ms = (s) => `${Math.round((s ?? 0) * 1000)}`;
    console.log(
      `run ${i + 1}: table drawn ${t.ready.toFixed(0)} ms, load ${t.load.toFixed(0)} ms (wall clock); main thread busy ${ms(m.TaskDuration)} ms ` +
        `(script ${ms(m.ScriptDuration)}, layout ${ms(m.LayoutDuration)}, style ${ms(m.RecalcStyleDuration)}); rows ${t.rows}, errors ${problems.length}` +
        (problems.length ? `: ${problems.slice(0, 3).join(' | ')}` : ''),
    );
    await page.close();
  }
} finally {
  await browser.close();
}
