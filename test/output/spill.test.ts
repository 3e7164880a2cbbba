/**
 * Spilled report sections give back exactly what was written (across the memory limit and UTF-8 chunk
 * boundaries), in private temporary files that are gone afterwards; a report written through them is
 * byte-identical to one rendered in memory.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ReportOutput } from '../../src/output/report-files.js';
import { Spill, type SpillFs } from '../../src/output/spill.js';
import { BINARY_FORMATS, REPORT_FORMATS, renderBytes, renderReport, reportWriter } from '../../src/report/index.js';
import { linesOf } from '../../src/report/sections.js';
import type { FileResult, ScanResult, ScanSummary } from '../../src/model.js';
import type { ReportWriter } from '../../src/report/writer.js';
import { ensureBuilt, REPO_ROOT } from '../cli/run.js';
import { makeResult, RULES } from '../report/fixture.js';
import { readZipEntries } from '../report/zip.js';

const TEXT_FORMATS = REPORT_FORMATS.filter((f) => !BINARY_FORMATS.includes(f));

/** What ReportOutput writes of a finished report: every chunk as it comes (text encoded, kept bytes as they are). */
async function emitted(writer: ReportWriter, summary: ScanSummary): Promise<string> {
  const parts: Buffer[] = [];
  const stdout = { write: (chunk: string | Uint8Array) => parts.push(Buffer.from(chunk as string)) > 0, once: () => undefined };
  await ReportOutput.toStdout(writer).emit(summary, stdout);
  return Buffer.concat(parts).toString('utf8');
}

describe('Spill sections', () => {
  it('read back what was written, in order, from memory and disk alike, with nothing on disk by name', () => {
    withTmpdir((tmp) => {
      const spill = new Spill(100);
      const section = spill.sections();
      const pieces = Array.from({ length: 500 }, (_, i) => `${i}: 個人情報 ${'あ'.repeat(i % 7)}\n`);
      for (const p of pieces) section.write(p);
      expect(spill.spilled).toBe(1);
      // The file was removed once open: its data is reachable only through the section's descriptor.
      if (process.platform !== 'win32') expect(readdirSync(tmp)).toEqual([]);
      expect([...section.read()].join('')).toBe(pieces.join(''));
      spill.dispose();
      expect(readdirSync(tmp)).toEqual([]);
    });
  });

  it('leave no folder behind when the file cannot be made (the error is the writer\'s)', () => {
    withTmpdir((tmp) => {
      const spill = new Spill(10, refusing('open', 'EMFILE: too many open files'));
      const section = spill.sections();
      expect(() => section.write('x'.repeat(20))).toThrow(/EMFILE/);
      expect(readdirSync(tmp)).toEqual([]);
      spill.dispose();
    });
  });

  it('where an open file cannot be removed, keep it in a private folder until dispose', () => {
    withTmpdir((tmp) => {
      const spill = new Spill(100, refusing('remove', 'EPERM: cannot remove an open file'));
      const section = spill.sections();
      const pieces = Array.from({ length: 100 }, (_, i) => `${i}: 個人情報\n`);
      for (const p of pieces) section.write(p);
      expect(spill.folders.length).toBe(1);
      const folder = spill.folders[0] as string;
      expect(folder.startsWith(join(tmp, 'jpii-report-'))).toBe(true);
      const files = readdirSync(folder);
      expect(files.length).toBe(1);
      if (process.platform !== 'win32') expect(statSync(join(folder, files[0] as string)).mode & 0o777).toBe(0o600);
      expect([...section.read()].join('')).toBe(pieces.join(''));
      spill.dispose();
      expect(existsSync(folder)).toBe(false);
      expect(readdirSync(tmp)).toEqual([]);
    });
  });

  it('give what was written out as its bytes (chunks), what is still in memory as text', () => {
    const spill = new Spill(100);
    const section = spill.sections();
    const pieces = Array.from({ length: 50 }, (_, i) => `${i}: 個人情報\n`);
    for (const p of pieces) section.write(p);
    const chunks = [...section.chunks()];
    expect(chunks.some((c) => typeof c !== 'string')).toBe(true);
    expect(typeof chunks.at(-1)).toBe('string');
    const bytes = Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : Buffer.from(c))));
    expect(bytes.toString('utf8')).toBe(pieces.join(''));
    spill.dispose();
  });

  it('keep a multi-byte character whole when a read chunk ends inside it', () => {
    const spill = new Spill(10);
    const section = spill.sections();
    // 1 MiB read chunks: 'x' then 3-byte characters, so some chunk boundary falls mid-character.
    const text = `x${'漢'.repeat(800_000)}`;
    section.write(text);
    expect([...section.read()].join('')).toBe(text);
    spill.dispose();
  });

  it('stay in memory (no temporary file) below the limit', () => {
    const spill = new Spill();
    const section = spill.sections();
    section.write('a\nb');
    section.write('c\n');
    expect(spill.spilled).toBe(0);
    expect([...linesOf(section)]).toEqual(['a', 'bc']);
    spill.dispose();
  });
});

describe('a report written file by file through spilled sections', () => {
  it.each(BINARY_FORMATS)('%s holds the same sheets as the report made in memory (only its timestamps differ)', async (format) => {
    const result = makeResult();
    const options = { showValues: false, color: false, lang: 'ja' as const };
    const spill = new Spill(16);
    const streamed = await renderBytes(reportWriter(format, result.tool, RULES, options, spill.sections), result);
    expect(spill.spilled).toBeGreaterThan(0);
    spill.dispose();
    const entries = (zip: Buffer) => Object.entries(readZipEntries(zip)).filter(([name]) => name !== 'docProps/core.xml');
    expect(entries(streamed)).toEqual(entries(await renderBytes(reportWriter(format, result.tool, RULES, options), result)));
  });

  it.each(TEXT_FORMATS)('%s is identical to the report rendered in memory', async (format) => {
    const result = makeResult();
    const options = { showValues: false, color: false, lang: 'ja' as const, srcRoot: '/srv/share' };
    const spill = new Spill(16);
    const writer = reportWriter(format, result.tool, RULES, options, spill.sections);
    for (const file of result.files) writer.file(file);
    const streamed = await emitted(writer, result.summary);
    expect(spill.spilled).toBeGreaterThan(0);
    spill.dispose();
    expect(streamed).toBe(renderReport(format, result, RULES, options));
  });
});

describe('a file with thousands of findings (a big log)', () => {
  const result = makeResult();
  const first = result.files.find((f) => f.findings.length > 1) as FileResult;
  const many: FileResult = { ...first, path: 'logs/big.log', findings: Array.from({ length: 3000 }, (_, i) => ({ ...first.findings[i % first.findings.length]!, fingerprint: `fp${i}` })) };
  const big: ScanResult = { ...result, files: [...result.files, many] };

  it.each(TEXT_FORMATS)('%s: written finding by finding, the same as rendered in memory', async (format) => {
    const options = { showValues: true, color: false };
    const spill = new Spill(64);
    const writer = reportWriter(format, big.tool, RULES, options, spill.sections);
    for (const file of big.files) writer.file(file);
    const streamed = await emitted(writer, big.summary);
    spill.dispose();
    expect(streamed).toBe(renderReport(format, big, RULES, options));
    if (format === 'json' || format === 'sarif') expect(streamed).toBe(`${JSON.stringify(JSON.parse(streamed), null, 2)}\n`);
  });
});

describe('an interrupted scan', () => {
  /** A process that spills a section (in its own TMPDIR), prints `ready`, and waits to be stopped. */
  function spilling(tmp: string, removable: boolean): ReturnType<typeof spawn> {
    ensureBuilt();
    const script = `
      import { Spill } from ${JSON.stringify(pathToFileURL(join(REPO_ROOT, 'dist/output/spill.js')).href)};
      const spill = ${removable ? 'new Spill(8)' : "new Spill(8, { remove: () => { throw new Error('refused'); } })"};
      spill.sections().write('見本 report part that spills to disk\\n');
      console.log(spill.spilled === 1 ? 'ready' : 'not spilled');
      setInterval(() => {}, 1000);`;
    return spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, TMPDIR: tmp } });
  }

  async function stop(child: ReturnType<typeof spawn>, signal: NodeJS.Signals): Promise<NodeJS.Signals | null> {
    const ended = new Promise<NodeJS.Signals | null>((done) => child.once('exit', (_code, sig) => done(sig)));
    child.kill(signal);
    return ended;
  }

  const ready = (child: ReturnType<typeof spawn>): Promise<string> => new Promise((done) => child.stdout?.once('data', (d: Buffer) => done(d.toString().trim())));

  it.skipIf(process.platform === 'win32')('leaves nothing on disk, even when killed (SIGKILL)', async () => {
    await withTmpdirAsync(async (tmp) => {
      const child = spilling(tmp, true);
      expect(await ready(child)).toBe('ready');
      expect(readdirSync(tmp)).toEqual([]);
      expect(await stop(child, 'SIGKILL')).toBe('SIGKILL');
      expect(readdirSync(tmp)).toEqual([]);
    });
  });

  it.skipIf(process.platform === 'win32').each(['SIGINT', 'SIGTERM'] as const)('removes a folder it had to keep (%s)', async (signal) => {
    await withTmpdirAsync(async (tmp) => {
      const child = spilling(tmp, false);
      expect(await ready(child)).toBe('ready');
      expect(readdirSync(tmp).length).toBe(1);
      expect(await stop(child, signal)).toBe(signal);
      expect(readdirSync(tmp)).toEqual([]);
    });
  });
});

/** A file system call that fails, as on a system that refuses it. */
function refusing(call: keyof SpillFs, message: string): Partial<SpillFs> {
  return {
    [call]: () => {
      throw new Error(message);
    },
  };
}

/** Runs `body` with TMPDIR (os.tmpdir()) set to a fresh empty folder, removed afterwards. */
function withTmpdir(body: (tmp: string) => void): void {
  const tmp = mkdtempSync(join(tmpdir(), 'jpii-spill-test-'));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = tmp;
  try {
    body(tmp);
  } finally {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function withTmpdirAsync(body: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), 'jpii-spill-test-'));
  try {
    await body(tmp);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
