/**
 * Schema check of user pattern files (config `patterns`) against patterns/schema.json with ajv.
 * Loaded only when a user pattern file is given, so start-up stays lean.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PATTERNS_DIR, PatternError } from './load.js';
import type { PatternFile } from './types.js';

export async function checkPatternSchema(entries: { file: string; data: unknown }[]): Promise<PatternFile[]> {
  const { Ajv } = await import('ajv');
  const ajv = new Ajv({ allErrors: true, strict: false });
  const schema = JSON.parse(readFileSync(join(PATTERNS_DIR, 'schema.json'), 'utf8')) as object;
  const check = ajv.compile(schema);
  const problems: string[] = [];
  for (const { file, data } of entries) {
    if (!check(data)) {
      for (const e of check.errors ?? []) {
        const field = e.instancePath.replace(/^\//, '').replaceAll('/', '.') || '(top level)';
        problems.push(`${file}: ${field}: ${e.message ?? 'invalid'}`);
      }
    }
  }
  if (problems.length) throw new PatternError(problems.join('\n'));
  return entries.map((e) => e.data as PatternFile);
}
