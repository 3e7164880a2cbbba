/**
 * formats: which extractor a file is for, by its name and leading bytes, without loading any reader.
 * Input: a file name and the head of its bytes. Output: true/false (or the image kind). The registry asks
 * these for every file, so a scan of plain text never loads the PDF, mail, RTF, OCR or archive modules
 * (index.ts loads an extractor on the first file it takes); each extractor answers `matches` with the same
 * function. Never: reads past the head, decides how a file is read.
 */
import { isCfb } from './office/cfb.js';

const startsWith = (head: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => head[i] === b);

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const RTF_MAGIC = [0x7b, 0x5c, 0x72, 0x74, 0x66]; // {\rtf
/** Zip-based documents the office extractors read: a zip that is one of them is not an archive. */
const OFFICE_NAME = /\.(docx|docm|dotx|xlsx|xlsm|xltx|pptx|pptm|potx|odt|ods|odp)$/i;

export function isPdfFile(name: string, head: Uint8Array): boolean {
  return /\.pdf$/i.test(name) || startsWith(head, PDF_MAGIC);
}

export function isEmlFile(name: string): boolean {
  return /\.eml$/i.test(name);
}

export function isMsgFile(name: string, head: Uint8Array): boolean {
  return /\.msg$/i.test(name) && isCfb(head);
}

export function isRtf(head: Uint8Array): boolean {
  return startsWith(head, RTF_MAGIC);
}

export function isRtfFile(name: string, head: Uint8Array): boolean {
  return /\.rtf$/i.test(name) || isRtf(head);
}

export function isZipFile(name: string, head: Uint8Array): boolean {
  if (/\.zip$/i.test(name)) return true;
  return !OFFICE_NAME.test(name) && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5) && head[3] === head[2] + 1;
}

export function isGzipFile(name: string, head: Uint8Array): boolean {
  return /\.(gz|tgz)$/i.test(name) || (head[0] === 0x1f && head[1] === 0x8b && head[2] === 0x08);
}

export type ImageKind = 'png' | 'jpeg' | 'tiff';

/** The image kind by magic number, else by extension. */
export function imageKindOf(name: string, head: Uint8Array): ImageKind | undefined {
  if (head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47) return 'png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if ((head[0] === 0x49 && head[1] === 0x49 && head[2] === 0x2a && head[3] === 0) || (head[0] === 0x4d && head[1] === 0x4d && head[2] === 0 && head[3] === 0x2a)) return 'tiff';
  const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  return ext === 'png' ? 'png' : ext === 'jpg' || ext === 'jpeg' || ext === 'jpe' ? 'jpeg' : ext === 'tif' || ext === 'tiff' ? 'tiff' : undefined;
}

export function isImageFile(name: string, head: Uint8Array): boolean {
  return imageKindOf(name, head) !== undefined;
}
