/**
 * The HTML report in a real browser (the system Chromium driven by puppeteer-core): it renders with no
 * console error and no request leaving the file, its overview numbers equal the JSON report of the same
 * scan, filtering and sorting the file table work, a file's findings show when it is selected, and file
 * names written to attack the page stay text. A screenshot is kept in test-artifacts/ (gitignored).
 * Skipped where no Chromium is found, except under CI (`apt-get install chromium`, or set CHROME_PATH).
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpii, REPO_ROOT, tempDir } from '../cli/run.js';
import { CHROMIUM_ARGS, findChromium } from './browser.js';

const chromium = findChromium();
if (!chromium && process.env.CI) throw new Error('no Chromium for the HTML report tests: apt-get install chromium, or set CHROME_PATH');

interface JsonFile {
  path: string;
  status: string;
  labelled: boolean;
  risk: number;
  findings: { type: string; masked: string; suppressed?: unknown }[];
}
interface JsonReport {
  files: JsonFile[];
  summary: { files: number; scanned: number; skipped: number; errors: number; findings: number; suppressed: number };
}

const HOSTILE = ['<img src=x onerror=alert(1)>.txt', '"><svg onload=alert(2)>.csv'];

let dir: string;
let cleanup: () => void;
let browser: Browser | undefined;
let page: Page;
let report: JsonReport;
/** The table as first drawn once every file is unpacked (default order: risk). */
let firstRows: string[];
const problems: string[] = [];

async function setup(): Promise<void> {
  ({ dir, cleanup } = tempDir('jpii-html-'));
  const share = join(dir, 'share');
  cpSync(join(REPO_ROOT, 'fixtures', 'documents'), join(share, 'documents'), { recursive: true });
  mkdirSync(join(share, '人事'), { recursive: true });
  for (let i = 0; i < 330; i++) writeFileSync(join(share, '人事', `社員${String(i).padStart(3, '0')}.txt`), i % 3 ? `氏名: 見本 太郎\nTEL 03-1234-${String(5600 + i)}\n` : '議事録のみ\n');
  for (const name of HOSTILE) writeFileSync(join(share, name), 'TEL 090-1234-5678\n');
  const r = await jpii(['scan', 'share', '-f', 'json', '-o', 'r.json', '--report', 'html=r.html', '--fail-on', 'never', '--no-progress', '--lang', 'en'], dir);
  expect(r.code).toBe(0);
  report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as JsonReport;
  const { launch } = await import('puppeteer-core');
  browser = await launch({ executablePath: chromium!, headless: true, args: CHROMIUM_ARGS });
  page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 1000 });
  await page.setRequestInterception(true);
  const own = pathToFileURL(join(dir, 'r.html')).href;
  page.on('request', (req) => {
    if (req.url() === own) return void req.continue();
    problems.push(`request: ${req.url()}`);
    void req.abort();
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warn') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${String(e)}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(own, { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready="1"]', { timeout: 10_000 });
  firstRows = await page.$$eval('#files-body tr td.path', (tds) => tds.map((td) => td.textContent ?? ''));
}

const cards = (): Promise<Record<string, string>> =>
  page.$$eval('[data-k]', (els) => Object.fromEntries(els.map((e) => [(e as HTMLElement).dataset.k ?? '', e.textContent ?? ''])));
const tablePaths = (): Promise<string[]> => page.$$eval('#files-body tr td.path', (tds) => tds.map((td) => td.textContent ?? ''));
const countText = (): Promise<string> => page.$eval('#files-count', (e) => e.textContent ?? '');
const num = (s: string | undefined): number => Number((s ?? '').replace(/,/g, ''));
const personal = (f: JsonFile): boolean => f.findings.some((x) => !x.suppressed && x.type !== 'unlabelled-sensitive-file');

beforeAll(async () => {
  if (chromium) await setup();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  cleanup?.();
});

describe.skipIf(!chromium)('HTML report in Chromium', () => {
  it('renders without console errors, requests or dialogs', () => {
    expect(problems).toEqual([]);
  });

  it('shows the JSON report’s numbers in the overview', async () => {
    const c = await cards();
    const s = report.summary;
    expect([c.files, c.scanned, c.notExamined, c.findings, c.suppressed].map(num)).toEqual([s.files, s.scanned, s.skipped + s.errors, s.findings, s.suppressed]);
    expect(num(c.withFindings)).toBe(report.files.filter(personal).length);
    expect(num(c.unlabelledPersonal)).toBe(report.files.filter((f) => personal(f) && !f.labelled).length);
    expect(num(c.unlabelledSensitive)).toBe(report.files.filter((f) => f.findings.some((x) => x.type === 'unlabelled-sensitive-file')).length);
    expect(s.files).toBeGreaterThan(150);
  });

  it('pages the file table: 100 rows of all files', async () => {
    expect((await tablePaths()).length).toBe(100);
    expect(await countText()).toBe(`1–100 of ${report.files.length}`);
  });

  it('filters by path and by "personal data without label"', async () => {
    await page.type('#f-q', '社員00');
    expect(new Set(await tablePaths())).toEqual(new Set(report.files.map((f) => f.path).filter((p) => p.includes('社員00'))));
    await page.$eval('#f-q', (e) => ((e as HTMLInputElement).value = ''));
    await page.type('#f-q', '人事');
    await page.click('#f-unlabelled');
    const expected = report.files.filter((f) => f.path.includes('人事') && personal(f) && !f.labelled).length;
    expect(await countText()).toBe(`1–${Math.min(100, expected)} of ${expected}`);
    await page.click('#f-unlabelled');
  });

  it('sorts by path, both ways', async () => {
    await page.click('#files th[data-sort="p"]');
    const paths = report.files.map((f) => f.path).filter((p) => p.includes('人事')).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(await tablePaths()).toEqual(paths.slice(0, 100));
    await page.click('#files th[data-sort="p"]');
    expect(await tablePaths()).toEqual([...paths].reverse().slice(0, 100));
  });

  it('shows a file’s masked findings when its row is selected', async () => {
    // One file of the embedded first page (its findings come with it), one beyond it (unpacked on selection).
    const onFirst = report.files.find((f) => firstRows.includes(f.path) && f.path.includes('社員') && f.findings.some((x) => x.type === 'phone'));
    const beyond = report.files.find((f) => !firstRows.includes(f.path) && f.path.includes('社員') && f.findings.some((x) => x.type === 'phone'));
    for (const file of [onFirst, beyond]) {
      if (!file) throw new Error('fixture: no such file');
      await page.$eval('#f-q', (e) => ((e as HTMLInputElement).value = ''));
      await page.type('#f-q', file.path.split('/').pop()!);
      await page.click('#files-body tr');
      await page.waitForSelector(`#detail[data-file="${file.path}"]`, { timeout: 10_000 });
      const detail = await page.$eval('#detail', (e) => e.textContent ?? '');
      expect(detail).toContain(file.findings.find((x) => x.type === 'phone')?.masked);
      expect(detail).not.toMatch(/03-1234-5\d{3}/);
    }
  });

  it('keeps hostile file names as text', async () => {
    await page.$eval('#f-q', (e) => ((e as HTMLInputElement).value = ''));
    await page.type('#f-q', 'onerror');
    expect(await tablePaths()).toEqual([`share/${HOSTILE[0]}`]);
    expect(await page.$$('#files-body img, #files-body svg, #risky-files img, #risky-files svg')).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('draws the overview and the first page from the embedded rows, before (here: without) unpacking', async () => {
    const bare = await browser!.newPage();
    const seen: string[] = [];
    bare.on('pageerror', (e) => seen.push(String(e)));
    bare.on('console', (m) => (m.type() === 'error' ? seen.push(m.text()) : undefined));
    // A browser that cannot unpack: whatever the table shows comes from the plainly embedded first page.
    await bare.evaluateOnNewDocument(() => {
      delete (window as { DecompressionStream?: unknown }).DecompressionStream;
    });
    await bare.goto(pathToFileURL(join(dir, 'r.html')).href, { waitUntil: 'load' });
    await bare.waitForSelector('body[data-first="1"]', { timeout: 10_000 });
    expect(await bare.$$eval('#files-body tr td.path', (tds) => tds.map((td) => td.textContent ?? ''))).toEqual(firstRows);
    expect(firstRows.length).toBe(100);
    expect(await bare.$eval('body', (b) => b.hasAttribute('data-ready'))).toBe(false);
    expect(await bare.$eval('#f-q', (e) => (e as HTMLInputElement).disabled)).toBe(true);
    expect(await bare.$eval('#next', (e) => (e as HTMLButtonElement).disabled)).toBe(true);
    const c = await bare.$$eval('[data-k]', (els) => Object.fromEntries(els.map((e) => [(e as HTMLElement).dataset.k ?? '', e.textContent ?? ''])));
    expect(num(c.files)).toBe(report.summary.files);
    await bare.click('#files-body tr');
    expect(await bare.$eval('#detail h3', (e) => e.textContent)).toBe(firstRows[0]);
    expect(seen).toEqual([]);
    await bare.close();
  });

  it('compares with a previous report: change cards, a change column and a filter on it', async () => {
    // The previous scan lacked every fifth file of 人事 (new now); nothing else changed.
    const dropped = report.files.filter((f, i) => f.path.includes('人事') && i % 5 === 0).map((f) => f.path);
    const previous = { ...report, files: report.files.filter((f) => !dropped.includes(f.path)) };
    writeFileSync(join(dir, 'prev.json'), JSON.stringify(previous));
    const r = await jpii(['report', 'r.json', '--previous', 'prev.json', '-o', 'c.html', '--lang', 'en'], dir);
    expect(r.code).toBe(0);
    const cmp = await browser!.newPage();
    const seen: string[] = [];
    cmp.on('pageerror', (e) => seen.push(String(e)));
    cmp.on('console', (m) => (m.type() === 'error' ? seen.push(m.text()) : undefined));
    await cmp.goto(pathToFileURL(join(dir, 'c.html')).href, { waitUntil: 'load' });
    await cmp.waitForSelector('body[data-ready="1"]', { timeout: 10_000 });
    const c = await cmp.$$eval('[data-c]', (els) => Object.fromEntries(els.map((e) => [(e as HTMLElement).dataset.c ?? '', e.textContent ?? ''])));
    expect([c.newFiles, c.goneFiles, c.more, c.fewer].map(num)).toEqual([dropped.length, 0, 0, 0]);
    await cmp.click('#f-changed');
    const paths = await cmp.$$eval('#files-body tr td.path', (tds) => tds.map((td) => td.textContent ?? ''));
    expect(new Set(paths)).toEqual(new Set(dropped.slice(0, 100)));
    expect(await cmp.$eval('#files-count', (e) => e.textContent)).toBe(`1–${Math.min(100, dropped.length)} of ${dropped.length}`);
    expect(new Set(await cmp.$$eval('#files-body tr td:last-child', (tds) => tds.map((td) => td.textContent)))).toEqual(new Set(['new']));
    expect(seen).toEqual([]);
    await cmp.close();
  });

  it('leaves a screenshot', async () => {
    await page.$eval('#f-q', (e) => ((e as HTMLInputElement).value = ''));
    await page.type('#f-q', 'share');
    await page.click('#files-body tr');
    const out = join(REPO_ROOT, 'test-artifacts');
    mkdirSync(out, { recursive: true });
    await page.screenshot({ path: join(out, 'html-report.png'), fullPage: true });
    expect(readFileSync(join(out, 'html-report.png')).subarray(1, 4).toString()).toBe('PNG');
  });
});
