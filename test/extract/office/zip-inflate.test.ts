/**
 * zip-inflate.ts inflates parts without yauzl's stream (small ones in one call, big ones in 256 KiB pieces): the
 * text must be the same, and a damaged part must fail with the very message yauzl's reading gives (its byte
 * counts depend on yauzl's 16 KiB chunks). The oracle is yauzl's own stream, read here as zip-parts.ts read
 * every part before.
 */
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../../src/extract/limits.js';
import { withOfficeZip } from '../../../src/extract/office/zip-parts.js';
// @ts-expect-error: plain JS fixture script without type declarations
import { makeZip } from '../../../scripts/make-office-fixtures.js';
import { seededRandom } from '../../properties/generators.js';

const NAME = 'xl/worksheets/sheet1.xml';

/** ≈ 1.5 MB of sheet-like XML that deflates to a few hundred KB (random digits keep it from compressing away). */
function sheetXml(seed: number, count: number): string {
  const random = seededRandom(seed);
  const rows: string[] = [];
  for (let r = 1; r <= count; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${Math.floor(random() * 1e9)}</v></c><c r="B${r}" t="s"><v>${r % 97}</v></c></row>`);
  return `<worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`;
}

/** The part as yauzl's stream reads it, with the CRC check and messages zip-parts.ts has always used. */
async function byYauzl(bytes: Uint8Array): Promise<string> {
  const file = await yauzl.fromBufferPromise(Buffer.from(bytes), { lazyEntries: true, validateEntrySizes: true });
  try {
    for await (const entry of file.eachEntry()) {
      if (entry.fileName !== NAME) continue;
      const chunks: Buffer[] = [];
      let crc = 0;
      try {
        for await (const chunk of await file.openReadStreamPromise(entry)) {
          crc = crc32(chunk as Buffer, crc);
          chunks.push(chunk as Buffer);
        }
      } catch (error) {
        return `error: corrupt zip entry ${NAME}: ${(error as Error).message}`;
      }
      if (crc >>> 0 !== entry.crc32 >>> 0) return `error: corrupt zip entry ${NAME}: CRC mismatch`;
      return Buffer.concat(chunks).toString('utf8');
    }
  } finally {
    file.close();
  }
  return 'missing';
}

async function byZipParts(bytes: Uint8Array): Promise<string> {
  const read = await withOfficeZip(bytes, { ...DEFAULT_LIMITS, maxRatio: 1e9 }, async (zip) => ({ text: await zip.readText(NAME) }));
  return 'text' in read ? read.text : `${read.status}: ${read.reason}`;
}

/** Offsets of the entry's declared uncompressed size (local header, central directory) in makeZip's layout. */
function sizeOffsets(zip: Buffer): number[] {
  const central = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  return [22, central + 24];
}

describe.each([
  ['a big part, inflated in 256 KiB pieces', 20_000],
  ['a small part, inflated in one call', 300],
])('%s', (_what, rows) => {
  const xml = sheetXml(20261206, rows);
  const zip: Buffer = makeZip([[NAME, xml]]);

  it('gives the same text as yauzl’s stream', async () => {
    expect(xml.length > 1 << 20).toBe(rows > 10_000); // on the side of the 1 MiB line it is meant to be
    expect(await byZipParts(new Uint8Array(zip))).toBe(xml);
    expect(await byYauzl(new Uint8Array(zip))).toBe(xml);
  });

  /** Somewhere in the deflated data, whatever the zip's size. */
  const inData = (z: Buffer): number => Math.floor(z.length / 3);
  it.each([
    ['a smaller size declared', (z: Buffer) => sizeOffsets(z).forEach((o) => z.writeUInt32LE(z.readUInt32LE(o) - Math.floor(xml.length / 20), o))],
    ['a larger size declared', (z: Buffer) => sizeOffsets(z).forEach((o) => z.writeUInt32LE(z.readUInt32LE(o) + 5, o))],
    ['a byte of the deflated data changed', (z: Buffer) => void (z[inData(z)] = (z[inData(z)] ?? 0) ^ 0x55)],
    ['deflated data zeroed', (z: Buffer) => z.fill(0, inData(z), inData(z) + Math.floor(z.length / 10))],
  ])('fails with yauzl’s own message: %s', async (_damage, damage) => {
    const bad = Buffer.from(zip);
    damage(bad);
    const expected = await byYauzl(new Uint8Array(bad));
    expect(expected.startsWith('error: ')).toBe(true);
    expect(await byZipParts(new Uint8Array(bad))).toBe(expected);
  });
});
