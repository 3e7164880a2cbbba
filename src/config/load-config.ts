/**
 * Loads a config file: JSON → schema check → paths resolved, pattern files read, checked and compiled.
 * Input: the file's absolute path and the current folder (for the name in messages). Output: a
 * LoadedConfig, or one ConfigError listing every problem as `file: key: message`. Never: scans anything.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { TYPE_IDS, UNLABELLED_TYPE } from '../model.js';
import { parseSize } from '../options.js';
import { compilePatternFiles, PatternError, readPatternFile } from '../patterns/load.js';
import type { PatternFile } from '../patterns/types.js';
import { checkPatternSchema } from '../patterns/validate-schema.js';
import { schemaProblems } from './schema-check.js';
import type { LabelPolicyId } from '../score/risk.js';
import { ConfigError, DEFAULT_KEY_ENV, type ConfigFile, type LoadedConfig } from './types.js';

function displayName(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

function parseJson(file: string, name: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${name}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'EIO'})`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigError(`${name}: not valid JSON: ${(error as Error).message}`);
  }
}

/** Pattern files named by path (relative to the config) or written inline; each checked and compiled. */
async function loadPatterns(config: ConfigFile, dir: string, name: string, problems: string[]): Promise<LoadedConfig['customPatterns']> {
  const entries: { file: string; data: unknown }[] = [];
  (config.patterns ?? []).forEach((p, i) => {
    if (typeof p !== 'string') return entries.push({ file: `${name}: patterns[${i}]`, data: p });
    try {
      entries.push({ file: p, data: readPatternFile(resolve(dir, p)) });
    } catch (error) {
      problems.push(`${name}: patterns[${i}]: cannot read '${p}': ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  });
  if (!entries.length) return [];
  try {
    const checked = await checkPatternSchema(entries);
    const out = entries.map((e, i) => ({ file: e.file, pattern: checked[i] as PatternFile }));
    compilePatternFiles(out);
    return out;
  } catch (error) {
    if (!(error instanceof PatternError)) throw error;
    problems.push(...error.message.split('\n'));
    return [];
  }
}

function checkIds(key: 'types' | 'disable', ids: readonly string[] | undefined, known: ReadonlySet<string>, name: string, problems: string[]): void {
  (ids ?? []).forEach((id, i) => {
    if (!known.has(id)) problems.push(`${name}: ${key}[${i}]: unknown detector '${id}'`);
  });
}

function checkRegexes(patterns: readonly string[], name: string, problems: string[]): void {
  patterns.forEach((p, i) => {
    try {
      new RegExp(p, 'u');
    } catch (error) {
      problems.push(`${name}: allow.patterns[${i}]: ${(error as Error).message}`);
    }
  });
}

function sizeOf(value: number | string | undefined, name: string, problems: string[]): number | undefined {
  if (value === undefined || typeof value === 'number') return value;
  try {
    return parseSize(value);
  } catch {
    problems.push(`${name}: maxFileSize: '${value}' is not a size (examples: 500k, 10MB, 1GiB)`);
    return undefined;
  }
}

export async function loadConfig(file: string, cwd: string): Promise<LoadedConfig> {
  const name = displayName(file, cwd);
  const dir = dirname(file);
  const data = parseJson(file, name);
  const problems = await schemaProblems(data, name);
  if (problems.length) throw new ConfigError(problems.join('\n'));
  const c = data as ConfigFile;
  const customPatterns = await loadPatterns(c, dir, name, problems);
  const known = new Set<string>([...TYPE_IDS, UNLABELLED_TYPE, ...customPatterns.map((p) => p.pattern.id)]);
  checkIds('types', c.types, known, name, problems);
  checkIds('disable', c.disable, known, name, problems);
  checkRegexes(c.allow?.patterns ?? [], name, problems);
  const maxFileSize = sizeOf(c.maxFileSize, name, problems);
  if (problems.length) throw new ConfigError(problems.join('\n'));
  return {
    file,
    name,
    dir,
    ...(c.types ? { types: c.types } : {}),
    disable: c.disable ?? [],
    ...(c.minConfidence ? { minConfidence: c.minConfidence } : {}),
    ...(c.failOn ? { failOn: c.failOn } : {}),
    exclude: c.exclude ?? [],
    ...(maxFileSize === undefined ? {} : { maxFileSize }),
    customPatterns,
    patternFiles: (c.patterns ?? []).flatMap((p) => (typeof p === 'string' ? [resolve(dir, p)] : [])),
    labels: (c.labels ?? []).map((l) => (typeof l === 'string' ? { word: l } : l)),
    allowHashes: (c.allow?.values ?? []).map((v) => (typeof v === 'string' ? v : v.hash)),
    allowPatterns: c.allow?.patterns ?? [],
    fingerprintKeyEnv: c.fingerprintKeyEnv ?? DEFAULT_KEY_ENV,
    ...(c.requireLabel ? { requireLabel: (c.requireLabel.includes('none') ? [] : c.requireLabel) as LabelPolicyId[] } : {}),
    ...(c.ocr === undefined ? {} : { ocr: c.ocr }),
    ...(c.ocrMaxPages === undefined ? {} : { ocrMaxPages: c.ocrMaxPages }),
  };
}
