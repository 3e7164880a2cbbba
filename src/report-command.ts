/**
 * `jpii report REPORT.json... [--format html|xlsx|csv|sarif|json|text] [-o FILE] [--previous OLD.json]`: renders saved JSON reports
 * (one scan's, a `jpii merge` result, or the shard reports themselves, merged here) in another format,
 * without scanning again; the HTML report can show what changed since a previous report. Values stay masked:
 * a JSON report made with --show-values gives its masked forms.
 * Exit: 0; unreadable or foreign inputs, SARIF inputs, overlapping shards and unwritable outputs are thrown
 * for the CLI to print (exit 2).
 */
import { resolve } from 'node:path';
import type { Io } from './cli.js';
import { reportRules } from './config/settings.js';
import { defaultLang } from './i18n/messages.js';
import { mergeJson, versionWarning } from './merge/merge-json.js';
import { mergeSorted, UnsortedInput } from './merge/merge-stream.js';
import { emptySummary } from './scan/scan.js';
import { StreamedReport } from './merge/stream-report.js';
import type { FileResult, ScanResult, ScanSummary } from './model.js';
import { parseFormat, UsageError } from './options.js';
import { refuseBinaryOnTerminal, ReportOutput } from './output/report-files.js';
import { Spill } from './output/spill.js';
import { PreviousReport } from './report/html-changes.js';
import { reportWriter } from './report/index.js';

export interface ReportFlags {
  format?: string;
  output?: string;
  lang?: string;
  previous?: string;
}

/** Several shard reports, each read as a stream and held, merged like jpii merge does (any order). */
async function mergedInMemory(files: readonly string[], io: Io): Promise<{ result: ScanResult; warnings: string[] }> {
  const inputs: { file: string; result: ScanResult }[] = [];
  for (const file of files) {
    const report = new StreamedReport(file, resolve(io.cwd, file));
    const read: FileResult[] = [];
    for await (const f of report.files()) read.push(f);
    inputs.push({ file, result: { tool: report.tool, files: read, summary: report.summary } });
  }
  const { merged, warnings } = mergeJson(inputs);
  return { result: merged, warnings };
}

type Done = (tool: ScanResult['tool'], summary: ScanSummary) => void;

/**
 * The files to render and, once they are all through, the tool and summary. Reports are streamed straight
 * into the writer: one as it is, several merged file by file (merge-stream.ts); only reports that are not
 * in path order are held and merged in memory (`inMemory`, after UnsortedInput).
 */
async function* source(files: readonly string[], io: Io, inMemory: boolean, done: Done): AsyncGenerator<FileResult> {
  if (inMemory) {
    const { result, warnings } = await mergedInMemory(files, io);
    for (const w of warnings) io.stderr.write(`${w}\n`);
    yield* result.files;
    return done(result.tool, result.summary);
  }
  const reports = files.map((file) => new StreamedReport(file, resolve(io.cwd, file)));
  if (reports.length === 1 && reports[0] !== undefined) {
    yield* reports[0].files();
    return done(reports[0].tool, reports[0].summary);
  }
  const summary = emptySummary();
  yield* mergeSorted(reports, summary);
  for (const w of versionWarning(reports.map((r) => ({ file: r.name, version: r.tool.version })))) io.stderr.write(`${w}\n`);
  done(reports[0]?.tool ?? { name: 'jpii', version: 'unknown' }, summary);
}

function langOf(raw: ReportFlags, io: Io): 'ja' | 'en' {
  if (raw.lang === undefined) return defaultLang(io.env);
  const lang = raw.lang.toLowerCase();
  if (lang !== 'ja' && lang !== 'en') throw new UsageError(`--lang: '${raw.lang}' is not ja or en`);
  return lang;
}

/** The previous report (--previous) reduced to what the comparison needs, read as a stream. */
async function previousOf(file: string, format: string, io: Io): Promise<PreviousReport> {
  if (format !== 'html') throw new UsageError(`--previous: only the html report shows what changed (not --format ${format})`);
  const report = new StreamedReport(file, resolve(io.cwd, file));
  const previous = new PreviousReport(file);
  for await (const f of report.files()) previous.add(f);
  previous.summary = report.summary;
  return previous;
}

export async function runReport(files: readonly string[], raw: ReportFlags, io: Io): Promise<number> {
  const format = parseFormat('--format', raw.format ?? 'html');
  const lang = langOf(raw, io);
  refuseBinaryOnTerminal(format, raw.output, io.stdout);
  const previous = raw.previous === undefined ? undefined : await previousOf(raw.previous, format, io);
  try {
    return await render(files, raw, io, { format, lang, previous, inMemory: false });
  } catch (error) {
    if (!(error instanceof UnsortedInput)) throw error;
    return render(files, raw, io, { format, lang, previous, inMemory: true });
  }
}

interface Plan {
  format: ReturnType<typeof parseFormat>;
  lang: 'ja' | 'en';
  previous: PreviousReport | undefined;
  inMemory: boolean;
}

async function render(files: readonly string[], raw: ReportFlags, io: Io, { format, lang, previous, inMemory }: Plan): Promise<number> {
  const spill = new Spill();
  const color = format === 'text' && !raw.output && io.stdout.isTTY === true && !io.env.NO_COLOR;
  // Writers read the tool only when they finish: its version is filled in once the input is read.
  const tool: ScanResult['tool'] = { name: 'jpii', version: 'unknown' };
  let summary: ScanSummary | undefined;
  const writer = reportWriter(format, tool, reportRules(undefined), { showValues: false, color, lang, ...(previous ? { previous } : {}) }, spill.sections);
  let out: ReportOutput | undefined;
  try {
    for await (const file of source(files, io, inMemory, (t, s) => ((tool.version = t.version), (summary = s)))) writer.file(file);
    if (summary === undefined) throw new Error('report: input not read to its end');
    // Opened only now: a bad input leaves an existing output file untouched (and may be the output itself).
    out = raw.output ? ReportOutput.toFile(writer, raw.output, io.cwd) : ReportOutput.toStdout(writer);
    await out.emit(summary, io.stdout);
    return 0;
  } finally {
    out?.close();
    spill.dispose();
  }
}
