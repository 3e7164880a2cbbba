/**
 * Counts what ignore rules kept out of a scan, by source, so a scan that reads fewer files than the user
 * expects says why (`summary.excluded`, and a note such as "12 files and 1 folder excluded by .gitignore").
 * A folder is counted once: the walk never enters it, so the files inside it are not counted (nor listed).
 * jpii's own files (config, reports being written) are not counted: they are never the user's documents.
 * A shard (--shard K/N) counts only the paths it owns, as it reports only the files it owns: every shard walks
 * the same tree, so `jpii merge` adds the shards' counts up to the unsharded scan's.
 */
import type { IgnoreSource, SourceMatcher } from './ignore-rules.js';
import { resolve } from 'node:path';

/** Files and folders one source excluded. */
export interface ExcludedCount {
  files: number;
  folders: number;
}

export type CountedSource = Exclude<IgnoreSource, 'own'>;

/** Report order of the sources. */
const ORDER: readonly CountedSource[] = ['gitignore', 'jpiiignore', 'exclude', 'config'];

export class Excluded {
  private readonly counts = new Map<CountedSource, ExcludedCount>();
  /** Files and folders counted, all sources (the progress line). */
  total = 0;

  /** `owns`: whether this run reports a path (relative to the base, forward slashes); default: every path. */
  constructor(private readonly owns: (relPath: string) => boolean = () => true) {}

  /** `relPath`: relative to the base, forward slashes (a folder's may end in '/'). */
  add(source: IgnoreSource, isDir: boolean, relPath: string): void {
    if (source === 'own' || !this.owns(relPath.endsWith('/') ? relPath.slice(0, -1) : relPath)) return;
    this.total++;
    const c = this.counts.get(source) ?? { files: 0, folders: 0 };
    if (isDir) c.folders++;
    else c.files++;
    this.counts.set(source, c);
  }

  /** `summary.excluded`: sources in a fixed order; undefined when nothing was excluded. */
  result(): Partial<Record<CountedSource, ExcludedCount>> | undefined {
    if (!this.counts.size) return undefined;
    const out: Partial<Record<CountedSource, ExcludedCount>> = {};
    for (const s of ORDER) {
      const c = this.counts.get(s);
      if (c) out[s] = { ...c };
    }
    return out;
  }
}

/** The walk's predicate (paths relative to the base, folders ending in '/'), counting each exclusion. */
export function countedWalkFilter(base: string, matcher: SourceMatcher | undefined, excluded: Excluded): ((relPath: string, isDir: boolean, absPath?: string) => boolean) | undefined {
  if (!matcher) return undefined;
  return (relPath, isDir, absPath) => {
    const source = matcher(absPath ?? resolve(base, relPath), isDir);
    if (source) excluded.add(source, isDir, relPath);
    return source !== undefined;
  };
}
