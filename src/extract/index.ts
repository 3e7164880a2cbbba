/**
 * The extractor registry: picks the extractor for a file by name and leading bytes.
 * Order matters: specific formats first, plain text last (it takes anything that is not binary).
 * A file whose content contradicts its extension (an xlsx named .csv) is read by its content.
 */
import type { Extractor } from '../model.js';
import { archiveExtractor, gzipExtractor } from './archive.js';
import { emlExtractor } from './eml.js';
import { officeExtractors } from './office/index.js';
import { pdfExtractor } from './pdf.js';
import { magicFormat, sniffBinary } from './sniff.js';
import { textExtractor } from './text.js';

const BY_NAME: readonly Extractor[] = [...officeExtractors, pdfExtractor, emlExtractor, archiveExtractor, gzipExtractor, textExtractor];

export type Choice = { extractor: Extractor } | { skipped: string; format: string };

export function chooseExtractor(name: string, head: Uint8Array): Choice {
  for (const extractor of BY_NAME) if (extractor.matches(name, head)) return { extractor };
  const magic = magicFormat(head);
  if (magic === 'pdf') return { extractor: pdfExtractor };
  if (magic === 'zip') return { extractor: archiveExtractor };
  const sniff = sniffBinary(head);
  return { skipped: sniff.binary ? sniff.reason : 'unsupported file format', format: 'binary' };
}
