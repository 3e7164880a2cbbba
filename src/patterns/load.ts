/**
 * load: pattern and label files (YAML or JSON, patterns/schema.json) → compiled rules.
 * Built-in patterns ship in patterns/ and are checked against the schema by the test suite; user pattern
 * files (config) are checked here, and every problem is reported with the file and field, not just the first.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compilePattern } from './compile.js';
import { attachKeys, fieldNameTest, readFieldNames, type FieldNamesFile } from './field-names.js';
import type { CompiledRule, LabelWord, PatternFile } from './types.js';

/** patterns/ of the package (src/patterns/load.ts and dist/patterns/load.js are both two levels down). */
export const PATTERNS_DIR = fileURLToPath(new URL('../../patterns/', import.meta.url));

/** The built-in patterns pre-parsed by scripts/build-patterns.js (a YAML parser costs ≈100 ms of start-up). */
const COMPILED = fileURLToPath(new URL('../../dist/builtin-patterns.json', import.meta.url));

export class PatternError extends Error {}

function parseYaml(text: string): unknown {
  const { parse } = createRequire(import.meta.url)('yaml') as { parse: (s: string) => unknown };
  return parse(text);
}

function readData(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  return file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
}

interface Compiled {
  sources: Record<string, { size: number; mtimeMs: number }>;
  patterns: { file: string; pattern: PatternFile }[];
  labels: LabelWord[];
  fieldNames?: FieldNamesFile;
}

/** The pre-parsed built-ins, if present and made from the pattern files as they are now. */
function readCompiled(): Compiled | undefined {
  let compiled: Compiled;
  try {
    compiled = JSON.parse(readFileSync(COMPILED, 'utf8')) as Compiled;
  } catch {
    return undefined;
  }
  const current = [...builtinPatternFiles().map((f) => join('types', basename(f))), 'labels.yaml', 'field-names.yaml'];
  if (current.length !== Object.keys(compiled.sources).length) return undefined;
  for (const rel of current) {
    const recorded = compiled.sources[rel];
    const st = statSync(join(PATTERNS_DIR, rel), { throwIfNoEntry: false });
    if (!recorded || !st || st.size !== recorded.size || st.mtimeMs !== recorded.mtimeMs) return undefined;
  }
  return compiled;
}

let compiledCache: Compiled | null | undefined;

function compiledBuiltins(): Compiled | undefined {
  if (compiledCache === undefined) compiledCache = readCompiled() ?? null;
  return compiledCache ?? undefined;
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
  const entries = compiledBuiltins()?.patterns ?? builtinPatternFiles().map((file) => ({ file, pattern: readPatternFile(file) }));
  if (!builtinCache) {
    builtinCache = compilePatternFiles(entries);
    attachKeys(builtinCache, builtinFieldNames());
  }
  return builtinCache;
}

function builtinFieldNames(): FieldNamesFile {
  return readFieldNames(PATTERNS_DIR, compiledBuiltins()?.fieldNames);
}

/** Adds the built-in field-name vocabulary to rules compiled from user pattern files (same type ids). */
export function withBuiltinKeys(rules: CompiledRule[]): CompiledRule[] {
  attachKeys(rules.filter((r) => !r.keys), builtinFieldNames());
  return rules;
}

let fieldNameCache: ((text: string) => boolean) | undefined;

/** Whether a cell reads as a field name (built-in types and generic header words): used to find header rows. */
export function isBuiltinFieldName(text: string): boolean {
  fieldNameCache ??= fieldNameTest(loadBuiltinRules(), builtinFieldNames());
  return fieldNameCache(text);
}

export function loadLabelWords(file?: string): LabelWord[] {
  const compiled = file === undefined ? compiledBuiltins() : undefined;
  if (compiled) return compiled.labels;
  const data = readData(file ?? join(PATTERNS_DIR, 'labels.yaml')) as { labels?: LabelWord[] };
  return data.labels ?? [];
}
