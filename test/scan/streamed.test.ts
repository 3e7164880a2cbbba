/**
 * A big workbook's hits stream from its worker in packed batches to the main thread's FindingsBuilder
 * (analyze-file.ts analyzeStreamed, pool.ts runStreamed): the result is the one the whole reading in the
 * worker gives, byte for byte — findings, fingerprints, occurrences, verdict, labels — whatever the listing
 * limit or allowlist, for workbooks that read, fail, or are not workbooks at all.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyzeBytes, analyzeStreamed, FindingsBuilder, streamedResult, type AnalyzeOptions } from '../../src/scan/analyze-file.js';
import { buildAnalyzer } from '../../src/scan/analyzer.js';
import type { PackedHits } from '../../src/scan/packed-hits.js';
import { scan, STREAMED } from '../../src/scan/scan.js';
import type { FileResult } from '../../src/model.js';
import { makeZip } from '../../scripts/make-office-fixtures.js';
import { seededRandom } from '../properties/generators.js';

const SAVED = { ...STREAMED };
afterEach(() => {
  Object.assign(STREAMED, SAVED);
  vi.restoreAllMocks();
});

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../fixtures/documents/office/${name}`, import.meta.url)));

const REL = (type: string, target: string, id = 'rId1') => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
const RELS = (...r: string[]) => `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${r.join('')}</Relationships>`;
const FAMILY = ['山田', '佐藤', '鈴木', '高橋', '田中'];
const GIVEN = ['太郎', '花子', '一郎', '美咲'];

/** A roster of `rows` rows on two sheets (inline strings), a comment and a title, seeded. */
function roster(seed: number, rows: number): Uint8Array {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const t = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const sheet = (n: number) => {
    let xml = `<worksheet><sheetData><row r="1">${t('A1', '氏名')}${t('B1', '電話番号')}${t('C1', 'メールアドレス')}${t('D1', '郵便番号')}</row>`;
    for (let r = 2; r < n + 2; r++) {
      const phone = `090-${1000 + Math.floor(rnd() * 9000)}-${1000 + Math.floor(rnd() * 9000)}`;
      xml += `<row r="${r}">${t(`A${r}`, `${pick(FAMILY)} ${pick(GIVEN)}`)}${t(`B${r}`, phone)}${t(`C${r}`, `u${r}.${Math.floor(rnd() * 99)}@example.jp`)}${t(`D${r}`, `${100 + Math.floor(rnd() * 800)}-${1000 + Math.floor(rnd() * 9000)}`)}</row>`;
    }
    return `${xml}</sheetData><headerFooter><oddHeader>&amp;C社外秘</oddHeader></headerFooter></worksheet>`;
  };
  return new Uint8Array(makeZip([
    ['[Content_Types].xml', '<?xml version="1.0"?><Types/>'],
    ['_rels/.rels', RELS(REL('officeDocument', 'xl/workbook.xml'))],
    ['xl/workbook.xml', '<workbook xmlns:r="r"><sheets><sheet name="顧客" sheetId="1" r:id="rId1"/><sheet name="予備" sheetId="2" r:id="rId2"/></sheets></workbook>'],
    ['xl/_rels/workbook.xml.rels', RELS(REL('worksheet', 'worksheets/sheet1.xml'), REL('worksheet', 'worksheets/sheet2.xml', 'rId2'))],
    ['xl/worksheets/sheet1.xml', sheet(rows)],
    ['xl/worksheets/sheet2.xml', sheet(Math.floor(rows / 10))],
    ['xl/worksheets/_rels/sheet1.xml.rels', RELS(REL('comments', '../comments1.xml'))],
    ['xl/comments1.xml', '<comments><authors><author>a</author></authors><commentList><comment ref="B3" authorId="0"><text><t>携帯 090-8765-4321 に変更</t></text></comment></commentList></comments>'],
    ['docProps/core.xml', '<cp:coreProperties xmlns:cp="cp" xmlns:dc="dc"><dc:title>顧客名簿</dc:title></cp:coreProperties>'],
  ]));
}

const OPTIONS: [string, AnalyzeOptions][] = [
  ['every occurrence listed', buildAnalyzer({ minConfidence: 0.5 })],
  ['3 listed per type and place', buildAnalyzer({ minConfidence: 0.5, listed: 3 })],
  ['an allowlist (the builder reads every hit as an object)', buildAnalyzer({ minConfidence: 0.5, listed: 3, allowPatterns: ['^090-1'] })],
];

/** The streamed reading in this thread, its batches through a copy as from a worker: results and batch count. */
async function streamed(path: string, bytes: Uint8Array, opts: AnalyzeOptions): Promise<{ results: FileResult[]; batches: number }> {
  const batches: PackedHits[] = [];
  const end = await analyzeStreamed(path, bytes, opts, (hits) => batches.push(structuredClone(hits)));
  if (Array.isArray(end)) return { results: end, batches: batches.length };
  const built = new FindingsBuilder(path, opts);
  for (const b of batches) built.addPacked(b);
  return { results: [streamedResult(path, built, structuredClone(end), opts)], batches: batches.length };
}

describe('a streamed workbook', () => {
  it.each(OPTIONS)("gives the whole reading's result: %s", async (_name, opts) => {
    const files: [string, Uint8Array, number][] = [
      ['a/名簿.xlsx', roster(1, 3000), 2],
      ['a/small.xlsm', roster(2, 20), 1],
      ['a/customers.xlsx', fixture('customers.xlsx'), 1],
      ['a/truncated.xlsx', fixture('truncated.xlsx'), 0],
      ['a/encrypted.xlsx', fixture('encrypted.xlsx'), 0],
      ['a/legacy.xlsx', fixture('legacy.xls'), 0],
      ['a/not-a-workbook.xlsx', new TextEncoder().encode('氏名,電話\n山田 太郎,090-1234-5678\n'), 0],
      ['a/roster.csv', new TextEncoder().encode('氏名,電話\n山田 太郎,090-1234-5678\n'), 0],
    ];
    for (const [path, bytes, minBatches] of files) {
      const whole = await analyzeBytes(path, bytes, opts);
      const got = await streamed(path, bytes, opts);
      expect(got.batches, path).toBeGreaterThanOrEqual(minBatches);
      expect(JSON.stringify(got.results), path).toBe(JSON.stringify(whole));
    }
  });

  it('sends nothing for a file of another format, and the results of a reading that failed', async () => {
    const opts = OPTIONS[0]![1];
    const sent: PackedHits[] = [];
    const csv = await analyzeStreamed('a/x.csv', new TextEncoder().encode('電話,090-1234-5678\n'), opts, (h) => sent.push(h));
    expect(Array.isArray(csv) && csv[0]?.findings.some((f) => f.type === 'phone')).toBe(true);
    const broken = await analyzeStreamed('a/t.xlsx', fixture('truncated.xlsx'), opts, (h) => sent.push(h));
    expect(Array.isArray(broken) && broken[0]?.status).toBe('error');
    expect(sent).toEqual([]);
  });
});

describe('a scan with workers', () => {
  it('streams workbooks from their worker to this thread, with the report a single thread gives', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jpii-streamed-'));
    try {
      writeFileSync(join(dir, '顧客名簿.xlsx'), roster(3, 2500));
      writeFileSync(join(dir, 'customers.xlsx'), fixture('customers.xlsx'));
      writeFileSync(join(dir, 'truncated.xlsx'), fixture('truncated.xlsx'));
      writeFileSync(join(dir, 'メモ.txt'), '担当 山田太郎 090-1111-2222\n');
      const opts = { roots: [dir], base: dir, analyzer: { minConfidence: 0.5, listed: 5 } };
      STREAMED.fileBytes = 0;
      const packed = vi.spyOn(FindingsBuilder.prototype, 'addPacked');
      const two = await scan({ ...opts, jobs: 2 });
      expect(packed.mock.calls.length).toBeGreaterThan(2); // the roster's batches, merged here
      const one = await scan({ ...opts, jobs: 1 });
      expect(one.files.find((f) => f.path === '顧客名簿.xlsx')?.occurrences?.length).toBeGreaterThan(3);
      expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
