/**
 * The one place where finding fingerprints are computed: HMAC-SHA-256 with a configurable key, never a
 * bare hash (a bare hash of a 12-digit number is reversed by brute force in minutes).
 * Stable when lines move or the file is re-encoded: it depends on path, type, value and the occurrence
 * number of that value in the file, not on line or column.
 */
import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';

/** Used when no key is configured; documented as public, so real deployments set JPII_FINGERPRINT_KEY. */
export const DEFAULT_FINGERPRINT_KEY = 'jpii-default-fingerprint-key-v1';

/**
 * The key as a KeyObject, made once per key: createHmac with the key string converted and imported it again
 * for every finding (the HMAC constructor was the top crypto cost on 10,000 small files). Same bytes (UTF-8),
 * same digests.
 */
const keyObjects = new Map<string, KeyObject>();
const KEY_OBJECTS = 16;

function hmac(key: string): ReturnType<typeof createHmac> {
  let k = keyObjects.get(key);
  if (!k) {
    if (keyObjects.size >= KEY_OBJECTS) keyObjects.clear();
    keyObjects.set(key, (k = createSecretKey(Buffer.from(key, 'utf8'))));
  }
  return createHmac('sha256', k);
}

export function fingerprint(key: string, path: string, type: string, value: string, occurrence: number): string {
  return hmac(key).update(`${path}\u0000${type}\u0000${value}\u0000${occurrence}`).digest('hex').slice(0, 32);
}

/** Keyed hash of a value alone (allowlists store these, never the value). */
export function valueHash(key: string, type: string, value: string): string {
  return hmac(key).update(`${type}\u0000${value}`).digest('hex').slice(0, 32);
}

/**
 * Keyed hash of one occurrence (a type at one place of a file: CONTRACT.md `occurrences`): stable while the
 * values there change, so code scanning keeps following the same alert.
 */
export function placeFingerprint(key: string, path: string, type: string, place: string): string {
  return hmac(key).update(`place\u0000${path}\u0000${type}\u0000${place}`).digest('hex').slice(0, 32);
}

/**
 * Keyed hash of the values of one occurrence, as a multiset (`digest`: an order-free sum of the values'
 * hashes, valueSetDigest), so a baseline knows 86,000 rows without 86,000 HMACs. Changes when a value is
 * added, removed or changed; the same rows in another order keep it.
 */
export function setFingerprint(key: string, path: string, type: string, place: string, count: number, digest: string): string {
  return hmac(key).update(`set\u0000${path}\u0000${type}\u0000${place}\u0000${count}\u0000${digest}`).digest('hex').slice(0, 32);
}

/**
 * Two 32-bit FNV-1a lanes of a value (different offset bases), for valueSetDigest. Not a keyed hash: it never
 * leaves the process on its own, only inside setFingerprint's HMAC.
 */
export function valueLanes(value: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return [a >>> 0, b >>> 0];
}
