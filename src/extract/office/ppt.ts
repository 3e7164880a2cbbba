/**
 * PowerPoint 97–2003 (.ppt): the text records of the `PowerPoint Document` stream ([MS-PPT]), no converter.
 * Input: the file's bytes. Output: one Segment per non-empty paragraph, origin {slide: N} (placeholder text
 * from the slide list, text boxes from the slide's drawing), {slide: N, part: 'notes'} for speaker notes,
 * {slide: N, part: 'comments'} for review comments, {part: 'header'|'footer'} for header/footer text (label
 * zones), plus the document properties. N is the slide's position in the show (SlideListWithText order).
 * Never reads master slides (their placeholder prompts are not content), never follows a record past its parent.
 */
import type { ExtractResult, Segment } from '../../model.js';
import { ENCRYPTED_REASON, isCfb, openOle } from './cfb.js';
import { oleProperties, propertySegments } from './properties.js';
import { childrenOf, persistDirectory, readRecord, type PptRecord, RT } from './ppt-records.js';

/** Text atoms and where they sit, in stream order. */
interface Texts {
  slides: Map<number, string[]>;
  notes: Map<number, string[]>;
  comments: Map<number, string[]>;
  margins: { part: 'header' | 'footer'; text: string }[];
}

export function extractPpt(bytes: Uint8Array, format = 'ppt'): ExtractResult {
  if (!isCfb(bytes)) return { ok: false, format, status: 'error', reason: 'not a PowerPoint 97-2003 file (no OLE header)' };
  const opened = openOle(bytes);
  if (!opened.ok) return { ok: false, format, status: 'error', reason: opened.reason };
  const { ole } = opened;
  if (ole.stream('/EncryptedSummary')) return { ok: false, format, status: 'skipped', reason: ENCRYPTED_REASON };
  const stream = ole.stream('/PowerPoint Document');
  if (!stream) return { ok: false, format, status: 'error', reason: 'not a PowerPoint file: no "PowerPoint Document" stream' };
  const texts = readPresentation(stream);
  const segments = [...segmentsOf(texts), ...propertySegments(oleProperties(ole))];
  const damage = damaged(stream);
  return { ok: true, format, segments, ...(damage ? { notes: [damage] } : {}) };
}

/** Why the text may be incomplete: a record running past the stream, or no document record at all. */
function damaged(stream: Uint8Array): string | undefined {
  const top = childrenOf(stream, 0, stream.length);
  if (top.some((r) => r.clipped)) return 'partly read: a PowerPoint record runs past the end of its stream (damaged file)';
  if (!top.some((r) => r.type === RT.Document)) return 'partly read: no DocumentContainer record (damaged file); text atoms read without slide order';
  return undefined;
}

function readPresentation(stream: Uint8Array): Texts {
  const texts: Texts = { slides: new Map(), notes: new Map(), comments: new Map(), margins: [] };
  const persist = persistDirectory(stream);
  const top = childrenOf(stream, 0, stream.length);
  const document = top.filter((r) => r.type === RT.Document).pop();
  if (!document) {
    readLoose(stream, top, texts);
    return texts;
  }
  const lists = childrenOf(stream, document.body, document.end).filter((r) => r.type === RT.SlideListWithText);
  const slideIds = new Map<number, number>();
  for (const list of lists.filter((l) => l.instance === 0)) readSlideList(stream, list, persist, slideIds, texts);
  for (const list of lists.filter((l) => l.instance === 2)) readNotesList(stream, list, persist, slideIds, texts);
  collect(stream, document, (r) => r.type === RT.HeadersFooters, (hf) => margins(stream, hf, texts));
  return texts;
}

/** Slides in show order: the slide list's own text (placeholders), then the slide's drawing and comments. */
function readSlideList(stream: Uint8Array, list: PptRecord, persist: Map<number, number>, slideIds: Map<number, number>, texts: Texts): void {
  let slide = texts.slides.size;
  const containers: [number, PptRecord][] = [];
  for (const r of childrenOf(stream, list.body, list.end)) {
    if (r.type === RT.SlidePersistAtom) {
      slide++;
      texts.slides.set(slide, []);
      slideIds.set(u32(stream, r.body + 12), slide);
      const at = persist.get(u32(stream, r.body));
      const container = at === undefined ? undefined : readRecord(stream, at, stream.length);
      if (container?.type === RT.Slide) containers.push([slide, container]);
    } else if (slide > 0) {
      const text = atomText(stream, r);
      if (text !== undefined) texts.slides.get(slide)?.push(text);
    }
  }
  // Placeholder text (title, body) first, then the slide's own text boxes.
  for (const [n, container] of containers) readSlide(stream, container, n, texts);
}

function readSlide(stream: Uint8Array, slide: PptRecord, n: number, texts: Texts): void {
  collect(stream, slide, (r) => atomText(stream, r) !== undefined, (r) => texts.slides.get(n)?.push(atomText(stream, r) ?? ''), [RT.Comment10]);
  collect(stream, slide, (r) => r.type === RT.Comment10, (c) => {
    const strings = childrenOf(stream, c.body, c.end).filter((r) => r.type === RT.CString);
    const body = strings.filter((s) => s.instance === 1).map((s) => utf16(stream, s));
    const list = texts.comments.get(n) ?? [];
    list.push(...body);
    texts.comments.set(n, list);
  });
}

/** Notes pages point at their slide by id (NotesAtom.slideIdRef). */
function readNotesList(stream: Uint8Array, list: PptRecord, persist: Map<number, number>, slideIds: Map<number, number>, texts: Texts): void {
  for (const r of childrenOf(stream, list.body, list.end)) {
    if (r.type !== RT.SlidePersistAtom) continue;
    const at = persist.get(u32(stream, r.body));
    const notes = at === undefined ? undefined : readRecord(stream, at, stream.length);
    if (notes?.type !== RT.Notes) continue;
    const atom = childrenOf(stream, notes.body, notes.end).find((c) => c.type === RT.NotesAtom);
    const slide = atom ? slideIds.get(u32(stream, atom.body)) : undefined;
    if (slide === undefined) continue;
    const found: string[] = texts.notes.get(slide) ?? [];
    collect(stream, notes, (c) => atomText(stream, c) !== undefined, (c) => found.push(atomText(stream, c) ?? ''));
    texts.notes.set(slide, found);
  }
}

/** A file without a DocumentContainer (damaged, or an odd writer): every text atom outside masters, slide by slide. */
function readLoose(stream: Uint8Array, top: PptRecord[], texts: Texts): void {
  let slide = 0;
  for (const r of top) {
    if (r.type === RT.Slide) texts.slides.set(++slide, []);
    if (r.type === RT.MainMaster || slide === 0) continue;
    collect(stream, r, (c) => atomText(stream, c) !== undefined, (c) => texts.slides.get(slide)?.push(atomText(stream, c) ?? ''));
  }
}

/** HeadersFootersContainer: CString instance 1 is the header, 2 the footer ([MS-PPT] 2.4.15.x). */
function margins(stream: Uint8Array, hf: PptRecord, texts: Texts): void {
  for (const r of childrenOf(stream, hf.body, hf.end)) {
    if (r.type === RT.CString && (r.instance === 1 || r.instance === 2)) texts.margins.push({ part: r.instance === 1 ? 'header' : 'footer', text: utf16(stream, r) });
  }
}

/** Visits every record under `root` (depth first) that `want` accepts, not descending into `skip` types. */
function collect(stream: Uint8Array, root: PptRecord, want: (r: PptRecord) => boolean, visit: (r: PptRecord) => void, skip: readonly number[] = []): void {
  const stack = [root];
  for (let r = stack.pop(); r; r = stack.pop()) {
    if (r !== root && want(r)) visit(r);
    if (r.container && !skip.includes(r.type)) stack.push(...childrenOf(stream, r.body, r.end).reverse());
  }
}

/** TextCharsAtom is UTF-16LE; TextBytesAtom holds the low bytes of UTF-16 characters (Latin-1), [MS-PPT] 2.9.x. */
function atomText(stream: Uint8Array, r: PptRecord): string | undefined {
  if (r.type === RT.TextChars) return utf16(stream, r);
  if (r.type === RT.TextBytes) return new TextDecoder('latin1').decode(stream.subarray(r.body, r.end));
  return undefined;
}

function utf16(stream: Uint8Array, r: PptRecord): string {
  return new TextDecoder('utf-16le').decode(stream.subarray(r.body, r.body + ((r.end - r.body) & ~1)));
}

function u32(stream: Uint8Array, at: number): number {
  return at + 4 <= stream.length ? new DataView(stream.buffer, stream.byteOffset + at, 4).getUint32(0, true) : -1;
}

/** `\r` ends a paragraph, `\v` is a line break inside one; a lone `*` is a slide-number field ([MS-PPT] 2.9.x). */
function segmentsOf(texts: Texts): Segment[] {
  const out: Segment[] = [];
  const add = (text: string, origin: Segment['origin'], labelZone: boolean): void => {
    for (const line of text.split('\r').map((l) => l.replace(/\v/g, '\n').trim()).filter((l) => l !== '' && l !== '*')) out.push({ text: line, origin, ...(labelZone ? { labelZone } : {}) });
  };
  for (const [slide, list] of texts.slides) for (const t of list) add(t, { slide }, slide === 1);
  for (const [slide, list] of texts.notes) for (const t of list) add(t, { slide, part: 'notes' }, false);
  for (const [slide, list] of texts.comments) for (const t of list) add(t, { slide, part: 'comments' }, false);
  for (const { part, text } of texts.margins) add(text, { part }, true);
  return out;
}
