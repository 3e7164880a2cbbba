import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { crc32, gzipSync } from 'node:zlib';
import type { Entry, ZipFile } from 'yauzl';
import { describe, expect, it } from 'vitest';
import type { ExtractLimits, ExtractResult } from '../../src/model.js';
import { archiveExtractor, entryName, gzipExtractor, readEntry } from '../../src/extract/archive.js';
import { DEFAULT_LIMITS } from '../../src/extract/limits.js';

// Fixtures come from scripts/make-container-fixtures.js; all PII in them is synthetic.
const load = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/documents/containers/${name}`, import.meta.url)));
const CSV = '氏名,電話番号,個人番号\r\n山田 太郎,090-5555-0199,5551 2345 6787\r\n';
const utf8 = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

const zip = (name: string, bytes = load(name), limits: ExtractLimits = DEFAULT_LIMITS, depth = 0) =>
  archiveExtractor.extract(bytes, { name, depth, limits });
const gz = (name: string, bytes: Uint8Array, limits: ExtractLimits = DEFAULT_LIMITS, depth = 0) =>
  gzipExtractor.extract(bytes, { name, depth, limits });

/** A string reason must match exactly, a RegExp must match. */
function expectReason(result: ExtractResult, reason: string | RegExp): void {
  expect(result.ok).toBe(false);
  if (!result.ok) {
    if (typeof reason === 'string') expect(result.reason).toBe(reason);
    else expect(result.reason).toMatch(reason);
  }
}

type Row = { path: string; status: string; reason?: string };

/** What the orchestrator does: scan children recursively (depth + 1), report them as `outer!/inner`. */
async function walk(path: string, bytes: Uint8Array, depth = 0, limits = DEFAULT_LIMITS): Promise<Row[]> {
  const extractor = [archiveExtractor, gzipExtractor].find((e) => e.matches(path, bytes.subarray(0, 8)));
  if (!extractor) return [{ path, status: 'scanned' }];
  const result = await extractor.extract(bytes, { name: path, depth, limits });
  if (!result.ok) return [{ path, status: result.status, reason: result.reason }];
  const rows: Row[] = [{ path, status: 'scanned' }];
  for (const child of result.children ?? []) rows.push(...(await walk(`${path}!/${child.name}`, child.bytes, depth + 1, limits)));
  for (const failed of result.failedChildren ?? []) rows.push({ path: `${path}!/${failed.name}`, ...failed });
  return rows;
}

describe('archiveExtractor on a normal zip', () => {
  it('lists files (not directories) with CP932, UTF-8-flagged and stored names, bytes intact', async () => {
    const result = await zip('normal.zip');
    expect(result).toMatchObject({ ok: true, format: 'zip', segments: [] });
    if (!result.ok) return;
    expect(result.failedChildren).toBeUndefined();
    expect(result.children?.map((c) => c.name)).toEqual(['顧客一覧.csv', 'docs/メモ.txt', 'docs/stored.txt', 'nested/inner.zip']);
    const [csv, memo, stored] = result.children ?? [];
    expect(new TextDecoder('shift_jis').decode(csv?.bytes)).toBe(CSV);
    expect(utf8(memo?.bytes ?? new Uint8Array())).toBe('連絡先 03-5555-0123\n');
    expect(utf8(stored?.bytes ?? new Uint8Array())).toBe('stored entry\n');
    expect(Buffer.isBuffer(csv?.bytes)).toBe(false); // plain data for worker threads
  });

  it('hands the nested zip on, so the orchestrator reports outer.zip!/nested/inner.zip!/inner/data.csv', async () => {
    expect((await walk('normal.zip', load('normal.zip'))).map((r) => r.path)).toEqual([
      'normal.zip',
      'normal.zip!/顧客一覧.csv',
      'normal.zip!/docs/メモ.txt',
      'normal.zip!/docs/stored.txt',
      'normal.zip!/nested/inner.zip',
      'normal.zip!/nested/inner.zip!/inner/data.csv',
    ]);
  });

  it('reads a zip with no entries as an empty, fully read archive', async () => {
    expect(await zip('empty-archive.zip')).toEqual({ ok: true, format: 'zip', segments: [], children: [] });
  });
});

describe('archiveExtractor limits', () => {
  it('opens 5 levels of a zip nested 20 deep, then skips the rest as too deep', async () => {
    const rows = await walk('nested-20.zip', load('nested-20.zip'));
    const chain = ['nested-20.zip', 'level2.zip', 'level3.zip', 'level4.zip', 'level5.zip', 'level6.zip'];
    expect(rows).toEqual(
      chain.map((_, i) => ({
        path: chain.slice(0, i + 1).join('!/'),
        status: i < 5 ? 'scanned' : 'skipped',
        ...(i < 5 ? {} : { reason: 'nested too deep (depth 5 ≥ max 5)' }),
      })),
    );
  });

  it.each([
    ['too many entries', 'normal.zip', { maxEntries: 4 }, 'too many entries (5 > max 4)'],
    ['total size over budget', 'normal.zip', { maxTotalBytes: 100 }, /^zip bomb suspected: \d+ bytes uncompressed in total > max 100$/],
    ['overlapping-entry bomb (22 × 50 MiB declared)', 'bomb-total.zip', {}, 'zip bomb suspected: 1153433600 bytes uncompressed in total > max 1073741824'],
  ] as const)('refuses the whole archive: %s', async (_, name, override, reason) => {
    const result = await zip(name, load(name), { ...DEFAULT_LIMITS, ...override });
    expect(result).toMatchObject({ ok: false, format: 'zip', status: 'error' });
    expectReason(result, reason);
  });

  it('skips an entry over maxFileSize before inflating it', async () => {
    const result = await zip('normal.zip', load('normal.zip'), { ...DEFAULT_LIMITS, maxFileSize: 40 });
    expect(result.ok && result.failedChildren?.map((f) => [f.name, f.status, f.reason])).toEqual([
      ['顧客一覧.csv', 'skipped', 'too large (64 bytes > max 40)'],
      ['nested/inner.zip', 'skipped', 'too large (205 bytes > max 40)'],
    ]);
  });
});

describe('archiveExtractor on bad input: never throws, never ok for what it did not read', () => {
  it.each([
    ['encrypted-entry.zip', ['readme.txt'], 'secret.csv', 'skipped', 'encrypted zip entry'],
    ['unsupported-method.zip', [], 'packed.bin', 'skipped', 'unsupported compression method 12'],
    ['bomb-ratio.zip', [], 'zeros.bin', 'error', 'zip bomb suspected (ratio 1029:1)'],
    ['lying-size.zip', [], 'liar.txt', 'error', 'corrupt zip entry: too many bytes in the stream. expected 10. got at least 1000'],
    ['bad-crc.zip', [], 'bad.txt', 'error', 'corrupt zip entry: CRC mismatch'],
  ])('%s: the bad entry is a failed child', async (name, children, failedName, status, reason) => {
    const result = await zip(name);
    expect(result).toMatchObject({ ok: true, failedChildren: [{ name: failedName, status, reason }] });
    expect(result.ok && result.children?.map((c) => c.name)).toEqual(children);
  });

  it.each([
    ['truncated.zip', load('truncated.zip'), 'corrupt zip: End of central directory record signature not found. Either not a zip file, or file is truncated.'],
    ['empty.zip', load('empty.zip'), 'corrupt zip: empty file'],
    ['text.zip', new TextEncoder().encode('this is not a zip file at all, just text'), /^corrupt zip: End of central directory/],
  ] as const)('%s is an error', async (name, bytes, reason) => {
    const result = await zip(name, bytes);
    expect(result).toMatchObject({ ok: false, format: 'zip', status: 'error' });
    expectReason(result, reason);
  });

  it('skips an archive using strong encryption (flag bit 6), which yauzl cannot list', async () => {
    const bytes = Buffer.from(load('encrypted-entry.zip'));
    const central = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); // last central directory record
    bytes.writeUInt16LE(0x41, central + 8);
    expect(await zip('strong.zip', new Uint8Array(bytes))).toEqual({
      ok: false, format: 'zip', status: 'skipped', reason: 'encrypted zip (strong encryption)',
    });
  });

  it('never returns altered bytes under an original name, whatever byte is damaged or cut', async () => {
    const full = load('normal.zip');
    const original = new Map(((await zip('normal.zip')) as Extract<ExtractResult, { ok: true }>).children?.map((c) => [c.name, Buffer.from(c.bytes)]));
    const variants = [
      ...Array.from({ length: Math.ceil(full.length / 2) }, (_, i) => full.map((b, j) => (j === i * 2 ? b ^ 0xff : b))),
      ...Array.from({ length: Math.ceil(full.length / 7) }, (_, i) => full.subarray(0, i * 7)),
    ];
    let compared = 0;
    for (const bytes of variants) {
      const result = await zip('damaged.zip', bytes);
      if (!result.ok) continue;
      for (const child of result.children ?? []) {
        const expected = original.get(child.name);
        if (expected) expect(Buffer.from(child.bytes).equals(expected)).toBe(true);
        if (expected) compared++;
      }
    }
    expect(compared).toBeGreaterThan(100); // most damage hits one entry; the others must still come through
  });
});

describe('readEntry byte counter (independent of yauzl validation)', () => {
  const fakeZip = (chunks: string[], error?: Error) =>
    ({
      openReadStream: (_: Entry, callback: (err: Error | null, stream: Readable) => void) => {
        const stream = Readable.from(chunks.map((c) => Buffer.from(c)));
        if (error) stream.on('end', () => undefined).once('data', () => stream.destroy(error));
        callback(null, stream);
      },
    }) as unknown as ZipFile;
  const entry = (size: number, text = '') => ({ uncompressedSize: size, crc32: crc32(text) }) as unknown as Entry;

  it('stops at the first byte past the declared size', async () => {
    expect(await readEntry(fakeZip(['abc', 'defgh']), entry(4))).toEqual({
      ok: false,
      reason: 'corrupt zip entry: larger than its declared size (4 bytes)',
    });
  });

  it('returns the bytes when size and CRC agree', async () => {
    const read = await readEntry(fakeZip(['abc', 'defgh']), entry(8, 'abcdefgh'));
    expect(read.ok && utf8(read.bytes)).toBe('abcdefgh');
  });

  it('reports a stream error', async () => {
    expect(await readEntry(fakeZip(['abc', 'def'], new Error('invalid stored block lengths')), entry(6))).toEqual({
      ok: false,
      reason: 'corrupt zip entry: invalid stored block lengths',
    });
  });
});

describe('entryName', () => {
  const sjisMemo = Buffer.from([0x83, 0x81, 0x83, 0x82, 0x2e, 0x74, 0x78, 0x74]); // "メモ.txt" in CP932
  const fake = (raw: Buffer, flags = 0, extraFields: { id: number; data: Buffer }[] = []) =>
    ({ fileNameRaw: raw, generalPurposeBitFlag: flags, extraFields }) as unknown as Entry;
  const unicodePath = (raw: Buffer, name: string) => {
    const data = Buffer.alloc(5);
    data.writeUInt8(1, 0);
    data.writeUInt32LE(crc32(raw), 1);
    return { id: 0x7075, data: Buffer.concat([data, Buffer.from(name)]) };
  };
  it.each([
    ['CP932 without the UTF-8 flag', fake(sjisMemo), 'メモ.txt'],
    ['UTF-8 with flag bit 11', fake(Buffer.from('資料/メモ.txt'), 0x800), '資料/メモ.txt'],
    ['UTF-8 without the flag (macOS, Info-ZIP)', fake(Buffer.from('資料/メモ.txt')), '資料/メモ.txt'],
    ['decomposed kana composed (NFC)', fake(Buffer.from('カ\u3099.txt'), 0x800), 'ガ.txt'],
    ['Info-ZIP Unicode Path field with a matching CRC', fake(sjisMemo, 0, [unicodePath(sjisMemo, '新メモ.txt')]), '新メモ.txt'],
    ['Info-ZIP Unicode Path field with a stale CRC is ignored', fake(sjisMemo, 0, [unicodePath(Buffer.from('x'), '新.txt')]), 'メモ.txt'],
    // Made safe later by safeEntryName (entry-name.test.ts), which also notes what it changed.
    ['backslashes of a Windows path become slashes', fake(Buffer.from('C:\\data\\a.csv')), 'C:/data/a.csv'],
    ['a leading slash is kept for safeEntryName to flag', fake(Buffer.from('/etc/a.csv')), '/etc/a.csv'],
    ['bytes that are neither UTF-8 nor CP932', fake(Buffer.from([0x61, 0xff, 0x62])), 'a\ufffdb'],
  ])('%s', (_, entry, expected) => {
    expect(entryName(entry)).toBe(expected);
  });
});

describe('gzipExtractor', () => {
  it('hands on the single file, named without .gz', async () => {
    const result = await gz('backup/customers.csv.gz', load('customers.csv.gz'));
    expect(result).toMatchObject({ ok: true, format: 'gz', segments: [], children: [{ name: 'customers.csv' }] });
    expect(result.ok && utf8(result.children?.[0]?.bytes ?? new Uint8Array())).toBe(CSV);
  });

  it.each([
    ['a highly compressed file (ratio)', 'zeros.bin.gz', gzipSync(Buffer.alloc(4 * 1024 * 1024)), DEFAULT_LIMITS, 'error', 'zip bomb suspected (ratio over 200:1)'],
    ['a file over maxFileSize', 'big.txt.gz', gzipSync(Buffer.from('0123456789'.repeat(100))), { ...DEFAULT_LIMITS, maxFileSize: 500 }, 'skipped', 'too large (more than 500 bytes uncompressed)'],
  ] as const)('fails the child for %s', async (_, name, bytes, limits, status, reason) => {
    const result = await gz(name, bytes, limits);
    expect(result).toMatchObject({ ok: true, format: 'gz', failedChildren: [{ name: name.replace(/\.gz$/, ''), status }] });
    expect(result.ok && result.children).toBeFalsy();
    expect(result.ok && result.failedChildren?.[0]?.reason).toBe(reason);
  });

  it.each([
    ['truncated', load('customers.csv.gz').subarray(0, 40), 'corrupt gzip: unexpected end of file'],
    ['not gzip', new TextEncoder().encode('plain text'), 'corrupt gzip: incorrect header check'],
    ['empty', new Uint8Array(0), 'corrupt gzip: unexpected end of file'],
  ])('%s input is an error', async (_, bytes, reason) => {
    expect(await gz('x.csv.gz', bytes)).toEqual({ ok: false, format: 'gz', status: 'error', reason });
  });

  it('is not opened past the depth limit', async () => {
    expect(await gz('x.gz', load('customers.csv.gz'), DEFAULT_LIMITS, 5)).toEqual({
      ok: false, format: 'gz', status: 'skipped', reason: 'nested too deep (depth 5 ≥ max 5)',
    });
  });
});

describe('matches', () => {
  const pk = new Uint8Array([0x50, 0x4b, 0x03, 0x04]);
  const none = new Uint8Array(0);
  it.each([
    [archiveExtractor, 'a.zip', none, true],
    [archiveExtractor, 'A.ZIP', none, true],
    [archiveExtractor, 'no-extension', pk, true],
    [archiveExtractor, 'empty-archive', new Uint8Array([0x50, 0x4b, 0x05, 0x06]), true],
    [archiveExtractor, 'report.docx', pk, false], // office formats are zips with their own extractor
    [archiveExtractor, 'notes.txt', new TextEncoder().encode('PK is a prefix'), false],
    [gzipExtractor, 'a.csv.gz', none, true],
    [gzipExtractor, 'a.tgz', none, true],
    [gzipExtractor, 'no-extension', new Uint8Array([0x1f, 0x8b, 0x08]), true],
    [gzipExtractor, 'a.zip', pk, false],
  ])('%#: %s', (extractor, name, head, expected) => {
    expect(extractor.matches(name, head)).toBe(expected);
  });
});
