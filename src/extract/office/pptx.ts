/**
 * PowerPoint presentations (.pptx / .pptm): slide and speaker-notes text.
 * Input: the file's bytes. Output: one Segment per non-empty paragraph, origin {slide: N} for slide text and
 * {slide: N, part: 'notes'} for notes, N being the slide's position in the show (presentation.xml order;
 * slideN.xml numbering when that list is missing). The first slide's text is a label zone.
 * Never reads masters or layouts (their placeholder prompts are not content).
 */
import type { CellStructure, ExtractContext, ExtractResult, Segment } from '../../model.js';
import { tableCells } from './table-cells.js';
import { xmlPieces } from './xml-tables.js';
import { ooxmlMetadataLabels } from './msip.js';
import { ooxmlPropertySegments } from './ooxml-extras.js';
import { attr, dropFallbacks, elementsOf, numberIn, paragraphTexts, parseRels } from './xml-text.js';
import { mainDocumentPart, withOfficeZip, type OfficeZip } from './zip-parts.js';

interface Slide {
  part: string;
  notes?: string;
}

export async function extractPptx(bytes: Uint8Array, ctx: ExtractContext, format = 'pptx'): Promise<ExtractResult> {
  const result = await withOfficeZip(bytes, ctx.limits, async (zip) => {
    const main = (await mainDocumentPart(zip, /presentation\d*\.xml$/)) ?? 'ppt/presentation.xml';
    if (!zip.has(main)) return { ok: false as const, status: 'error' as const, reason: `not a presentation: ${main} is missing` };
    const slides = await slideList(zip, main);
    const failure = zip.check(slides.flatMap((s) => (s.notes ? [s.part, s.notes] : [s.part])));
    if (failure) return failure;
    const segments: Segment[] = [];
    for (const [i, slide] of slides.entries()) {
      segments.push(...slideSegments(await zip.readText(slide.part), i + 1, undefined));
      if (slide.notes) segments.push(...slideSegments(await zip.readText(slide.notes), i + 1, 'notes'));
    }
    segments.push(...(await ooxmlPropertySegments(zip)));
    return { segments, labels: await ooxmlMetadataLabels(zip) };
  });
  if ('ok' in result) return { ...result, format };
  return { ok: true, format, segments: result.segments, labels: result.labels };
}

function relsOf(part: string): string {
  const cut = part.lastIndexOf('/') + 1;
  return `${part.slice(0, cut)}_rels/${part.slice(cut)}.rels`;
}

async function readRels(zip: OfficeZip, part: string): Promise<Map<string, { target: string; type: string }>> {
  const rels = relsOf(part);
  if (!zip.has(rels)) return new Map();
  return parseRels(await zip.readText(rels), part.slice(0, part.lastIndexOf('/') + 1));
}

/** Slides in show order (`<p:sldIdLst>`), each with its notes part when it has one. */
async function slideList(zip: OfficeZip, main: string): Promise<Slide[]> {
  const rels = await readRels(zip, main);
  const xml = await zip.readText(main);
  let parts = elementsOf(xml, 'p:sldId').flatMap(({ tag }) => {
    const rel = rels.get(attr(tag, 'r:id') ?? '');
    return rel && zip.has(rel.target) ? [rel.target] : [];
  });
  if (parts.length === 0) {
    parts = zip.names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).sort((a, b) => numberIn(a) - numberIn(b));
  }
  const slides: Slide[] = [];
  for (const part of parts) {
    const notes = [...(await readRels(zip, part)).values()].find((r) => r.type.endsWith('/notesSlide') && zip.has(r.target));
    slides.push(notes ? { part, notes: notes.target } : { part });
  }
  return slides;
}

/** Paragraphs of a slide or notes page; the slide-number field of notes pages is not content. */
export function slideSegments(xml: string, slide: number, part: 'notes' | undefined): Segment[] {
  const cleaned = dropFallbacks(xml).replace(/<a:fld\b[^>]*type="slidenum"[\s\S]*?<\/a:fld>/g, '');
  const segments: Segment[] = [];
  const push = (text: string, cell?: CellStructure): void => {
    const segment: Segment = { text, origin: part ? { slide, part } : { slide } };
    if (cell) segment.cell = cell;
    if (slide === 1) segment.labelZone = true;
    segments.push(segment);
  };
  let table = 0;
  for (const piece of xmlPieces(cleaned, 'a')) {
    if (piece.kind === 'xml') for (const text of paragraphTexts(piece.xml, 'a')) if (text.trim() !== '') push(text);
    if (piece.kind === 'table') tableCells(piece.rows, ++table, (_r, _c, text, cell) => push(text, cell));
  }
  return segments;
}
