/**
 * Human-readable report for the terminal: findings grouped by file, unscanned files, a summary by type.
 * Input: a sorted ScanResult, the detectors' RuleInfo, options (values, colour, language).
 * Output: text ending in a newline. Never: shows the unmasked value without showValues; never asks the
 * terminal whether it supports colour (options.color decides, so tests are deterministic).
 */
import { Chalk, type ChalkInstance } from 'chalk';
import { UNLABELLED_TYPE, type FileResult, type Finding, type Level, type RuleInfo, type ScanSummary } from '../model.js';
import { formatLocation, formatWhere } from './location.js';
import { fixed2 } from './round.js';
import { RuleBook } from './rules.js';
import { linesOf, memorySection, type Section, type SectionFactory } from './sections.js';
import { labelsFor, type Lang, type TextLabels } from './text-labels.js';
import { APPI_GROUPS, AppiTally, appiGroup, appiLine, groupHeading } from './text-appi.js';
import { columnWidths, displayWidth, layoutRow, layoutTable, padEnd } from './text-table.js';
import type { ReportWriter } from './writer.js';

export interface TextOptions {
  showValues: boolean;
  color: boolean;
  lang?: Lang;
  /** Lines added after the totals (e.g. how many findings a baseline hid). */
  notes?: readonly string[];
}

interface Ctx {
  c: ChalkInstance;
  t: TextLabels;
  rules: Map<string, RuleInfo>;
  options: TextOptions;
}

const LEVEL_ORDER: readonly Level[] = ['high', 'medium', 'low'];

/** Japanese first in Japanese output, English first otherwise. */
function typeName(type: string, ctx: Ctx): string {
  const rule = ctx.rules.get(type);
  if (rule === undefined || rule.nameJa === rule.nameEn) return rule?.nameEn ?? type;
  return ctx.options.lang === 'ja' ? `${rule.nameJa} (${rule.nameEn})` : `${rule.nameEn} (${rule.nameJa})`;
}

/** One language only, for the summary table: the id beside it is the unambiguous key. */
function localName(type: string, ctx: Ctx): string {
  const rule = ctx.rules.get(type);
  if (rule === undefined) return type;
  return ctx.options.lang === 'ja' ? rule.nameJa : rule.nameEn;
}

function colourLevel(level: Level, text: string, c: ChalkInstance): string {
  if (level === 'high') return c.red(text);
  return level === 'medium' ? c.yellow(text) : c.cyan(text);
}

function findingTail(f: Finding, ctx: Ctx): string {
  let tail = f.masked;
  if (ctx.options.showValues && f.value !== '') tail += `  ${ctx.t.value}=${f.value}`;
  if (f.suppressed) {
    const reason = f.suppressed.reason === undefined ? '' : `: ${f.suppressed.reason}`;
    tail += `  [${ctx.t.suppressed}${reason}]`;
  }
  return tail;
}

function findingLines(findings: readonly Finding[], ctx: Ctx): string[] {
  const cells = findings.map((f) => [formatLocation(f.location) || ctx.t.wholeFile, typeName(f.type, ctx), ctx.t.level[f.level]]);
  const widths = columnWidths(cells);
  return findings.map((f, i) => {
    const [loc = '', type = '', level = ''] = cells[i] ?? [];
    const line =
      `  ${padEnd(loc, widths[0] ?? 0)}  ${padEnd(type, widths[1] ?? 0)}  ` +
      `${colourLevel(f.level, padEnd(level, widths[2] ?? 0), ctx.c)}  ${fixed2(f.confidence)}  ${findingTail(f, ctx)}`.trimEnd();
    return f.suppressed ? ctx.c.dim(line) : line;
  });
}

function fileBlock(file: FileResult, ctx: Ctx): string[] {
  const { c, t } = ctx;
  const labels = file.labels.length > 0 ? file.labels.join(', ') : t.none;
  const flags = file.sensitive ? ` · ${c.magenta(t.sensitive)}` : '';
  const lines = [
    `${c.bold(file.path)} ${c.dim(`(${file.format})`)}`,
    `  ${t.labels}: ${labels} · ${t.risk} ${fixed2(file.risk)}${flags}`,
  ];
  const appi = file.appi && appiLine(file.appi, ctx.options.lang);
  if (appi) lines.push(`  ${appi}`);
  if (file.sensitive && !file.labelled) lines.push(`  ${c.bold.red(t.unlabelled)}`);
  return [...lines, ...noteLines(file, ctx), ...findingLines(file.findings, ctx), ...moreLines(file, ctx)];
}

/** One line per occurrence not listed in full: how many more, where, how many in all. */
function moreLines(file: FileResult, ctx: Ctx): string[] {
  return (file.occurrences ?? [])
    .filter((o) => o.count > o.listed)
    .map((o) => `  ${ctx.c.dim(ctx.t.more(o.count - o.listed, typeName(o.type, ctx), formatWhere(o.where, ctx.t.column), o.count, o.distinct))}`);
}

/** Adds a file's unsuppressed findings to the counts by type and level: its occurrences, then what they do not count. */
function countFile(file: FileResult, counts: Map<string, Record<Level, number>>): void {
  const add = (type: string, level: Level, n: number): void => {
    const row = counts.get(type) ?? { high: 0, medium: 0, low: 0 };
    row[level] += n;
    counts.set(type, row);
  };
  for (const o of file.occurrences ?? []) {
    if (o.byLevel) for (const level of LEVEL_ORDER) add(o.type, level, o.byLevel[level]);
    else add(o.type, o.level, o.count);
  }
  for (const f of file.findings) {
    if (f.suppressed || (file.occurrences && f.type !== UNLABELLED_TYPE)) continue;
    add(f.type, f.level, 1);
  }
}

/** How the file was read when not perfectly: shown even when it has no findings (never silently clean). */
function noteLines(file: FileResult, ctx: Ctx): string[] {
  return (file.notes ?? []).map((n) => `  ${ctx.c.yellow(`${ctx.t.note}: ${n}`)}`);
}

/** Counts unsuppressed findings by type and level, types in rule order. */
function summaryRows(counts: ReadonlyMap<string, Record<Level, number>>, ctx: Ctx): string[][] {
  const total: Record<Level, number> = { high: 0, medium: 0, low: 0 };
  const rows: string[][] = [];
  for (const id of ctx.rules.keys()) {
    const row = counts.get(id);
    if (row === undefined) continue;
    for (const level of LEVEL_ORDER) total[level] += row[level];
    rows.push([`${localName(id, ctx)} [${id}]`, ...countCells(row)]);
  }
  return [...rows, [ctx.t.total, ...countCells(total)]];
}

function countCells(row: Record<Level, number>): string[] {
  return [String(row.high + row.medium + row.low), ...LEVEL_ORDER.map((l) => String(row[l]))];
}

function summarySection(counts: ReadonlyMap<string, Record<Level, number>>, summary: ScanSummary, ctx: Ctx): string[] {
  const { c, t } = ctx;
  const header = [t.type, t.count, ...LEVEL_ORDER.map((l) => t.level[l])];
  const [head = '', ...body] = layoutTable([header, ...summaryRows(counts, ctx)], 1);
  const rule = '-'.repeat(displayWidth(head));
  return [c.bold(t.summary), `  ${c.bold(head)}`, `  ${rule}`, ...body.map((l) => `  ${l}`), '', t.totals(summary)];
}

/** The APPI summary: files per category, special-care kind, roster and breach-reportable. */
function appiSection(tally: AppiTally, ctx: Ctx): string[] {
  const rows = tally.rows(ctx.options.lang);
  if (!rows.length) return [];
  const ja = ctx.options.lang === 'ja';
  const [head = '', ...body] = layoutTable([[ja ? '個人情報保護法の区分' : 'APPI category', ja ? 'ファイル数' : 'Files'], ...rows], 1);
  return ['', `  ${ctx.c.bold(head)}`, `  ${'-'.repeat(displayWidth(head))}`, ...body.map((l) => `  ${l}`)];
}

/**
 * The text report written file by file: the blocks of files with findings go to one section per APPI group
 * (breach-reportable first, then rosters, other personal information, the rest), the rows of files not
 * scanned to another (as JSON lines, laid out at the end when the column widths are known).
 */
export class TextWriter implements ReportWriter {
  private readonly ctx: Ctx;
  private readonly book: RuleBook;
  private readonly blocks: Section[];
  private readonly shownIn = [0, 0, 0, 0];
  private readonly tally = new AppiTally();
  private readonly unscanned: Section;
  private readonly widths: number[] = [];
  private readonly counts = new Map<string, Record<Level, number>>();
  private shown = 0;
  private notScanned = 0;

  constructor(rules: readonly RuleInfo[], options: TextOptions, sections: SectionFactory = memorySection) {
    this.book = new RuleBook(rules);
    this.ctx = { c: new Chalk({ level: options.color ? 1 : 0 }), t: labelsFor(options.lang), rules: this.book.byId, options };
    this.blocks = APPI_GROUPS.map(() => sections());
    this.unscanned = sections();
  }

  file(file: FileResult): void {
    this.book.see(file);
    // Findings decide, not `sensitive`: a file whose findings a baseline or --diff hid has nothing to show.
    if (file.findings.length > 0) {
      this.shown++;
      const group = appiGroup(file);
      this.shownIn[group] = (this.shownIn[group] ?? 0) + 1;
      this.blocks[group]?.write(`${fileBlock(file, this.ctx).join('\n')}\n\n`);
    } else if (file.status === 'scanned' && file.notes?.length) {
      // Partly read without findings: listed with its notes (among files without personal information).
      this.shownIn[3] = (this.shownIn[3] ?? 0) + 1;
      this.blocks[3]?.write(`${[`${this.ctx.c.bold(file.path)} ${this.ctx.c.dim(`(${file.format})`)}`, ...noteLines(file, this.ctx)].join('\n')}\n\n`);
    }
    this.tally.add(file);
    countFile(file, this.counts);
    if (file.status !== 'scanned') {
      const row = [file.path, `${this.ctx.t.status[file.status]}:`, file.reason ?? ''];
      row.forEach((cell, i) => (this.widths[i] = Math.max(this.widths[i] ?? 0, displayWidth(cell))));
      this.unscanned.write(`${JSON.stringify(row)}\n`);
      this.notScanned++;
    }
  }

  *finish(summary: ScanSummary): Generator<string | Uint8Array> {
    const { c, t, options } = this.ctx;
    // Headings only when some file holds personal information (a report without verdicts reads as before).
    const headed = this.shownIn.slice(0, 3).some((n) => n > 0);
    for (const group of APPI_GROUPS) {
      if (this.shownIn[group] === 0) continue;
      if (headed) yield `${groupHeading(group, options.lang, c)}\n\n`;
      yield* this.blocks[group]?.chunks() ?? [];
    }
    if (this.shown === 0) yield `${t.noFindings}\n\n`;
    if (this.notScanned > 0) {
      yield `${c.bold(t.notScanned)}\n`;
      for (const line of linesOf(this.unscanned)) yield `  ${layoutRow(JSON.parse(line) as string[], this.widths, 3)}\n`;
      yield '\n';
    }
    // The APPI table goes between the table by type and the totals line, which stays last; then what was not listed.
    const lines = summarySection(this.counts, summary, this.ctx);
    lines.splice(lines.length - 2, 0, ...appiSection(this.tally, this.ctx));
    const unlisted = summary.unlisted ? [t.unlisted(summary.unlisted)] : [];
    for (const line of [...lines, ...unlisted, ...(options.notes ?? [])]) yield `${line}\n`;
  }
}
