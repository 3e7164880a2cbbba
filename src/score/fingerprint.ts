/**
 * The one place where finding fingerprints are computed: HMAC-SHA-256 with a configurable key, never a
 * bare hash (a bare hash of a 12-digit number is reversed by brute force in minutes).
 * Stable when lines move or the file is re-encoded: it depends on path, type, value and the occurrence
 * number of that value in the file, not on line or column.
 */
import { createHmac } from 'node:crypto';

/** Used when no key is configured; documented as public, so real deployments set JPII_FINGERPRINT_KEY. */
export const DEFAULT_FINGERPRINT_KEY = 'jpii-default-fingerprint-key-v1';

export function fingerprint(key: string, path: string, type: string, value: string, occurrence: number): string {
  return createHmac('sha256', key).update(`${path}\u0000${type}\u0000${value}\u0000${occurrence}`).digest('hex').slice(0, 32);
}

/** Keyed hash of a value alone (allowlists store these, never the value). */
export function valueHash(key: string, type: string, value: string): string {
  return createHmac('sha256', key).update(`${type}\u0000${value}`).digest('hex').slice(0, 32);
}
