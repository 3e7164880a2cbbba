/**
 * xlsx report (`--format xlsx`): a workbook for Excel users — a summary sheet, a files sheet (auto-filter,
 * frozen header), an occurrences sheet (exact counts per type and place) and a findings sheet (locations).
 * Input: FileResults in report order; rows wait as JSON lines in sections (on disk for a share scan) until
 * the summary is known. Output: the workbook's bytes, made by exceljs's streaming WorkbookWriter one sheet
 * after another and handed on as they come, so memory stays flat however many files there are.
 * Never: writes a formula (strings are inline text, neutralised as in the CSV report), a raw value without
 * --show-values, or more rows than a sheet holds (1,048,576; the summary says what was cut).
 * exceljs takes 1.5–1.9 s to load here, so it is imported only when an xlsx report is finished.
 */
import type { Lang } from '../i18n/messages.js';
import type { FileResult, RuleInfo, ScanResult, ScanSummary } from '../model.js';
import { HtmlAggregate } from './html-aggregate.js';
import { htmlText } from './html-text.js';
import { RuleBook } from './rules.js';
import { linesOf, memorySection, type Section, type SectionFactory } from './sections.js';
import { ChunkPipe } from './xlsx-pipe.js';
import { FILE_COLUMNS, FINDING_COLUMNS, OCCURRENCE_COLUMNS, fileRow, findingRows, occurrenceRows, type Cell } from './xlsx-rows.js';
import { summaryRows, type SheetCounts } from './xlsx-summary.js';
import type { ReportWriter } from './writer.js';

export interface XlsxOptions {
  showValues: boolean;
  lang?: Lang;
}

/** Rows of data a sheet takes under its header (Excel: 1,048,576 rows in all). */
export const MAX_SHEET_ROWS = 1_048_575;

type ExcelJs = typeof import('exceljs');
type Book = InstanceType<ExcelJs['stream']['xlsx']['WorkbookWriter']>;

const SHEET_NAMES = { en: ['Summary', 'Files', 'Occurrences', 'Findings'], ja: ['概要', 'ファイル', '出現', '検出'] } as const;
const WIDTHS: Readonly<Record<string, number>> = { path: 60, folder: 40, reason: 40, where: 30, location: 24, labels: 20, types: 30, masked: 22, appi_categories: 30 };

/** Lets the zip writer compress and hand on what was written before more rows come. */
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Buffers (of this thread) beyond which rows wait for the zip writer. exceljs's sheet streams hand XML on
 * without waiting, and archiver queues it for zlib, which compresses in the thread pool: rows written in a
 * loop pile up as Buffers (100,000 files: 459 MB peak RSS, against 169 MB for the JSON report). No stream
 * in between exposes that queue, so the writer waits, a tick at a time, while this thread's ArrayBuffer
 * memory is over this mark (measured: 233 MB peak). A bounded number of waits, so it can never hang.
 */
const BUFFER_MARK = 64 << 20;
const MAX_WAITS = 10_000;

/**
 * The one style object of every data row and cell. exceljs gives each new row and cell a style object of its
 * own and, for each, renders the style to XML to find its index (28% of the CPU time of a 120,000-row workbook); a
 * style object it has seen before is looked up by identity instead. 600,000 findings: see BENCHMARKS.md.
 */
const PLAIN_STYLE = {};

type Sheet = ReturnType<Book['addWorksheet']>;

function plainRow(sheet: Sheet, values: Cell[]): void {
  const row = sheet.addRow(values);
  (row as unknown as { style: object }).style = PLAIN_STYLE; // a field of Row, not in exceljs's types
  row.eachCell({ includeEmpty: true }, (cell) => {
    cell.style = PLAIN_STYLE;
  });
  row.commit();
}

async function drain(base: number): Promise<void> {
  for (let waits = 0; process.memoryUsage().arrayBuffers > base + BUFFER_MARK && waits < MAX_WAITS; waits++) await tick();
}

class SheetRows {
  readonly section: Section;
  rows = 0;
  constructor(sections: SectionFactory) {
    this.section = sections();
  }
  add(row: Cell[]): void {
    this.rows++;
    if (this.rows <= MAX_SHEET_ROWS) this.section.write(`${JSON.stringify(row)}\n`);
  }
}

export class XlsxWriter implements ReportWriter {
  private readonly book: RuleBook;
  private readonly agg = new HtmlAggregate();
  private readonly files: SheetRows;
  private readonly occurrences: SheetRows;
  private readonly findings: SheetRows;

  constructor(
    private readonly tool: ScanResult['tool'],
    rules: readonly RuleInfo[],
    private readonly options: XlsxOptions,
    sections: SectionFactory = memorySection,
  ) {
    this.book = new RuleBook(rules);
    [this.files, this.occurrences, this.findings] = [new SheetRows(sections), new SheetRows(sections), new SheetRows(sections)];
  }

  private typeName = (id: string): string => {
    this.book.indexOf(id);
    const rule = this.book.byId.get(id);
    return rule === undefined ? id : this.options.lang === 'ja' ? rule.nameJa : rule.nameEn;
  };

  file(file: FileResult): void {
    this.agg.add(file);
    this.files.add(fileRow(file));
    for (const row of occurrenceRows(file, this.typeName)) this.occurrences.add(row);
    for (const row of findingRows(file, this.typeName, this.options.showValues)) this.findings.add(row);
  }

  async *finish(summary: ScanSummary): AsyncGenerator<Uint8Array> {
    const { default: ExcelJS } = (await import('exceljs')) as unknown as { default: ExcelJs };
    const pipe = new ChunkPipe();
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: pipe.writable, useStyles: true, useSharedStrings: false });
    const work = this.write(book, summary).then(
      () => pipe.close(),
      (error: unknown) => pipe.close(error ?? new Error('xlsx: failed')),
    );
    yield* pipe.chunks();
    await work;
  }

  private async write(book: Book, summary: ScanSummary): Promise<void> {
    const names = SHEET_NAMES[this.options.lang ?? 'en'];
    const counts: SheetCounts = { files: this.files.rows, occurrences: this.occurrences.rows, findings: this.findings.rows, max: MAX_SHEET_ROWS };
    const sheet = book.addWorksheet(names[0], { views: [{ state: 'normal' }] });
    sheet.columns = [{ width: 44 }, { width: 16 }, { width: 40 }];
    for (const row of summaryRows(htmlText(this.options.lang), this.tool, summary, this.agg, this.typeName, counts)) plainRow(sheet, row);
    sheet.commit();
    await this.table(book, names[1], FILE_COLUMNS, this.files);
    await this.table(book, names[2], OCCURRENCE_COLUMNS, this.occurrences);
    await this.table(book, names[3], FINDING_COLUMNS, this.findings);
    await book.commit();
  }

  /** A sheet with a bold, frozen, filterable header, its rows read back from their section. */
  private async table(book: Book, name: string, columns: readonly string[], rows: SheetRows): Promise<void> {
    const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    sheet.columns = columns.map((c) => ({ header: c, key: c, width: WIDTHS[c] ?? 12 }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    const base = process.memoryUsage().arrayBuffers;
    let n = 0;
    for (const line of linesOf(rows.section)) {
      plainRow(sheet, JSON.parse(line) as Cell[]);
      if (++n % 1000 !== 0) continue;
      await tick();
      await drain(base);
    }
    sheet.commit();
    await tick();
  }
}
