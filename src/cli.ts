/**
 * cli: argv → options → command → exit code. No logic of its own beyond wiring and messages.
 * Returns the exit code instead of calling process.exit, so tests call main() directly. Commands load
 * their modules when they run, so `--help`, `hash` and `init` do not pay for the scanner's start-up.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { defaultLang } from './i18n/messages.js';
import { TYPE_IDS } from './model.js';
import { UsageError } from './options.js';
import type { RawFlags } from './config/settings.js';
import type { MergeFlags } from './merge/merge-command.js';
import type { ReportFlags } from './report-command.js';
import type { ScaleFlags } from './scan-command.js';

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** Default: process.stdin (read by `jpii hash` when no value is given). */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  cwd: string;
  env: NodeJS.ProcessEnv;
}

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

const EXAMPLES = `
Examples:
  jpii scan ./share                          text report of a folder
  jpii scan . --format sarif -o jpii.sarif   SARIF for code scanning
  jpii scan --staged                         what is about to be committed (pre-commit hook)
  jpii scan --diff origin/main               only lines added since the branch left main
  jpii baseline . && jpii scan . --baseline jpii-baseline.json    accept today's findings
  jpii scan //srv/share --report csv=pii.csv --report json=pii.json --no-progress
  jpii scan /share --shard 3/8 -f json -o s3.json && jpii merge s*.json -f csv -o pii.csv
  jpii scan /share -f json -o pii.json && jpii report pii.json -f html -o pii.html
Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or fatal error.
Set JPII_FINGERPRINT_KEY to a secret of your own: fingerprints are HMACs keyed with it.`;

/** Options shared by `scan` and `baseline`; defaults are applied later, so a config can fill the gaps. */
function commonOptions(cmd: Command): Command {
  return cmd
    .option('--types <ids>', `only these detectors, comma-separated (${TYPE_IDS.join(', ')})`)
    .option('--exclude <glob>', 'skip paths matching a gitignore-style glob (repeatable)', collect)
    .option('--max-file-size <size>', 'skip files larger than this (default 100MB)')
    .option('--jobs <n>', 'worker threads (default: number of CPUs)')
    .option('--lang <lang>', 'language of messages and reports: ja or en (default from the locale)')
    .option('--root <dir>', 'report paths relative to this folder (default: the current folder)')
    .option('--config <file>', 'use this config file (default: jpii.config.json or .jpii.json found upward)')
    .option('--no-config', 'ignore config files')
    .option('--no-ignore', 'scan files that .jpiiignore and .gitignore exclude')
    .option('--follow-symlinks', 'follow symbolic links (a link back into its own folder is reported as a loop)')
    .option('--require-label <ids>', 'files that need a classification label: personal-information (default), identifier-code, breach-reportable or none; special-care, specific-personal-information and roster always do')
    .option('--all-findings', 'list every occurrence (default: the first 15 per file, type and place, with exact counts)')
    .option('--ocr', 'read image-only PDF pages and image files (png, jpg, tiff) with offline OCR (slow: 1–2 s a page)')
    .option('--ocr-max-pages <n>', 'with --ocr: pages recognised per file, the rest are named in the file\'s notes (default 10)')
    .option('--no-progress', 'no progress line on stderr')
    .option('-q, --quiet', 'no progress and no notes on stderr');
}

function scanCommand(program: Command, io: Io, done: (code: number) => void): void {
  const cmd = program
    .command('scan', { isDefault: true })
    .description('scan files and folders for Japanese PII')
    .argument('[paths...]', 'files and folders to scan (default: the current folder)')
    .addOption(new Option('-f, --format <format>', 'report format on stdout or --output: text, json, sarif, csv, html, xlsx (default text)'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--report <format=file>', 'also write a report in another format (repeatable)', collect)
    .option('--show-values', 'put unmasked values in json, csv and text reports (never in SARIF)')
    .option('--min-confidence <level>', 'report findings at or above: low, medium, high (default medium)')
    .option('--fail-on <level>', 'exit 1 on findings at or above: low, medium, high, never (default medium)')
    .option('--staged', 'scan the files staged for commit, as staged (git index)')
    .option('--diff <ref>', 'report only findings on lines added since REF (from its merge base with HEAD)')
    .option('--baseline <file>', 'hide findings recorded in this baseline (jpii baseline)')
    .option('--shard <k/n>', 'scan only shard K of N (a hash of each path decides); combine the N reports with jpii merge')
    .option('--cache <file>', 'reuse the results of files whose size and modification time are unchanged since the last run')
    .option('--cache-verify', 'with --cache: compare content hashes instead of times (reads every file)')
    .option('--max-listed <n>', 'occurrences listed per file, type and place; the rest are counted (default 15)')
    .option('--only-unlabelled', 'report only the sensitive files that carry no classification label (社外秘, 機密…)');
  commonOptions(cmd)
    .addHelpText('after', EXAMPLES)
    .action(async (paths: string[], raw: RawFlags) => {
      const opts = await settingsFor(paths, raw, io);
      const { runScan } = await import('./scan-command.js');
      done(await runScan(paths, opts, io));
    });
}

function baselineCommand(program: Command, io: Io, done: (code: number) => void): void {
  const cmd = program
    .command('baseline')
    .description("record the fingerprints of today's findings, so `jpii scan --baseline FILE` reports only new ones")
    .argument('[paths...]', 'files and folders to scan (default: the current folder)')
    .option('-o, --output <file>', 'baseline file to write, - for stdout (default jpii-baseline.json)')
    .option('--min-confidence <level>', 'record findings at or above: low, medium, high (default low)');
  commonOptions(cmd).action(async (paths: string[], raw: RawFlags & { output?: string }) => {
    const opts = await settingsFor(paths, { ...raw, minConfidence: raw.minConfidence ?? 'low', output: undefined }, io);
    const { runBaseline, DEFAULT_BASELINE_FILE } = await import('./baseline/baseline-command.js');
    done(await runBaseline(paths, opts, raw.output ?? DEFAULT_BASELINE_FILE, io));
  });
}

async function settingsFor(paths: readonly string[], raw: RawFlags & ScaleFlags, io: Io) {
  const { resolveConfig } = await import('./config/resolve.js');
  const { scanSettings } = await import('./config/settings.js');
  const { scaleSettings } = await import('./scan-command.js');
  return { ...scanSettings(raw, await resolveConfig(raw.config, paths, io.cwd), io.env), ...scaleSettings(raw) };
}

function mergeCommand(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('merge')
    .description('combine the JSON reports (or SARIF logs) of `jpii scan --shard K/N` runs into one report')
    .argument('<files...>', 'JSON reports or SARIF logs written by jpii scan')
    .option('-f, --format <format>', "json, sarif, csv or text (default: the inputs' kind); SARIF inputs give SARIF only")
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--fail-on <level>', 'exit 1 on findings at or above: low, medium, high, never (default never)')
    .option('--lang <lang>', 'language of text and SARIF messages: ja or en (default from the locale)')
    .action(async (files: string[], raw: MergeFlags) => {
      const { runMerge } = await import('./merge/merge-command.js');
      done(await runMerge(files, raw, io));
    });
}

function reportCommand(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('report')
    .description('render saved JSON reports (a scan, a merge, or shard reports merged here) as html, xlsx, csv, sarif, json or text')
    .argument('<files...>', 'JSON reports written by jpii scan -f json or jpii merge')
    .option('-f, --format <format>', 'html, xlsx, csv, sarif, json or text (default html)')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--lang <lang>', 'language of the html, text and SARIF words: ja or en (default from the locale)')
    .option('--previous <file>', 'html only: a JSON report of an earlier scan of the same root; the overview shows new, gone and changed files')
    .action(async (files: string[], raw: ReportFlags) => {
      const { runReport } = await import('./report-command.js');
      done(await runReport(files, raw, io));
    });
}

function otherCommands(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('rules')
    .description('list every detector: id, Japanese and English name, what it validates, an example')
    .option('--format <format>', 'text or json', 'text')
    .action(async (raw: { format: string }) => {
      const { renderRules } = await import('./rules-command.js');
      io.stdout.write(renderRules(raw.format === 'json' ? 'json' : 'text'));
    });
  program
    .command('hash')
    .description('print the keyed hash of a value for config allow.values (reads the value from stdin when not given)')
    .argument('<type>', 'detector id, e.g. my-number')
    .argument('[value]', 'the value (prefer stdin: it stays out of shell history)')
    .option('--config <file>', 'config file (for fingerprintKeyEnv and custom patterns)')
    .option('--no-config', 'ignore config files')
    .action(async (type: string, value: string | undefined, raw: RawFlags) => {
      const { runHash } = await import('./config/commands.js');
      done(await runHash(type, value, raw, io));
    });
  program
    .command('init')
    .description('write a starting jpii.config.json in the current folder (never overwrites)')
    .action(async () => {
      const { runInit } = await import('./config/commands.js');
      done(runInit(io, defaultLang(io.env)));
    });
}

/** Expected failures (bad config, baseline, git state, pattern file): one line per problem, exit 2. */
async function fatalMessage(error: unknown): Promise<string | undefined> {
  if (!(error instanceof Error)) return undefined;
  const kinds = await Promise.all([
    import('./config/types.js').then((m) => m.ConfigError),
    import('./git/run-git.js').then((m) => m.GitError),
    import('./baseline/baseline.js').then((m) => m.BaselineError),
    import('./patterns/load.js').then((m) => m.PatternError),
    import('./merge/read-report.js').then((m) => m.MergeError),
  ]);
  if (!kinds.some((k) => error instanceof k)) return undefined;
  return error.message.split('\n').map((line) => `jpii: ${line}\n`).join('');
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  let code = 0;
  const program = new Command('jpii')
    .description('Find Japanese personal information (マイナンバー, phone numbers, addresses…) in files nobody labelled as sensitive.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .showHelpAfterError(false)
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s), outputError: () => undefined });
  const done = (c: number): void => void (code = c);
  scanCommand(program, io, done);
  baselineCommand(program, io, done);
  mergeCommand(program, io, done);
  reportCommand(program, io, done);
  otherCommands(program, io, done);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) return 0;
      io.stderr.write(`jpii: ${error.message.replace(/^error: /, '')}\nTry 'jpii --help'.\n`);
      return 2;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`jpii: ${error.message}\nTry 'jpii --help'.\n`);
      return 2;
    }
    const fatal = await fatalMessage(error);
    if (fatal === undefined) throw error;
    io.stderr.write(fatal);
    return 2;
  }
}

export { exitCode } from './exit-code.js';
/** V8 tuning the launcher (bin/jpii.js) applies to its own process; never applied by main(). */
export { tuneV8 } from './heap-growth.js';
export { enableYoungGenerationHold } from './young-generation.js';
