/**
 * A big workbook's cells analyzed in blocks by other workers (src/scan/cell-blocks.ts) must give exactly what
 * one worker gives: the same findings in the same order at their own cells, occurrences, fingerprints and
 * the APPI verdict (special-care words, organisations' numbers). The other workers are stood in for here:
 * blocks are cloned as a worker's message would be, analyzed with a memo that lives across blocks, and their
 * results come back in a scrambled order, some blocks unstarted (asked back). A block that fails fails the file.
 */
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { buildAnalyzer } from '../../src/scan/analyzer.js';
import { analyzeBytes } from '../../src/scan/analyze-file.js';
import { analyzeCellBlock, CELL_BLOCKS, type CellsResult, type RemoteCells } from '../../src/scan/cell-blocks.js';
import type { PackedSegments } from '../../src/scan/packed-segments.js';
import { SegmentAnalysis } from '../../src/scan/segment-analysis.js';
import { seededRandom } from '../properties/generators.js';

const HEADERS = ['氏名', '電話番号', '連絡先', '備考', '病歴', '金額', '会社名', 'メモ', '状態', 'E-mail', '住所', ''];
const REPEATED = ['試験 太郎', '試験 花子', '株式会社テスト 03-1234-5678', '糖尿病', 'うつ病の予防', '通院中', 'なし', '病歴', '完了', 'taro@example.com', '090-1234-5678', '〒100-0001'];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

function value(random: () => number, row: number, style: number): string {
  if (style === 0 || random() < 0.2) return pick(random, REPEATED);
  if (style === 1) return String(1_000_000 + row * 7919);
  if (style === 2) return `090-${String(1000 + (row % 9000)).padStart(4, '0')}-${String((row * 37) % 10_000).padStart(4, '0')}`;
  return `user${row}@example.com`;
}

async function workbook(seed: number, rows: number): Promise<Uint8Array> {
  const random = seededRandom(seed);
  const book = new ExcelJS.Workbook();
  for (let s = 0; s < 2; s++) {
    const sheet = book.addWorksheet(`S${s}`);
    sheet.headerFooter.oddHeader = s === 0 ? '&C社外秘' : '';
    const columns = 3 + Math.floor(random() * 4);
    const styles = Array.from({ length: columns }, () => Math.floor(random() * 4));
    sheet.addRow(Array.from({ length: columns }, () => pick(random, HEADERS)));
    for (let r = 2; r <= rows; r++) sheet.addRow(styles.map((st, c) => (random() < 0.05 ? null : value(random, r * (c + 1), st))));
    // A label left of its value below the table: cells with a label travel with it.
    sheet.addRow([]);
    sheet.addRow(['氏名', '試験 次郎']);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const opts = buildAnalyzer({ minConfidence: 0.3 });

/** Other workers, stood in for: results in an order of the seed's choosing, every `reclaimEvery`th block asked back unstarted. */
function helpers(seed: number, reclaimEvery = 0): RemoteCells & { analyzed: number; back: number } {
  const random = seededRandom(seed);
  const analysis = new SegmentAnalysis(opts);
  let sent = 0;
  const remote = {
    helpers: 1,
    analyzed: 0,
    back: 0,
    send(block: PackedSegments): Promise<CellsResult | undefined> {
      const n = ++sent;
      const copy = structuredClone(block);
      return new Promise((resolve) => {
        setTimeout(() => {
          if (reclaimEvery > 0 && n % reclaimEvery === 0) {
            remote.back++;
            resolve(undefined);
            return;
          }
          const result = structuredClone(analyzeCellBlock(copy, analysis, opts.vocabulary));
          remote.analyzed++;
          resolve(result);
        }, Math.floor(random() * 5));
      });
    },
    // Now and then the helper looks busy: those blocks are analyzed by the reading worker itself, in between.
    busy: () => (random() < 0.3 ? Infinity : 0),
    reclaim: () => undefined,
  };
  return remote;
}

afterEach(() => {
  CELL_BLOCKS.splitAfter = 8192;
  CELL_BLOCKS.segments = 4096;
});

describe('cell blocks', () => {
  it.each([[1, 0], [2, 3], [3, 2]])('give what one worker gives (seed %i, every %i-th block asked back)', async (seed, reclaimEvery) => {
    const bytes = await workbook(20261206 + seed, 900);
    const alone = await analyzeBytes('generated.xlsx', bytes, opts);
    CELL_BLOCKS.splitAfter = 50;
    CELL_BLOCKS.segments = 64;
    const remote = helpers(seed, reclaimEvery);
    const split = await analyzeBytes('generated.xlsx', bytes, opts, 0, [], remote);
    expect(remote.analyzed).toBeGreaterThan(10);
    if (reclaimEvery) expect(remote.back).toBeGreaterThan(0);
    expect(alone[0]?.findings.length).toBeGreaterThan(900);
    expect(alone[0]?.appi?.specialCare?.length ?? 0).toBeGreaterThan(0);
    expect(alone[0]?.labels).toContain('社外秘');
    expect(split).toEqual(alone);
    // The same JSON, keys in the same order (a location is a copy of its cell's origin).
    expect(JSON.stringify(split)).toBe(JSON.stringify(alone));
  }, 120_000);

  it('a block that fails makes the file an error, never clean', async () => {
    const bytes = await workbook(20261210, 300);
    CELL_BLOCKS.splitAfter = 50;
    CELL_BLOCKS.segments = 64;
    let sent = 0;
    const failing: RemoteCells = {
      helpers: 1,
      send: () => (++sent === 3 ? Promise.reject(new Error('timed out after 60 s (parser stopped)')) : new Promise(() => undefined)),
      busy: () => 0,
      reclaim: () => undefined,
    };
    // The blocks before the failing one never answer: the file does not wait for them (nor for its time limit).
    const t0 = Date.now();
    const [result] = await analyzeBytes('generated.xlsx', bytes, { ...opts, limits: { ...opts.limits, timeoutMs: 5000 } }, 0, [], failing);
    expect(result?.status).toBe('error');
    expect(result?.reason).toBe('timed out after 60 s (parser stopped)');
    expect(result?.findings).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(4000);
  });

  it('blocks that never come back end at the file time limit, as an error', async () => {
    const bytes = await workbook(20261211, 300);
    CELL_BLOCKS.splitAfter = 50;
    CELL_BLOCKS.segments = 64;
    const silent: RemoteCells = { helpers: 1, send: () => new Promise(() => undefined), busy: () => 0, reclaim: () => undefined };
    const [result] = await analyzeBytes('generated.xlsx', bytes, { ...opts, limits: { ...opts.limits, timeoutMs: 1500 } }, 0, [], silent);
    expect(result?.status).toBe('error');
    expect(result?.reason).toBe('timed out after 1500 ms (xlsx)');
  });
});
