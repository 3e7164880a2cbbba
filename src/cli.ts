/**
 * cli: argv → options → scan → reports → exit code. No logic of its own beyond wiring and messages.
 * Returns the exit code instead of calling process.exit, so tests call main() directly.
 */
import { Command, CommanderError, Option } from 'commander';
import { TYPE_IDS } from './model.js';
import { exitCode } from './exit-code.js';
import { UsageError, parseFailOn, parseFormat, parseJobs, parseLevel, parseReportSpec, parseSize, parseTypes } from './options.js';
import { renderRules } from './rules-command.js';
import { runScan, type ScanCliOptions } from './scan-command.js';
import { VERSION } from './scan/scan.js';

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  cwd: string;
  env: NodeJS.ProcessEnv;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

const EXAMPLES = `
Examples:
  jpii scan ./share                          text report of a folder
  jpii scan . --format sarif -o jpii.sarif   SARIF for code scanning
  jpii scan //srv/share --report csv=pii.csv --report json=pii.json --no-progress
  jpii scan data.csv --types my-number,phone --min-confidence low
Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or fatal error.
Set JPII_FINGERPRINT_KEY to a secret of your own: fingerprints are HMACs keyed with it.`;

function scanCommand(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('scan', { isDefault: true })
    .description('scan files and folders for Japanese PII')
    .argument('[paths...]', 'files and folders to scan', ['.'])
    .addOption(new Option('-f, --format <format>', 'report format on stdout or --output: text, json, sarif, csv').default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--report <format=file>', 'also write a report in another format (repeatable)', collect, [])
    .option('--show-values', 'put unmasked values in json, csv and text reports (never in SARIF)', false)
    .option('--min-confidence <level>', 'report findings at or above: low, medium, high', 'medium')
    .option('--fail-on <level>', 'exit 1 on findings at or above: low, medium, high, never', 'medium')
    .option('--types <ids>', `only these detectors, comma-separated (${TYPE_IDS.join(', ')})`)
    .option('--exclude <glob>', 'skip paths matching a gitignore-style glob (repeatable)', collect, [])
    .option('--max-file-size <size>', 'skip files larger than this (e.g. 50MB)', '100MB')
    .option('--jobs <n>', 'worker threads (default: number of CPUs)')
    .option('--lang <lang>', 'language of the text report: ja or en (default from the locale)')
    .option('--root <dir>', 'report paths relative to this folder (default: the current folder)')
    .option('--no-progress', 'no progress line on stderr')
    .option('-q, --quiet', 'no progress and no notes on stderr', false)
    .addHelpText('after', EXAMPLES)
    .action(async (paths: string[], raw: Record<string, unknown>) => {
      done(await runScan(paths, toScanOptions(raw, io), io));
    });
}

function toScanOptions(raw: Record<string, unknown>, io: Io): ScanCliOptions {
  const lang = raw.lang === undefined ? defaultLang(io.env) : String(raw.lang);
  if (lang !== 'ja' && lang !== 'en') throw new UsageError(`--lang: '${lang}' is not ja or en`);
  return {
    format: parseFormat('--format', String(raw.format)),
    output: raw.output as string | undefined,
    reports: (raw.report as string[]).map(parseReportSpec),
    showValues: Boolean(raw.showValues),
    minConfidence: parseLevel('--min-confidence', String(raw.minConfidence)),
    failOn: parseFailOn(String(raw.failOn)),
    types: raw.types === undefined ? undefined : parseTypes(String(raw.types), TYPE_IDS),
    excludes: raw.exclude as string[],
    maxFileSize: parseSize(String(raw.maxFileSize)),
    jobs: raw.jobs === undefined ? undefined : parseJobs(String(raw.jobs)),
    lang,
    root: raw.root as string | undefined,
    progress: raw.progress !== false && !raw.quiet,
    quiet: Boolean(raw.quiet),
  };
}

function defaultLang(env: NodeJS.ProcessEnv): 'ja' | 'en' {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.startsWith('ja') ? 'ja' : 'en';
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  let code = 0;
  const program = new Command('jpii')
    .description('Find Japanese personal information (マイナンバー, phone numbers, addresses…) in files nobody labelled as sensitive.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .showHelpAfterError(false)
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s), outputError: () => undefined });
  scanCommand(program, io, (c) => (code = c));
  program
    .command('rules')
    .description('list every detector: id, Japanese and English name, what it validates, an example')
    .option('--format <format>', 'text or json', 'text')
    .action((raw: { format: string }) => {
      io.stdout.write(renderRules(raw.format === 'json' ? 'json' : 'text'));
    });
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
    throw error;
  }
}

export { exitCode };
