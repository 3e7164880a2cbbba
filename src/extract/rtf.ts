/**
 * rtf: Rich Text Format documents (.rtf), decoded by rtf-decode.ts (no converter).
 * Input: the file's bytes. Output: one Segment per non-empty paragraph, origin {part: 'document', paragraph: N}
 * (the first three are label zones), header/footer text as label zones, the `\info` fields as properties, and
 * a note when bytes were invalid in the document's code page.
 * Never reads a file that does not start with `{\rtf` (a renamed text file is read as text by the registry).
 */
import type { ExtractResult, Extractor, Segment } from '../model.js';
import { htmlToText } from './eml.js';
import { isRtf, isRtfFile } from './formats.js';
import { propertySegments } from './office/properties.js';
import { decodeRtf } from './rtf-decode.js';

const FORMAT = 'rtf';
const LABEL_PARAGRAPHS = 3;

/** The text of an RTF body (Outlook's compressed RTF too): HTML-encapsulating RTF gives the HTML as text. */
export function rtfToText(bytes: Uint8Array): { text: string; invalid: number } {
  const decoded = decodeRtf(bytes);
  return { text: decoded.html ? htmlToText(decoded.body) : decoded.body, invalid: decoded.invalid };
}

function extractRtf(bytes: Uint8Array): ExtractResult {
  if (!isRtf(bytes)) return { ok: false, format: FORMAT, status: 'error', reason: 'not an RTF document (no {\\rtf header)' };
  const decoded = decodeRtf(bytes);
  const body = decoded.html ? htmlToText(decoded.body) : decoded.body;
  const paragraphs = body.split('\n').map((p) => p.trim()).filter(Boolean);
  const segments: Segment[] = paragraphs.map((text, i) => ({ text, origin: { part: 'document', paragraph: i + 1 }, ...(i < LABEL_PARAGRAPHS ? { labelZone: true } : {}) }));
  for (const text of decoded.margins) segments.push({ text, origin: { part: 'header' }, labelZone: true });
  for (const { part, text } of decoded.notes) segments.push({ text, origin: { part } });
  segments.push(...propertySegments(decoded.info));
  const notes: string[] = [];
  if (decoded.invalid > 0) notes.push(`partly decoded: ${decoded.invalid} invalid byte sequence${decoded.invalid === 1 ? '' : 's'} in the document's code page replaced by U+FFFD`);
  if (decoded.missingBin > 0) notes.push(`truncated: binary data (\\bin) declared ${decoded.missingBin} bytes past the end of the file`);
  return { ok: true, format: FORMAT, segments, ...(notes.length > 0 ? { notes } : {}) };
}

export const rtfExtractor: Extractor = {
  format: FORMAT,
  matches: isRtfFile,
  extract: async (bytes) => extractRtf(bytes),
};
