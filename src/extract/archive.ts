/**
 * archive: zip (and single-file gzip) containers → child files for the orchestrator to scan.
 * Input: the archive's bytes and its depth. Output: `children` (inner path + bytes) and `failedChildren`
 * (encrypted, unsupported, over a limit, corrupt), or the whole archive `skipped`/`error` with a reason.
 * It never inflates before the central directory has been checked (depth, entry count, total size, ratio),
 * never inflates past an entry's declared size, never decrypts, never writes to disk.
 */
import { promisify, TextDecoder } from 'node:util';
import { crc32, gunzip } from 'node:zlib';
import type { Entry, ZipFile } from 'yauzl';
import type { ChildFile, ExtractContext, ExtractLimits, ExtractResult, Extractor } from '../model.js';
import { safeEntryName, uniqueName } from './entry-name.js';
import { isGzipFile, isZipFile } from './formats.js';

type Failed = NonNullable<Extract<ExtractResult, { ok: true }>['failedChildren']>[number];
type Read = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

/** Entries smaller than this are never called bombs: a 10 KB run of spaces legitimately deflates 300:1. */
export const RATIO_FLOOR_BYTES = 1024 * 1024;

function tooDeep(format: string, ctx: ExtractContext): ExtractResult | undefined {
  if (ctx.depth < ctx.limits.maxDepth) return undefined;
  return { ok: false, format, status: 'skipped', reason: `nested too deep (depth ${ctx.depth} ≥ max ${ctx.limits.maxDepth})` };
}

function bombByRatio(size: number, compressed: number, limits: ExtractLimits): string | undefined {
  if (size <= RATIO_FLOOR_BYTES || size <= compressed * limits.maxRatio) return undefined;
  return `zip bomb suspected (ratio ${Math.round(size / Math.max(compressed, 1))}:1)`;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');
const cp932Strict = new TextDecoder('shift_jis', { fatal: true });
const cp932Lenient = new TextDecoder('shift_jis');

/** Info-ZIP Unicode Path extra field (0x7075): a UTF-8 name, valid only if its CRC matches the raw name. */
function unicodePathField(entry: Entry): string | undefined {
  const field = entry.extraFields.find((f) => f.id === 0x7075);
  if (!field || field.data.length < 6 || field.data[0] !== 1) return undefined;
  return field.data.readUInt32LE(1) === crc32(entry.fileNameRaw) ? utf8Lenient.decode(field.data.subarray(5)) : undefined;
}

/**
 * Flag bit 11 (APPNOTE 4.4.4) means UTF-8. Without it: UTF-8 if the bytes are valid UTF-8 (macOS and Info-ZIP
 * write UTF-8 without the flag; CP932 Japanese is almost never valid UTF-8), else CP932 (Japanese Windows
 * Explorer; TextDecoder's shift_jis table is CP932). NFC because macOS stores decomposed kana.
 */
export function entryName(entry: Entry): string {
  const raw = entry.fileNameRaw;
  let name = unicodePathField(entry);
  if (name === undefined && (entry.generalPurposeBitFlag & 0x800) !== 0) name = utf8Lenient.decode(raw);
  if (name === undefined) name = tryDecode(utf8Strict, raw) ?? tryDecode(cp932Strict, raw) ?? cp932Lenient.decode(raw);
  return name.normalize('NFC').replace(/\\/g, '/'); // made safe (no `..`, no absolute path) by safeEntryName
}

function tryDecode(decoder: TextDecoder, raw: Uint8Array): string | undefined {
  try {
    return decoder.decode(raw);
  } catch {
    return undefined;
  }
}

/** Why an entry is not inflated, decided from the central directory alone. Ratio before size: a bomb is news. */
function refusal(entry: Entry, limits: ExtractLimits): Omit<Failed, 'name'> | undefined {
  if ((entry.generalPurposeBitFlag & 0x1) !== 0) return { status: 'skipped', reason: 'encrypted zip entry' };
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    return { status: 'skipped', reason: `unsupported compression method ${entry.compressionMethod}` };
  }
  const bomb = bombByRatio(entry.uncompressedSize, entry.compressedSize, limits);
  if (bomb) return { status: 'error', reason: bomb };
  if (entry.uncompressedSize > limits.maxFileSize) {
    return { status: 'skipped', reason: `too large (${entry.uncompressedSize} bytes > max ${limits.maxFileSize})` };
  }
  return undefined;
}

function listEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

/**
 * Inflates one entry, counting bytes: stops as soon as it yields more than it declared (yauzl's
 * validateEntrySizes checks this too; the counter does not depend on it). Checks the CRC.
 */
export function readEntry(zip: ZipFile, entry: Entry): Promise<Read> {
  return new Promise((resolve) => {
    zip.openReadStream(entry, (openError, stream) => {
      if (openError) return resolve({ ok: false, reason: `corrupt zip entry: ${openError.message}` });
      const chunks: Buffer[] = [];
      let total = 0;
      let done = false;
      const finish = (result: Read): void => {
        if (!done) resolve(result);
        done = true;
      };
      stream.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total <= entry.uncompressedSize) return void chunks.push(chunk);
        stream.destroy();
        finish({ ok: false, reason: `corrupt zip entry: larger than its declared size (${entry.uncompressedSize} bytes)` });
      });
      stream.on('error', (error: Error) => finish({ ok: false, reason: `corrupt zip entry: ${error.message}` }));
      stream.on('end', () => {
        const joined = Buffer.concat(chunks);
        const bytes = new Uint8Array(joined.buffer, joined.byteOffset, joined.byteLength); // plain data, not a Buffer
        finish(crc32(bytes) === entry.crc32 ? { ok: true, bytes } : { ok: false, reason: 'corrupt zip entry: CRC mismatch' });
      });
    });
  });
}

/** Central-directory checks for the whole archive, before any entry is inflated. */
function archiveProblem(entries: readonly Entry[], limits: ExtractLimits): string | undefined {
  const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (total <= limits.maxTotalBytes) return undefined;
  return `zip bomb suspected: ${total} bytes uncompressed in total > max ${limits.maxTotalBytes}`;
}

async function readAll(zip: ZipFile, limits: ExtractLimits): Promise<ExtractResult> {
  if (zip.entryCount > limits.maxEntries) {
    return { ok: false, format: 'zip', status: 'error', reason: `too many entries (${zip.entryCount} > max ${limits.maxEntries})` };
  }
  const taken = new Set<string>();
  const files = (await listEntries(zip))
    .map((entry, i) => ({ entry, raw: entryName(entry), index: i }))
    .filter(({ raw }) => raw !== '' && !raw.endsWith('/')) // directories carry no content
    .map(({ entry, raw, index }) => {
      const safe = safeEntryName(raw, `entry-${index + 1}`);
      const name = uniqueName(safe.name, taken);
      const notes = [...(safe.note ? [safe.note] : []), ...(name !== safe.name ? [`renamed to ${JSON.stringify(name)}: another member has the same path`] : [])];
      return { entry, name, notes };
    });
  const problem = archiveProblem(files.map((f) => f.entry), limits);
  if (problem) return { ok: false, format: 'zip', status: 'error', reason: problem };
  const children: ChildFile[] = [];
  const failedChildren: Failed[] = [];
  for (const { entry, name, notes } of files) {
    const refused = refusal(entry, limits);
    const read: Read = refused ? { ok: false, reason: refused.reason } : await readEntry(zip, entry);
    if (read.ok) children.push({ name, bytes: read.bytes, ...(notes.length > 0 ? { notes } : {}) });
    else failedChildren.push({ name, status: refused?.status ?? 'error', reason: read.reason });
  }
  return { ok: true, format: 'zip', segments: [], children, ...(failedChildren.length > 0 ? { failedChildren } : {}) };
}

async function extractZip(bytes: Uint8Array, ctx: ExtractContext): Promise<ExtractResult> {
  const deep = tooDeep('zip', ctx);
  if (deep) return deep;
  if (bytes.length === 0) return { ok: false, format: 'zip', status: 'error', reason: 'corrupt zip: empty file' };
  const yauzl = await import('yauzl');
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: ZipFile | undefined;
  try {
    // Raw names (decodeStrings: false) so CP932 can be tried; validateEntrySizes makes yauzl reject lying sizes.
    const options = { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true };
    zip = await yauzl.fromBufferPromise(buffer, options);
    return await readAll(zip, ctx.limits);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // yauzl refuses the whole archive when an entry uses strong encryption (flag bit 6): unread, not broken.
    if (/strong encryption/.test(message)) return { ok: false, format: 'zip', status: 'skipped', reason: 'encrypted zip (strong encryption)' };
    return { ok: false, format: 'zip', status: 'error', reason: `corrupt zip: ${message}` };
  } finally {
    zip?.close();
  }
}

export const archiveExtractor: Extractor = {
  format: 'zip',
  matches: isZipFile,
  extract: extractZip,
};

/** `a/b/report.csv.gz` → `report.csv`; `x.tgz` → `x.tar`. */
function gunzippedName(name: string): string {
  const base = name.split('/').pop() ?? name;
  return base.replace(/\.tgz$/i, '.tar').replace(/\.gz$/i, '') || 'data';
}

/**
 * gzip declares no trustworthy size (ISIZE is mod 2^32 and garbage in a truncated file), so the ratio limit
 * becomes an output budget instead: inflating stops at whichever of ratio and size limits comes first.
 */
async function extractGzip(bytes: Uint8Array, ctx: ExtractContext): Promise<ExtractResult> {
  const deep = tooDeep('gz', ctx);
  if (deep) return deep;
  const name = gunzippedName(ctx.name);
  const { maxFileSize, maxTotalBytes, maxRatio } = ctx.limits;
  const bySize = Math.min(maxFileSize, maxTotalBytes);
  const byRatio = Math.max(RATIO_FLOOR_BYTES, bytes.length * maxRatio);
  try {
    const out = await promisify(gunzip)(bytes, { maxOutputLength: Math.min(bySize, byRatio) });
    return { ok: true, format: 'gz', segments: [], children: [{ name, bytes: new Uint8Array(out.buffer, out.byteOffset, out.byteLength) }] };
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code !== 'ERR_BUFFER_TOO_LARGE') return { ok: false, format: 'gz', status: 'error', reason: `corrupt gzip: ${e.message}` };
    const failed: Failed = byRatio < bySize
      ? { name, status: 'error', reason: `zip bomb suspected (ratio over ${maxRatio}:1)` }
      : { name, status: 'skipped', reason: `too large (more than ${bySize} bytes uncompressed)` };
    return { ok: true, format: 'gz', segments: [], failedChildren: [failed] };
  }
}

export const gzipExtractor: Extractor = {
  format: 'gz',
  matches: isGzipFile,
  extract: extractGzip,
};
