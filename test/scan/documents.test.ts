/**
 * Office files, PDFs, e-mail and archives through the whole pipeline: findings with their locations
 * (sheet/cell, part/paragraph, slide, page, archive entry, attachment), classification labels and the
 * unlabelled-sensitive-file finding, and a clear status for every bad input (never silently clean).
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FileResult, ScanResult } from '../../src/model.js';
import { scan } from '../../src/scan/scan.js';

const ROOT = fileURLToPath(new URL('../../fixtures/documents/', import.meta.url));
let result: ScanResult;
const file = (path: string): FileResult => {
  const f = result.files.find((x) => x.path === path);
  if (!f) throw new Error(`not in the report: ${path}`);
  return f;
};
const where = (f: FileResult): string[] => f.findings.map((x) => `${x.type} ${JSON.stringify(x.location)}`);

beforeAll(async () => {
  result = await scan({ roots: [ROOT], base: ROOT, jobs: 1, analyzer: { minConfidence: 0.5 } });
});

describe('documents', () => {
  it('xlsx: findings by sheet and cell, the number 9012345678 in a 電話番号 column is a phone, label from the file', () => {
    const f = file('office/customers.xlsx');
    expect(f).toMatchObject({ format: 'xlsx', status: 'scanned', labels: ['社外秘'], labelled: true, sensitive: true });
    expect(where(f)).toContain('phone {"sheet":"顧客","cell":"B2"}');
    expect(where(f)).toContain('my-number {"sheet":"顧客","cell":"C2"}');
    expect(f.findings.some((x) => x.type === 'unlabelled-sensitive-file')).toBe(false);
  });

  it('docx: body paragraphs and comments, labels from the page header and the MSIP label', () => {
    const f = file('office/report.docx');
    expect(f.labels).toEqual(expect.arrayContaining(['社外秘', 'Confidential']));
    expect(where(f)).toContain('birth-date {"part":"comments","paragraph":1}');
    expect(where(f)).toContain('person-name {"part":"document","paragraph":3}');
  });

  it('pptx: slides and speaker notes', () => {
    expect(where(file('office/slides.pptx'))).toEqual(
      expect.arrayContaining(['my-number {"slide":1,"part":"notes"}', 'phone {"slide":2}']),
    );
  });

  it('pdf: findings by page, Japanese text read through the CMaps', () => {
    const f = file('containers/text-ja.pdf');
    expect(where(f)).toEqual(expect.arrayContaining(['my-number {"page":2}', 'address {"page":2}']));
  });

  it('zip: entries with Japanese names and nested archives, reported as outer!/inner', () => {
    const inner = file('containers/normal.zip!/nested/inner.zip!/inner/data.csv');
    expect(where(inner)).toContain('my-number {"line":2,"column":21,"entry":"nested/inner.zip!/inner/data.csv"}');
    expect(inner.findings.map((x) => x.type)).toContain('unlabelled-sensitive-file');
    expect(file('containers/normal.zip!/顧客一覧.csv').status).toBe('scanned');
  });

  it('eml: headers, body in ISO-2022-JP / Shift_JIS, and attachments scanned as files', () => {
    expect(where(file('containers/iso-2022-jp.eml'))).toContain('phone {"part":"body"}');
    expect(file('containers/shift-jis-base64.eml!/顧客リスト.csv').findings.map((x) => x.type)).toContain('my-number');
  });

  it.each([
    ['office/encrypted.xlsx', 'skipped', /encrypted/],
    ['office/truncated.xlsx', 'error', /truncated|corrupt/],
    ['office/corrupt.docx', 'error', /corrupt/],
    ['containers/encrypted.pdf', 'skipped', /encrypted PDF/],
    ['containers/image-only.pdf', 'skipped', /image-only/],
    ['containers/truncated.pdf', 'error', /corrupt PDF/],
    ['containers/truncated.zip', 'error', /corrupt zip/],
    ['containers/empty.zip', 'error', /empty/],
    ['containers/encrypted-entry.zip!/secret.csv', 'skipped', /encrypted zip entry/],
    ['containers/bomb-ratio.zip!/zeros.bin', 'error', /zip bomb/],
    ['containers/bomb-total.zip', 'error', /zip bomb/],
    ['containers/nested-20.zip!/level2.zip!/level3.zip!/level4.zip!/level5.zip!/level6.zip', 'skipped', /nested too deep/],
  ])('%s is %s with a reason', (path, status, reason) => {
    const f = file(path);
    expect(f.status).toBe(status);
    expect(f.reason).toMatch(reason);
    expect(f.findings).toEqual([]);
  });

  // Every fixture made to be unreadable (fixtures/README.md: its name says how) must leave a record that is
  // not `scanned` — the file itself or the archive entry that failed — so it never reads as scanned and clean.
  const DAMAGED = /(^|\/)(bad-crc|bomb-[a-z]+|empty|encrypted(-entry)?|image-only|lying-size|nested-20|truncated|corrupt|unsupported-method)\.[a-z]+$/;
  it('every damaged, encrypted or unreadable fixture has a not-scanned record (itself or its failing entry)', () => {
    const damaged = result.files.filter((f) => !f.path.includes('!/') && DAMAGED.test(f.path)).map((f) => f.path);
    expect(damaged.length).toBeGreaterThanOrEqual(15);
    const clean = damaged.filter((p) => !result.files.some((f) => (f.path === p || f.path.startsWith(`${p}!/`)) && f.status !== 'scanned'));
    expect(clean).toEqual([]);
  });

  it('every record that is not scanned has a reason and no findings', () => {
    const notScanned = result.files.filter((f) => f.status !== 'scanned');
    expect(notScanned.length).toBeGreaterThanOrEqual(15);
    expect(notScanned.filter((f) => !f.reason || f.findings.length > 0).map((f) => f.path)).toEqual([]);
  });
});

describe('content that contradicts its name', () => {
  it('an xlsx named .csv, a docx named .txt and a .doc named .msg are read as what they are', async () => {
    const { mkdtempSync, copyFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'jpii-wrong-'));
    try {
      copyFileSync(join(ROOT, 'office/customers.xlsx'), join(dir, 'customers.csv'));
      copyFileSync(join(ROOT, 'office/report.docx'), join(dir, 'report.txt'));
      copyFileSync(join(ROOT, 'office/encrypted.doc'), join(dir, 'mail.msg'));
      const r = await scan({ roots: [dir], base: dir, jobs: 1, analyzer: { minConfidence: 0.5 } });
      expect(r.files.map((f) => [f.path, f.format, f.status])).toEqual([
        ['customers.csv', 'xlsx', 'scanned'],
        ['mail.msg', 'doc', 'skipped'],
        ['report.txt', 'docx', 'scanned'],
      ]);
      expect(r.files[1]?.reason).toMatch(/encrypted/); // a Word file named .msg is read as the .doc it is
      expect(r.files[0]?.findings.map((x) => `${x.type} ${JSON.stringify(x.location)}`)).toContain('my-number {"sheet":"顧客","cell":"C2"}');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
