/**
 * `jpii merge FILE... [--format F] [-o FILE] [--fail-on L]`: reads the shard reports, merges them (JSON
 * reports → any format; SARIF logs → SARIF only) and writes the result.
 * Exit: 0, or 1 with --fail-on and a finding at or above it; problems (unreadable or mixed inputs, a path in
 * two inputs, a format SARIF cannot give) are thrown for the CLI to print and exit 2.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Log } from 'sarif';
import type { Io } from '../cli.js';
import { reportRules } from '../config/settings.js';
import { exitCode } from '../exit-code.js';
import { defaultLang } from '../i18n/messages.js';
import { LEVELS, type Level } from '../model.js';
import { UsageError, parseFailOn, parseFormat, type FailOn } from '../options.js';
import { BINARY_FORMATS, renderReport, type ReportFormat } from '../report/index.js';
import { writeOut } from '../scan-command.js';
import { mergeJson } from './merge-json.js';
import { mergeSarif } from './merge-sarif.js';
import { MergeError, readReport, type MergeInput } from './read-report.js';

export interface MergeFlags {
  format?: string;
  output?: string;
  failOn?: string;
  lang?: string;
}

async function readInputs(files: readonly string[], io: Io): Promise<MergeInput[]> {
  return Promise.all(
    files.map(async (file) => {
      let text: string;
      try {
        text = await readFile(resolve(io.cwd, file), 'utf8');
      } catch (error) {
        throw new MergeError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      }
      return readReport(file, text);
    }),
  );
}

/** SARIF result levels back to jpii levels (the reverse of SARIF_LEVEL), for --fail-on. */
const FROM_SARIF: Record<string, Level> = { error: 'high', warning: 'medium', note: 'low' };

function sarifExitCode(log: Log, failOn: FailOn): 0 | 1 {
  if (failOn === 'never') return 0;
  const floor = LEVELS.indexOf(failOn);
  const levels = log.runs.flatMap((run) => (run.results ?? []).filter((r) => !r.suppressions?.length).map((r) => FROM_SARIF[r.level ?? 'warning'] ?? 'low'));
  return levels.some((l) => LEVELS.indexOf(l) >= floor) ? 1 : 0;
}

function langOf(raw: MergeFlags, io: Io): 'ja' | 'en' {
  if (raw.lang === undefined) return defaultLang(io.env);
  const lang = raw.lang.toLowerCase();
  if (lang !== 'ja' && lang !== 'en') throw new UsageError(`--lang: '${raw.lang}' is not ja or en`);
  return lang;
}

async function emit(text: string, raw: MergeFlags, io: Io): Promise<void> {
  if (raw.output) await writeOut(raw.output, text, io);
  else io.stdout.write(text);
}

export async function runMerge(files: readonly string[], raw: MergeFlags, io: Io): Promise<number> {
  const failOn = parseFailOn(raw.failOn ?? 'never');
  const lang = langOf(raw, io);
  const inputs = await readInputs(files, io);
  const sarif = inputs.filter((i): i is Extract<MergeInput, { kind: 'sarif' }> => i.kind === 'sarif');
  const json = inputs.filter((i): i is Extract<MergeInput, { kind: 'json' }> => i.kind === 'json');
  if (sarif.length && json.length) throw new MergeError(`cannot merge JSON reports with SARIF logs (${sarif[0]?.file} is SARIF, ${json[0]?.file} is JSON)`);
  const format: ReportFormat = raw.format === undefined ? (sarif.length ? 'sarif' : 'json') : parseFormat('--format', raw.format);
  if (BINARY_FORMATS.includes(format)) throw new UsageError(`--format ${format}: use jpii report ${files.join(' ')} -f ${format} -o FILE (it merges shard reports too)`);
  if (sarif.length) {
    if (format !== 'sarif') throw new UsageError(`--format ${format}: SARIF logs can only be merged into SARIF (merge the JSON reports for ${format})`);
    const { merged, warnings } = mergeSarif(sarif, lang);
    for (const w of warnings) io.stderr.write(`${w}\n`);
    await emit(`${JSON.stringify(merged, null, 2)}\n`, raw, io);
    return sarifExitCode(merged, failOn);
  }
  const { merged, warnings } = mergeJson(json);
  for (const w of warnings) io.stderr.write(`${w}\n`);
  const toTerminal = !raw.output && io.stdout.isTTY === true && !io.env.NO_COLOR;
  await emit(renderReport(format, merged, reportRules(undefined), { showValues: false, color: toTerminal && format === 'text', lang }), raw, io);
  return exitCode(merged, failOn);
}
