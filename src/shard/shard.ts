/**
 * shard: `--shard K/N` → which report paths this run owns.
 * Input: a path relative to the scan root (forward slashes) and the shard spec. Output: true when the path
 * belongs to shard K of N. A path's shard is the first 4 bytes of SHA-1 of its UTF-8 bytes (big-endian)
 * mod N: stable across machines, Node versions and runs, so N runs with the same root and N cover every
 * file exactly once. Never looks at the file system.
 */
import { createHash } from 'node:crypto';
import { UsageError } from '../options.js';

export interface Shard {
  /** K: 1-based index of this shard. */
  index: number;
  /** N: number of shards. */
  count: number;
}

/** Far more shards than any cluster runs; keeps K and N exact integers. */
const MAX_SHARDS = 1_000_000;

/** `2/8` → {index: 2, count: 8}; anything else is a usage error naming the flag. */
export function parseShard(spec: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(spec);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || index < 1 || count < 1 || index > count || count > MAX_SHARDS) {
    throw new UsageError(`--shard: '${spec}' is not K/N with 1 ≤ K ≤ N (example: --shard 2/8 runs the second of eight shards)`);
  }
  return { index, count };
}

/** 0-based shard number of a report path among `count` shards. */
export function shardOf(relPath: string, count: number): number {
  return createHash('sha1').update(relPath, 'utf8').digest().readUInt32BE(0) % count;
}

export function inShard(relPath: string, shard: Shard): boolean {
  return shard.count === 1 || shardOf(relPath, shard.count) === shard.index - 1;
}
