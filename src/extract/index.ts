/**
 * The extractor registry: picks the extractor for a file by name and leading bytes.
 * Order matters: specific formats first, plain text last (it takes anything that is not binary).
 * A file whose content contradicts its extension (an xlsx named .csv) is read by its content.
 */
import type { Extractor } from '../model.js';
import { isEmlFile, isGzipFile, isImageFile, isMsgFile, isPdfFile, isRtfFile, isZipFile } from './formats.js';
import { OFFICE_FORMATS, officeExtractors, officeFormatOf } from './office/index.js';
import { oleKind } from './office/ole-kind.js';
import { magicFormat, sniffBinary } from './sniff.js';
import { textExtractor } from './text.js';

/**
 * An extractor whose module is imported on the first file it takes: `matches` is the module's own (formats.ts),
 * so choosing one loads nothing. A worker scanning plain text loaded 28 reader modules it never ran (yauzl
 * among them): ~30-40 ms of start-up per thread.
 */
export function lazyExtractor(format: string, matches: Extractor['matches'], load: () => Promise<Extractor>): Extractor {
  return { format, matches, extract: async (bytes, ctx) => (await load()).extract(bytes, ctx) };
}

export const LAZY_EXTRACTORS = {
  pdf: lazyExtractor('pdf', isPdfFile, async () => (await import('./pdf.js')).pdfExtractor),
  eml: lazyExtractor('eml', isEmlFile, async () => (await import('./eml.js')).emlExtractor),
  msg: lazyExtractor('msg', isMsgFile, async () => (await import('./msg.js')).msgExtractor),
  rtf: lazyExtractor('rtf', isRtfFile, async () => (await import('./rtf.js')).rtfExtractor),
  zip: lazyExtractor('zip', isZipFile, async () => (await import('./archive.js')).archiveExtractor),
  gz: lazyExtractor('gz', isGzipFile, async () => (await import('./archive.js')).gzipExtractor),
  image: lazyExtractor('image', isImageFile, async () => (await import('./ocr/image-file.js')).imageExtractor),
} as const;
const { pdf: pdfExtractor, eml: emlExtractor, msg: msgExtractor, rtf: rtfExtractor, zip: archiveExtractor, gz: gzipExtractor, image: imageExtractor } = LAZY_EXTRACTORS;

const BY_NAME: readonly Extractor[] = [...officeExtractors, pdfExtractor, emlExtractor, msgExtractor, rtfExtractor, archiveExtractor, gzipExtractor, imageExtractor, textExtractor];

/** Containers and documents other than plain text, by extension: read by parsers (pdf.js, zip, XML, SheetJS,
 * cfb) that a hostile file could keep busy, so the orchestrator runs them where they can be stopped. */
const PARSED_FORMATS = new Set<string>([...OFFICE_FORMATS, 'pdf', 'eml', 'msg', 'rtf', 'zip', 'gz', 'tgz', 'tif', 'tiff']);

export function isParsedDocument(name: string): boolean {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  return ext !== undefined && PARSED_FORMATS.has(ext);
}

/** `name`, when set, is the name to extract under (an xlsx named .csv is read as the .xlsx it is). */
export type Choice = { extractor: Extractor; name?: string; textHead?: number } | { skipped: string; format: string };

/** Part names that give an Office/OpenDocument package away, looked for in the zip's central directory. */
const PACKAGES: readonly [string, string][] = [
  ['xl/workbook.xml', 'xlsx'],
  ['xl/workbook.bin', 'xlsb'],
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
  const ole = magic === 'ole' && bytes ? oleByContent(name, head, bytes) : undefined;
  if (ole) return ole;
  // The text extractor matches a head that is not binary: it is told so and does not sniff the same bytes again.
  for (const extractor of BY_NAME) if (extractor.matches(name, head)) return extractor === textExtractor ? { extractor, textHead: head.length } : { extractor };
  if (magic === 'pdf') return { extractor: pdfExtractor };
  if (magic === 'zip') return { extractor: archiveExtractor };
  const sniff = sniffBinary(head);
  return { skipped: sniff.binary ? sniff.reason : 'unsupported file format', format: 'binary' };
}

/** Names an OLE file of each kind may carry (OOXML names included: office/index.ts reads an OLE .docx as .doc). */
const OLE_NAMES = { doc: /\.(doc|docx|docm)$/i, xls: /\.(xls|xlsx|xlsm|xlsb)$/i, ppt: /\.(ppt|pptx|pptm)$/i, msg: /\.msg$/i } as const;

/** An OLE file under a name that does not fit its streams (a .doc named .msg, a `.tmp`): read as what it is. */
function oleByContent(name: string, head: Uint8Array, bytes: Uint8Array): Choice | undefined {
  const kind = oleKind(bytes);
  if (kind === undefined || OLE_NAMES[kind].test(name)) return undefined;
  const renamed = `${name}.${kind}`;
  const extractor = BY_NAME.find((e) => e.matches(renamed, head));
  return extractor ? { extractor, name: renamed } : undefined;
}
