/**
 * メールアドレス validator. Input: `local@domain` as matched (NFKC'd). Output: the address lower-cased, with a
 * negative bonus for documentation domains and role mailboxes. Never resolves the domain (no network) and never
 * accepts file names that look like addresses (`icon@2x.png`, `emoji@2x.ttf`) nor made-up top-level domains
 * (`host@build.lcl`): the TLD must be in the root zone list shipped as data/tlds.txt (data/README.md).
 */
import { readFileSync } from 'node:fs';
import type { ValidationResult, Validator } from './types.js';

/** RFC 5321 §4.5.3.1: local part ≤ 64 octets, path ≤ 256 (254 for the address itself). */
const MAX_LOCAL = 64;
const MAX_ADDRESS = 254;

/** RFC 5322 §3.2.3 dot-atom: atext runs joined by single dots (quoted local parts are not looked for). */
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
/** RFC 1035 §2.3.1 labels (letters, digits, inner hyphens), at least two of them. */
const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+([a-z0-9-]+)$/;
/** A TLD is letters only (≥ 2), or an IDN A-label (`xn--…`). */
const TLD = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** `name@2x.png`, `sprite@hover.svg`: asset names in HTML/CSS, not mailboxes (zip and mov are also TLDs). */
export const FILE_EXTENSION_TLDS: ReadonlySet<string> = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'css', 'js', 'ts', 'zip', 'mov']);

/** Resolved from the module itself: src/validators/ and dist/validators/ both sit two levels below the repo. */
const TLD_URL = new URL('../../data/tlds.txt', import.meta.url);
/** Special-use TLDs (RFC 6761 §6, RFC 2606 §2) are in no root zone but are written in documents: reserved, low. */
const SPECIAL_USE_TLDS = ['example', 'test', 'invalid', 'localhost'];

let rootZone: ReadonlySet<string> | undefined;

/** Whether a lower-case TLD is delegated in the root zone (or special-use). Loaded once (≈ 12 KB). */
export function isKnownTld(tld: string): boolean {
  rootZone ??= new Set([
    ...readFileSync(TLD_URL, 'utf8')
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('#')),
    ...SPECIAL_USE_TLDS,
  ]);
  return rootZone.has(tld);
}

/** Role mailboxes (RFC 2142 lists info, sales, support, webmaster…): an organisation, not a person. */
export const ROLE_LOCAL_PARTS: ReadonlySet<string> = new Set([
  'info',
  'support',
  'noreply',
  'no-reply',
  'admin',
  'webmaster',
  'sales',
]);

const RESERVED_BONUS = -0.4;
const ROLE_BONUS = -0.1;

/**
 * Documentation and special-use domains: example.com/.net/.org and the TLDs .example, .test, .invalid,
 * .localhost (RFC 2606 §2–3, RFC 6761 §6). Subdomains of the example second-level domains count too.
 */
export function isReservedDomain(domain: string): boolean {
  const d = domain.toLowerCase();
  if (/(?:^|\.)example\.(?:com|net|org)$/.test(d)) return true;
  return /(?:^|\.)(?:example|test|invalid|localhost)$/.test(d);
}

type Split = { ok: true; local: string; domain: string } | { ok: false; reason: string };

function splitAddress(text: string): Split {
  const address = text.trim().toLowerCase();
  if (address.length > MAX_ADDRESS) return { ok: false, reason: 'address too long' };
  const at = address.lastIndexOf('@');
  if (at <= 0 || address.indexOf('@') !== at) return { ok: false, reason: 'needs exactly one @' };
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local.length > MAX_LOCAL || !LOCAL.test(local)) return { ok: false, reason: 'invalid local part' };
  return { ok: true, local, domain };
}

export const validateEmail: Validator = (text): ValidationResult => {
  const split = splitAddress(text);
  if (!split.ok) return split;
  const { local, domain } = split;
  const tld = DOMAIN.exec(domain)?.[1];
  if (tld === undefined) return { ok: false, reason: 'domain needs a dot and valid labels' };
  if (!TLD.test(tld)) return { ok: false, reason: 'top-level domain is not 2+ letters' };
  if (FILE_EXTENSION_TLDS.has(tld)) return { ok: false, reason: 'looks like a file name' };
  if (!isKnownTld(tld)) return { ok: false, reason: 'top-level domain not in the root zone' };
  let bonus = 0;
  if (isReservedDomain(domain)) bonus += RESERVED_BONUS;
  if (ROLE_LOCAL_PARTS.has(local)) bonus += ROLE_BONUS;
  return { ok: true, value: `${local}@${domain}`, bonus: Math.max(-0.4, bonus) };
};
