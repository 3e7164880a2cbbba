/**
 * The registry loads a reader module on the first file it takes (index.ts lazyExtractor): choosing uses the
 * module's own `matches`, extracting gives the module's result, and a thread that reads plain text never
 * loads the PDF, mail, RTF, OCR or archive modules (checked on dist/, as the workers run it).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chooseExtractor, LAZY_EXTRACTORS } from '../../src/extract/index.js';
import { DEFAULT_LIMITS } from '../../src/extract/limits.js';
import type { Extractor } from '../../src/model.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const REAL: Record<keyof typeof LAZY_EXTRACTORS, () => Promise<Extractor>> = {
  pdf: async () => (await import('../../src/extract/pdf.js')).pdfExtractor,
  eml: async () => (await import('../../src/extract/eml.js')).emlExtractor,
  msg: async () => (await import('../../src/extract/msg.js')).msgExtractor,
  rtf: async () => (await import('../../src/extract/rtf.js')).rtfExtractor,
  zip: async () => (await import('../../src/extract/archive.js')).archiveExtractor,
  gz: async () => (await import('../../src/extract/archive.js')).gzipExtractor,
  image: async () => (await import('../../src/extract/ocr/image-file.js')).imageExtractor,
};

const ctx = (name: string) => ({ name, depth: 0, limits: DEFAULT_LIMITS, onSegment: () => undefined });

describe('lazy extractors', () => {
  it.each(Object.keys(REAL) as (keyof typeof REAL)[])('%s: same format and the same matches function as its module', async (key) => {
    const real = await REAL[key]();
    expect(LAZY_EXTRACTORS[key].format).toBe(real.format);
    expect(LAZY_EXTRACTORS[key].matches).toBe(real.matches);
  });

  it.each([
    ['a.eml', 'From: a@example.com\r\nSubject: test\r\n\r\n本文です\r\n'],
    ['a.rtf', '{\\rtf1\\ansi hello}'],
    ['a.pdf', 'not a pdf at all'],
    ['a.zip', 'not a zip'],
    ['a.gz', 'not gzip'],
    ['a.msg', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(1024)])],
  ])('%s: extracting gives what the module gives', async (name, content) => {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    const choice = chooseExtractor(name, bytes.subarray(0, 8192), bytes);
    expect('extractor' in choice).toBe(true);
    if (!('extractor' in choice)) return;
    const key = (Object.keys(LAZY_EXTRACTORS) as (keyof typeof REAL)[]).find((k) => LAZY_EXTRACTORS[k] === choice.extractor);
    expect(key).toBeDefined();
    const real = await REAL[key as keyof typeof REAL]();
    expect(await choice.extractor.extract(bytes, ctx(name))).toEqual(await real.extract(bytes, ctx(name)));
  });

  it('a thread that analyzes plain text loads no reader module; the first PDF loads pdf.js', () => {
    // A module hook that prints each dist/extract module as it loads, in a child running the built code.
    const hook = `data:text/javascript,export async function load(u, c, next) { if (u.includes('/dist/extract/')) process.stderr.write('LOADED ' + u.slice(u.indexOf('/dist/') + 6) + '\\n'); return next(u, c); }`;
    const register = `data:text/javascript,import { register } from 'node:module'; register(${JSON.stringify(hook)});`;
    const script = `
      const { buildAnalyzer } = await import(${JSON.stringify(join(ROOT, 'dist/scan/analyzer.js'))});
      const { analyzeReadBytes } = await import(${JSON.stringify(join(ROOT, 'dist/scan/process-file.js'))});
      const opts = buildAnalyzer({ minConfidence: 0.3 });
      const text = Buffer.from('氏名: 山田 太郎\\n電話: 03-1234-5678\\n');
      await analyzeReadBytes({ relPath: 'a.txt', size: text.length }, text, opts);
      process.stderr.write('TEXT DONE\\n');
      const pdf = Buffer.from('%PDF-1.4 broken');
      await analyzeReadBytes({ relPath: 'b.pdf', size: pdf.length }, pdf, opts);`;
    const r = spawnSync(process.execPath, ['--import', register, '--input-type=module', '-e', script], { encoding: 'utf8', cwd: ROOT });
    expect(r.status, r.stderr).toBe(0);
    const [beforeText, afterText] = r.stderr.split('TEXT DONE');
    const loaded = (part: string | undefined): string[] => [...(part ?? '').matchAll(/LOADED (\S+)/g)].map((m) => m[1] as string);
    expect(loaded(beforeText)).toContain('extract/text.js');
    for (const reader of ['extract/pdf.js', 'extract/eml.js', 'extract/msg.js', 'extract/rtf.js', 'extract/archive.js', 'extract/ocr/image-file.js', 'extract/office/zip-parts.js']) {
      expect(loaded(beforeText)).not.toContain(reader);
    }
    expect(loaded(afterText)).toContain('extract/pdf.js');
  });
});
