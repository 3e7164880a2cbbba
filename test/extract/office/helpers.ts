/** Shared loaders for the Office extractor tests. Fixtures come from scripts/make-office-fixtures.js. */
import { readFileSync } from 'node:fs';
import { DEFAULT_LIMITS } from '../../../src/extract/limits.js';
import type { ExtractContext, ExtractLimits } from '../../../src/model.js';

export const load = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../../fixtures/documents/office/${name}`, import.meta.url)));

export const ctx = (name: string, limits: Partial<ExtractLimits> = {}): ExtractContext => ({
  name,
  depth: 0,
  limits: { ...DEFAULT_LIMITS, ...limits },
});

/** Splits bytes into chunks of the given sizes, cycling, as a stream would deliver them. */
export async function* chunked(bytes: Uint8Array, sizes: readonly number[]): AsyncGenerator<Uint8Array> {
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = sizes[i % sizes.length] ?? 1;
    yield bytes.subarray(at, at + size);
    at += size;
  }
}

/** The result without the table-structure fields (asserted on their own in the structure tests). */
export function withoutCell<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (k, v) => (k === 'cell' && v && typeof v === 'object' ? undefined : v))) as T;
}

/** Drops the document-property segments (tested in properties.test.ts), so a body test lists the body only. */
export const withoutProperties = <T extends { ok: boolean; segments?: { origin: { part?: string } }[] }>(r: T): T =>
  r.ok && r.segments ? { ...r, segments: r.segments.filter((s) => s.origin.part !== 'properties') } : r;
