/**
 * Reads chosen parts of an OOXML / OpenDocument zip held in memory (yauzl, random access from a Buffer).
 * Input: the file's bytes and the scan limits. Output: a handle that lists the parts (central directory only)
 * and inflates a part when asked, after the declared sizes of the parts to read were checked against the limits.
 * Never inflates anything before that check; never reports a bad zip by throwing out of `withOfficeZip`.
 */
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import type { ExtractLimits } from '../../model.js';
import { inflatePart, inflatesHere } from './zip-inflate.js';
import { decodeWhole } from '../decode.js';

export type ZipFailure = { ok: false; status: 'skipped' | 'error'; reason: string };

/** A problem met while reading parts (corrupt data, a limit): ends the extraction with this failure. */
export class ZipPartError extends Error {
  readonly failure: ZipFailure;
  constructor(failure: ZipFailure | string) {
    const value: ZipFailure = typeof failure === 'string' ? { ok: false, status: 'error', reason: failure } : failure;
    super(value.reason);
    this.failure = value;
  }
}

/** Below this size a high ratio cannot hurt (small XML parts compress far), so only bigger parts are ratio-checked. */
const RATIO_FLOOR_BYTES = 1 << 20;

export interface OfficeZip {
  /** Every part name, as stored (forward slashes, no leading slash). */
  readonly names: readonly string[];
  has(name: string): boolean;
  /**
   * Declared limits for these parts together, checked before any is inflated: lets an extractor refuse the
   * file before reading anything. Every read also checks its own part against the running budget.
   */
  check(names: readonly string[]): ZipFailure | undefined;
  readText(name: string): Promise<string>;
  /** The part's inflated bytes, chunk by chunk; a read or CRC error surfaces as a ZipPartError. */
  openStream(name: string): Promise<AsyncIterable<Buffer>>;
}

/**
 * Opens the zip, runs `use` on it and closes it. Zip problems become `{ok: false}` values; bugs still throw.
 */
export async function withOfficeZip<T>(
  bytes: Uint8Array,
  limits: ExtractLimits,
  use: (zip: OfficeZip) => Promise<T | ZipFailure>,
): Promise<T | ZipFailure> {
  let file: ZipFile;
  try {
    file = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      lazyEntries: true,
      validateEntrySizes: true,
    });
  } catch (error) {
    return corrupt(error);
  }
  try {
    if (file.entryCount > limits.maxEntries) {
      return { ok: false, status: 'error', reason: `too many entries (${file.entryCount} > max ${limits.maxEntries})` };
    }
    const entries = await readDirectory(file);
    return await use(makeHandle(file, entries, limits));
  } catch (error) {
    if (error instanceof ZipPartError) return error.failure;
    throw error;
  } finally {
    file.close();
  }
}

function corrupt(error: unknown): ZipFailure {
  return { ok: false, status: 'error', reason: `corrupt or truncated zip: ${messageOf(error)}` };
}

function skipped(reason: string): ZipFailure {
  return { ok: false, status: 'skipped', reason };
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function readDirectory(file: ZipFile): Promise<Map<string, Entry>> {
  const entries = new Map<string, Entry>();
  try {
    for await (const entry of file.eachEntry()) {
      entries.set(entry.fileName.replace(/^\/+/, ''), entry);
    }
  } catch (error) {
    throw new ZipPartError(corrupt(error).reason);
  }
  return entries;
}

function makeHandle(file: ZipFile, entries: Map<string, Entry>, limits: ExtractLimits): OfficeZip {
  const entryOf = (name: string): Entry => {
    const entry = entries.get(name);
    if (!entry) throw new Error(`zip part ${name} asked for without checking it exists`);
    return entry;
  };
  let spent = 0;
  const openStream = async (name: string): Promise<AsyncIterable<Buffer>> => {
    const entry = entryOf(name);
    const refused = checkParts([entry], limits, spent);
    if (refused) throw new ZipPartError(refused);
    spent += entry.uncompressedSize;
    const yauzlStream = async (): Promise<AsyncIterable<Buffer>> => {
      try {
        return verified(await file.openReadStreamPromise(entry), entry);
      } catch (error) {
        throw new ZipPartError(`corrupt zip entry ${name}: ${messageOf(error)}`);
      }
    };
    if (!inflatesHere(entry)) return yauzlStream();
    return verified(inflatePart(file, entry, async function* () {
      yield* await yauzlStream();
    }), entry);
  };
  return {
    names: [...entries.keys()],
    has: (name) => entries.has(name),
    check: (names) => checkParts(names.map(entryOf), limits, spent),
    openStream,
    readText: async (name) => {
      const chunks: Buffer[] = [];
      for await (const chunk of await openStream(name)) chunks.push(chunk);
      return decodeXmlBytes(Buffer.concat(chunks));
    },
  };
}

/**
 * Passes the inflated chunks through and checks the CRC-32 at the end: yauzl checks sizes but not the CRC,
 * and a flipped bit that still inflates would otherwise give wrong text silently.
 */
async function* verified(stream: AsyncIterable<unknown>, entry: Entry): AsyncGenerator<Buffer> {
  let crc = 0;
  try {
    for await (const chunk of stream) {
      crc = crc32(chunk as Buffer, crc);
      yield chunk as Buffer;
    }
  } catch (error) {
    if (error instanceof ZipPartError) throw error; // already named (a fallback's reading)
    throw new ZipPartError(`corrupt zip entry ${entry.fileName}: ${messageOf(error)}`);
  }
  if (crc >>> 0 !== entry.crc32 >>> 0) throw new ZipPartError(`corrupt zip entry ${entry.fileName}: CRC mismatch`);
}

/** `spent`: declared bytes of the parts already inflated from this zip. */
function checkParts(parts: readonly Entry[], limits: ExtractLimits, spent: number): ZipFailure | undefined {
  let total = spent;
  for (const part of parts) {
    if (part.isEncrypted()) return skipped(`encrypted zip entry ${part.fileName}`);
    if (part.compressionMethod !== 0 && part.compressionMethod !== 8) {
      return { ok: false, status: 'error', reason: `unsupported compression method ${part.compressionMethod} in ${part.fileName}` };
    }
    total += part.uncompressedSize;
    const ratio = part.uncompressedSize / Math.max(1, part.compressedSize);
    if (part.uncompressedSize > RATIO_FLOOR_BYTES && ratio > limits.maxRatio) {
      return { ok: false, status: 'error', reason: `zip bomb suspected (${part.fileName}: ratio ${Math.round(ratio)}:1)` };
    }
  }
  if (total > limits.maxTotalBytes) {
    return skipped(`too large (${total} bytes uncompressed > max ${limits.maxTotalBytes})`);
  }
  return undefined;
}

/** XML parts are UTF-8 in practice; the XML spec also allows UTF-16 with a BOM. */
export function xmlEncodingOf(head: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

export function decodeXmlBytes(bytes: Uint8Array): string {
  return decodeWhole(xmlEncodingOf(bytes), bytes);
}

/**
 * The package's main part named by `_rels/.rels` (`xl/workbook.xml`, `word/document.xml`…), when present
 * and of the expected kind (`kind` matches its file name: a pptx renamed .docx is not a Word document).
 */
export async function mainDocumentPart(zip: OfficeZip, kind: RegExp): Promise<string | undefined> {
  if (!zip.has('_rels/.rels')) return undefined;
  const rels = await zip.readText('_rels/.rels');
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    if (!/Type="[^"]*\/officeDocument"/.test(m[0])) continue;
    const target = /Target="\/?([^"]*)"/.exec(m[0])?.[1];
    if (target && zip.has(target) && kind.test(target)) return target;
  }
  return undefined;
}
