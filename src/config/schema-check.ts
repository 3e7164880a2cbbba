/**
 * Checks a parsed config against jpii.schema.json with ajv (loaded only when a config file exists, so a
 * scan without one does not pay for it). Input: the data and the name for messages. Output: one
 * `name: key: message` line per problem (all of them, not just the first).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** jpii.schema.json at the package root (src/config and dist/config are both two levels down). */
export const CONFIG_SCHEMA_FILE = fileURLToPath(new URL('../../jpii.schema.json', import.meta.url));

interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** `/allow/values/0` → `allow.values[0]`. */
export function keyPath(pointer: string, child?: string): string {
  const parts = pointer.split('/').slice(1);
  if (child !== undefined) parts.push(child);
  let out = '';
  for (const raw of parts) {
    const p = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    out += /^\d+$/.test(p) ? `[${p}]` : out === '' ? p : `.${p}`;
  }
  return out || '(top level)';
}

function describe(e: AjvError): string {
  switch (e.keyword) {
    case 'additionalProperties':
      return `${keyPath(e.instancePath, String(e.params.additionalProperty))}: unknown key`;
    case 'required':
      return `${keyPath(e.instancePath, String(e.params.missingProperty))}: is required`;
    case 'enum':
      return `${keyPath(e.instancePath)}: ${e.message ?? 'invalid'} (${(e.params.allowedValues as unknown[]).join(', ')})`;
    case 'anyOf':
      return `${keyPath(e.instancePath)}: has the wrong form (see jpii.schema.json)`;
    default:
      return `${keyPath(e.instancePath)}: ${e.message ?? 'invalid'}`;
  }
}

let validator: ((data: unknown) => AjvError[]) | undefined;

async function compile(): Promise<(data: unknown) => AjvError[]> {
  const { Ajv } = await import('ajv');
  const ajv = new Ajv({ allErrors: true, strict: false });
  const check = ajv.compile(JSON.parse(readFileSync(CONFIG_SCHEMA_FILE, 'utf8')) as object);
  return (data) => (check(data) ? [] : ((check.errors ?? []) as AjvError[]));
}

export async function schemaProblems(data: unknown, name: string): Promise<string[]> {
  validator ??= await compile();
  // Errors inside the branches of an anyOf repeat what the anyOf error says, less clearly.
  const errors = validator(data).filter((e) => !e.schemaPath.includes('/anyOf/'));
  return [...new Set(errors.map((e) => `${name}: ${describe(e)}`))];
}
