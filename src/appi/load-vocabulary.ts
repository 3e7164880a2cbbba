/**
 * Loads patterns/special-care.yaml: from dist/special-care.json (written by scripts/build-patterns.js, so a run
 * loads no YAML parser) when it is as new as the YAML, otherwise from the YAML itself. Compiled once per thread.
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { compileVocabulary, type CompiledVocabulary, type VocabularyFile } from './vocabulary.js';

export const SPECIAL_CARE_FILE = fileURLToPath(new URL('../../patterns/special-care.yaml', import.meta.url));
const COMPILED = fileURLToPath(new URL('../../dist/special-care.json', import.meta.url));

function fromCompiled(): VocabularyFile | undefined {
  try {
    const compiled = JSON.parse(readFileSync(COMPILED, 'utf8')) as { source: { size: number; mtimeMs: number }; data: VocabularyFile };
    const st = statSync(SPECIAL_CARE_FILE);
    return st.size === compiled.source.size && st.mtimeMs === compiled.source.mtimeMs ? compiled.data : undefined;
  } catch {
    return undefined;
  }
}

export function readVocabularyFile(file = SPECIAL_CARE_FILE): VocabularyFile {
  const { parse } = createRequire(import.meta.url)('yaml') as { parse: (s: string) => unknown };
  return parse(readFileSync(file, 'utf8')) as VocabularyFile;
}

let cache: CompiledVocabulary | undefined;

export function loadVocabulary(): CompiledVocabulary {
  cache ??= compileVocabulary(fromCompiled() ?? readVocabularyFile());
  return cache;
}
