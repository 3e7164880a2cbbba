/**
 * not-examined: the reasons of files skipped because they hold only images, and how the summary tells
 * them apart. Without --ocr such files are `skipped` with one of these reasons and counted in
 * `summary.imageOnly`, so a folder of scans never looks clean. Pure.
 */
import type { FileResult } from '../../model.js';

const HINT = 'run with --ocr to read it';
export const IMAGE_ONLY_PDF = `image-only PDF (no text layer; ${HINT})`;
/** `PNG image (no text layer; run with --ocr to read it)`. */
export const imageFileReason = (kind: string): string => `${kind.toUpperCase()} image (no text layer; ${HINT})`;

export function isImageOnlySkip(file: Pick<FileResult, 'status' | 'reason'>): boolean {
  return file.status === 'skipped' && file.reason !== undefined && file.reason.endsWith(`${HINT})`);
}

/**
 * Image files by name. With --ocr they are read where a page can be recognised without waiting for other
 * files' pages (a worker with its own recogniser), like the documents pdf.js reads.
 */
export function isImageName(name: string): boolean {
  return /\.(png|jpe?g|jpe|tiff?)$/i.test(name);
}
