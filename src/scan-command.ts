/**
 * `jpii scan` and the scan behind `jpii baseline`: settings → file source (walk, git index, git diff) →
 * scan → filters (config `disable`, added lines, baseline) → reports → exit code.
 * Fatal problems (every path missing, unreadable baseline, not a git repository, unwritable report file)
 * are thrown for the CLI to turn into exit 2; a missing path among others is reported as that path's error.
 */
import { existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import type { Io } from './cli.js';
import type { LoadedConfig } from './config/types.js';
import { analyzerConfig, disabledTypes, reportRules } from './config/settings.js';
import { exitCode } from './exit-code.js';
import { messages } from './i18n/messages.js';
import { UNLABELLED_TYPE, type Level, type RuleInfo, type ScanResult } from './model.js';
import { UsageError, type FailOn } from './options.js';
import { progressPrinter } from './progress.js';
import { renderReport, type ReportFormat } from './report/index.js';
import { onlyUnlabelled } from './scan/only-unlabelled.js';
import { scan, summarize, type ScanOptions } from './scan/scan.js';
import { parseShard, type Shard } from './shard/shard.js';
import { forWalk, pathMatcher, type PathMatcher } from './walk/ignore-rules.js';

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
  /** Scan what is staged in the git index (content from the index). */
  staged: boolean;
  /** Report only findings on lines added since this git revision. */
  diff?: string;
  baseline?: string;
  /** Read .jpiiignore (and .gitignore in git work trees); false with --no-ignore. */
  ignoreFiles: boolean;
  config?: LoadedConfig;
  /** --shard K/N: only the files whose path hashes to shard K. */
  shard?: Shard;
  /** --cache FILE: reuse results of unchanged files. */
  cache?: string;
  /** --cache-verify: decide "unchanged" by content hash instead of size + modification time. */
  cacheVerify?: boolean;
  followSymlinks?: boolean;
  /** Report only the sensitive files that carry no classification label. */
  onlyUnlabelled?: boolean;
}

/** The share-scale flags as commander hands them over. */
export interface ScaleFlags {
  shard?: string;
  cache?: string;
  cacheVerify?: boolean;
  followSymlinks?: boolean;
  staged?: boolean;
  onlyUnlabelled?: boolean;
}

export function scaleSettings(raw: ScaleFlags): Partial<ScanCliOptions> {
  if (raw.cacheVerify && raw.cache === undefined) throw new UsageError('--cache-verify needs --cache FILE');
  if (raw.cache !== undefined && raw.staged) throw new UsageError('--cache cannot be used with --staged (staged content is not the file on disk)');
  return {
    ...(raw.shard === undefined ? {} : { shard: parseShard(raw.shard) }),
    ...(raw.cache === undefined ? {} : { cache: raw.cache, cacheVerify: raw.cacheVerify === true }),
    ...(raw.followSymlinks ? { followSymlinks: true } : {}),
    ...(raw.onlyUnlabelled ? { onlyUnlabelled: true } : {}),
  };
}

export interface Scanned {
  result: ScanResult;
  rules: RuleInfo[];
  base: string;
}

function note(io: Io, opts: ScanCliOptions, text: string): void {
  if (!opts.quiet) io.stderr.write(`${text}\n`);
}

function matcherFor(opts: ScanCliOptions, io: Io, base: string, roots: readonly string[], gitignore: boolean): PathMatcher | undefined {
  const tops = [base, ...(opts.config ? [opts.config.dir] : []), ...roots.map((r) => (isFile(r) ? dirname(r) : r))];
  return pathMatcher({
    base,
    excludes: opts.excludes,
    ...(opts.config?.exclude.length ? { configExcludes: { dir: opts.config.dir, patterns: opts.config.exclude } } : {}),
    ignoreFiles: opts.ignoreFiles,
    gitignore: gitignore && opts.ignoreFiles,
    tops,
    ownFiles: ownFiles(opts, io),
  });
}

/** The config, the pattern files it names and the baseline hold jpii's own examples and hashes. */
function ownFiles(opts: ScanCliOptions, io: Io): string[] {
  const c = opts.config;
  return [...(c ? [c.file, ...c.patternFiles] : []), ...(opts.baseline === undefined ? [] : [resolve(io.cwd, opts.baseline)])];
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

interface Source {
  base: string;
  scan: Partial<ScanOptions>;
  after?: (r: ScanResult) => ScanResult;
}

/**
 * --staged / --diff: the list comes from git; paths are reported relative to the work tree's top (as git
 * shows them, so fingerprints match a baseline made at the top) unless --root says otherwise.
 */
async function gitSource(roots: readonly string[], opts: ScanCliOptions, io: Io): Promise<Source> {
  const root = opts.root === undefined ? undefined : resolve(io.cwd, opts.root);
  // Ignore rules and own files are matched on absolute paths, so the base they get only anchors --exclude.
  const matcher = matcherFor(opts, io, root ?? io.cwd, roots, false);
  const src = { cwd: io.cwd, env: io.env, limits: roots, ...(root ? { root } : {}), ...(matcher ? { ignored: (abs: string) => matcher(abs, false) } : {}) };
  if (opts.staged) {
    const { stagedSource } = await import('./git/staged.js');
    const staged = await stagedSource(src, opts.maxFileSize);
    if (!staged.items.length) note(io, opts, messages(opts.lang).nothingStaged);
    return { base: staged.base, scan: { files: staged.items, process: staged.process } };
  }
  const { diffSource, onlyAddedLines } = await import('./git/diff.js');
  const diff = await diffSource(src, opts.diff ?? 'HEAD');
  return { base: diff.base, scan: { files: diff.items }, after: (r) => onlyAddedLines(r, diff.changes) };
}

/** The files to scan: the git index, a git diff, or a walk of the paths (files named there still obey .jpiiignore). */
async function source(paths: readonly string[], opts: ScanCliOptions, io: Io): Promise<Source> {
  const roots = paths.map((p) => resolve(io.cwd, p));
  if (opts.staged || opts.diff !== undefined) return gitSource(roots, opts, io);
  const base = resolve(io.cwd, opts.root ?? '.');
  const targets = roots.length ? roots : [io.cwd];
  const missing = targets.filter((p) => !existsSync(p));
  if (missing.length === targets.length) throw new UsageError(`no such file or directory: ${paths.join(', ')}`);
  if (missing.length) note(io, opts, messages(opts.lang).missingPaths(missing.join(', ')));
  const explicit = matcherFor(opts, io, base, targets, false);
  const kept = targets.filter((r) => !(explicit && isFile(r) && explicit(r, false)));
  const ignored = forWalk(base, matcherFor(opts, io, base, targets, true));
  return { base, scan: { roots: kept, ...(ignored ? { ignored } : {}) } };
}

function withoutFileLevel(result: ScanResult): ScanResult {
  const files = result.files.map((f) => ({ ...f, findings: f.findings.filter((x) => x.type !== UNLABELLED_TYPE) }));
  return { ...result, files, summary: summarize(files) };
}

/** Runs the scan the options describe, with every filter but the baseline applied. */
export async function scanFor(paths: readonly string[], opts: ScanCliOptions, io: Io): Promise<Scanned> {
  const src = await source(paths, opts, io);
  const { base } = src;
  const showProgress = opts.progress && io.stderr.isTTY === true;
  const analyzer = analyzerConfig(opts, io.env, (text) => note(io, opts, text));
  const caching = opts.cache === undefined ? undefined : await import('./cache/scan-cache.js');
  const cache = await caching?.openCache(opts, analyzer, base, io);
  let result;
  try {
    result = await scan({
      roots: [],
      base,
      jobs: opts.jobs ?? availableParallelism(),
      analyzer,
      ...src.scan,
      ...(showProgress ? { onProgress: progressPrinter(io.stderr) } : {}),
      ...(opts.shard ? { shard: opts.shard } : {}),
      ...(cache ? { cache } : {}),
      ...(opts.followSymlinks ? { followSymlinks: true } : {}),
    });
  } catch (error) {
    await cache?.abort();
    throw error;
  }
  if (cache) await caching?.closeCache(cache, opts, io);
  if (disabledTypes(opts.config).fileLevel) result = withoutFileLevel(result);
  if (src.after) result = src.after(result);
  return { result, rules: reportRules(opts.config), base };
}

export async function writeOut(file: string, text: string, io: Io): Promise<void> {
  try {
    await writeFile(resolve(io.cwd, file), text);
  } catch (error) {
    throw new UsageError(`cannot write '${file}': ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

export async function runScan(paths: readonly string[], opts: ScanCliOptions, io: Io): Promise<number> {
  const scanned = await scanFor(paths, opts, io);
  let { result } = scanned;
  const notes: string[] = [];
  if (opts.baseline !== undefined) {
    const { applyBaseline, readBaseline } = await import('./baseline/baseline.js');
    const applied = applyBaseline(result, readBaseline(resolve(io.cwd, opts.baseline), opts.baseline));
    result = applied.result;
    if (applied.hidden) notes.push(messages(opts.lang).baselineHidden(applied.hidden));
  }
  if (opts.onlyUnlabelled) result = onlyUnlabelled(result);
  const render = (format: ReportFormat, toTerminal: boolean): string =>
    renderReport(format, result, scanned.rules, {
      showValues: opts.showValues,
      color: toTerminal && io.stdout.isTTY === true && !io.env.NO_COLOR,
      lang: opts.lang,
      srcRoot: scanned.base,
      notes,
    });
  for (const r of opts.reports) await writeOut(r.file, render(r.format, false), io);
  if (opts.output) await writeOut(opts.output, render(opts.format, false), io);
  else io.stdout.write(render(opts.format, true));
  if (opts.format !== 'text' || opts.output) for (const n of notes) note(io, opts, `jpii: ${n}`);
  return exitCode(result, opts.failOn);
}
