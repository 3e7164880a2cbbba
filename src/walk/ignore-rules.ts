/**
 * Which paths are not scanned, with gitignore semantics (the `ignore` package):
 * - `--exclude` globs (relative to the scan base) and config `exclude` globs (relative to the config's folder);
 * - `.jpiiignore` files, in every folder from the top (the git work tree's top, or the outermost scan root)
 *   down to the file's folder, deeper files winning as in git;
 * - inside a git work tree, `.gitignore` files and `.git/info/exclude` (walks only: staged and diff scans
 *   take their list from git itself).
 * Folders named on the command line (`roots`) are walked whatever these rules say about them or the folders
 * above them; the rules apply below them (named-roots.ts).
 * Input: absolute paths. Output: a predicate, or which source excluded a path. Reads ignore files (cached per
 * folder); never file contents.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { isInside } from '../git/source.js';
import { keepNamedRoots } from './named-roots.js';

export interface IgnoreSetup {
  /** `--exclude` globs are relative to this folder (the scan base). */
  base: string;
  excludes: readonly string[];
  configExcludes?: { dir: string; patterns: readonly string[] };
  /** Read `.jpiiignore` files (false with --no-ignore). */
  ignoreFiles: boolean;
  /** Also `.gitignore` inside git work trees (false with --no-ignore, and for --staged / --diff). */
  gitignore: boolean;
  /** Outside git work trees, `.jpiiignore` files are read from the outermost of these that holds the path. */
  tops: readonly string[];
  /** jpii's own files (config, its pattern files, the baseline): their examples are not findings. */
  ownFiles?: readonly string[];
  /** Folders named on the command line: never excluded themselves, nor through the folders above them. */
  roots?: readonly string[];
}

export type PathMatcher = (absPath: string, isDir: boolean) => boolean;

/** What excluded a path: jpii's own file, `--exclude`, config `exclude`, a `.gitignore` (or info/exclude), a `.jpiiignore`. */
export type IgnoreSource = 'own' | 'exclude' | 'config' | 'gitignore' | 'jpiiignore';

export type SourceMatcher = (absPath: string, isDir: boolean) => IgnoreSource | undefined;

const posixRel = (from: string, to: string): string => relative(from, to).split(sep).join('/');

function globMatcher(dir: string, patterns: readonly string[], roots: readonly string[], source: IgnoreSource): SourceMatcher | undefined {
  if (!patterns.length) return undefined;
  const ig = ignore().add([...patterns]).add(keepNamedRoots(dir, roots));
  return (abs, isDir) => (abs !== dir && isInside(abs, dir) && ig.ignores(posixRel(dir, abs) + (isDir ? '/' : '')) ? source : undefined);
}

/** One ignore file's rules and which kind of file it is. */
interface RuleSet {
  rules: Ignore;
  source: IgnoreSource;
}

function readRules(file: string, source: IgnoreSource, keep: readonly string[]): RuleSet[] {
  try {
    return [{ rules: ignore().add(readFileSync(file, 'utf8')).add([...keep]), source }];
  } catch {
    return [];
  }
}

/**
 * Folders remembered by each cache below. A walk goes depth first, so the folders it asks about again are
 * the recent ones; past this many a cache starts over, and a share of millions of folders stays flat.
 */
const CACHED_FOLDERS = 20_000;

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= CACHED_FOLDERS) cache.clear();
  cache.set(key, value);
  return value;
}

/** Ignore files found by folder, and the git work tree each folder belongs to. */
class IgnoreFiles {
  private readonly byDir = new Map<string, RuleSet[]>();
  private readonly tops = new Map<string, string | null>();
  private readonly roots: readonly string[];

  constructor(private readonly setup: IgnoreSetup) {
    this.roots = (setup.roots ?? []).map((r) => resolve(r));
  }

  gitTop(dir: string): string | undefined {
    let top = this.tops.get(dir);
    if (top === undefined) {
      const parent = dirname(dir);
      top = remember(this.tops, dir, existsSync(join(dir, '.git')) ? dir : parent === dir ? null : (this.gitTop(parent) ?? null));
    }
    return top ?? undefined;
  }

  rules(dir: string, gitTop: string | undefined): RuleSet[] {
    let rules = this.byDir.get(dir);
    if (rules) return rules;
    const git = this.setup.gitignore && gitTop !== undefined;
    const keep = keepNamedRoots(dir, this.roots);
    rules = [
      ...(git && dir === gitTop ? readRules(join(dir, '.git', 'info', 'exclude'), 'gitignore', keep) : []),
      ...(git ? readRules(join(dir, '.gitignore'), 'gitignore', keep) : []),
      ...(this.setup.ignoreFiles ? readRules(join(dir, '.jpiiignore'), 'jpiiignore', keep) : []),
    ];
    return remember(this.byDir, dir, rules);
  }
}

/** Folders from `top` down to the file's own folder. */
function chain(top: string, abs: string): string[] {
  const dirs: string[] = [];
  for (let d = dirname(abs); isInside(d, top); d = dirname(d)) {
    dirs.unshift(d);
    if (d === top || dirname(d) === d) break;
  }
  return dirs;
}

/** The ignore files that apply in one folder, outermost first, each with where its relative paths start. */
type Layers = { cut: number; rules: RuleSet[] }[];

function ignoreFileMatcher(setup: IgnoreSetup): SourceMatcher {
  const files = new IgnoreFiles(setup);
  const outer = [...setup.tops].map((t) => resolve(t)).sort((a, b) => a.length - b.length);
  /** Which ignore files apply to the entries of a folder: worked out once per folder, not per entry. */
  const layersOf = (folder: string): Layers => {
    const gitTop = files.gitTop(folder);
    const candidates = [...outer.filter((t) => isInside(folder, t)), ...(gitTop ? [gitTop] : [])];
    const top = candidates.sort((a, b) => a.length - b.length)[0] ?? folder;
    return chain(top, join(folder, '_')).flatMap((dir) => {
      const rules = files.rules(dir, gitTop !== undefined && isInside(dir, gitTop) ? gitTop : undefined);
      // Every path asked about is inside `dir`, which its own path starts with: the relative path is a slice.
      return rules.length ? [{ cut: dir.endsWith(sep) ? dir.length : dir.length + 1, rules }] : [];
    });
  };
  const byFolder = new Map<string, Layers>();
  return (abs, isDir) => {
    const folder = dirname(abs);
    const layers = byFolder.get(folder) ?? remember(byFolder, folder, layersOf(folder));
    let ignored: IgnoreSource | undefined;
    for (const { cut, rules: sets } of layers) {
      const tail = abs.slice(cut);
      const rel = (sep === '/' ? tail : tail.split(sep).join('/')) + (isDir ? '/' : '');
      for (const { rules, source } of sets) {
        const t = rules.test(rel);
        if (t.ignored) ignored = source;
        else if (t.unignored) ignored = undefined;
      }
    }
    return ignored;
  };
}

/** Which source excludes a path, for every source of ignore rules; undefined when nothing can be ignored. */
export function sourceMatcher(setup: IgnoreSetup): SourceMatcher | undefined {
  const base = resolve(setup.base);
  const own = new Set((setup.ownFiles ?? []).map((f) => resolve(f)));
  const roots = (setup.roots ?? []).map((r) => resolve(r));
  const matchers = [
    own.size ? (abs: string): IgnoreSource | undefined => (own.has(abs) ? 'own' : undefined) : undefined,
    globMatcher(base, setup.excludes, roots, 'exclude'),
    setup.configExcludes ? globMatcher(resolve(setup.configExcludes.dir), setup.configExcludes.patterns, roots, 'config') : undefined,
    setup.ignoreFiles || setup.gitignore ? ignoreFileMatcher(setup) : undefined,
  ].filter((m): m is SourceMatcher => m !== undefined);
  if (!matchers.length) return undefined;
  return (abs, isDir) => {
    for (const m of matchers) {
      const source = m(abs, isDir);
      if (source) return source;
    }
    return undefined;
  };
}

/** One predicate for every source of ignore rules; undefined when nothing can be ignored. */
export function pathMatcher(setup: IgnoreSetup): PathMatcher | undefined {
  const m = sourceMatcher(setup);
  return m && ((abs, isDir) => m(abs, isDir) !== undefined);
}
