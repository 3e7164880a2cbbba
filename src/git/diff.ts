/**
 * `jpii scan --diff REF`: the files changed since REF (from the merge base of REF and HEAD, as a pull request
 * shows them) and the lines they added. Input: the repository, REF, path limits, an ignore matcher.
 * Output: WalkItems of the working-tree files and, after the scan, the result narrowed to added lines.
 * Never: changes the repository; untracked files are not part of a diff and are not scanned.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileResult } from '../model.js';
import { relativePath, type WalkItem } from '../walk/walk.js';
import { inRanges, parseAddedLines, parseNumstat, type FileChange } from './diff-parse.js';
import { git, GitError, gitTopLevel, splitNul } from './run-git.js';
import { insideAny, type SourceOptions } from './source.js';

/** Formats whose finding lines are lines of the file itself, so git's line numbers apply. */
const LINE_FORMATS: ReadonlySet<string> = new Set(['text', 'csv', 'tsv']);

export interface DiffSource {
  base: string;
  items: WalkItem[];
  /** Changed files by report path (relative to the scan base). */
  changes: Map<string, FileChange>;
}

/** The merge base of REF and HEAD; REF itself when there is none (shallow clone, unrelated history). */
async function diffBase(ref: string, top: string, env: NodeJS.ProcessEnv): Promise<string> {
  try {
    return (await git(['merge-base', ref, 'HEAD'], top, env)).toString('utf8').trim();
  } catch {
    try {
      return (await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], top, env)).toString('utf8').trim();
    } catch {
      throw new GitError(`--diff: unknown revision '${ref}' (fetch it first, e.g. git fetch origin main)`);
    }
  }
}

export async function changedFiles(ref: string, top: string, env: NodeJS.ProcessEnv): Promise<FileChange[]> {
  const base = await diffBase(ref, top, env);
  const rest = ['-M', '--no-ext-diff', '--no-textconv', '--diff-filter=ACMRT', base, '--'];
  const [numstat, patch] = await Promise.all([
    git(['diff', '--numstat', '-z', ...rest], top, env),
    git(['diff', '-U0', '--src-prefix=a/', '--dst-prefix=b/', ...rest], top, env),
  ]);
  const added = parseAddedLines(patch.toString('utf8'));
  return parseNumstat(splitNul(numstat)).map((c) => ({ ...c, added: added.get(c.path) ?? [] }));
}

async function toItem(abs: string, relPath: string): Promise<WalkItem> {
  try {
    const st = await stat(abs);
    if (!st.isFile()) return { kind: 'problem', relPath, status: 'skipped', reason: 'not a regular file' };
    return { kind: 'file', ref: { absPath: abs, relPath, size: st.size, mtimeMs: st.mtimeMs } };
  } catch {
    return { kind: 'problem', relPath, status: 'error', reason: 'no such file or directory' };
  }
}

export async function diffSource(opts: SourceOptions, ref: string): Promise<DiffSource> {
  const top = await gitTopLevel(opts.cwd, opts.env);
  const base = opts.root ?? top;
  const changes = new Map<string, FileChange>();
  const items: WalkItem[] = [];
  for (const change of await changedFiles(ref, top, opts.env)) {
    const abs = join(top, change.path);
    if (!insideAny(abs, opts.limits) || opts.ignored?.(abs)) continue;
    const relPath = relativePath(base, abs);
    changes.set(relPath, change);
    items.push(await toItem(abs, relPath));
  }
  return { base, items, changes };
}

/**
 * Keeps the findings on added lines. Findings without a line of the file (spreadsheets, archive entries,
 * files git treats as binary) count as added when the file changed; a text file's file-level finding stays
 * only when one of its line findings does.
 */
export function narrowFile(file: FileResult, changes: ReadonlyMap<string, FileChange>): FileResult {
  const change = changes.get(file.path);
  if (!change || change.binary || file.path.includes('!/') || !LINE_FORMATS.has(file.format)) return file;
  const onLines = file.findings.filter((f) => f.location.line !== undefined && inRanges(f.location.line, change.added));
  const fileLevel = onLines.length ? file.findings.filter((f) => f.location.line === undefined) : [];
  return { ...file, findings: [...onLines, ...fileLevel] };
}
