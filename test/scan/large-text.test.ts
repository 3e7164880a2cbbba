/**
 * Streamed chunks give exactly the findings of reading the file whole: values on chunk edges, labels on
 * the line above a chunk's first line, CSV column headers, Shift_JIS split across reads.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Encoding from 'encoding-japanese';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../src/scan/analyze-file.js';
import { buildAnalyzer } from '../../src/scan/analyzer.js';
import type { Segment } from '../../src/model.js';
import { analyzeSegment, type SegmentHit } from '../../src/scan/analyze-segment.js';
import { analyzeLargeText } from '../../src/scan/large-text.js';

const dir = mkdtempSync(join(tmpdir(), 'jpii-large-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const opts = buildAnalyzer({ minConfidence: 0.5 });

function corpus(rows: number): string {
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    if (i % 97 === 0) lines.push('マイナンバー', '1234 5678 9018');
    else if (i % 53 === 0) lines.push(`連絡先 TEL 03-1234-${String(5000 + (i % 1000)).padStart(4, '0')} まで`);
    else lines.push(`本日の議事 ${i} 件目: 注文番号 202610160001 の確認。`);
  }
  return `${lines.join('\n')}\n`;
}

async function both(name: string, bytes: Uint8Array, chunk: number, read: number) {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const ref = { absPath: file, relPath: name, size: statSync(file).size };
  const streamed = await analyzeLargeText(ref, opts, { chunkChars: chunk, readBytes: read });
  const whole = await analyzeBytes(name, bytes, opts);
  return { streamed: streamed?.[0], whole: whole[0] };
}

describe('analyzeLargeText', () => {
  it.each([
    [4096, 1024],
    [10_000, 3333],
    [65_536, 65_536],
  ])('UTF-8 in chunks of %i chars (reads of %i bytes) = the whole file', async (chunk, read) => {
    const { streamed, whole } = await both('log.txt', Buffer.from(corpus(1500), 'utf8'), chunk, read);
    expect(streamed?.findings.length).toBeGreaterThan(25);
    expect(streamed?.findings).toEqual(whole?.findings);
  });

  it('Shift_JIS CSV with its header as column context', async () => {
    const rows = ['氏名,電話番号,マイナンバー'];
    for (let i = 0; i < 1000; i++) rows.push(`山田 太郎,090-1234-${String(1000 + i).slice(-4)},${i % 7 === 0 ? '123456789018' : '000000000000'}`);
    const sjis = Uint8Array.from(Encoding.convert(Encoding.stringToCode(`${rows.join('\r\n')}\r\n`), { to: 'SJIS', from: 'UNICODE' }));
    const { streamed, whole } = await both('customers.csv', sjis, 8192, 4001);
    expect(streamed?.format).toBe('csv');
    expect(streamed?.findings.filter((f) => f.type === 'my-number').length).toBe(143);
    expect(streamed?.findings).toEqual(whole?.findings);
  });

  it('chunks analyzed elsewhere and finishing out of order give the same findings, in order', async () => {
    const text = corpus(1500);
    const file = join(dir, 'parallel.txt');
    writeFileSync(file, text);
    const ref = { absPath: file, relPath: 'parallel.txt', size: statSync(file).size };
    let calls = 0;
    // Later chunks answer first: the second half of the chunks resolve immediately, the first half late.
    const analyze = (seg: Segment): Promise<SegmentHit[]> => {
      const n = calls++;
      const hits = analyzeSegment(seg, opts.rules, opts.ruleMap, opts.minConfidence);
      return new Promise((resolve) => setTimeout(() => resolve(hits), n % 2 === 0 ? 20 : 0));
    };
    const parallel = await analyzeLargeText(ref, opts, { chunkChars: 4096, readBytes: 2048, analyze, parallel: 4 });
    const whole = await analyzeBytes('parallel.txt', Buffer.from(text, 'utf8'), opts);
    expect(calls).toBeGreaterThan(4);
    expect(parallel?.[0]?.findings).toEqual(whole[0]?.findings);
  });

  it('a chunk that fails makes the file an error, not a clean file', async () => {
    const file = join(dir, 'failing.txt');
    writeFileSync(file, corpus(300));
    const ref = { absPath: file, relPath: 'failing.txt', size: statSync(file).size };
    const analyze = (): Promise<SegmentHit[]> => Promise.reject(new Error('timed out after 60 s (parser stopped)'));
    const result = await analyzeLargeText(ref, opts, { chunkChars: 4096, analyze, parallel: 2 });
    expect(result?.[0]).toMatchObject({ status: 'error', reason: 'timed out after 60 s (parser stopped)', findings: [] });
  });

  it('leaves non-text files to their extractors', async () => {
    const file = join(dir, 'a.zip');
    writeFileSync(file, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    expect(await analyzeLargeText({ absPath: file, relPath: 'a.zip', size: 8 }, opts)).toBeUndefined();
  });
});
