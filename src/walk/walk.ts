/**
 * walk: roots → FileRefs, streamed (an async generator), in report order (`comparePaths`): roots sorted, each
 * directory sorted by name.
 * Unreadable directories and files (EACCES, ENOENT, EBUSY…) are yielded as problems and the walk goes on.
 * Symbolic links are reported as skipped, or with `followSymlinks` followed: a link back to a directory
 * on the current path (same dev:ino as an ancestor) is reported as a loop instead of walked again.
 * Memory stays flat: only the directories on the current path are remembered, not every one visited.
 * Never reads file contents.
 * (fast-glob either aborts on EACCES or hides it with suppressErrors; a share scan must report each one.)
 */
import { lstatSync, readdirSync } from 'node:fs';
import { lstat, opendir, stat } from 'node:fs/promises';
import { isLocalFileSystem } from './fs-kind.js';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { comparePaths, type FileRef } from '../model.js';

export type WalkItem = { kind: 'file'; ref: FileRef } | { kind: 'problem'; relPath: string; status: 'skipped' | 'error'; reason: string };

export interface WalkOptions {
  /** Paths are reported relative to this directory (forward slashes). */
  base: string;
  /**
   * True when a path (relative, forward slashes; directories end with '/') must not be walked. `absPath`: the
   * same path, absolute, when the walk has it (= path.resolve(base, relPath)).
   */
  ignored?: (relPath: string, isDir: boolean, absPath?: string) => boolean;
  /** Follow symbolic links (with loop detection); default: report each link as skipped. */
  followSymlinks?: boolean;
  /** Only paths this accepts are yielded (files and problems); files it rejects are not even stat'ed (--shard). */
  select?: (relPath: string) => boolean;
  /** Set per root by the walk: stat synchronously (local disk) or many at once (network share). */
  localFs?: boolean;
}

/** Directories that never hold a user's documents and are skipped by default. */
export const DEFAULT_SKIP_DIRS: ReadonlySet<string> = new Set(['.git', '.hg', '.svn', 'node_modules']);

export const LINK_NOT_FOLLOWED = 'symbolic link (not followed)';
export const LINK_LOOP = 'symbolic link loop';
export const LINK_BROKEN = 'broken symbolic link';

/**
 * Files of one directory stat'ed at once: on a network share each stat is a round trip, and one at a time
 * the walk would wait on latency, not bandwidth. Small enough to keep memory flat.
 */
const STAT_BATCH = 32;

/** dev:ino of the directories from the root down to the one being walked (empty when links are not followed). */
type Ancestors = readonly string[];

export function relativePath(base: string, abs: string): string {
  const rel = relative(base, abs);
  const path = rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? abs : rel;
  return sep === '/' ? path : path.split(sep).join('/');
}

function problem(base: string, abs: string, error: unknown): WalkItem {
  const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
  const reason = code === 'ENOENT' ? 'no such file or directory' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : `cannot read (${code})`;
  return { kind: 'problem', relPath: relativePath(base, abs), status: 'error', reason };
}

function skipped(relPath: string, reason: string): WalkItem {
  return { kind: 'problem', relPath, status: 'skipped', reason };
}

/**
 * relativePath(base, child) for `name` in a folder whose relative path is `dirRel`, without path.relative's two
 * resolves per entry when the folder's path is plainly relative (a walk asks it of every file of a share).
 */
function childRel(base: string, dirRel: string, child: string, name: string): string {
  if (sep !== '/' || dirRel.startsWith('..') || isAbsolute(dirRel)) return relativePath(base, child);
  return dirRel === '.' ? name : `${dirRel}/${name}`;
}

/**
 * join(dir, name) for a folder's entry: `dir` is already normalized (a resolved root, or built here) and a
 * name read from a folder is never empty, `.`, `..` or holds a separator, so the two are joined as they are
 * (path.join normalized the whole path again, character by character, for every file of a share).
 */
function childPath(dir: string, name: string): string {
  return dir.endsWith(sep) ? dir + name : dir + sep + name;
}

function fileItem(relPath: string, abs: string, st: { size: number; mtimeMs: number }, localFs = false): WalkItem {
  const ref: FileRef = { absPath: abs, relPath, size: st.size, mtimeMs: st.mtimeMs };
  if (localFs) ref.localFs = true;
  return { kind: 'file', ref };
}

/** BigInt inode numbers: 64-bit file ids (NTFS) lose precision as JS numbers and could collide. */
async function dirId(abs: string): Promise<string> {
  const st = await stat(abs, { bigint: true });
  return `${st.dev}:${st.ino}`;
}

async function* walkDir(abs: string, opts: WalkOptions, ancestors: Ancestors): AsyncGenerator<WalkItem> {
  let entries: { name: string; dir: boolean; file: boolean; link: boolean }[];
  try {
    entries = [];
    // Local disk: one synchronous listing; a share: streamed, so a huge folder never sits in one call.
    const dirents = opts.localFs ? readdirSync(abs, { withFileTypes: true }) : await opendir(abs);
    for await (const d of dirents) entries.push({ name: d.name, dir: d.isDirectory(), file: d.isFile(), link: d.isSymbolicLink() });
  } catch (error) {
    yield problem(opts.base, abs, error);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const dirRel = relativePath(opts.base, abs);
  const files: [string, string][] = []; // consecutive regular files (absolute, relative), stat'ed together; yielded in name order
  for (const e of entries) {
    const child = childPath(abs, e.name);
    const rel = childRel(opts.base, dirRel, child, e.name);
    if (e.dir && DEFAULT_SKIP_DIRS.has(e.name)) continue;
    if (opts.ignored?.(e.dir ? `${rel}/` : rel, e.dir, child)) continue;
    if (e.file && !e.link) {
      if (opts.select?.(rel) === false) continue;
      files.push([child, rel]);
      if (files.length >= STAT_BATCH) yield* await statFiles(files.splice(0), opts);
      continue;
    }
    yield* await statFiles(files.splice(0), opts);
    if (e.link) yield* opts.followSymlinks ? followLink(child, e.name, opts, ancestors) : [skipped(rel, LINK_NOT_FOLLOWED)];
    else if (e.dir) yield* subDir(child, opts, ancestors);
    else yield skipped(rel, 'not a regular file');
  }
  yield* await statFiles(files, opts);
}

/** Walks a directory with its id added to the ancestors (a link back to one of them is a loop). */
async function* walkWithId(abs: string, rel: string, opts: WalkOptions, ancestors: Ancestors): AsyncGenerator<WalkItem> {
  let id: string;
  try {
    id = await dirId(abs);
  } catch (error) {
    yield problem(opts.base, abs, error);
    return;
  }
  if (ancestors.includes(id)) yield skipped(rel, LINK_LOOP);
  else yield* walkDir(abs, opts, [...ancestors, id]);
}

/** A real subdirectory; when following links its id joins the ancestors, so a link back to it is a loop. */
async function* subDir(abs: string, opts: WalkOptions, ancestors: Ancestors): AsyncGenerator<WalkItem> {
  if (!opts.followSymlinks) yield* walkDir(abs, opts, ancestors);
  else yield* walkWithId(abs, relativePath(opts.base, abs), opts, ancestors);
}

/** The target of a link: a file is yielded under the link's path, a directory walked unless it is an ancestor. */
async function* followLink(abs: string, name: string, opts: WalkOptions, ancestors: Ancestors): AsyncGenerator<WalkItem> {
  const rel = relativePath(opts.base, abs);
  let st;
  try {
    st = await stat(abs);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') yield skipped(rel, LINK_LOOP);
    else if (code === 'ENOENT') yield skipped(rel, LINK_BROKEN);
    else yield problem(opts.base, abs, error);
    return;
  }
  if (st.isFile()) {
    yield fileItem(rel, abs, st);
    return;
  }
  if (!st.isDirectory()) {
    yield skipped(rel, 'not a regular file');
    return;
  }
  if (DEFAULT_SKIP_DIRS.has(name) || opts.ignored?.(`${rel}/`, true)) return;
  yield* walkWithId(abs, rel, opts, ancestors);
}

async function statFiles(paths: readonly [string, string][], opts: WalkOptions): Promise<WalkItem[]> {
  if (opts.localFs) {
    return paths.map(([abs, rel]) => {
      try {
        return fileItem(rel, abs, lstatSync(abs), true);
      } catch (error) {
        return problem(opts.base, abs, error);
      }
    });
  }
  return Promise.all(paths.map(([abs, rel]) => lstat(abs).then((st) => fileItem(rel, abs, st), (error: unknown) => problem(opts.base, abs, error))));
}

/** Walks each root (a file or a directory); a root that does not exist is a problem, not a crash. */
export async function* walk(roots: readonly string[], opts: WalkOptions): AsyncGenerator<WalkItem> {
  const select = opts.select;
  if (!select) {
    yield* walkRoots(roots, opts);
    return;
  }
  for await (const item of walkRoots(roots, opts)) if (select(item.kind === 'file' ? item.ref.relPath : item.relPath)) yield item;
}

/** Roots in report order, so the whole walk is in report order (each directory is sorted by name). */
async function* walkRoots(roots: readonly string[], opts: WalkOptions): AsyncGenerator<WalkItem> {
  const ordered = roots.map((root) => resolve(opts.base, root)).sort((a, b) => comparePaths(relativePath(opts.base, a), relativePath(opts.base, b)));
  for (const abs of ordered) {
    let st;
    try {
      st = await stat(abs); // a root named on the command line is followed even if it is a link
    } catch (error) {
      yield problem(opts.base, abs, error);
      continue;
    }
    const local = isLocalFileSystem(abs);
    if (st.isDirectory()) yield* subDir(abs, { ...opts, localFs: local }, []);
    else if (st.isFile()) yield fileItem(relativePath(opts.base, abs), abs, st, local);
    else yield skipped(relativePath(opts.base, abs), 'not a regular file');
  }
}
