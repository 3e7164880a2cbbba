/**
 * A big workbook analyzed on every worker instead of one: this thread opens the zip, cuts each worksheet's
 * XML at `<row>`s into pieces as it inflates, and sends the pieces to the pool (sheet-piece.ts reads and
 * analyzes one); their hits, evidence and label texts are merged here in sheet order, as a huge CSV's chunks
 * are (large-text.ts), into the result the whole file's reading gives — the same findings, fingerprints,
 * counts and verdict, byte for byte. A 100,000-row workbook was one worker's job (3 s) while the other waited.
 *
 * A piece is read from the state the rows before it leave (the column headers in effect, the row number),
 * which is known only once they are read: each piece is sent with the state the last merged piece left
 * (the first piece of a sheet is merged before any other is sent, so a header at the top is known to all),
 * and when a merged piece shows that the state was another, the piece is analyzed again from the right one.
 * A cut the whole reading would not have made (an element open across it, one row's cells on both sides)
 * gives the file back to the whole reading, as does anything unusual about the zip: only well-formed
 * sheets take this way, and every failure is reported by the reading that always reported it.
 * Input: the file's bytes (read by this thread). Output: the file's results, or undefined: read it whole.
 */
import { posix } from 'node:path';
import { chooseExtractor } from '../extract/index.js';
import { officeFormatOf } from '../extract/office/index.js';
import { magicFormat } from '../extract/sniff.js';
import { NO_LAYOUT, sameLayout } from '../extract/table-layout.js';
import { notScanned, type FileRef, type FileResult } from '../model.js';
import { FindingsBuilder, resultOf, SegmentSink, type AnalyzeOptions } from './analyze-file.js';
import type { SheetPiece, SheetPieceHits, WorkbookXml } from './sheet-piece.js';
import type { OfficeZip } from '../extract/office/zip-parts.js';
import type { SheetState } from '../extract/office/xlsx.js';

/** Sizes of the cut (a bound and a granularity, not tuning knobs that change a result; tests make them small). */
export const PIECES = {
  /** Workbooks whose sheets hold less XML than this (declared sizes) are read whole, in one worker. */
  minSheetBytes: 4 * 1024 * 1024,
  /** The first piece of a sheet (its header rows, for the state the others start from). */
  firstBytes: 64 * 1024,
  /** The other pieces: about 3,000 rows of eight cells. */
  pieceBytes: 1024 * 1024,
  /** No `<row>` to cut at in this much XML (a sheet written with a namespace prefix): read whole. */
  maxUncutBytes: 16 * 1024 * 1024,
  /**
   * Workers needed for a workbook to be read in pieces. Each worker that takes pieces compiles the sheet reader
   * and the analysis for itself, and this thread merges: on the 2-core bench machine the xlsx roster in pieces on
   * two workers took 3.67 s against 3.76 s whole, for 6.44 against 4.87 s of CPU and 274 against 172 MB
   * (BENCHMARKS.md "A workbook in pieces"). One worker already keeps the second core half busy with V8's
   * compiler and collector threads; from three workers on, the cores left idle by one worker pay for that.
   */
  minWorkers: 3,
};
/** Smaller files are not even opened here: a workbook this small rarely holds that much sheet XML. */
const MIN_FILE_BYTES = 64 * 1024;
const HEAD_BYTES = 8192;

export interface PiecesOptions {
  analyze: (piece: SheetPiece) => Promise<SheetPieceHits>;
  /** Pieces in flight at once (each holds its bytes here and in a worker). */
  parallel: number;
  /** Called when the file is done: the workers may drop the workbook's cell texts. */
  forget?: (workbook: number) => void;
}

let nextWorkbook = 1;

/** What this thread read in pieces so far (files, pieces sent, pieces sent again): for tests and --debug counts. */
export const piecesRead = { files: 0, pieces: 0, again: 0 };

/** Why a file goes back to the whole reading. */
class ReadWhole extends Error {}

/** Whether a file may be read in pieces (the zip is opened only for these). */
export function mayReadInPieces(ref: FileRef, bytes: Uint8Array): boolean {
  return bytes.length >= Math.min(MIN_FILE_BYTES, PIECES.minSheetBytes) && /\.xls[xm]$/i.test(ref.relPath) && magicFormat(bytes.subarray(0, HEAD_BYTES)) === 'zip';
}

export async function analyzeWorkbookInPieces(ref: FileRef, bytes: Uint8Array, opts: AnalyzeOptions, pieces: PiecesOptions): Promise<FileResult[] | undefined> {
  const path = ref.relPath;
  const name = path.slice(path.lastIndexOf('!/') + 1);
  const choice = chooseExtractor(name, bytes.subarray(0, HEAD_BYTES), bytes);
  if (!('extractor' in choice) || choice.extractor.format !== 'xlsx' || magicFormat(bytes.subarray(0, HEAD_BYTES)) !== 'zip') return undefined;
  const format = officeFormatOf(choice.name ?? name) ?? 'xlsx';
  const { withOfficeZip } = await import('../extract/office/zip-parts.js');
  const workbook = nextWorkbook++;
  const deadline = Number.isFinite(opts.limits.timeoutMs) && opts.limits.timeoutMs > 0 ? performance.now() + opts.limits.timeoutMs : Infinity;
  try {
    const read = await withOfficeZip(bytes, opts.limits, (zip) => readWorkbook(zip, path, opts, { ...pieces, workbook, deadline }));
    if ('ok' in read) return undefined; // the whole reading reports the zip's problem as it always did
    piecesRead.files++;
    const result: FileResult = { ...resultOf(path, format, read.built, [...read.sink.labelSources, ...read.labels], opts, [], read.sink.appi.done()), size: ref.size };
    return [result];
  } catch (error) {
    if (error instanceof ReadWhole) return undefined;
    if (error instanceof TimedOut) return [{ ...notScanned(path, 'error', `timed out after ${opts.limits.timeoutMs} ms (${choice.extractor.format})`, { format: choice.extractor.format }), size: ref.size }];
    throw error;
  } finally {
    pieces.forget?.(workbook);
  }
}

/** The file's time limit passed (the whole reading's: extraction and analysis of its cells). */
class TimedOut extends Error {}

interface Reading extends PiecesOptions {
  workbook: number;
  deadline: number;
}

async function readWorkbook(zip: OfficeZip, path: string, opts: AnalyzeOptions, reading: Reading): Promise<{ built: FindingsBuilder; sink: SegmentSink; labels: string[] }> {
  const { readWorkbookParts, workbookTail } = await import('../extract/office/xlsx.js');
  const parts = await readWorkbookParts(zip);
  if ('ok' in parts) throw new ReadWhole(parts.reason);
  const sheetBytes = parts.sheets.reduce((n, s) => n + zip.size(s.part), 0);
  if (sheetBytes < PIECES.minSheetBytes) throw new ReadWhole('small sheets');
  // Read in the whole reading's order: the limits count what each read adds.
  const strings = parts.stringsPart ? await zip.readBytes(parts.stringsPart) : undefined;
  const styles = parts.stylesPart ? await zip.readText(parts.stylesPart) : undefined;
  const xml: WorkbookXml = { strings, styles, date1904: parts.date1904 };
  const built = new FindingsBuilder(path, opts);
  const sink = new SegmentSink(opts, (hits) => built.add(hits), [posix.basename(path)]);
  const merge = (got: SheetPieceHits): void => {
    built.addPacked(got.hits);
    sink.appi.merge(got.evidence);
    sink.addLabels(got.labels, got.headAt);
  };
  for (const sheet of parts.sheets) {
    const sheetPieces = new SheetPieces({ workbook: { id: reading.workbook, xml }, sheet: sheet.name }, reading, merge);
    await sheetPieces.read(await zip.openStream(sheet.part));
  }
  const tail = await workbookTail(zip, parts.sheets);
  for (const s of tail.segments) sink.add(s);
  return { built, sink, labels: tail.labels };
}

interface InFlight {
  piece: SheetPiece;
  last: boolean;
  result: Promise<SheetPieceHits>;
}

/** One sheet's pieces: cut, sent, and merged in order with their state checked. */
class SheetPieces {
  private readonly inFlight: InFlight[] = [];
  private sent = 0;
  /** The state the merged pieces leave, and the row of their last cell. */
  private state: SheetState | undefined;
  private lastRow = 0;

  constructor(
    private readonly base: Pick<SheetPiece, 'workbook' | 'sheet'>,
    private readonly reading: Reading,
    private readonly merge: (got: SheetPieceHits) => void,
  ) {}

  async read(xml: AsyncIterable<Buffer>): Promise<void> {
    try {
      await this.cut(xml);
      while (this.inFlight.length > 0) await this.mergeNext();
    } finally {
      // Nothing of this file keeps running once it is given up (its pieces' failures are not unhandled).
      await Promise.allSettled(this.inFlight.map((f) => f.result));
    }
  }

  /**
   * Cuts at the first `<row>` at or after the target size (one that straddles two inflated chunks is passed
   * over for the next): each piece is copied once, from the chunks, into a buffer of its own.
   */
  private async cut(xml: AsyncIterable<Buffer>): Promise<void> {
    let held: Buffer[] = [];
    let size = 0;
    for await (const chunk of xml) {
      if (this.sent === 0 && size === 0 && (chunk[0] === 0xff || chunk[0] === 0xfe)) throw new ReadWhole('UTF-16 sheet');
      let rest = chunk;
      for (;;) {
        const target = this.target();
        const at = size + rest.length < target ? -1 : rowStart(rest, Math.max(0, target - size));
        if (at < 0) {
          held.push(rest);
          size += rest.length;
          if (size > PIECES.maxUncutBytes) throw new ReadWhole('no row to cut at');
          break;
        }
        held.push(rest.subarray(0, at));
        await this.send(Buffer.concat(held, size + at), false);
        held = [];
        size = 0;
        rest = rest.subarray(at);
      }
    }
    await this.send(Buffer.concat(held, size), true);
  }

  private target(): number {
    return this.sent === 0 ? PIECES.firstBytes : PIECES.pieceBytes;
  }

  private async send(bytes: Uint8Array, last: boolean): Promise<void> {
    // The first piece's state is what the others start from: they wait for it.
    if (this.sent === 1) while (this.inFlight.length > 0) await this.mergeNext();
    while (this.inFlight.length >= this.reading.parallel) await this.mergeNext();
    const piece: SheetPiece = { ...this.base, bytes, from: this.state ?? START };
    this.sent++;
    piecesRead.pieces++;
    const result = this.reading.analyze(piece);
    result.catch(() => undefined); // awaited in order; until then a failure must not count as unhandled
    this.inFlight.push({ piece, last, result });
  }

  private async mergeNext(): Promise<void> {
    const next = this.inFlight.shift();
    if (!next) return;
    let got = await next.result.catch((error: unknown) => {
      throw new ReadWhole(`piece failed: ${(error as Error).message}`);
    });
    const expected = this.state ?? START;
    // Rows without numbers are counted on from the rows before: every piece sent before they are known would
    // be read again (writers other than Excel may leave `r` out). Such a sheet is read whole.
    if (got.read.relative && next.piece.from.row !== expected.row) throw new ReadWhole('rows without numbers');
    if (!sameLayout(next.piece.from.layout, expected.layout)) {
      piecesRead.again++;
      got = await this.reading.analyze({ ...next.piece, bytes: got.bytes, from: expected, fresh: true }).catch((error: unknown) => {
        throw new ReadWhole(`piece failed: ${(error as Error).message}`);
      });
    }
    if (!next.last && !got.read.clean) throw new ReadWhole('an element is cut between two pieces');
    if (got.read.firstRow !== 0 && got.read.firstRow === this.lastRow) throw new ReadWhole('a row is cut between two pieces');
    if (performance.now() > this.reading.deadline) throw new TimedOut();
    this.merge(got);
    this.state = got.read.state;
    if (got.read.lastRow !== 0) this.lastRow = got.read.lastRow;
  }
}

const START: SheetState = { row: 0, layout: NO_LAYOUT };

/** The first `<row` start tag at or after `from` (`<row` then white space, `>` or `/`), -1: none. */
export function rowStart(buf: Buffer, from: number): number {
  for (let at = buf.indexOf('<row', from, 'latin1'); at >= 0; at = buf.indexOf('<row', at + 1, 'latin1')) {
    const next = buf[at + 4];
    if (next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d || next === 0x3e || next === 0x2f) return at;
    if (next === undefined) return -1; // its next byte is still to come
  }
  return -1;
}
