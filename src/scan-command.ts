/**
 * `jpii scan` and the scan behind `jpii baseline`: settings → file source (walk, git index, git diff) →
 * scan → per-file filters (config `disable`, added lines, baseline, --only-unlabelled) → reports → exit code,
 * each file's result flowing through as it arrives.
 * Fatal problems (every path missing, unreadable baseline, not a git repository, unwritable report file)
 * are thrown for the CLI to turn into exit 2; a missing path among others is reported as that path's error.
 */
import { existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, relative, resolve, sep } from 'node:path';
import type { Io } from './cli.js';
import type { BaselineFilter } from './baseline/baseline.js';
import type { LoadedConfig } from './config/types.js';
import { analyzerConfig, disabledTypes, reportRules } from './config/settings.js';
import { fileFails } from './exit-code.js';
import { messages } from './i18n/messages.js';
import { DEFAULT_FINGERPRINT_KEY } from './score/fingerprint.js';
import { UNLABELLED_TYPE, type FileResult, type Level, type OcrLimits, type ScanResult } from './model.js';
import { UsageError, type FailOn } from './options.js';
import type { LabelPolicyId } from './score/risk.js';
import { progressPrinter } from './progress.js';
import { cannotWrite, refuseBinaryOnTerminal, ReportOutput } from './output/report-files.js';
import { Spill } from './output/spill.js';
import { reportWriter, type ReportFormat, type ReportWriter } from './report/index.js';
import { isUnlabelledSensitive } from './scan/only-unlabelled.js';
import { DEFAULT_LISTED, relisted } from './scan/occurrences.js';
import { addToSummary, emptySummary, scanEach, TOOL, type ScanOptions } from './scan/scan.js';
import { inShard, parseShard, type Shard } from './shard/shard.js';
import { sourceMatcher, type SourceMatcher } from './walk/ignore-rules.js';
import { countedWalkFilter, Excluded } from './walk/excluded.js';
import { holdYoungGeneration } from './young-generation.js';

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
  /** What needs a classification label (--require-label, config `requireLabel`); default personal information. */
  requireLabel?: LabelPolicyId[];
  /** Findings listed per file, type and place (the rest are counted); undefined lists all (--all-findings). */
  listed?: number;
  /** --ocr: image-only PDF pages and image files are recognised within these limits. */
  ocr?: OcrLimits;
}

/** The share-scale flags as commander hands them over. */
export interface ScaleFlags {
  shard?: string;
  cache?: string;
  cacheVerify?: boolean;
  followSymlinks?: boolean;
  staged?: boolean;
  onlyUnlabelled?: boolean;
  allFindings?: boolean;
  maxListed?: string;
}

export function scaleSettings(raw: ScaleFlags): Partial<ScanCliOptions> {
  if (raw.cacheVerify && raw.cache === undefined) throw new UsageError('--cache-verify needs --cache FILE');
  if (raw.cache !== undefined && raw.staged) throw new UsageError('--cache cannot be used with --staged (staged content is not the file on disk)');
  return {
    ...(raw.shard === undefined ? {} : { shard: parseShard(raw.shard) }),
    ...(raw.cache === undefined ? {} : { cache: raw.cache, cacheVerify: raw.cacheVerify === true }),
    ...(raw.followSymlinks ? { followSymlinks: true } : {}),
    ...(raw.onlyUnlabelled ? { onlyUnlabelled: true } : {}),
    ...listing(raw),
  };
}

/** --all-findings lists every occurrence; otherwise --max-listed N (default 15) per file, type and place. */
function listing(raw: ScaleFlags): { listed?: number } {
  if (raw.allFindings) {
    if (raw.maxListed !== undefined) throw new UsageError('--max-listed cannot be used with --all-findings');
    return {};
  }
  const n = raw.maxListed === undefined ? DEFAULT_LISTED : Number(raw.maxListed);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--max-listed: '${raw.maxListed}' is not a whole number of 1 or more`);
  return { listed: n };
}

function note(io: Io, opts: ScanCliOptions, text: string): void {
  if (!opts.quiet) io.stderr.write(`${text}\n`);
}

/** `walked`: the folders among `roots` are walked whatever the rules say about them (they apply below). */
function matcherFor(opts: ScanCliOptions, io: Io, base: string, roots: readonly string[], gitignore: boolean, walked: readonly string[] = []): SourceMatcher | undefined {
  const tops = [base, ...(opts.config ? [opts.config.dir] : []), ...roots.map((r) => (isFile(r) ? dirname(r) : r))];
  return sourceMatcher({
    base,
    excludes: opts.excludes,
    ...(opts.config?.exclude.length ? { configExcludes: { dir: opts.config.dir, patterns: opts.config.exclude } } : {}),
    ignoreFiles: opts.ignoreFiles,
    gitignore: gitignore && opts.ignoreFiles,
    tops,
    ownFiles: ownFiles(opts, io),
    roots: walked,
  });
}

/**
 * The config, the pattern files it names and the baseline hold jpii's own examples and hashes; the reports
 * of this run are being written while it walks.
 */
function ownFiles(opts: ScanCliOptions, io: Io): string[] {
  const c = opts.config;
  const reports = [...opts.reports.map((r) => r.file), ...(opts.output === undefined ? [] : [opts.output])];
  return [...(c ? [c.file, ...c.patternFiles] : []), ...[...(opts.baseline === undefined ? [] : [opts.baseline]), ...reports].map((f) => resolve(io.cwd, f))];
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
  /** Narrows each file's result (--diff: findings on added lines only). */
  narrow?: (file: FileResult) => FileResult;
  /** What ignore rules kept out of a walk (filled while it runs). */
  excluded?: Excluded;
}

/**
 * --staged / --diff: the list comes from git; paths are reported relative to the work tree's top (as git
 * shows them, so fingerprints match a baseline made at the top) unless --root says otherwise.
 */
async function gitSource(roots: readonly string[], opts: ScanCliOptions, io: Io): Promise<Source> {
  const root = opts.root === undefined ? undefined : resolve(io.cwd, opts.root);
  // Ignore rules and own files are matched on absolute paths, so the base they get only anchors --exclude.
  const matcher = matcherFor(opts, io, root ?? io.cwd, roots, false);
  const src = { cwd: io.cwd, env: io.env, limits: roots, ...(root ? { root } : {}), ...(matcher ? { ignored: (abs: string) => matcher(abs, false) !== undefined } : {}) };
  if (opts.staged) {
    const { stagedSource } = await import('./git/staged.js');
    const staged = await stagedSource(src, opts.maxFileSize);
    if (!staged.items.length) note(io, opts, messages(opts.lang).nothingStaged);
    return { base: staged.base, scan: { files: staged.items, process: staged.process } };
  }
  const { diffSource, narrowFile } = await import('./git/diff.js');
  const diff = await diffSource(src, opts.diff ?? 'HEAD');
  return { base: diff.base, scan: { files: diff.items }, narrow: (f) => narrowFile(f, diff.changes) };
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
  const { shard } = opts;
  const excluded = new Excluded(shard && ((relPath) => inShard(relPath, shard)));
  // A file named here still obeys .jpiiignore and exclude (a hook passes every staged file); a folder is walked.
  const explicit = matcherFor(opts, io, base, targets, false);
  const kept = targets.filter((r) => {
    const source = isFile(r) ? explicit?.(r, false) : undefined;
    if (source) excluded.add(source, false, relative(base, r).split(sep).join('/'));
    return source === undefined;
  });
  const folders = targets.filter((r) => existsSync(r) && !isFile(r));
  const ignored = countedWalkFilter(base, matcherFor(opts, io, base, targets, true, folders), excluded);
  return { base, scan: { roots: kept, ...(ignored ? { ignored } : {}) }, excluded };
}

function listedAfter(narrow: (file: FileResult) => FileResult, listed: number | undefined, key: string | undefined): (file: FileResult) => FileResult {
  if (listed === undefined) return narrow;
  return (file) => relisted(narrow(file), listed, key || DEFAULT_FINGERPRINT_KEY);
}

function withoutFileLevel(file: FileResult): FileResult {
  return file.findings.some((x) => x.type === UNLABELLED_TYPE) ? { ...file, findings: file.findings.filter((x) => x.type !== UNLABELLED_TYPE) } : file;
}

/**
 * Runs the scan the options describe and hands each file's result, in report order and with every filter
 * but the baseline applied, to `sink`.
 */
async function scanThrough(src: Source, opts: ScanCliOptions, io: Io, sink: (file: FileResult) => void): Promise<void> {
  const showProgress = opts.progress && io.stderr.isTTY === true;
  const analyzer = analyzerConfig(opts, io.env, (text) => note(io, opts, text));
  // --diff narrows the findings to added lines: every occurrence is built, then counted and listed again.
  const narrow = src.narrow && listedAfter(src.narrow, opts.listed, analyzer.fingerprintKey);
  if (opts.listed !== undefined && !narrow) analyzer.listed = opts.listed;
  const caching = opts.cache === undefined ? undefined : await import('./cache/scan-cache.js');
  const cache = await caching?.openCache(opts, analyzer, src.base, io);
  const fileLevel = !disabledTypes(opts.config).fileLevel;
  const jobs = opts.jobs ?? availableParallelism();
  // While workers analyze, this thread's young generation stays small (young-generation.ts).
  const release = jobs > 1 ? holdYoungGeneration() : undefined;
  try {
    await scanEach(
      {
        roots: [],
        base: src.base,
        jobs,
        analyzer,
        ...src.scan,
        ...(showProgress ? { onProgress: progressPrinter(io.stderr, () => src.excluded?.total ?? 0) } : {}),
        ...(opts.shard ? { shard: opts.shard } : {}),
        ...(cache ? { cache } : {}),
        ...(opts.followSymlinks ? { followSymlinks: true } : {}),
      },
      (file) => {
        const kept = fileLevel ? file : withoutFileLevel(file);
        sink(narrow ? narrow(kept) : kept);
      },
    );
  } catch (error) {
    await cache?.abort();
    throw error;
  } finally {
    release?.();
  }
  if (cache) await caching?.closeCache(cache, opts, io);
}

/**
 * Runs the scan the options describe, with every filter but the baseline applied, and keeps the files that
 * have findings (all a baseline records): a clean tree of a million files costs nothing here.
 */
export async function scanFindings(paths: readonly string[], opts: ScanCliOptions, io: Io): Promise<ScanResult> {
  const src = await source(paths, opts, io);
  const files: FileResult[] = [];
  const summary = emptySummary();
  await scanThrough(src, opts, io, (f) => {
    addToSummary(summary, f);
    if (f.findings.length > 0) files.push(f);
  });
  return { tool: TOOL, files, summary };
}

export async function writeOut(file: string, text: string, io: Io): Promise<void> {
  try {
    await writeFile(resolve(io.cwd, file), text);
  } catch (error) {
    throw cannotWrite(file, error);
  }
}

async function baselineFilter(file: string, io: Io): Promise<BaselineFilter> {
  const { BaselineFilter, readBaseline } = await import('./baseline/baseline.js');
  return new BaselineFilter(readBaseline(resolve(io.cwd, file), file));
}

/**
 * Scans and writes the reports as results arrive: each report keeps its parts in sections that spill to a
 * temporary file, and is assembled once the summary is known, so memory does not grow with the tree.
 */
export async function runScan(paths: readonly string[], opts: ScanCliOptions, io: Io): Promise<number> {
  refuseBinaryOnTerminal(opts.format, opts.output, io.stdout);
  const src = await source(paths, opts, io);
  const rules = reportRules(opts.config);
  const baseline = opts.baseline === undefined ? undefined : await baselineFilter(opts.baseline, io);
  const notes: string[] = [];
  const spill = new Spill();
  const outputs: ReportOutput[] = [];
  try {
    const writer = (format: ReportFormat, toTerminal: boolean): ReportWriter =>
      reportWriter(
        format,
        TOOL,
        rules,
        { showValues: opts.showValues, color: toTerminal && io.stdout.isTTY === true && !io.env.NO_COLOR, lang: opts.lang, srcRoot: src.base, notes, allFindings: opts.listed === undefined },
        spill.sections,
      );
    for (const r of opts.reports) outputs.push(ReportOutput.toFile(writer(r.format, false), r.file, io.cwd));
    outputs.push(opts.output ? ReportOutput.toFile(writer(opts.format, false), opts.output, io.cwd) : ReportOutput.toStdout(writer(opts.format, true)));
    const summary = emptySummary();
    let failed = false;
    await scanThrough(src, opts, io, (scanned) => {
      const file = baseline ? baseline.apply(scanned) : scanned;
      if (opts.onlyUnlabelled && !isUnlabelledSensitive(file)) return;
      addToSummary(summary, file);
      failed ||= fileFails(file, opts.failOn);
      for (const out of outputs) out.writer.file(file);
    });
    if (baseline?.hidden) notes.push(messages(opts.lang).baselineHidden(baseline.hidden));
    if (summary.imageOnly) notes.push(messages(opts.lang).imageOnly(summary.imageOnly));
    const excluded = src.excluded?.result();
    if (excluded) summary.excluded = excluded;
    for (const [source, c] of Object.entries(excluded ?? {})) notes.push(messages(opts.lang).excluded(c.files, c.folders, source as keyof typeof excluded));
    for (const out of outputs) await out.emit(summary, io.stdout);
    if (opts.format !== 'text' || opts.output) for (const n of notes) note(io, opts, `jpii: ${n}`);
    return failed ? 1 : 0;
  } finally {
    for (const out of outputs) out.close();
    spill.dispose();
  }
}
