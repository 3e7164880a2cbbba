/**
 * What --staged and --diff share: where they run, which paths they are limited to, what is ignored.
 * Pure helpers, no git.
 */
import { isAbsolute, relative, sep } from 'node:path';

export interface SourceOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Reports are relative to this folder (--root); default: the work tree's top, as git shows paths. */
  root?: string;
  /** Absolute files or folders named on the command line; empty: the whole repository. */
  limits: readonly string[];
  /** True when an absolute path must not be scanned (.jpiiignore, excludes). */
  ignored?: (absPath: string) => boolean;
}

export function isInside(abs: string, dir: string): boolean {
  const rel = relative(dir, abs);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** True when `abs` is one of `limits` or inside one of them (no limits: everything). */
export function insideAny(abs: string, limits: readonly string[]): boolean {
  return limits.length === 0 || limits.some((l) => isInside(abs, l));
}
