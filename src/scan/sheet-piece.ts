/**
 * One piece of a big worksheet analyzed in a worker (workbook-pieces.ts cuts the sheet's XML at `<row>`s on
 * the main thread): its cells read as the whole sheet's reading reads them (xlsx.ts readSheetXml), from the
 * state the rows before it left, and analyzed as analyze-file.ts analyzes a file's segments (SegmentSink).
 * Input: the piece's bytes, the sheet's name, the state to start from and the workbook's cell texts (shared
 * strings, formats), which cross once per worker and file and are kept here. Output: the hits packed, the
 * APPI evidence, the label texts, and how the reading ended (its state, rows, whether it ended cleanly) for
 * the main thread to check the cut and the state it assumed.
 */
import type { AppiEvidence } from '../appi/evidence.js';
import { decodeXmlBytes } from '../extract/office/zip-parts.js';
import { cellTexts, readSheetXml, type CellTexts, type SheetRead, type SheetState } from '../extract/office/xlsx.js';
import { cellAnalyses, SegmentSink, type CellAnalyses, type SegmentOptions } from './analyze-file.js';
import { HitPacker } from './hit-packer.js';
import type { PackedHits } from './packed-hits.js';

/**
 * The parts a workbook's cells are read with (undefined: the workbook has none): the shared strings as the
 * part's bytes (decoded here: a 3 MB string cost the main thread its decoding and two copies), the styles as text.
 */
export interface WorkbookXml {
  strings: Uint8Array | undefined;
  styles: string | undefined;
  date1904: boolean;
}

export interface SheetPiece {
  /** The workbook: a number per file read in pieces; `xml` is sent with the first piece a worker gets. */
  workbook: { id: number; xml?: WorkbookXml };
  sheet: string;
  /** The piece's XML: from a `<row>` (or the part's start) to the next piece's `<row>` (or the part's end). */
  bytes: Uint8Array;
  from: SheetState;
  /** Without the cells this worker remembers of the workbook (a piece analyzed again after later ones). */
  fresh?: boolean;
}

export interface SheetPieceHits {
  hits: PackedHits;
  evidence: AppiEvidence;
  /** Label texts in order (label zones, and the text of the piece's first segment at `headAt`, -1: none). */
  labels: string[];
  headAt: number;
  read: SheetRead;
  /** The piece's bytes, back to the main thread (moved, not copied), which may send them again. */
  bytes: Uint8Array;
}

interface Book {
  texts: CellTexts;
  memo: CellAnalyses;
}

/**
 * Workbooks this worker has pieces of, until the main thread says it is done with one (forgetWorkbook) —
 * or, should that message be lost, until two more are read in pieces.
 */
const books = new Map<number, Book>();
const KEPT_BOOKS = 2;

export function forgetWorkbook(id: number): void {
  books.delete(id);
}

function bookOf(workbook: SheetPiece['workbook']): Book {
  let book = books.get(workbook.id);
  if (book) return book;
  if (!workbook.xml) throw new Error(`workbook ${workbook.id} of this piece was never sent to this worker`);
  const { strings, styles, date1904 } = workbook.xml;
  book = { texts: cellTexts(strings && decodeXmlBytes(strings), styles, date1904), memo: cellAnalyses() };
  books.set(workbook.id, book);
  for (const id of books.keys()) if (books.size > KEPT_BOOKS) books.delete(id);
  return book;
}

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

export async function analyzeSheetPiece(piece: SheetPiece, opts: SegmentOptions): Promise<SheetPieceHits> {
  const book = bookOf(piece.workbook);
  const packer = new HitPacker();
  const sink = new SegmentSink(opts, (hits) => {
    for (const h of hits) packer.add(h);
  }, [], piece.fresh ? cellAnalyses() : book.memo);
  const read = await readSheetXml(once(piece.bytes), book.texts, piece.sheet, sink.add, piece.from);
  return { hits: packer.done(), evidence: sink.appi.done(), labels: sink.labelSources, headAt: sink.headAt, read, bytes: piece.bytes };
}
