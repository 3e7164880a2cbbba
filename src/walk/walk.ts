/**
 * walk: roots → FileRefs, streamed (an async generator), sorted within each directory.
 * Unreadable directories and files (EACCES, ENOENT, EBUSY…) are yielded as problems and the walk goes on;
 * symbolic links are reported, not followed. Never reads file contents.
 * (fast-glob either aborts on EACCES or hides it with suppressErrors; a share scan must report each one.)
 */
import { lstat, opendir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { FileRef } from '../model.js';

export type WalkItem = { kind: 'file'; ref: FileRef } | { kind: 'problem'; relPath: string; status: 'skipped' | 'error'; reason: string };

export interface WalkOptions {
  /** Paths are reported relative to this directory (forward slashes). */
  base: string;
  /** True when a path (relative, forward slashes; directories end with '/') must not be walked. */
  ignored?: (relPath: string, isDir: boolean) => boolean;
}

/** Directories that never hold a user's documents and are skipped by default. */
export const DEFAULT_SKIP_DIRS: ReadonlySet<string> = new Set(['.git', '.hg', '.svn', 'node_modules']);

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

async function* walkDir(abs: string, opts: WalkOptions): AsyncGenerator<WalkItem> {
  let entries: { name: string; dir: boolean; file: boolean; link: boolean }[];
  try {
    const dir = await opendir(abs);
    entries = [];
    for await (const d of dir) entries.push({ name: d.name, dir: d.isDirectory(), file: d.isFile(), link: d.isSymbolicLink() });
  } catch (error) {
    yield problem(opts.base, abs, error);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const child = join(abs, e.name);
    const rel = relativePath(opts.base, child);
    if (e.dir && DEFAULT_SKIP_DIRS.has(e.name)) continue;
    if (opts.ignored?.(e.dir ? `${rel}/` : rel, e.dir)) continue;
    if (e.link) yield { kind: 'problem', relPath: rel, status: 'skipped', reason: 'symbolic link (not followed)' };
    else if (e.dir) yield* walkDir(child, opts);
    else if (e.file) yield* statFile(child, opts);
    else yield { kind: 'problem', relPath: rel, status: 'skipped', reason: 'not a regular file' };
  }
}

async function* statFile(abs: string, opts: WalkOptions): AsyncGenerator<WalkItem> {
  try {
    const st = await lstat(abs);
    yield { kind: 'file', ref: { absPath: abs, relPath: relativePath(opts.base, abs), size: st.size, mtimeMs: st.mtimeMs } };
  } catch (error) {
    yield problem(opts.base, abs, error);
  }
}

/** Walks each root (a file or a directory); a root that does not exist is a problem, not a crash. */
export async function* walk(roots: readonly string[], opts: WalkOptions): AsyncGenerator<WalkItem> {
  for (const root of roots) {
    const abs = resolve(opts.base, root);
    let st;
    try {
      st = await stat(abs); // a root named on the command line is followed even if it is a link

    } catch (error) {
      yield problem(opts.base, abs, error);
      continue;
    }
    if (st.isDirectory()) yield* walkDir(abs, opts);
    else if (st.isFile()) yield { kind: 'file', ref: { absPath: abs, relPath: relativePath(opts.base, abs), size: st.size, mtimeMs: st.mtimeMs } };
    else yield { kind: 'problem', relPath: relativePath(opts.base, abs), status: 'skipped', reason: 'not a regular file' };
  }
}
