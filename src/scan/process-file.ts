/**
 * One file on disk: size limit, read (read-only), then analyze. Problems become the file's status.
 */
import { readFile } from 'node:fs/promises';
import { notScanned, type FileRef, type FileResult } from '../model.js';
import { analyzeBytes, type AnalyzeOptions } from './analyze-file.js';
import { LARGE_TEXT_BYTES, analyzeLargeText, type LargeTextOptions } from './large-text.js';

function failed(ref: FileRef, status: 'skipped' | 'error', reason: string): FileResult[] {
  return [notScanned(ref.relPath, status, reason, { size: ref.size })];
}

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GiB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
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
    if (ref.size >= LARGE_TEXT_BYTES) {
      const streamed = await analyzeLargeText(ref, opts, largeText);
      if (streamed) return streamed;
    }
    bytes = await readFile(ref.absPath, { flag: 'r' });
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
