/**
 * `jpii hash TYPE VALUE`: the keyed hash that config `allow.values` holds, so an accepted value is never
 * written in clear. The value goes through the same normalization and validator as in a scan
 * (`090-1234-5678` and `０９０１２３４５６７８` give the same hash). Input: a type, a value, the key, the rules.
 * Output: the hash. Never: prints or logs the value.
 */
import { detectCell, detectText } from '../detect/detect.js';
import { normalize } from '../normalize/normalize.js';
import type { CompiledRule } from '../patterns/types.js';
import { valueHash } from '../score/fingerprint.js';

export type HashOutcome = { ok: true; hash: string } | { ok: false; error: string };

/** The canonical value the detector reports for this text: the longest validated match, or undefined. */
export function canonicalValue(rule: CompiledRule, raw: string): string | undefined {
  const text = normalize(raw.trim()).text;
  const candidates = [...detectText(text, [rule]), ...detectCell(text, [rule])];
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start));
  return candidates[0]?.value;
}

export function hashValue(type: string, raw: string, key: string, rules: readonly CompiledRule[]): HashOutcome {
  const rule = rules.find((r) => r.id === type);
  if (!rule) return { ok: false, error: `unknown detector '${type}' (known: ${rules.map((r) => r.id).join(', ')})` };
  const value = canonicalValue(rule, raw);
  if (value === undefined) return { ok: false, error: `the value is not a valid ${type} (the detector would never report it)` };
  return { ok: true, hash: valueHash(key, type, value) };
}
