/**
 * Deflated zip parts inflated without yauzl's zlib stream (16 KiB chunks, no size option): a part under 1 MiB in
 * one synchronous call (a docx's three or four small parts took ≈ 0.5 ms each through a stream, 0.15 ms so),
 * a bigger one in 256 KiB pieces (a 100,000-row worksheet is 32 MB: 2,000 trips through zlib's callback, the
 * stream machinery and the sheet reader cost ≈ 0.2 s more than 130). Same bytes, sizes checked as yauzl checks
 * them; the CRC is checked by the caller as before. When anything goes wrong the part is read again through
 * yauzl's own stream, so a damaged part fails with exactly the message it always had (yauzl's byte counts
 * depend on its chunk size).
 * Input: the open zip, the part's entry, and the old reading to fall back on. Output: the inflated chunks.
 */
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import type { Readable } from 'node:stream';
import type { Entry, ZipFile } from 'yauzl';

/** Parts at least this big (declared) are streamed; smaller ones inflated in one call. */
const BIG_PART = 1 << 20;
const CHUNK = 256 * 1024;

export function inflatesHere(entry: Entry): boolean {
  return entry.compressionMethod === 8 && !entry.isEncrypted();
}

/**
 * The part's chunks; on a failure (zlib, a size other than declared), `fallback` is read to its end and its
 * error thrown — the failure the part has without this function.
 */
export async function* inflatePart(file: ZipFile, entry: Entry, fallback: () => AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let failed: unknown;
  try {
    const raw: Readable = await file.openReadStreamPromise(entry, { decodeFileData: false });
    if (entry.uncompressedSize < BIG_PART) {
      yield inflateSmall(raw, entry);
      return;
    }
    yield* inflateBig(raw, entry);
    return;
  } catch (error) {
    failed = error;
  }
  for await (const chunk of fallback()) void chunk; // its error, if it has one, is the part's
  throw failed;
}

async function inflateSmall(raw: Readable, entry: Entry): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of raw as AsyncIterable<Buffer>) chunks.push(chunk);
  // One byte more than declared is room enough to tell a part that is too big.
  const out = inflateRawSync(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks), { maxOutputLength: entry.uncompressedSize + 1 });
  if (out.length !== entry.uncompressedSize) throw new Error(`${out.length} bytes, not the ${entry.uncompressedSize} declared`);
  return out;
}

async function* inflateBig(raw: Readable, entry: Entry): AsyncGenerator<Buffer> {
  const inflate = createInflateRaw({ chunkSize: CHUNK });
  raw.on('error', (error) => inflate.destroy(error));
  let count = 0;
  for await (const chunk of raw.pipe(inflate) as AsyncIterable<Buffer>) {
    count += chunk.length;
    if (count > entry.uncompressedSize) throw new Error(`more than the ${entry.uncompressedSize} bytes declared`);
    yield chunk;
  }
  if (count !== entry.uncompressedSize) throw new Error(`${count} bytes, not the ${entry.uncompressedSize} declared`);
}
