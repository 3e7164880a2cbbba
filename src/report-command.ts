/**
 * `jpii report REPORT.json... [--format html|xlsx|csv|sarif|json|text] [-o FILE]`: renders saved JSON reports
 * (one scan's, a `jpii merge` result, or the shard reports themselves, merged here) in another format,
 * without scanning again. Values stay masked: a JSON report made with --show-values gives its masked forms.
 * Exit: 0; unreadable or foreign inputs, SARIF inputs, overlapping shards and unwritable outputs are thrown
 * for the CLI to print (exit 2).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Io } from './cli.js';
import { reportRules } from './config/settings.js';
import { defaultLang } from './i18n/messages.js';
import { mergeJson } from './merge/merge-json.js';
import { MergeError, readReport } from './merge/read-report.js';
import type { ScanResult } from './model.js';
import { parseFormat, UsageError } from './options.js';
import { refuseBinaryOnTerminal, ReportOutput } from './output/report-files.js';
import { Spill } from './output/spill.js';
import { reportWriter } from './report/index.js';

export interface ReportFlags {
  format?: string;
  output?: string;
  lang?: string;
}

async function readJson(file: string, io: Io): Promise<{ file: string; result: ScanResult }> {
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    throw new MergeError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const input = readReport(file, text);
  if (input.kind !== 'json') throw new MergeError(`${file}: a SARIF log cannot be rendered again (render the JSON report, or use jpii merge for SARIF)`);
  return { file, result: input.result };
}

function langOf(raw: ReportFlags, io: Io): 'ja' | 'en' {
  if (raw.lang === undefined) return defaultLang(io.env);
  const lang = raw.lang.toLowerCase();
  if (lang !== 'ja' && lang !== 'en') throw new UsageError(`--lang: '${raw.lang}' is not ja or en`);
  return lang;
}

export async function runReport(files: readonly string[], raw: ReportFlags, io: Io): Promise<number> {
  const format = parseFormat('--format', raw.format ?? 'html');
  const lang = langOf(raw, io);
  refuseBinaryOnTerminal(format, raw.output, io.stdout);
  const inputs = [];
  for (const file of files) inputs.push(await readJson(file, io));
  const { merged, warnings } = inputs.length === 1 && inputs[0] ? { merged: inputs[0].result, warnings: [] } : mergeJson(inputs);
  for (const w of warnings) io.stderr.write(`${w}\n`);
  const spill = new Spill();
  const color = format === 'text' && !raw.output && io.stdout.isTTY === true && !io.env.NO_COLOR;
  const writer = reportWriter(format, merged.tool, reportRules(undefined), { showValues: false, color, lang }, spill.sections);
  const out = raw.output ? ReportOutput.toFile(writer, raw.output, io.cwd) : ReportOutput.toStdout(writer);
  try {
    for (const file of merged.files) writer.file(file);
    await out.emit(merged.summary, io.stdout);
    return 0;
  } finally {
    out.close();
    spill.dispose();
  }
}
