/**
 * Word documents (.docx / .docm), read from the XML parts directly.
 * Input: the file's bytes. Output: one Segment per non-empty paragraph (runs joined; table cells and text
 * boxes are paragraphs too), origin {part, paragraph} with paragraphs counted from 1 among the non-empty
 * ones of each part, for the body (`document`), `header1`…, `footer1`…, `footnotes`, `endnotes` and
 * `comments`. Headers, footers, their watermark text and the first three body paragraphs are label zones.
 * Never uses mammoth (it drops headers, footers, notes and comments, where 社外秘 stamps live).
 */
import type { CellStructure, ExtractContext, ExtractResult, Segment } from '../../model.js';
import { tableCells } from './table-cells.js';
import { xmlPieces } from './xml-tables.js';
import { ooxmlMetadataLabels } from './msip.js';
import { ooxmlPropertySegments } from './ooxml-extras.js';
import { trackedDeletionSegments } from './tracked-changes.js';
import { decodeEntities, dropFallbacks, numberIn, paragraphTexts } from './xml-text.js';
import { mainDocumentPart, withOfficeZip, type OfficeZip } from './zip-parts.js';

const LABEL_PARAGRAPHS = 3;
const NOTE_PARTS = ['footnotes', 'endnotes', 'comments'];

export async function extractDocx(bytes: Uint8Array, ctx: ExtractContext, format = 'docx'): Promise<ExtractResult> {
  const result = await withOfficeZip(bytes, ctx.limits, async (zip) => {
    const parts = await wordParts(zip);
    if (parts.length === 0) return { ok: false as const, status: 'error' as const, reason: 'not a Word document: word/document.xml is missing' };
    const failure = zip.check(parts.map((p) => p.path));
    if (failure) return failure;
    let segments: Segment[] = [];
    for (const part of parts) {
      const xml = await zip.readText(part.path);
      segments = segments.concat(partSegments(part.name, xml), trackedDeletionSegments(part.name, xml));
    }
    return { segments: segments.concat(await ooxmlPropertySegments(zip)), labels: await ooxmlMetadataLabels(zip) };
  });
  if ('ok' in result) return { ...result, format };
  return { ok: true, format, segments: result.segments, labels: result.labels };
}

/** The body first, then headers and footers in number order, then notes and comments. */
async function wordParts(zip: OfficeZip): Promise<{ name: string; path: string }[]> {
  const main = (await mainDocumentPart(zip, /document\d*\.xml$/)) ?? 'word/document.xml';
  if (!zip.has(main)) return [];
  const dir = main.slice(0, main.lastIndexOf('/') + 1);
  const inDir = zip.names.filter((n) => n.startsWith(dir) && !n.slice(dir.length).includes('/'));
  const numbered = (kind: string): string[] =>
    inDir.filter((n) => new RegExp(`^${kind}\\d*\\.xml$`).test(n.slice(dir.length))).sort((a, b) => numberIn(a) - numberIn(b));
  const notes = NOTE_PARTS.map((n) => `${dir}${n}.xml`).filter((n) => zip.has(n));
  return [{ name: 'document', path: main }, ...[...numbered('header'), ...numbered('footer'), ...notes].map((path) => ({
    name: path.slice(dir.length, -'.xml'.length),
    path,
  }))];
}

/**
 * Segments of one part; `name` is the part's file name without `.xml` (`document`, `header1`, …). A table
 * cell is one segment (its paragraphs joined) numbered by its first paragraph, with its table structure.
 */
export function partSegments(name: string, xml: string): Segment[] {
  const pageMargin = /^(header|footer)/.test(name);
  const segments: Segment[] = [];
  let paragraph = 0;
  let table = 0;
  const push = (text: string, cell?: CellStructure): void => {
    const segment: Segment = { text, origin: { part: name, paragraph: paragraph + 1 } };
    if (cell) segment.cell = cell;
    if (pageMargin || (name === 'document' && paragraph < LABEL_PARAGRAPHS)) segment.labelZone = true;
    segments.push(segment);
  };
  for (const piece of xmlPieces(dropFallbacks(xml), 'w')) {
    if (piece.kind === 'xml') {
      for (const text of paragraphTexts(piece.xml, 'w')) if (text.trim() !== '') push(text), paragraph++;
      continue;
    }
    table++;
    tableCells(piece.rows, table, (r, c, text, cell) => {
      push(text, cell);
      paragraph += piece.paragraphs[r]?.[c] ?? 1;
    });
  }
  if (pageMargin) {
    for (const text of watermarks(xml)) segments.push({ text, origin: { part: name }, labelZone: true });
  }
  return segments;
}

/** Word's "透かし" (watermark) is WordArt in the header: `<v:textpath string="社外秘"/>`. */
function watermarks(xml: string): string[] {
  const found = new Set<string>();
  for (const m of xml.matchAll(/<v:textpath\b[^>]*?\sstring\s*=\s*"([^"]*)"/g)) {
    const text = decodeEntities(m[1] ?? '').trim();
    if (text) found.add(text);
  }
  return [...found];
}
