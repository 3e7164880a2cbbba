/**
 * recognise-pages: the pages of one file through OCR, within the page limit, the per-page time limit and
 * the file's time budget. Input: pages whose image is decoded only when its turn comes (one page's
 * pixels in memory at a time). Output: one segment per page with text (`origin: {page}`, `ocr: true`),
 * the number of pages recognised, and a note for every page that was not (so a file is never clean
 * because its pages went unread).
 */
import type { ExtractResult, OcrLimits, Segment } from '../../model.js';
import { recognise, type Recognised } from './engine.js';
import { joinWords, normaliseOcrText } from './ocr-text.js';
import { toPgm, upscale2, type Grey } from './raster.js';
import { removeRulings } from './rulings.js';

/** A decoded page; `bilevel`: black and white only (a fax, a G4 scan). */
export type PageImage = { ok: true; grey: Grey; bilevel: boolean } | { ok: false; reason: string };

export interface OcrPage {
  page: number;
  image: () => Promise<PageImage>;
}

export interface OcrOutcome {
  segments: Segment[];
  notes: string[];
  recognised: number;
  /** Pages that were due but not recognised (limit, time, unreadable image). */
  missed: number;
}

/**
 * Mean word confidence (0–100) under which a page is tried upside down and on its sides: scans and faxes
 * fed the wrong way round come out as low-confidence garbage, rarely as nothing.
 */
const RETRY_BELOW = 55;
const TURNS = [Math.PI, Math.PI / 2, -Math.PI / 2];

/**
 * What the recogniser is given: the page without its ruling lines, and a bilevel page smoothed and
 * enlarged (upscale2) while it stays under the pixel limit.
 */
function prepare(page: { grey: Grey; bilevel: boolean }, limits: OcrLimits): Uint8Array {
  const clean = removeRulings(page.grey);
  return toPgm(page.bilevel && clean.width * clean.height * 4 <= limits.maxPixels ? upscale2(clean) : clean);
}

/** The page as it is, then turned, until one reading is confident; the most confident reading wins. */
async function readPage(bytes: Uint8Array, limits: OcrLimits, deadline: number): Promise<Recognised> {
  let best = await recognise(bytes, limits.pageTimeoutMs);
  if (!best.ok || best.confidence >= RETRY_BELOW || best.text.trim().length < 8) return best;
  for (const angle of TURNS) {
    if (Date.now() + limits.pageTimeoutMs > deadline) break;
    const turned = await recognise(bytes, limits.pageTimeoutMs, angle);
    if (turned.ok && turned.confidence > best.confidence) best = turned;
    if (best.confidence >= RETRY_BELOW) break;
  }
  return best;
}

function pageList(pages: readonly OcrPage[]): string {
  const first = pages[0]?.page;
  const last = pages[pages.length - 1]?.page;
  if (pages.length === 1) return `page ${first}`;
  return last !== undefined && first !== undefined && last - first + 1 === pages.length ? `pages ${first}–${last}` : `${pages.length} pages from page ${first}`;
}

/** `deadline`: epoch ms by which the file must be done (the scan's per-file time limit). */
export async function recognisePages(pages: readonly OcrPage[], limits: OcrLimits, deadline: number): Promise<OcrOutcome> {
  const out: OcrOutcome = { segments: [], notes: [], recognised: 0, missed: 0 };
  for (const [i, { page, image }] of pages.entries()) {
    if (i >= limits.maxPages || Date.now() + limits.pageTimeoutMs > deadline) {
      const why = i >= limits.maxPages ? `OCR page limit of ${limits.maxPages} (--ocr-max-pages)` : 'the time limit of the file';
      const rest = pages.slice(i);
      out.notes.push(`OCR: ${pageList(rest)} not examined (${why})`);
      out.missed += rest.length;
      return out;
    }
    const decoded = await image();
    const read = decoded.ok ? await readPage(prepare(decoded, limits), limits, deadline) : decoded;
    if (!read.ok) {
      out.notes.push(`OCR: page ${page} not examined (${read.reason})`);
      out.missed++;
      continue;
    }
    out.recognised++;
    const text = read.lines.length ? normaliseOcrText(joinWords(read.lines), true) : normaliseOcrText(read.text);
    if (text !== '') out.segments.push({ text, origin: { page }, ocr: true, ...(page === 1 ? { labelZone: true } : {}) });
  }
  return out;
}

/** The file's result: read when at least one page was; an error naming the first reason when none was. */
export function ocrResult(format: string, outcome: OcrOutcome, textSegments: readonly Segment[] = []): ExtractResult {
  if (outcome.recognised === 0 && textSegments.length === 0) {
    const first = outcome.notes[0]?.replace(/^OCR: /, '') ?? 'no page to recognise';
    return { ok: false, format, status: 'error', reason: `OCR could not read the file: ${first}` };
  }
  const segments = [...textSegments, ...outcome.segments].sort((a, b) => (a.origin.page ?? 0) - (b.origin.page ?? 0));
  return { ok: true, format, segments, ocrPages: outcome.recognised, ...(outcome.notes.length ? { notes: outcome.notes } : {}) };
}
