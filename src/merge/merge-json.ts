/**
 * Merging the JSON reports of N shards: files concatenated, sorted by path, summary recomputed (what the
 * ignore rules kept out, `summary.excluded`, added up: each shard counts the paths it owns).
 * Input: ScanResults read from the reports. Output: one ScanResult and warnings (different jpii versions).
 * Never: invents values (findings carry masked values only); a path listed by two inputs is an error,
 * since the shards of one scan never overlap (same root, same N, different K).
 */
import { comparePaths, type FileResult, type ScanResult } from '../model.js';
import { summarize } from '../scan/scan.js';
import { addExcluded } from './excluded-sum.js';
import { MergeError } from './read-report.js';

export interface Merged<T> {
  merged: T;
  warnings: string[];
}

/** Paths are compared as strings, as the scan sorts them, so a merge equals an unsharded scan. */
/** Throws when a path (from `pathsOf`) occurs in more than one input. */
export function checkDisjoint<T>(inputs: readonly { file: string; item: T }[], pathsOf: (item: T) => Iterable<string>): void {
  const owner = new Map<string, string>();
  const clashes: string[] = [];
  for (const { file, item } of inputs) {
    const mine = new Set(pathsOf(item));
    for (const path of mine) {
      const other = owner.get(path);
      if (other !== undefined) clashes.push(`'${path}' is in both ${other} and ${file}`);
      else owner.set(path, file);
    }
  }
  if (clashes.length) throw clashError(clashes);
}

/** The error for paths found in more than one input (`'P' is in both A and B` lines). */
export function clashError(clashes: readonly string[]): MergeError {
  const more = clashes.length > 10 ? [`… and ${clashes.length - 10} more`] : [];
  return new MergeError([...clashes.slice(0, 10), ...more, 'were the reports made with the same --shard N and the same root?'].join('\n'));
}

export function versionWarning(versions: readonly { file: string; version: string }[]): string[] {
  if (new Set(versions.map((v) => v.version)).size <= 1) return [];
  return [`jpii: warning: the reports come from different jpii versions (${versions.map((v) => `${v.version} in ${v.file}`).join(', ')})`];
}

export function mergeJson(inputs: readonly { file: string; result: ScanResult }[]): Merged<ScanResult> {
  checkDisjoint(inputs.map((i) => ({ file: i.file, item: i.result })), (r) => r.files.map((f) => f.path));
  const files: FileResult[] = inputs.flatMap((i) => i.result.files).sort((a, b) => comparePaths(a.path, b.path));
  const version = inputs[0]?.result.tool.version ?? 'unknown';
  const summary = summarize(files);
  for (const i of inputs) addExcluded(summary, i.result.summary.excluded);
  return {
    merged: { tool: { name: 'jpii', version }, files, summary },
    warnings: versionWarning(inputs.map((i) => ({ file: i.file, version: i.result.tool.version }))),
  };
}
