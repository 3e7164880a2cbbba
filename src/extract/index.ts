/**
 * The extractor registry: picks the extractor for a file by name and leading bytes.
 * Order matters: specific formats first, plain text last (it takes anything that is not binary).
 * A file whose content contradicts its extension (an xlsx named .csv) is read by its content.
 */
import type { Extractor } from '../model.js';
import { archiveExtractor, gzipExtractor } from './archive.js';
import { emlExtractor } from './eml.js';
import { OFFICE_FORMATS, officeExtractors, officeFormatOf } from './office/index.js';
import { pdfExtractor } from './pdf.js';
import { magicFormat, sniffBinary } from './sniff.js';
import { textExtractor } from './text.js';

const BY_NAME: readonly Extractor[] = [...officeExtractors, pdfExtractor, emlExtractor, archiveExtractor, gzipExtractor, textExtractor];

/** Containers and documents other than plain text, by extension: read by parsers (pdf.js, zip, XML)
 * that a hostile file could keep busy, so the orchestrator runs them where they can be stopped. */
const PARSED_FORMATS = new Set<string>([...OFFICE_FORMATS, 'pdf', 'eml', 'zip', 'gz', 'tgz']);

export function isParsedDocument(name: string): boolean {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  return ext !== undefined && PARSED_FORMATS.has(ext);
}

/** `name`, when set, is the name to extract under (an xlsx named .csv is read as the .xlsx it is). */
export type Choice = { extractor: Extractor; name?: string } | { skipped: string; format: string };

/** Part names that give an Office/OpenDocument package away, looked for in the zip's central directory. */
const PACKAGES: readonly [string, string][] = [
  ['xl/workbook.xml', 'xlsx'],
  ['word/document.xml', 'docx'],
  ['ppt/presentation.xml', 'pptx'],
  ['application/vnd.oasis.opendocument.spreadsheet', 'ods'],
  ['application/vnd.oasis.opendocument.text', 'odt'],
];
const TAIL_BYTES = 64 * 1024;

function packageKind(bytes: Uint8Array): string | undefined {
  // The central directory (entry names) is at the end; ODF's mimetype entry is stored first, uncompressed.
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tail = text.subarray(Math.max(0, text.length - TAIL_BYTES)).toString('latin1') + text.subarray(0, 256).toString('latin1');
  return PACKAGES.find(([part]) => tail.includes(part))?.[1];
}

/** `bytes`: the whole file when available, so content that contradicts the name can be read as what it is. */
export function chooseExtractor(name: string, head: Uint8Array, bytes?: Uint8Array): Choice {
  const magic = magicFormat(head);
  if (magic === 'zip' && bytes && officeFormatOf(name) === undefined) {
    const kind = packageKind(bytes);
    const renamed = kind && `${name}.${kind}`;
    const office = renamed ? officeExtractors.find((e) => e.matches(renamed, head)) : undefined;
    if (office && renamed) return { extractor: office, name: renamed };
  }
  for (const extractor of BY_NAME) if (extractor.matches(name, head)) return { extractor };
  // Named, not just "binary": an Outlook item is e-mail that may hold PII, and the user can export it.
  if (/\.msg$/i.test(name)) return { skipped: 'Outlook .msg is not read yet (export it as .eml to scan it)', format: 'msg' };
  if (magic === 'pdf') return { extractor: pdfExtractor };
  if (magic === 'zip') return { extractor: archiveExtractor };
  const sniff = sniffBinary(head);
  return { skipped: sniff.binary ? sniff.reason : 'unsupported file format', format: 'binary' };
}
