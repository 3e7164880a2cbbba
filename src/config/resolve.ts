/**
 * Which config applies: `--no-config` none, `--config FILE` that file, otherwise the nearest
 * jpii.config.json / .jpii.json above the first scanned path (or the current folder).
 * The loader (and ajv with it) is imported only when a file is found, so a plain scan stays lean.
 */
import { resolve } from 'node:path';
import { findConfig } from './discover.js';
import { ConfigError, type LoadedConfig } from './types.js';

/** Commander's value of `--config FILE` / `--no-config`: a path, false, or undefined (discover). */
export type ConfigFlag = string | false | undefined;

export async function resolveConfig(flag: ConfigFlag, paths: readonly string[], cwd: string): Promise<LoadedConfig | undefined> {
  if (flag === false) return undefined;
  let file: string | undefined;
  if (typeof flag === 'string') {
    file = resolve(cwd, flag);
  } else {
    const first = paths[0];
    file = findConfig(first === undefined ? cwd : resolve(cwd, first));
  }
  if (file === undefined) return undefined;
  const { loadConfig } = await import('./load-config.js');
  try {
    return await loadConfig(file, cwd);
  } catch (error) {
    if (typeof flag === 'string' && error instanceof ConfigError && /cannot read \(ENOENT\)/.test(error.message)) {
      throw new ConfigError(`--config: no such file: ${flag}`);
    }
    throw error;
  }
}
