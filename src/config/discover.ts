/**
 * Finds the config file: `jpii.config.json` or `.jpii.json` in the start folder or the nearest folder above
 * it. Input: an absolute path (a file's folder is used). Output: the config file's path, or undefined.
 * Never: reads the file (load-config.ts does), so a scan without a config costs a few stat calls.
 */
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const CONFIG_NAMES = ['jpii.config.json', '.jpii.json'] as const;

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function findConfig(start: string): string | undefined {
  let dir = isDirectory(start) ? start : dirname(start);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const file = join(dir, name);
      if (isFile(file)) return file;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
