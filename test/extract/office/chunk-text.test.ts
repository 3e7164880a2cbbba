import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChunkText } from '../../../src/extract/office/chunk-text.js';
import { xmlEncodingOf } from '../../../src/extract/office/zip-parts.js';

/** What xlsx-sheet.ts did before: one decoder, every chunk with {stream: true}, then a flush. */
function oneDecoder(chunks: readonly Uint8Array[]): string {
  if (chunks.length === 0) return '';
  const decoder = new TextDecoder(xmlEncodingOf(chunks[0] as Uint8Array));
  return chunks.map((c) => decoder.decode(c, { stream: true })).join('') + decoder.decode();
}

function byChunkText(chunks: readonly Uint8Array[]): string {
  const text = new ChunkText();
  const out = chunks.map((c) => text.decode(c)).join('');
  return text.started ? out + text.end() : out;
}

/** Bytes of ASCII XML, UTF-8 characters (cut anywhere by the chunking), byte order marks, invalid bytes, UTF-16. */
const piece = fc.constantFrom(
  ...['<c r="A1"><v>1</v></c>', 'abc', ' ', '\n', '氏名', '𠮷', 'é', '\ufeff'].map((s) => Buffer.from(s, 'utf8')),
  Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff]), Buffer.from([0x80]), Buffer.from([0xe6, 0xb0]),
  Buffer.from('<v>', 'utf16le'),
);
const chunked = fc.tuple(fc.array(piece, { maxLength: 12 }), fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 5 })).map(([pieces, sizes]) => {
  const all = Buffer.concat(pieces);
  const chunks: Uint8Array[] = [];
  for (let at = 0, i = 0; at < all.length; i++) {
    const size = sizes[i % sizes.length] as number;
    chunks.push(all.subarray(at, at + size));
    at += size;
  }
  return chunks;
});

describe('ChunkText', () => {
  it('gives what one streaming TextDecoder gives, however the bytes are cut', () => {
    fc.assert(
      fc.property(chunked, (chunks) => {
        expect(byChunkText(chunks)).toBe(oneDecoder(chunks));
      }),
      { numRuns: 5000, seed: 20261211 },
    );
  });

  it('keeps a byte order mark met after ASCII chunks and drops a leading one', () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    expect(byChunkText([Buffer.from('<a>'), bom, Buffer.from('b')])).toBe('<a>\ufeffb');
    expect(byChunkText([bom, Buffer.from('<a>')])).toBe('<a>');
  });
});
