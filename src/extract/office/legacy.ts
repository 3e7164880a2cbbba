/**
 * Word 97–2003 (.doc) through word-extractor (pure JS): body, text boxes, headers, footers, foot- and
 * endnotes, comments, plus the document properties (properties.ts). .xls/.xlsb are read by xls.ts and .ppt
 * by ppt.ts, all in memory: no converter, nothing written to disk.
 * Input: the file's bytes. Output: Segments as the OOXML extractors give them.
 */
import { createRequire } from 'node:module';
import type { ExtractResult, Segment } from '../../model.js';
import { ENCRYPTED_REASON, isCfb, openOle, wordDocumentEncrypted } from './cfb.js';
import { oleProperties, propertySegments } from './properties.js';
import { messageOf } from './zip-parts.js';

export { ENCRYPTED_REASON };

interface WordDocument {
  getBody(): string;
  getHeaders(options: { includeFooters: boolean }): string;
  getFooters(): string;
  getFootnotes(): string;
  getEndnotes(): string;
  getAnnotations(): string;
  getTextboxes(options: { includeHeadersAndFooters: boolean; includeBody: boolean }): string;
}
type WordExtractorClass = new () => { extract(source: Buffer): Promise<WordDocument> };
const WordExtractor = createRequire(import.meta.url)('word-extractor') as WordExtractorClass;

const LABEL_PARAGRAPHS = 3;

export async function extractDoc(bytes: Uint8Array, format = 'doc'): Promise<ExtractResult> {
  if (!isCfb(bytes)) return { ok: false, format, status: 'error', reason: 'not a Word 97-2003 file (no OLE header)' };
  if (wordDocumentEncrypted(bytes)) return { ok: false, format, status: 'skipped', reason: ENCRYPTED_REASON };
  let doc: WordDocument;
  try {
    doc = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    return { ok: false, format, status: 'error', reason: `cannot read .doc: ${messageOf(error)}` };
  }
  const segments = [
    ...partSegments('document', doc.getBody(), LABEL_PARAGRAPHS),
    ...partSegments('textboxes', doc.getTextboxes({ includeHeadersAndFooters: false, includeBody: true }), 0),
    ...partSegments('header', doc.getHeaders({ includeFooters: false }), Infinity),
    ...partSegments('header', doc.getTextboxes({ includeHeadersAndFooters: true, includeBody: false }), Infinity),
    ...partSegments('footer', doc.getFooters(), Infinity),
    ...partSegments('footnotes', doc.getFootnotes(), 0),
    ...partSegments('endnotes', doc.getEndnotes(), 0),
    ...partSegments('comments', doc.getAnnotations(), 0),
    ...docProperties(bytes),
  ];
  return { ok: true, format, segments };
}

/** One Segment per non-empty line; the first `labelZone` of them are label zones. */
function partSegments(part: string, text: string, labelZone: number): Segment[] {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  return lines.map((line, i) => {
    const segment: Segment = { text: line, origin: { part, paragraph: i + 1 } };
    if (i < labelZone) segment.labelZone = true;
    return segment;
  });
}

/** Properties are a bonus: a container cfb cannot parse still had its text read by word-extractor. */
function docProperties(bytes: Uint8Array): Segment[] {
  const opened = openOle(bytes);
  return opened.ok ? propertySegments(oleProperties(opened.ole)) : [];
}
