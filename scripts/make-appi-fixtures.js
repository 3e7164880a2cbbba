#!/usr/bin/env node
/**
 * make-appi-fixtures — writes fixtures/appi/: one file per 要配慮 kind (a memo about a named person), each
 * look-alike (rulebook, privacy policy, clinic page, error-code list), rosters with known person counts, project
 * metadata, an organisation page, and zip / e-mail containers; expected.json holds what each file is
 * (test/appi/fixtures.test.ts checks jpii against it). Deterministic (seed 7): re-running gives the same bytes.
 * Usage: node scripts/make-appi-fixtures.js
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from './lib/prng.js';
import { people } from './appi-corpus/people.js';
import * as doc from './appi-corpus/documents.js';
import { eml, makeZip } from './appi-corpus/containers.js';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'appi');
const r = people(mulberry32(7));
const files = [];
const put = (name, text, truth) => {
  writeFileSync(join(OUT, name), text);
  files.push({ path: name, ...truth });
};

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
for (const kind of doc.CARE_KINDS) {
  const d = kind === 'health-check' ? doc.healthCheck(r) : doc.memo(r, [kind]);
  put(`special-care-${kind}.${d.ext}`, d.text, d.truth);
}
for (const [name, make] of [['rulebook', doc.rulebook], ['privacy-policy', doc.privacyPolicy], ['clinic-page', doc.clinicPage], ['error-codes', doc.errorCodes], ['company-page', doc.companyPage], ['blank-form', doc.blankForm], ['fixture-address', doc.fixtureAddress]]) {
  const d = make(r);
  put(`lookalike-${name}.${d.ext}`, d.text, d.truth);
}
for (const [n, kind] of [[12, undefined], [120, undefined], [60, 'medical-history']]) {
  const d = doc.roster(r, n, kind);
  put(`roster-${n}${kind ? `-${kind}` : ''}.csv`, d.text, d.truth);
}
const minutes = doc.memo(r, []);
put('minutes.txt', minutes.text, minutes.truth);
put('社外秘_minutes.txt', minutes.text, { ...minutes.truth, labelled: true });
const pkg = doc.packageJson(r);
mkdirSync(join(OUT, 'lib'), { recursive: true });
put('lib/package.json', pkg.text, pkg.truth);

const members = [doc.roster(r, 60, 'disability'), doc.letter(r)];
const zip = makeZip(members.map((m, i) => ({ name: `docs/${i}.${m.ext}`, data: Buffer.from(m.text, 'utf8') })));
const union = { pi: true, specialCare: ['disability'], persons: 61, roster: true };
put('archive.zip', zip, union);
put('社外秘_archive.zip', zip, { ...union, labelled: true });
const body = doc.memo(r, ['medical-care']);
const attachment = doc.roster(r, 40, undefined);
put('mail.eml', eml(r, body.text, attachment, false).text, { pi: true, specialCare: ['medical-care'], persons: body.truth.persons + 40 + 1 });

writeFileSync(join(OUT, 'expected.json'), `${JSON.stringify({ files: files.map((f) => ({ labelled: false, metadata: false, ...f })) }, null, 1)}\n`);
console.log(`fixtures/appi: ${files.length} files`);
