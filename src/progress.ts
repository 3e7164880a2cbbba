/**
 * The live progress line on stderr (only when stderr is a TTY): files, bytes, rates, errors, files and folders
 * the ignore rules kept out so far (when any: a scan that reads fewer files than expected says so while it
 * runs), elapsed time, current folder. Never prints file names' contents or values; redraws at most 10 times
 * a second.
 */
import { formatBytes } from './scan/process-file.js';
import type { Progress } from './scan/scan.js';

/** `excluded`: files and folders the ignore rules have kept out so far (walk/excluded.ts). */
export function progressPrinter(stream: NodeJS.WritableStream & { columns?: number }, excluded: () => number = () => 0): (p: Progress) => void {
  const started = Date.now();
  let last = 0;
  return (p) => {
    const now = Date.now();
    if (!p.done && now - last < 100) return;
    last = now;
    const secs = Math.max(0.001, (now - started) / 1000);
    const folder = p.current.includes('/') ? p.current.slice(0, p.current.lastIndexOf('/')) : '.';
    const ocr = p.ocrPages ? ` | ${p.ocrPages} OCR pages (${(p.ocrPages / secs).toFixed(1)}/s)` : '';
    const out = excluded();
    const kept = out ? ` | ${out} excluded` : '';
    let line = `${p.files} files, ${formatBytes(p.bytes)} | ${(p.files / secs).toFixed(0)} files/s, ${(p.bytes / 1048576 / secs).toFixed(1)} MB/s | ${p.errors} errors${ocr}${kept} | ${secs.toFixed(1)} s | ${folder}`;
    const width = (stream.columns ?? 100) - 1;
    if (line.length > width) line = line.slice(0, width);
    stream.write(`\r\x1b[2K${line}${p.done ? '\n' : ''}`);
  };
}
