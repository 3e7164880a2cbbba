/**
 * `jpii scan`: options → scan → reports (stdout, --output, --report) → exit code.
 * Fatal problems (every path missing, an unwritable report file) are UsageErrors (exit 2); a missing path
 * among others is noted on stderr and reported as that path's error.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { Io } from './cli.js';
import { exitCode } from './exit-code.js';
import type { Level } from './model.js';
import { UsageError, minConfidenceOf, type FailOn } from './options.js';
import { loadBuiltinRules } from './patterns/load.js';
import { renderReport, type ReportFormat } from './report/index.js';
import { progressPrinter } from './progress.js';
import { scan } from './scan/scan.js';
import { excludeMatcher } from './walk/ignore-rules.js';

export interface ScanCliOptions {
  format: ReportFormat;
  output?: string;
  reports: { format: ReportFormat; file: string }[];
  showValues: boolean;
  minConfidence: Level;
  failOn: FailOn;
  types?: string[];
  excludes: string[];
  maxFileSize: number;
  jobs?: number;
  lang: 'ja' | 'en';
  root?: string;
  progress: boolean;
  quiet: boolean;
}

async function writeOut(file: string, text: string, io: Io): Promise<void> {
  try {
    await writeFile(resolve(io.cwd, file), text);
  } catch (error) {
    throw new UsageError(`cannot write report '${file}': ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

export async function runScan(paths: string[], opts: ScanCliOptions, io: Io): Promise<number> {
  const base = resolve(io.cwd, opts.root ?? '.');
  const missing = paths.filter((p) => !existsSync(resolve(io.cwd, p)));
  if (missing.length === paths.length) throw new UsageError(`no such file or directory: ${missing.join(', ')}`);
  if (missing.length && !opts.quiet) io.stderr.write(`jpii: no such file or directory: ${missing.join(', ')} (reported as errors)\n`);
  const showProgress = opts.progress && io.stderr.isTTY === true;
  const result = await scan({
    roots: paths.map((p) => resolve(io.cwd, p)),
    base,
    jobs: opts.jobs ?? availableParallelism(),
    analyzer: {
      minConfidence: minConfidenceOf(opts.minConfidence),
      types: opts.types,
      fingerprintKey: io.env.JPII_FINGERPRINT_KEY,
      limits: { maxFileSize: opts.maxFileSize },
    },
    ignored: excludeMatcher(opts.excludes),
    onProgress: showProgress ? progressPrinter(io.stderr) : undefined,
  });
  const rules = loadBuiltinRules().map((r) => r.info);
  const render = (format: ReportFormat, toTerminal: boolean): string =>
    renderReport(format, result, rules, { showValues: opts.showValues, color: toTerminal && io.stdout.isTTY === true && !io.env.NO_COLOR, lang: opts.lang, srcRoot: base });
  for (const r of opts.reports) await writeOut(r.file, render(r.format, false), io);
  if (opts.output) await writeOut(opts.output, render(opts.format, false), io);
  else io.stdout.write(render(opts.format, true));
  return exitCode(result, opts.failOn);
}
