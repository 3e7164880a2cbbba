/**
 * `jpii scan --staged`: the files staged in the git index, read from the index (what will be committed),
 * not from the working tree. Input: the repository, optional path limits (pre-commit passes file names),
 * an ignore matcher. Output: WalkItems plus a `process` hook for scan(). Never: touches the working tree.
 */
import { join } from 'node:path';
import { notScanned, type FileRef, type FileResult } from '../model.js';
import { analyzeBytes, type AnalyzeOptions } from '../scan/analyze-file.js';
import type { BytesAnalyzer } from '../scan/process-file.js';
import { formatBytes } from '../scan/process-file.js';
import { relativePath, type WalkItem } from '../walk/walk.js';
import { BlobStore, blobSizes } from './blob-store.js';
import { git, gitTopLevel, splitNul } from './run-git.js';
import { insideAny, type SourceOptions } from './source.js';

export interface StagedEntry {
  /** Path relative to the top level, forward slashes. */
  path: string;
  sha: string;
  mode: string;
}

/** Pairs of `:oldmode newmode oldsha newsha status` and path from `git diff --raw -z`. */
export function parseRaw(fields: readonly string[]): StagedEntry[] {
  const out: StagedEntry[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const [, mode = '', , sha = ''] = (fields[i] ?? '').slice(1).split(' ');
    out.push({ path: fields[i + 1] ?? '', sha, mode });
  }
  return out;
}

export async function stagedEntries(cwd: string, env: NodeJS.ProcessEnv): Promise<StagedEntry[]> {
  const args = ['diff', '--cached', '--raw', '-z', '--no-abbrev', '--no-renames', '--no-ext-diff', '--diff-filter=ACMRT'];
  return parseRaw(splitNul(await git(args, cwd, env)));
}

function tooLarge(ref: FileRef, limit: number): FileResult[] {
  const reason = `file too large (${formatBytes(ref.size)} > --max-file-size ${formatBytes(limit)})`;
  return [notScanned(ref.relPath, 'skipped', reason, { size: ref.size })];
}

function readFailed(ref: FileRef, error: unknown): FileResult[] {
  const reason = `cannot read from the git index (${(error as Error).message})`;
  return [notScanned(ref.relPath, 'error', reason, { size: ref.size })];
}

/** Each entry becomes a file (regular blobs) or a problem (links, submodules) that the report lists. */
function toItem(entry: StagedEntry, top: string, base: string, size: number): WalkItem {
  const absPath = join(top, entry.path);
  const relPath = relativePath(base, absPath);
  if (entry.mode === '120000') return { kind: 'problem', relPath, status: 'skipped', reason: 'symbolic link (not followed)' };
  if (entry.mode === '160000') return { kind: 'problem', relPath, status: 'skipped', reason: 'git submodule (not scanned)' };
  return { kind: 'file', ref: { absPath, relPath, size } };
}

export interface StagedSource {
  base: string;
  items: WalkItem[];
  process: (ref: FileRef, analyzer: AnalyzeOptions, analyzeRead?: BytesAnalyzer) => Promise<FileResult[]>;
}

export async function stagedSource(opts: SourceOptions, maxFileSize: number): Promise<StagedSource> {
  // Both from the current folder: `diff --raw` paths are relative to the top whatever the folder. Run at once,
  // but the top level's error wins: outside a repository `git diff --cached` fails too, with git's usage text,
  // and whichever failed first used to be reported (a race: "unknown option" instead of "not inside a git
  // repository" now and then).
  const [topLevel, staged] = await Promise.allSettled([gitTopLevel(opts.cwd, opts.env), stagedEntries(opts.cwd, opts.env)]);
  if (topLevel.status === 'rejected') throw topLevel.reason;
  if (staged.status === 'rejected') throw staged.reason;
  const top = topLevel.value;
  const all = staged.value;
  const entries = all.filter((e) => {
    const abs = join(top, e.path);
    return insideAny(abs, opts.limits) && !opts.ignored?.(abs);
  });
  const base = opts.root ?? top;
  const sizes = await blobSizes([...new Set(entries.map((e) => e.sha))], top, opts.env);
  const items = entries.map((e) => toItem(e, top, base, sizes.get(e.sha) ?? 0));
  const shaOf = new Map(entries.map((e) => [join(top, e.path), e.sha]));
  const wanted = items.flatMap((i) => (i.kind === 'file' && i.ref.size <= maxFileSize ? [shaOf.get(i.ref.absPath) ?? ''] : []));
  const store = new BlobStore(wanted, sizes, top, opts.env);
  const process = async (ref: FileRef, analyzer: AnalyzeOptions, analyzeRead?: BytesAnalyzer): Promise<FileResult[]> => {
    if (ref.size > analyzer.limits.maxFileSize) return tooLarge(ref, analyzer.limits.maxFileSize);
    let bytes: Buffer;
    try {
      bytes = await store.read(shaOf.get(ref.absPath) ?? '');
    } catch (error) {
      return readFailed(ref, error);
    }
    if (analyzeRead) return analyzeRead(ref, bytes);
    const results = await analyzeBytes(ref.relPath, bytes, analyzer);
    if (results[0]) results[0].size = ref.size;
    return results;
  };
  return { base, items, process };
}
