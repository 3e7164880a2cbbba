#!/usr/bin/env node
/**
 * make-appi-corpus — a seeded corpus of Japanese office files for the APPI verdicts (issue 12, docs/appi.md):
 * minutes and memos with and without 要配慮 facts about a named person, rosters with known person counts
 * (some with a special-care column), health-check sheets, letters, business minutes that talk about diseases
 * without being about anyone, look-alikes (rulebook, privacy policy, clinic page, error-code list), organisation
 * pages, clean files, package.json, zip archives and e-mails holding such files; a third of them labelled.
 * Writes DIR/files/… and DIR/truth.json. Tune on one seed, report on another (scripts/appi-accuracy.js).
 * Usage: node scripts/make-appi-corpus.js --seed N --out DIR [--files 300]
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from './lib/prng.js';
import { people } from './appi-corpus/people.js';
import * as doc from './appi-corpus/documents.js';
import { eml, makeZip } from './appi-corpus/containers.js';

function parseArgs(argv) {
  const o = { seed: 1, out: undefined, files: 300 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--seed') o.seed = Number(argv[++i]);
    else if (argv[i] === '--out') o.out = argv[++i];
    else if (argv[i] === '--files') o.files = Number(argv[++i]);
    else throw new Error(`unknown option ${argv[i]}`);
  }
  if (!o.out) throw new Error('--out DIR is required');
  return o;
}

/** One document of a kind drawn at random (the mix of a shared drive, weighted toward what matters). */
function draw(r) {
  const x = r.int(1, 100);
  if (x <= 5) return [doc.businessCard, doc.prosePerson, doc.fixtureAddress, doc.blankForm][r.int(0, 3)](r);
  if (x <= 22) return doc.memo(r, []);
  if (x <= 42) return doc.memo(r, [r.pick(doc.CARE_KINDS.filter((k) => k !== 'health-check'))]);
  if (x <= 46) return doc.healthCheck(r);
  if (x <= 56) return doc.roster(r, r.pick([8, 30, 60, 120, 250]), r.int(1, 3) === 1 ? r.pick(['medical-history', 'disability', 'medical-care', 'creed']) : undefined);
  if (x <= 61) return doc.letter(r);
  if (x <= 67) return doc.businessMedicalMinutes(r);
  if (x <= 71) return doc.rulebook(r);
  if (x <= 75) return doc.privacyPolicy(r);
  if (x <= 79) return doc.clinicPage(r);
  if (x <= 83) return doc.errorCodes(r);
  if (x <= 88) return doc.companyPage(r);
  if (x <= 93) return doc.priceList(r);
  return doc.packageJson(r);
}

const LABELS = ['【社外秘】', '社外秘', '機密', 'Confidential'];

function labelled(r, d) {
  if (d.ext === 'json' || d.ext === 'csv') return d; // labelled by name instead (a first line would break the format)
  return { ...d, text: `${r.pick(LABELS)}\n${d.text}` };
}

function union(members) {
  return {
    pi: members.some((m) => m.pi),
    specialCare: [...new Set(members.flatMap((m) => m.specialCare))],
    persons: members.reduce((n, m) => n + m.persons, 0),
    metadata: false,
  };
}

function main() {
  const o = parseArgs(process.argv.slice(2));
  const rand = mulberry32(o.seed * 7919 + 17);
  const r = people(rand);
  const dir = join(o.out, 'files');
  rmSync(o.out, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const truth = [];
  for (let i = 0; i < o.files; i++) {
    const label = r.int(1, 3) === 1;
    const id = String(i).padStart(4, '0');
    const container = r.int(1, 10);
    if (container === 1) {
      const members = Array.from({ length: r.int(1, 3) }, () => draw(r));
      const name = `${label ? '社外秘_' : ''}${id}-archive.zip`;
      writeFileSync(join(dir, name), makeZip(members.map((m, k) => ({ name: `docs/${k}-${m.fileName ?? `member.${m.ext}`}`, data: Buffer.from(m.text, 'utf8') }))));
      truth.push({ path: name, kind: 'zip', labelled: label, ...union(members.map((m) => m.truth)), members: members.map((m) => m.kind) });
      continue;
    }
    if (container === 2) {
      const body = draw(r);
      const attachment = doc.roster(r, r.pick([5, 40, 80]), undefined);
      const mail = eml(r, body.text, attachment, label);
      const name = `${id}-mail.eml`;
      writeFileSync(join(dir, name), mail.text);
      // The sender's address is a named mailbox: the e-mail is personal information whatever its body.
      const t = union([body.truth, attachment.truth, { pi: true, specialCare: [], persons: 1 }]);
      truth.push({ path: name, kind: 'eml', labelled: label, ...t, members: [body.kind, 'roster'] });
      continue;
    }
    const d0 = draw(r);
    const d = label ? labelled(r, d0) : d0;
    const byName = label && (d.ext === 'json' || d.ext === 'csv');
    const name = d.fileName ? `${id}/${d.fileName}` : `${byName ? '社外秘_' : ''}${id}-${d.kind}.${d.ext}`;
    mkdirSync(join(dir, ...name.split('/').slice(0, -1)), { recursive: true });
    // package.json labelled by name is not possible (its name is its role): it stays unlabelled.
    writeFileSync(join(dir, name), d.text);
    truth.push({ path: name, kind: d.kind, labelled: label && !d.fileName, ...{ metadata: false, ...d.truth } });
  }
  writeFileSync(join(o.out, 'truth.json'), `${JSON.stringify({ seed: o.seed, files: truth }, null, 1)}\n`);
  console.log(`appi corpus: ${truth.length} files, seed ${o.seed}, in ${o.out}`);
}

main();
