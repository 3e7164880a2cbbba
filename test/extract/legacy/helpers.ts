/** Loaders for the legacy-format tests. Fixtures come from scripts/make-legacy-fixtures.js. */
import { readFileSync } from 'node:fs';
import { chooseExtractor } from '../../../src/extract/index.js';
import { DEFAULT_LIMITS } from '../../../src/extract/limits.js';
import type { ExtractResult } from '../../../src/model.js';

export const load = (path: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../../fixtures/documents/${path}`, import.meta.url)));

/** Extracts as the scan would: the registry chooses by name and content. */
export async function extractAs(name: string, bytes: Uint8Array): Promise<ExtractResult> {
  const choice = chooseExtractor(name, bytes.subarray(0, 8192), bytes);
  if ('skipped' in choice) return { ok: false, format: choice.format, status: 'skipped', reason: choice.skipped };
  return choice.extractor.extract(bytes, { name: choice.name ?? name, depth: 0, limits: DEFAULT_LIMITS });
}

/** `text @ location` lines, for compact assertions. */
export const lines = (r: ExtractResult): string[] => (r.ok ? r.segments.map((s) => `${s.text} @ ${JSON.stringify(s.origin)}`) : []);
