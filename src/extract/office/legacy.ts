/**
 * Office 97–2003 binaries. .doc: word-extractor (pure JS; body, headers, footers, notes, comments, text
 * boxes). .xls / .ppt: converted to xlsx / pptx by LibreOffice when `soffice` is on PATH, then read by the
 * OOXML extractors; without LibreOffice the file is reported `skipped`, never as clean.
 * Input: the file's bytes. Output: Segments as the OOXML extractors give them.
 * Never installs or downloads anything; the converter runs in a private temporary folder that is removed.
 */
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { ExtractContext, ExtractResult, Segment } from '../../model.js';
import { ENCRYPTED_REASON, isCfb, wordDocumentEncrypted } from './cfb.js';
import { extractPptx } from './pptx.js';
import { extractXlsx } from './xlsx.js';
import { messageOf } from './zip-parts.js';

export { ENCRYPTED_REASON };

interface WordDocument {
  getBody(): string;
  getHeaders(options: { includeFooters: boolean }): string;
  getFooters(): string;
  getFootnotes(): string;
  getEndnotes(): string;
  getAnnotations(): string;
  getTextboxes(options: { includeHeadersAndFooters: boolean; includeBody: boolean }): string;
}
type WordExtractorClass = new () => { extract(source: Buffer): Promise<WordDocument> };
const WordExtractor = createRequire(import.meta.url)('word-extractor') as WordExtractorClass;

const LABEL_PARAGRAPHS = 3;

export async function extractDoc(bytes: Uint8Array, format = 'doc'): Promise<ExtractResult> {
  if (!isCfb(bytes)) return { ok: false, format, status: 'error', reason: 'not a Word 97-2003 file (no OLE header)' };
  if (wordDocumentEncrypted(bytes)) return { ok: false, format, status: 'skipped', reason: ENCRYPTED_REASON };
  let doc: WordDocument;
  try {
    doc = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    return { ok: false, format, status: 'error', reason: `cannot read .doc: ${messageOf(error)}` };
  }
  const segments = [
    ...partSegments('document', doc.getBody(), LABEL_PARAGRAPHS),
    ...partSegments('textboxes', doc.getTextboxes({ includeHeadersAndFooters: false, includeBody: true }), 0),
    ...partSegments('header', doc.getHeaders({ includeFooters: false }), Infinity),
    ...partSegments('header', doc.getTextboxes({ includeHeadersAndFooters: true, includeBody: false }), Infinity),
    ...partSegments('footer', doc.getFooters(), Infinity),
    ...partSegments('footnotes', doc.getFootnotes(), 0),
    ...partSegments('endnotes', doc.getEndnotes(), 0),
    ...partSegments('comments', doc.getAnnotations(), 0),
  ];
  return { ok: true, format, segments };
}

/** One Segment per non-empty line; the first `labelZone` of them are label zones. */
function partSegments(part: string, text: string, labelZone: number): Segment[] {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  return lines.map((line, i) => {
    const segment: Segment = { text: line, origin: { part, paragraph: i + 1 } };
    if (i < labelZone) segment.labelZone = true;
    return segment;
  });
}

export interface ConvertOptions {
  /** Path of soffice; `null` = not installed; undefined = look it up on PATH. */
  soffice?: string | null;
}

export async function findOnPath(command: string): Promise<string | undefined> {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, command);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/** LibreOffice allows one process per profile: conversions of this thread share one profile, one at a time. */
let queue: Promise<unknown> = Promise.resolve();

/** .xls → xlsx, .ppt → pptx with LibreOffice, then the OOXML extractor; `format` stays the legacy one. */
export async function extractViaLibreOffice(
  bytes: Uint8Array,
  ctx: ExtractContext,
  format: 'xls' | 'ppt',
  options: ConvertOptions = {},
): Promise<ExtractResult> {
  if (!isCfb(bytes)) return { ok: false, format, status: 'error', reason: `not an Office 97-2003 .${format} file (no OLE header)` };
  const soffice = options.soffice === undefined ? await findOnPath('soffice') : options.soffice;
  if (!soffice) return { ok: false, format, status: 'skipped', reason: `legacy .${format} needs LibreOffice (soffice not found)` };
  const target = format === 'xls' ? 'xlsx' : 'pptx';
  const run = queue.then(() => convert(soffice, bytes, format, target, ctx.limits.timeoutMs));
  queue = run.catch(() => undefined);
  const converted = await run;
  if (!converted.ok) return { ok: false, format, status: 'error', reason: converted.reason };
  const result = target === 'xlsx' ? await extractXlsx(converted.bytes, ctx) : await extractPptx(converted.bytes, ctx);
  return { ...result, format };
}

type Converted = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

async function convert(soffice: string, bytes: Uint8Array, format: string, target: string, timeoutMs: number): Promise<Converted> {
  const dir = await mkdtemp(join(tmpdir(), 'jpii-convert-'));
  const profile = `file://${join(tmpdir(), `jpii-lo-${process.pid}-${threadId}`)}`;
  try {
    const input = join(dir, `input.${format}`);
    await writeFile(input, bytes);
    const args = ['--headless', '--norestore', `-env:UserInstallation=${profile}`, '--convert-to', target, '--outdir', dir, input];
    const failure = await new Promise<string | undefined>((resolve) => {
      execFile(soffice, args, { timeout: timeoutMs > 0 ? timeoutMs : 0 }, (error) => resolve(error ? messageOf(error) : undefined));
    });
    try {
      return { ok: true, bytes: await readFile(join(dir, `input.${target}`)) };
    } catch {
      return { ok: false, reason: `LibreOffice could not convert the file${failure ? `: ${failure.split('\n')[0]}` : ''}` };
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
