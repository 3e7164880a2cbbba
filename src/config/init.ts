/**
 * `jpii init`: writes a starting jpii.config.json in a folder. JSON holds no comments, so each section is
 * explained by a `$comment:…` key the schema allows. Input: a folder. Output: the file written.
 * Never: overwrites an existing config (jpii.config.json or .jpii.json).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_NAMES } from './discover.js';
import { ConfigError, DEFAULT_KEY_ENV } from './types.js';

/** Editors resolve this when jpii is a dev dependency; the file ships in the npm package. */
export const SCHEMA_REF = './node_modules/jpii/jpii.schema.json';

export const STARTER_CONFIG = {
  $schema: SCHEMA_REF,
  $comment:
    'jpii settings. Command-line options override them; paths and globs are relative to this file. ' +
    'Every key is described in jpii.schema.json.',
  '$comment:levels':
    'minConfidence: findings below it are not reported. failOn: exit 1 on findings at or above it (never: always 0).',
  minConfidence: 'medium',
  failOn: 'medium',
  '$comment:detectors': 'disable: detector ids to switch off (list them with `jpii rules`), e.g. "person-name".',
  disable: [] as string[],
  '$comment:files':
    'exclude: gitignore-style globs not to scan (a .jpiiignore file works too). maxFileSize: larger files are skipped.',
  exclude: [] as string[],
  maxFileSize: '100MB',
  '$comment:labels': "labels: more classification-label words, such as your company's own stamps.",
  labels: [] as string[],
  '$comment:patterns': 'patterns: your own detectors, as paths of YAML/JSON files in the shape of patterns/schema.json.',
  patterns: [] as string[],
  allow: {
    $comment:
      'values: keyed hashes printed by `jpii hash TYPE VALUE` (never the value itself). ' +
      'patterns: regexes tested against the normalized value.',
    values: [] as string[],
    patterns: [] as string[],
  },
  '$comment:key':
    'fingerprintKeyEnv: the environment variable holding the secret key of fingerprints and allow hashes.',
  fingerprintKeyEnv: DEFAULT_KEY_ENV,
};

export function initConfig(dir: string): string {
  const existing = CONFIG_NAMES.map((n) => join(dir, n)).find((f) => existsSync(f));
  if (existing) throw new ConfigError(`${existing}: already exists (jpii init never overwrites a config)`);
  const file = join(dir, CONFIG_NAMES[0]);
  writeFileSync(file, `${JSON.stringify(STARTER_CONFIG, null, 2)}\n`, { flag: 'wx' });
  return file;
}
