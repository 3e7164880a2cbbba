/**
 * One file on disk: size limit, read (read-only), then analyze. Problems become the file's status.
 */
import { openReadOnly, readFileReadOnlySync } from './open-read-only.js';
import { notScanned, type FileRef, type FileResult } from '../model.js';
import { analyzeBytes, type AnalyzeOptions } from './analyze-file.js';
import { analyzeLargeText, readsInChunks, type LargeTextOptions } from './large-text.js';
import { ownedBuffer } from './owned-buffers.js';

function failed(ref: FileRef, status: 'skipped' | 'error', reason: string): FileResult[] {
  return [notScanned(ref.relPath, status, reason, { size: ref.size })];
}

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GiB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}

const SYNC_READ_MAX = 256 * 1024;

/**
 * Reads a file whose size the walk already knows: open, read, close — no fstat round trip, which counts
 * when thousands of small files are read. A file that grew since the walk is read to its end anyway.
 */
async function readWhole(ref: FileRef): Promise<Buffer> {
  // A small file on a local disk: one synchronous read is quicker than four thread-pool round trips.
  if (ref.localFs && ref.size <= SYNC_READ_MAX) return readFileReadOnlySync(ref.absPath);
  const fh = await openReadOnly(ref.absPath);
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (let size = Math.max(ref.size + 1, 4096); ; size = 1024 * 1024) {
      const buf = ownedBuffer(size);
      const { bytesRead } = await fh.read(buf, 0, size, total);
      if (bytesRead === 0) break;
      chunks.push(buf.subarray(0, bytesRead));
      total += bytesRead;
      if (bytesRead < size) break;
    }
    return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total);
  } finally {
    await fh.close();
  }
}

/** Analyzes a file's bytes: here by default, or in a worker. */
export type BytesAnalyzer = (ref: FileRef, bytes: Uint8Array) => Promise<FileResult[]>;

/**
 * `largeText`: how chunks of a huge text file are analyzed; `analyzeRead`: where the bytes of other files
 * are (this thread reads, so workers only compute and reads overlap across files).
 */
export async function processFile(ref: FileRef, opts: AnalyzeOptions, largeText?: LargeTextOptions, analyzeRead?: BytesAnalyzer): Promise<FileResult[]> {
  if (ref.size > opts.limits.maxFileSize) {
    return failed(ref, 'skipped', `file too large (${formatBytes(ref.size)} > --max-file-size ${formatBytes(opts.limits.maxFileSize)})`);
  }
  let bytes: Buffer;
  try {
    if (readsInChunks(ref)) {
      const streamed = await analyzeLargeText(ref, opts, largeText);
      if (streamed) return streamed;
    }
    bytes = await readWhole(ref);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return failed(ref, 'error', code === 'EACCES' || code === 'EPERM' ? 'permission denied' : `cannot read (${code})`);
  }
  return analyzeRead ? analyzeRead(ref, bytes) : analyzeReadBytes(ref, bytes, opts);
}

export async function analyzeReadBytes(ref: FileRef, bytes: Uint8Array, opts: AnalyzeOptions): Promise<FileResult[]> {
  const results = await analyzeBytes(ref.relPath, bytes, opts);
  const first = results[0];
  if (first) first.size = ref.size;
  return results;
}
