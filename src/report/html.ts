/**
 * HTML report (`--format html`): one self-contained page for the people who act on a scan — overview,
 * charts, the riskiest folders and files, and a sortable, filterable table of every file with its findings
 * and exact counts. Scripts and styles are inline, nothing is loaded from anywhere, values are masked.
 * Input: FileResults in report order, the rules (names), the language. Output: the page, in chunks; the
 * files' records wait, packed, in a section (on disk for a share scan) until the summary is known.
 * Never: carries a raw value (even with --show-values: the page is for passing around), never puts
 * scanned text into the page unescaped.
 */
import type { Lang } from '../i18n/messages.js';
import { LEVELS, type FileResult, type RuleInfo, type ScanResult, type ScanSummary } from '../model.js';
import { HtmlAggregate } from './html-aggregate.js';
import { PAGE_SIZE, SCRIPT } from './html-client.js';
import { PackedChunks } from './html-chunks.js';
import { fileRecord, scriptJson, scriptSafe } from './html-data.js';
import { FirstPage } from './html-first.js';
import { ChangeTally, type PreviousReport } from './html-changes.js';
import { changesSection } from './html-changes-page.js';
import { charts, fileTable, head, overview, riskiest } from './html-page.js';
import { htmlText } from './html-text.js';
import { RuleBook } from './rules.js';
import { memorySection, type SectionFactory } from './sections.js';
import type { ReportWriter } from './writer.js';

export interface HtmlOptions {
  lang?: Lang;
  /** The previous report, read (--previous): the page shows what changed since. */
  previous?: PreviousReport;
}

const CHANGE_MARK = { new: 'n', more: '+', fewer: '-' } as const;

export class HtmlWriter implements ReportWriter {
  private readonly book: RuleBook;
  private readonly records: PackedChunks;
  private readonly details: PackedChunks;
  private readonly agg = new HtmlAggregate();
  private readonly first = new FirstPage(PAGE_SIZE);
  private readonly changes: ChangeTally | undefined;

  constructor(
    private readonly tool: ScanResult['tool'],
    rules: readonly RuleInfo[],
    private readonly options: HtmlOptions,
    sections: SectionFactory = memorySection,
  ) {
    this.book = new RuleBook(rules);
    this.records = new PackedChunks('jpii-files', sections());
    this.details = new PackedChunks('jpii-details', sections());
    this.changes = options.previous === undefined ? undefined : new ChangeTally(options.previous);
  }

  file(file: FileResult): void {
    this.agg.add(file);
    const rec = fileRecord(file, (type) => this.book.indexOf(type));
    const change = this.changes?.add(file.path, rec.n);
    if (change) rec.ch = CHANGE_MARK[change];
    this.first.add(rec, JSON.stringify(rec));
    // The table needs a file's columns at once; its findings, occurrences and notes only when it is selected.
    const { fs, m, oc, no, ...columns } = rec;
    this.records.add(JSON.stringify(columns));
    this.details.add(JSON.stringify({ fs, m, ...(oc ? { oc } : {}), ...(no ? { no } : {}) }));
  }

  private typeName(id: string): string {
    const rule = this.book.byId.get(id);
    if (rule === undefined) return id;
    return this.options.lang === 'ja' ? rule.nameJa : rule.nameEn;
  }

  *finish(summary: ScanSummary): Generator<string | Uint8Array> {
    const t = htmlText(this.options.lang);
    const tool = `${this.tool.name} ${this.tool.version}`;
    yield head(t, this.options.lang ?? 'en', tool);
    yield overview(t, summary, this.agg);
    if (this.changes !== undefined) yield changesSection(t, this.changes, this.changes.gone(), this.options.previous?.name ?? '', summary.findings);
    yield charts(t, summary, this.agg, (id) => this.typeName(id));
    yield riskiest(t, this.agg);
    yield fileTable(t, this.changes !== undefined);
    const meta = {
      names: this.book.all.map((r) => this.typeName(r.id)),
      ids: this.book.all.map((r) => r.id),
      levels: LEVELS,
      pageSize: PAGE_SIZE,
      total: summary.files,
      changes: this.changes !== undefined,
      loadingFormat: t.loading(-1).replace('-1', '{of}'),
      text: t,
      rowsFormat: t.rows(-1, -2, -3).replace('-1', '{from}').replace('-2', '{to}').replace('-3', '{of}'),
      moreFormat: t.moreFindings(-9).replace('-9', '{n}'),
      oldBrowser: t.oldBrowser,
    };
    // The first page and the script come before the packed records: the table's first rows are drawn
    // while the parser still reads the records, which are unpacked once the document is parsed.
    yield `<script type="application/json" id="jpii-meta">${scriptJson(meta)}</script>\n`;
    yield `<script type="application/json" id="jpii-first">${scriptSafe(this.first.json())}</script>\n`;
    yield `<script>${SCRIPT}</script>\n`;
    yield* this.records.chunks();
    yield* this.details.chunks();
    yield '</main></body></html>\n';
  }
}
