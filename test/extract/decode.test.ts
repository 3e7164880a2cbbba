import { readFileSync } from 'node:fs';
import Encoding from 'encoding-japanese';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DETECT_SAMPLE_BYTES, decodeStrictUtf8, decodeText, decodeWhole, invalidBytesNote } from '../../src/extract/decode.js';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/encodings/${name}`, import.meta.url)));

/** Written independently of scripts/make-encoding-fixtures.js on purpose: the two must agree. */
const SAMPLE =
  '株式会社サンプル商事　営業部\n' +
  'ご担当：山田 太郎（ヤマダ タロウ）様\n' +
  '〒100-0001 東京都千代田区千代田1-1 サンプルビル5階\n' +
  'TEL：03-5555-0123　受付 9:00\uff5e18:00\n' +
  'E-mail：yamada.taro@example.com\n' +
  '①お見積書の件　㈱髙橋製作所様 ｶﾀｶﾅ\n';

const encode = (text: string, to: 'SJIS' | 'EUCJP' | 'JIS'): Uint8Array =>
  Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to, from: 'UNICODE', type: 'array' }));

describe('decodeText: fixture files', () => {
  it.each([
    ['sample.utf8.txt', 'utf-8'],
    ['sample.utf8bom.txt', 'utf-8-bom'],
    ['sample.utf16le.txt', 'utf-16le'],
    ['sample.utf16be.txt', 'utf-16be'],
    ['sample.sjis.txt', 'shift_jis'],
    ['sample.eucjp.txt', 'euc-jp'],
    ['sample.iso2022jp.txt', 'iso-2022-jp'],
  ])('%s decodes as %s to the exact text, BOM stripped', (name, encoding) => {
    expect(decodeText(fixture(name))).toEqual({ ok: true, text: SAMPLE, encoding });
  });

  it('keeps CP932-only characters of Shift_JIS (NEC/IBM extensions, ～ as U+FF5E)', () => {
    const result = decodeText(fixture('sample.sjis.txt'));
    expect(result.ok && [...'①㈱髙\uff5e'].every((c) => result.text.includes(c))).toBe(true);
  });
});

describe('decodeText: short samples', () => {
  it.each([
    ['氏名：山田 太郎　電話：03-5555-0123', 'SJIS', 'shift_jis'],
    ['お世話になっております。見積書', 'SJIS', 'shift_jis'],
    ['〒100-0001 東京都千代田区1-1', 'SJIS', 'shift_jis'],
    ['担当 ｶﾀｶﾅ と ひらがな', 'SJIS', 'shift_jis'],
    ['髙橋 ㈱サンプル ①', 'SJIS', 'shift_jis'],
    ['氏名：山田 太郎　電話：03-5555-0123', 'EUCJP', 'euc-jp'],
    ['お世話になっております。', 'EUCJP', 'euc-jp'],
    ['氏名：山田 太郎　電話：03-5555-0123', 'JIS', 'iso-2022-jp'],
  ] as const)('%s in %s → %s', (text, to, encoding) => {
    const bytes = encode(text, to);
    expect(bytes.length).toBeLessThan(60);
    expect(decodeText(bytes)).toEqual({ ok: true, text, encoding });
  });

  it.each([
    ['', 'ascii'],
    ['name,phone\nfoo,03-5555-0123\n', 'ascii'],
    ['\x1b[31mred\x1b[0m log line', 'ascii'], // ANSI colours are ESC sequences, but not ISO-2022-JP ones
    ['テスト test', 'utf-8'],
  ])('%j → %s', (text, encoding) => {
    expect(decodeText(new TextEncoder().encode(text))).toEqual({ ok: true, text, encoding });
  });
});

describe('decodeText: hard cases', () => {
  it('finds Shift_JIS after an ASCII preamble longer than the detection sample', () => {
    const preamble = 'id,code,note\n'.repeat(Math.ceil((DETECT_SAMPLE_BYTES + 1000) / 13));
    const bytes = Uint8Array.from([...new TextEncoder().encode(preamble), ...encode('山田 太郎,お客様\n', 'SJIS')]);
    const result = decodeText(bytes);
    expect(result.ok && result.encoding).toBe('shift_jis');
    expect(result.ok && result.text.endsWith('山田 太郎,お客様\n')).toBe(true);
  });

  // A split last character would make the strict EUC-JP check fail, and as Shift_JIS the same bytes read
  // as half-width katakana without a single error.
  it.each([
    ['EUCJP', 'euc-jp'],
    ['SJIS', 'shift_jis'],
  ] as const)('detects %s when the 64 KB sample boundary falls inside a character', (to, encoding) => {
    const text = 'あa' + 'あ'.repeat(DETECT_SAMPLE_BYTES); // lead bytes at odd offsets from 3 on: 65535 is one
    expect(decodeText(encode(text, to))).toEqual({ ok: true, text, encoding });
  });

  it('tells EUC-JP (which is nearly always valid Shift_JIS too) from Shift_JIS', () => {
    const result = decodeText(encode('山田太郎様の住所', 'EUCJP'));
    expect(result).toEqual({ ok: true, text: '山田太郎様の住所', encoding: 'euc-jp' });
  });

  it('reads Shift_JIS with one corrupt byte, the byte becoming U+FFFD, and counts it', () => {
    const good = encode('お見積書の件、よろしくお願いいたします。'.repeat(10), 'SJIS');
    const bytes = Uint8Array.from([...good.subarray(0, 40), 0xa0, ...good.subarray(40)]);
    const result = decodeText(bytes);
    expect(result.ok && result.encoding).toBe('shift_jis');
    expect(result.ok && [...result.text].filter((c) => c === '\ufffd').length).toBe(1);
    expect(result.ok && result.invalid).toBe(1);
    expect(result.ok && invalidBytesNote(result)).toBe('partly decoded: 1 invalid byte sequence in shift_jis replaced by U+FFFD');
  });

  // Japanese UTF-8 is often valid Shift_JIS byte for byte: a detector that rejects the UTF-8 for one cut
  // character would read the whole file as mojibake without a single error.
  it('reads UTF-8 with a truncated character as UTF-8, not as Shift_JIS mojibake', () => {
    const line = '氏名：山田 太郎　電話：03-5555-0123\n';
    const good = new TextEncoder().encode(line.repeat(20));
    const bytes = Uint8Array.from([...good, 0xe5, 0xb1, ...good]); // a line cut inside 山
    const result = decodeText(bytes);
    expect(result).toEqual({ ok: true, text: `${line.repeat(20)}\ufffd${line.repeat(20)}`, encoding: 'utf-8', invalid: 1 });
  });

  // Too short for the few-broken-bytes ratio: before, 山田 and the cut 山 were read as Shift_JIS mojibake.
  it.each([
    ['a 3-byte character cut after 2 bytes', [0xe5, 0xb1]],
    ['a 3-byte character cut after 1 byte', [0xe5]],
    ['a 4-byte character cut after 3 bytes', [0xf0, 0x9f, 0x98]],
    ['a 2-byte character cut after 1 byte', [0xc3]],
  ])('reads a short UTF-8 text cut inside its last character (%s) as UTF-8, the cut counted', (_name, cut) => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('山田 太郎 03-5555-0123 '), ...cut]);
    expect(decodeText(bytes)).toEqual({ ok: true, text: '山田 太郎 03-5555-0123 \ufffd', encoding: 'utf-8', invalid: 1 });
  });

  it('leaves a cut end after pure ASCII, and after Shift_JIS text, to the detector', () => {
    const sjis = decodeText(Uint8Array.from([...encode('山田太郎様', 'SJIS'), 0xe5, 0xb1]));
    expect(sjis.ok && sjis.encoding).not.toBe('utf-8');
    // Pure ASCII before the cut says nothing: the detector reads the two bytes as one EUC-JP character.
    const ascii = decodeText(Uint8Array.from([...new TextEncoder().encode('tel 03-5555-0123 '), 0xe5, 0xb1]));
    expect(ascii.ok && ascii.encoding).toBe('euc-jp');
  });

  it('reads bytes that are no Japanese encoding with every bad sequence counted, never refusing them', () => {
    const result = decodeText(Uint8Array.from([...new TextEncoder().encode('tel 03-5555-0123 '), ...new Uint8Array(40).fill(0xff)]));
    expect(result.ok && result.text.startsWith('tel 03-5555-0123 ')).toBe(true);
    expect(result.ok && result.invalid).toBe(40);
  });

  it('does not count a U+FFFD written in valid UTF-8 as an invalid byte', () => {
    expect(decodeText(new TextEncoder().encode('a\ufffdb'))).toEqual({ ok: true, text: 'a\ufffdb', encoding: 'utf-8' });
  });

  it('refuses UTF-32 (its BOM starts like UTF-16LE)', () => {
    const result = decodeText(Uint8Array.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]));
    expect(result).toEqual({ ok: false, reason: 'UTF-32 text is not supported' });
  });
});

describe('decodeStrictUtf8 (ICU streaming converter)', () => {
  /** The reference: a fresh one-shot strict decoder, Node's own UTF-8 path. */
  const reference = (bytes: Uint8Array): string | 'throws' => {
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      return 'throws';
    }
  };
  const ours = (bytes: Uint8Array): string | 'throws' => {
    try {
      return decodeStrictUtf8(bytes);
    } catch {
      return 'throws';
    }
  };
  /** Pieces of valid UTF-8 (1–4 bytes, BOM, U+FFFD) and of invalid: lone continuation and lead bytes, overlong, surrogates, > U+10FFFF. */
  const piece = fc.constantFrom(
    [0x41], [0x0a], [0xe5, 0xb1, 0xb1], [0xe3, 0x81, 0x82], [0xc3, 0xa9], [0xf0, 0xa0, 0xae, 0xb7], [0xef, 0xbb, 0xbf], [0xef, 0xbf, 0xbd],
    [0x80], [0xbf], [0xe5], [0xe5, 0xb1], [0xf0, 0xa0], [0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xff], [0xfe],
  );
  it('gives the one-shot decoder\'s text, or throws where it throws, also right after a failure (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(piece, { maxLength: 12 }), { minLength: 1, maxLength: 4 }), (texts) => {
        // Several inputs in a row: a failed one must leave nothing behind for the next.
        for (const pieces of texts) {
          const bytes = Uint8Array.from(pieces.flat());
          expect(ours(bytes)).toBe(reference(bytes));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('decodeWhole gives the one-shot non-fatal text, replacement characters and BOM included (property)', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), fc.boolean(), (pieces, ignoreBOM) => {
        const bytes = Uint8Array.from(pieces.flat());
        expect(decodeWhole('utf-8', bytes, { ignoreBOM })).toBe(new TextDecoder('utf-8', { ignoreBOM }).decode(bytes));
      }),
      { numRuns: 3000 },
    );
  });

  it('throws on a sequence cut at the end, and reads the next input whole', () => {
    expect(() => decodeStrictUtf8(Uint8Array.from([0x41, 0xe5, 0xb1]))).toThrow();
    expect(decodeStrictUtf8(Uint8Array.from([0x82, 0x41]).subarray(1))).toBe('A');
    expect(decodeStrictUtf8(new TextEncoder().encode('山田 太郎'))).toBe('山田 太郎');
  });
});
