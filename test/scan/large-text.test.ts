/**
 * Streamed chunks give exactly the findings of reading the file whole: values on chunk edges, labels on
 * the line above a chunk's first line, CSV column headers, Shift_JIS split across reads.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Encoding from 'encoding-japanese';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../src/scan/analyze-file.js';
import { buildAnalyzer } from '../../src/scan/analyzer.js';
import { analyzeLargeText } from '../../src/scan/large-text.js';
import { analyzeChunk, type ChunkHits } from '../../src/scan/chunk-analysis.js';
import { countLines, lineRuns, tailLines, type LineRun, type TextChunk } from '../../src/scan/text-chunks.js';

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
  const streamed = await analyzeLargeText(ref, opts, { chunkBytes: chunk, readBytes: read });
  const whole = await analyzeBytes(name, bytes, opts);
  return { streamed: streamed?.[0], whole: whole[0] };
}

describe('analyzeLargeText', () => {
  it.each([
    [4096, 1024],
    [10_000, 3333],
    [65_536, 65_536],
  ])('UTF-8 in chunks of %i bytes (reads of %i bytes) = the whole file', async (chunk, read) => {
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

  it.each([
    ['EUC-JP', 'EUCJP', [] as number[]],
    ['UTF-8 with a BOM', 'UTF8', [0xef, 0xbb, 0xbf]],
    ['UTF-16LE (decoded while read)', 'UTF16LE', [0xff, 0xfe]],
    ['ISO-2022-JP (decoded while read)', 'JIS', [] as number[]],
  ])('%s in chunks = the whole file', async (_name, to, bom) => {
    const body = Encoding.convert(Encoding.stringToCode(corpus(800)), { to: to as Encoding.Encoding, from: 'UNICODE' });
    const bytes = Uint8Array.from([...bom, ...body]);
    const { streamed, whole } = await both(`log-${to}.txt`, bytes, 4096, 3001);
    expect(streamed?.findings.length).toBeGreaterThan(15);
    expect(streamed?.findings).toEqual(whole?.findings);
  });

  it('counts occurrences across chunks exactly as in the whole file, listing the same first ones', async () => {
    const listing = buildAnalyzer({ minConfidence: 0.5, listed: 4 });
    const rows = ['氏名,電話番号,マイナンバー'];
    for (let i = 0; i < 1000; i++) rows.push(`山田 太郎,090-1234-${String(1000 + (i % 700)).slice(-4)},${i % 7 === 0 ? '123456789018' : '000000000000'}`);
    const text = `${rows.join('\n')}\n`;
    const file = join(dir, 'listed.csv');
    writeFileSync(file, text);
    const ref = { absPath: file, relPath: 'listed.csv', size: statSync(file).size };
    const streamed = (await analyzeLargeText(ref, listing, { chunkBytes: 4096, readBytes: 2048 }))?.[0];
    const whole = (await analyzeBytes('listed.csv', Buffer.from(text, 'utf8'), listing))[0];
    const all = (await analyzeBytes('listed.csv', Buffer.from(text, 'utf8'), opts))[0];
    expect(streamed?.occurrences).toEqual(whole?.occurrences);
    expect(streamed?.findings).toEqual(whole?.findings);
    expect(streamed?.occurrences?.map((o) => [o.type, o.where.column, o.count, o.distinct, o.listed])).toEqual([
      ['person-name', '氏名', 1000, 1, 4],
      ['phone', '電話番号', 1000, 700, 4],
      ['my-number', 'マイナンバー', 143, 1, 4],
    ]);
    // Listing changes neither the counts, the risk nor the fingerprints of what is listed.
    expect(all?.occurrences?.map((o) => o.count)).toEqual([1000, 1000, 143]);
    expect(all?.occurrences?.map((o) => o.setFingerprint)).toEqual(whole?.occurrences?.map((o) => o.setFingerprint));
    expect([whole?.risk, whole?.sensitive]).toEqual([all?.risk, all?.sensitive]);
    const firstPhones = all?.findings.filter((f) => f.type === 'phone').slice(0, 4).map((f) => f.fingerprint);
    expect(whole?.findings.filter((f) => f.type === 'phone').map((f) => f.fingerprint)).toEqual(firstPhones);
  });

  it('a line longer than a chunk becomes one longer chunk', async () => {
    // corpus(50) is 51 lines: the long line (15 KB, chunks of 1 KB) is line 52.
    const long = `${'あ'.repeat(5000)} 連絡先 TEL 03-1234-5678 まで\n`;
    const { streamed, whole } = await both('long-line.txt', Buffer.from(`${corpus(50)}${long}${corpus(50)}`, 'utf8'), 1024, 512);
    expect(streamed?.findings.some((f) => f.type === 'phone' && f.location.line === 52)).toBe(true);
    expect(streamed?.findings).toEqual(whole?.findings);
  });

  it('chunks analyzed elsewhere and finishing out of order give the same findings, in order', async () => {
    const text = corpus(1500);
    const file = join(dir, 'parallel.txt');
    writeFileSync(file, text);
    const ref = { absPath: file, relPath: 'parallel.txt', size: statSync(file).size };
    let calls = 0;
    // Later chunks answer first: the second half of the chunks resolve immediately, the first half late.
    const analyze = (chunk: TextChunk): Promise<ChunkHits> => {
      const n = calls++;
      const done = analyzeChunk(chunk, opts);
      return new Promise((resolve) => setTimeout(() => resolve(done), n % 2 === 0 ? 20 : 0));
    };
    const parallel = await analyzeLargeText(ref, opts, { chunkBytes: 4096, readBytes: 2048, analyze, parallel: 4 });
    const whole = await analyzeBytes('parallel.txt', Buffer.from(text, 'utf8'), opts);
    expect(calls).toBeGreaterThan(4);
    expect(parallel?.[0]?.findings).toEqual(whole[0]?.findings);
  });

  it('files read in chunks at once take turns: no chunk of one starts before every chunk of the other has', async () => {
    const events: string[] = [];
    const scanOf = (name: string) => {
      const file = join(dir, name);
      writeFileSync(file, corpus(600));
      const ref = { absPath: file, relPath: name, size: statSync(file).size };
      const analyze = (chunk: TextChunk): Promise<ChunkHits> => {
        events.push(name);
        const done = analyzeChunk(chunk, opts);
        return new Promise((resolve) => setTimeout(() => resolve(done), 2));
      };
      return analyzeLargeText(ref, opts, { chunkBytes: 4096, readBytes: 2048, analyze, parallel: 2 }).then((r) => {
        events.push(`${name} done`);
        return r;
      });
    };
    const [a, b] = await Promise.all([scanOf('turn-a.txt'), scanOf('turn-b.txt')]);
    const firstB = events.indexOf('turn-b.txt');
    expect(events.lastIndexOf('turn-a.txt')).toBeLessThan(firstB);
    expect(events.filter((e) => e === 'turn-a.txt').length).toBeGreaterThan(3);
    expect(b?.[0]?.findings.map((f) => f.fingerprint)).not.toEqual(a?.[0]?.findings.map((f) => f.fingerprint));
    expect(b?.[0]?.findings.map((f) => [f.type, f.value, f.location])).toEqual(a?.[0]?.findings.map((f) => [f.type, f.value, f.location]));
  });

  it('a chunk that fails makes the file an error, not a clean file', async () => {
    const file = join(dir, 'failing.txt');
    writeFileSync(file, corpus(300));
    const ref = { absPath: file, relPath: 'failing.txt', size: statSync(file).size };
    const analyze = (): Promise<ChunkHits> => Promise.reject(new Error('timed out after 60 s (parser stopped)'));
    const result = await analyzeLargeText(ref, opts, { chunkBytes: 4096, analyze, parallel: 2 });
    expect(result?.[0]).toMatchObject({ status: 'error', reason: 'timed out after 60 s (parser stopped)', findings: [] });
  });

  it('after a chunk fails, no further chunk starts and none is still running when the error is returned', async () => {
    const file = join(dir, 'failing-early.txt');
    writeFileSync(file, corpus(3000));
    const ref = { absPath: file, relPath: 'failing-early.txt', size: statSync(file).size };
    let started = 0;
    let running = 0;
    const analyze = (): Promise<ChunkHits> => {
      const n = started++;
      running++;
      // The first chunk fails at once; the others are slow and still running when it does.
      return new Promise((resolve, reject) =>
        setTimeout(() => {
          running--;
          if (n === 0) reject(new Error('internal error: boom'));
          else resolve({ hits: [], invalid: 0, evidence: { triggers: [], fileWords: [], gated: [], organisation: [] } });
        }, n === 0 ? 0 : 30),
      );
    };
    const result = await analyzeLargeText(ref, opts, { chunkBytes: 4096, readBytes: 2048, analyze, parallel: 3 });
    expect(result?.[0]).toMatchObject({ status: 'error', reason: 'internal error: boom' });
    expect(running).toBe(0);
    // corpus(3000) makes dozens of 4 KB chunks: only those in flight when the first failed were started
    // (twice `parallel`: large-text.ts keeps a chunk queued per worker while this thread unpacks).
    expect(started).toBeLessThanOrEqual(2 * 3 + 1);
  });

  describe('invalid bytes in a file read in chunks carry the note a file read whole carries', () => {
    /** Lines of corpus text with a broken byte sequence on every 40th line (some at chunk boundaries). */
    function broken(encode: (text: string) => Uint8Array, bad: Uint8Array): { bytes: Uint8Array; count: number } {
      const parts: Uint8Array[] = [];
      let count = 0;
      corpus(1200).split('\n').forEach((line, i) => {
        parts.push(encode(`${line}`));
        if (i % 40 === 0) {
          parts.push(bad);
          count++;
        }
        parts.push(Uint8Array.of(0x0a));
      });
      return { bytes: Buffer.concat(parts), count };
    }
    const sjis = (text: string): Uint8Array => Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE' }));
    const utf8 = (text: string): Uint8Array => Buffer.from(text, 'utf8');

    it('Shift_JIS: the same count as the whole read, overlap lines counted once', async () => {
      // 0x82 0x20: a lead byte followed by a space is no Shift_JIS character.
      const { bytes, count } = broken(sjis, Uint8Array.of(0x82, 0x20));
      const { streamed, whole } = await both('broken-sjis.txt', bytes, 4096, 2048);
      expect(whole?.notes).toEqual([`partly decoded: ${count} invalid byte sequences in shift_jis replaced by U+FFFD`]);
      expect(streamed?.notes).toEqual(whole?.notes);
      expect(streamed?.findings).toEqual(whole?.findings);
    });

    it('UTF-8: invalid bytes counted, a U+FFFD written in the file is not', async () => {
      const { bytes, count } = broken(utf8, Uint8Array.of(0xff));
      const withWritten = Buffer.concat([utf8('記号 \ufffd と \ufffd\n'), bytes]);
      const { streamed } = await both('broken-utf8.txt', withWritten, 4096, 2048);
      expect(streamed?.notes).toEqual([`partly decoded: ${count} invalid byte sequences in utf-8 replaced by U+FFFD`]);
    });

    it('valid UTF-8 holding U+FFFD characters gets no note, read whole or in chunks', async () => {
      const { streamed, whole } = await both('written.txt', utf8(`${corpus(600)}\n置換文字 \ufffd\n`), 4096, 2048);
      expect(whole?.notes).toBeUndefined();
      expect(streamed?.notes).toBeUndefined();
    });
  });

  it('special-care words after the first chunk give the verdict the whole read gives', async () => {
    const rows = ['氏名,電話番号,備考'];
    for (let i = 0; i < 2000; i++) rows.push(`山田 太郎${i},090-1234-${String(1000 + (i % 9000)).padStart(4, '0')},${i === 1900 ? '通院中（糖尿病）' : '特になし'}`);
    const { streamed, whole } = await both('roster-care.csv', Buffer.from(`${rows.join('\n')}\n`, 'utf8'), 4096, 2048);
    expect(whole?.appi?.specialCare).toEqual(['medical-history', 'medical-care']);
    expect(streamed?.appi).toEqual(whole?.appi);
    expect(streamed?.findings).toEqual(whole?.findings);
  });

  /** The string version the byte version replaced (String#lastIndexOf treats a negative start as 0). */
  function tailOfText(text: string, n: number): { tail: string; lines: number } {
    let at = text.length;
    let lines = 0;
    while (lines < n && at > 0) {
      const nl = text.lastIndexOf('\n', at - 2);
      at = nl + 1;
      lines++;
      if (nl < 0) break;
    }
    return { tail: text.slice(at), lines };
  }

  it.each(['a\nb\nc\nd\n', 'a\nb', '\n\nx\n', '\nx', '\n', '\n\n\n\n', 'x', '', 'あ\r\nい\r\nう\r\nえ'])(
    'tailLines and countLines on bytes = the string version on %j',
    (text) => {
      for (const n of [1, 2, 3]) {
        const got = tailLines(Buffer.from(text), n);
        const want = tailOfText(text, n);
        expect({ tail: Buffer.from(got.tail).toString(), lines: got.lines }).toEqual(want);
      }
      expect(countLines(Buffer.from(text))).toBe(text.split('\n').length - 1);
    },
  );

  it('runs of raw bytes: each after the last lines of the one before, together the whole file, cut after a line end', async () => {
    const lengths = fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 0, maxLength: 60 });
    await fc.assert(
      fc.asyncProperty(lengths, fc.integer({ min: 1, max: 700 }), fc.integer({ min: 1, max: 500 }), fc.boolean(), async (lines, chunk, read, lastOpen) => {
        const text = lines.map((n, i) => 'x'.repeat(n) + (lastOpen && i === lines.length - 1 ? '' : '\n')).join('');
        const file = Buffer.from(text);
        const readInto = async (into: Uint8Array, position: number): Promise<number> => {
          const part = file.subarray(position, position + into.length);
          into.set(part);
          return part.length;
        };
        const head = Uint8Array.from(file.subarray(0, read));
        const own: Buffer[] = [];
        let before = Buffer.alloc(0);
        const all: LineRun[] = [];
        for await (const run of lineRuns(head, 'utf-8', readInto, chunk, read, 3).runs) all.push(run);
        all.forEach((run, i) => {
          const bytes = Buffer.from(run.bytes);
          const tail = tailLines(before, 3);
          expect(bytes.subarray(0, run.overlapBytes)).toEqual(Buffer.from(tail.tail));
          expect(run.overlapLines).toBe(tail.lines);
          const mine = bytes.subarray(run.overlapBytes);
          if (i < all.length - 1) expect(mine.at(-1)).toBe(0x0a);
          own.push(mine);
          before = bytes;
        });
        expect(Buffer.concat(own).toString()).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves non-text files to their extractors', async () => {
    const file = join(dir, 'a.zip');
    writeFileSync(file, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    expect(await analyzeLargeText({ absPath: file, relPath: 'a.zip', size: 8 }, opts)).toBeUndefined();
  });
});
