/**
 * load: pattern and label files (YAML or JSON, patterns/schema.json) → compiled rules.
 * Built-in patterns ship in patterns/ and are checked against the schema by the test suite; user pattern
 * files (config) are checked here, and every problem is reported with the file and field, not just the first.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { compilePattern } from './compile.js';
import type { CompiledRule, LabelWord, PatternFile } from './types.js';

/** patterns/ of the package (src/patterns/load.ts and dist/patterns/load.js are both two levels down). */
export const PATTERNS_DIR = fileURLToPath(new URL('../../patterns/', import.meta.url));

export class PatternError extends Error {}

function readData(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  return file.endsWith('.json') ? JSON.parse(text) : parse(text);
}

export function builtinPatternFiles(): string[] {
  const dir = join(PATTERNS_DIR, 'types');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(dir, f));
}

export function readPatternFile(file: string): PatternFile {
  return readData(file) as PatternFile;
}

/** Compiles pattern files; throws one PatternError listing every problem (`file: field: message`). */
export function compilePatternFiles(entries: { file: string; pattern: PatternFile }[]): CompiledRule[] {
  const problems: string[] = [];
  const rules: CompiledRule[] = [];
  for (const { file, pattern } of entries) {
    try {
      rules.push(compilePattern(pattern));
    } catch (error) {
      problems.push(`${basename(file)}: ${(error as Error).message}`);
    }
  }
  if (problems.length) throw new PatternError(problems.join('\n'));
  return rules;
}

let builtinCache: CompiledRule[] | undefined;

export function loadBuiltinRules(): CompiledRule[] {
  builtinCache ??= compilePatternFiles(builtinPatternFiles().map((file) => ({ file, pattern: readPatternFile(file) })));
  return builtinCache;
}

export function loadLabelWords(file = join(PATTERNS_DIR, 'labels.yaml')): LabelWord[] {
  const data = readData(file) as { labels?: LabelWord[] };
  return data.labels ?? [];
}
