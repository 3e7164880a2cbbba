import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAGICS, magicFormat, sniffBinary, type Magic } from '../../src/extract/sniff.js';

const bytes = (...parts: (number[] | string)[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('sniffBinary: magic numbers', () => {
  it.each([
    ['PNG image', bytes([0x89], 'PNG\r\n\x1a\n', 'IHDR')],
    ['JPEG image', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF')],
    ['GIF image', bytes('GIF89a', [1, 0, 1, 0])],
    ['ELF executable', bytes([0x7f], 'ELF', [2, 1, 1])],
    ['Mach-O executable', bytes([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1])],
    ['Mach-O executable', bytes([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 2])], // universal binary, 2 architectures
    ['Java class file', bytes([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 0x34])], // major version 52
    ['Windows executable', bytes('MZ', [0x90, 0, 3, 0, 0, 0])],
    ['gzip archive', bytes([0x1f, 0x8b, 8, 0])],
    ['7z archive', bytes([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4])],
    ['RAR archive', bytes('Rar!\x1a\x07\x01\x00')],
    ['SQLite database', bytes('SQLite format 3\0', [0x10, 0])],
    ['WOFF font', bytes('wOFF', [0, 1, 0, 0])],
    ['MP3 audio', bytes('ID3', [4, 0, 0])],
    ['MP3 audio', bytes([0xff, 0xfb, 0x90, 0x64])],
    ['MP4 media', bytes([0, 0, 0, 0x20], 'ftypisom')],
    ['ZIP archive', bytes('PK\x03\x04', [0x14, 0])],
    ['PDF document', bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')],
    ['OLE compound file', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])],
  ])('%s', (name, head) => {
    expect(sniffBinary(head)).toEqual({ binary: true, reason: `binary file (${name})` });
  });
});

describe('sniffBinary: other binary', () => {
  it('flags NUL bytes in text without a UTF-16 BOM', () => {
    expect(sniffBinary(utf8('abc\0def'))).toEqual({ binary: true, reason: 'binary file (contains NUL bytes)' });
    // UTF-16 without a BOM is not read: decode could not tell its byte order.
    expect(sniffBinary(Uint8Array.from([0x41, 0x00, 0x42, 0x00])).binary).toBe(true);
  });

  it('flags a head that is mostly control characters', () => {
    const head = Uint8Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 + (i % 7) : 0x41));
    expect(sniffBinary(head)).toEqual({ binary: true, reason: 'binary file (mostly control characters)' });
  });
});

describe('sniffBinary: text', () => {
  it.each([
    ['empty', new Uint8Array(0)],
    ['ASCII CSV', utf8('name,phone\r\nfoo,03-5555-0123\r\n')],
    ['UTF-8 Japanese', utf8('株式会社サンプル\n山田 太郎\n')],
    ['UTF-16LE with BOM (NUL bytes expected)', Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x42, 0x30])],
    ['UTF-16BE with BOM', Uint8Array.from([0xfe, 0xff, 0x00, 0x41, 0x30, 0x42])],
    ['Shift_JIS', Uint8Array.from([0x8e, 0x81, 0x96, 0xbc, 0x2c, 0x93, 0x64, 0x98, 0x62])],
    ['ISO-2022-JP (ESC shifts)', bytes('\x1b$B3t<02q<R\x1b(B\n')],
    ['text starting with MZ', utf8('MZ Corporation, 2024\n')],
    ['text starting with ID3 (no tag header)', utf8('ID3 tag notes\n')],
    ['form feeds and a DOS end-of-file mark', utf8('page 1\fpage 2\r\n\x1a')],
  ])('%s is not binary', (_name, head) => {
    expect(sniffBinary(head)).toEqual({ binary: false });
  });
});

describe('magicFormat', () => {
  it.each([
    ['zip', bytes('PK\x03\x04', [0x14, 0, 0, 0])],
    ['zip', bytes('PK\x05\x06', [0, 0, 0, 0])],
    ['pdf', bytes('%PDF-1.4\n')],
    ['ole', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])],
    [undefined, utf8('氏名,電話番号\n')],
    [undefined, bytes([0x89], 'PNG\r\n\x1a\n')],
    [undefined, new Uint8Array(0)],
  ])('%s', (format, head) => {
    expect(magicFormat(head)).toBe(format);
  });

  it('spots an xlsx saved under a .csv name as zip', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('顧客').addRow(['氏名', '電話番号']);
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(magicFormat(xlsx.subarray(0, 8192))).toBe('zip');
    expect(sniffBinary(xlsx.subarray(0, 8192))).toEqual({ binary: true, reason: 'binary file (ZIP archive)' });
  });
});

describe('sniffBinary: magic numbers looked up by first byte', () => {
  // The oracle: the first of MAGICS, in order, whose bytes are at its offset.
  const firstMagic = (head: Uint8Array): Magic | undefined =>
    MAGICS.find((m) => head.length >= m.offset + m.bytes.length && m.bytes.every((b, i) => head[m.offset + i] === b));
  // Heads holding some magic's bytes at its offset (another's at 0 sometimes), over random or text bytes.
  const head = fc
    .tuple(fc.uint8Array({ maxLength: 300 }), fc.nat(MAGICS.length - 1), fc.nat(MAGICS.length - 1), fc.boolean(), fc.boolean())
    .map(([noise, a, b, withA, withB]) => {
      const out = Uint8Array.from(noise.length >= 270 ? noise : [...noise, ...new Uint8Array(270 - noise.length).fill(0x41)]);
      for (const [m, put] of [[MAGICS[a], withA], [MAGICS[b], withB]] as const) if (m && put) out.set(m.bytes, m.offset);
      return out.subarray(0, noise.length % 2 === 0 ? out.length : Math.min(out.length, noise.length));
    });

  it('gives the same format and reason as the first matching magic in MAGICS order', () => {
    fc.assert(
      fc.property(head, (h) => {
        const m = firstMagic(h);
        expect(magicFormat(h)).toBe(m?.format);
        if (m && !(h[0] === 0xff && h[1] === 0xfe) && !(h[0] === 0xfe && h[1] === 0xff)) expect(sniffBinary(h)).toEqual({ binary: true, reason: `binary file (${m.name})` });
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the magics that sit past the first byte (tar at 257, bzip2 and MP4 at 4)', () => {
    const at = (offset: number, text: string): Uint8Array => {
      const h = new Uint8Array(300).fill(0x20);
      h.set(bytes(text), offset);
      return h;
    };
    expect(sniffBinary(at(257, 'ustar'))).toEqual({ binary: true, reason: 'binary file (tar archive)' });
    expect(sniffBinary(at(4, '1AY&SY'))).toEqual({ binary: true, reason: 'binary file (bzip2 archive)' });
    expect(sniffBinary(at(4, 'ftyp'))).toEqual({ binary: true, reason: 'binary file (MP4 media)' });
  });
});
