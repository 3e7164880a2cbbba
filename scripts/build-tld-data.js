#!/usr/bin/env node
/**
 * Build data/tlds.txt: every top-level domain in the root zone, one per line, lower-case ASCII (IDN TLDs as
 * their `xn--` A-labels), sorted. Read by src/validators/email.ts: an address whose TLD is not in it is not
 * a mailbox (`icon@2x.ttf`, `host@machine.lcl`).
 * Input: the devDependency `tlds` (MIT, a copy of IANA's https://data.iana.org/TLD/tlds-alpha-by-domain.txt).
 * Output: the file and a summary line on stdout. Never downloads anything: the package is the only source.
 * Usage: node scripts/build-tld-data.js
 */
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { domainToASCII, fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(require.resolve('tlds/package.json'), 'utf8'));
const names = require('tlds');

const ascii = new Set();
for (const name of names) {
  const a = domainToASCII(name).toLowerCase();
  if (!/^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/.test(a)) throw new Error(`unexpected TLD in the tlds package: ${name}`);
  ascii.add(a);
}
const sorted = [...ascii].sort();
const header = [
  `# Top-level domains of the root zone (IANA), from npm package tlds ${pkg.version}; built by scripts/build-tld-data.js.`,
  '# One per line, lower-case, IDN TLDs as A-labels. See data/README.md.',
];
writeFileSync(join(root, 'data', 'tlds.txt'), `${[...header, ...sorted].join('\n')}\n`);
console.log(`data/tlds.txt: ${sorted.length} TLDs from tlds ${pkg.version}`);
