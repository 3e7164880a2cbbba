/**
 * sniff: tells binary bytes from text by looking at a file's first bytes only.
 * Input: the head of a file (a few KB). Output: whether it is binary and why, or which container format
 * (zip / pdf / ole) the bytes really are, whatever the file's name says. It never decodes text and never
 * reads past the head it is given.
 *
 * Why before decoding: encoding-japanese's detector calls binaries "UTF16"/"UTF32", so magic numbers and NUL
 * bytes must be checked first.
 */

export type SniffResult = { binary: false } | { binary: true; reason: string };
export type MagicFormat = 'zip' | 'pdf' | 'ole';

/** Bytes at a fixed offset that name a format; `ascii` strings are compared byte for byte. */
export interface Magic {
  name: string;
  offset: number;
  bytes: readonly number[];
  format?: MagicFormat;
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/**
 * Formats jpii never reads as text. Sources: each format's specification (file signatures). Signatures that
 * plain text could start with ("PAR1", "OTTO") are left to the NUL check, which those formats also fail.
 */
export const MAGICS: readonly Magic[] = [
  { name: 'ZIP archive', offset: 0, bytes: [0x50, 0x4b, 0x03, 0x04], format: 'zip' },
  { name: 'ZIP archive', offset: 0, bytes: [0x50, 0x4b, 0x05, 0x06], format: 'zip' }, // empty archive
  { name: 'ZIP archive', offset: 0, bytes: [0x50, 0x4b, 0x07, 0x08], format: 'zip' }, // spanned archive
  { name: 'PDF document', offset: 0, bytes: ascii('%PDF-'), format: 'pdf' },
  { name: 'OLE compound file', offset: 0, bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], format: 'ole' },
  { name: 'PNG image', offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'JPEG image', offset: 0, bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF image', offset: 0, bytes: ascii('GIF87a') },
  { name: 'GIF image', offset: 0, bytes: ascii('GIF89a') },
  { name: 'TIFF image', offset: 0, bytes: [0x49, 0x49, 0x2a, 0x00] },
  { name: 'TIFF image', offset: 0, bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { name: 'RIFF media (WAVE/AVI/WebP)', offset: 0, bytes: ascii('RIFF') },
  { name: 'Photoshop image', offset: 0, bytes: ascii('8BPS') },
  { name: 'ELF executable', offset: 0, bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'Mach-O executable', offset: 0, bytes: [0xfe, 0xed, 0xfa, 0xce] },
  { name: 'Mach-O executable', offset: 0, bytes: [0xfe, 0xed, 0xfa, 0xcf] },
  { name: 'Mach-O executable', offset: 0, bytes: [0xce, 0xfa, 0xed, 0xfe] },
  { name: 'Mach-O executable', offset: 0, bytes: [0xcf, 0xfa, 0xed, 0xfe] },
  { name: 'WebAssembly module', offset: 0, bytes: [0x00, 0x61, 0x73, 0x6d] },
  { name: 'gzip archive', offset: 0, bytes: [0x1f, 0x8b] },
  { name: 'bzip2 archive', offset: 4, bytes: [0x31, 0x41, 0x59, 0x26, 0x53, 0x59] },
  { name: 'xz archive', offset: 0, bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { name: 'zstd archive', offset: 0, bytes: [0x28, 0xb5, 0x2f, 0xfd] },
  { name: '7z archive', offset: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'RAR archive', offset: 0, bytes: ascii('Rar!\x1a\x07') },
  { name: 'tar archive', offset: 257, bytes: ascii('ustar') },
  { name: 'SQLite database', offset: 0, bytes: ascii('SQLite format 3\0') },
  { name: 'WOFF font', offset: 0, bytes: ascii('wOFF') },
  { name: 'WOFF2 font', offset: 0, bytes: ascii('wOF2') },
  { name: 'MP4 media', offset: 4, bytes: ascii('ftyp') },
  { name: 'Matroska/WebM media', offset: 0, bytes: [0x1a, 0x45, 0xdf, 0xa3] },
  { name: 'Ogg media', offset: 0, bytes: ascii('OggS') },
  { name: 'FLAC audio', offset: 0, bytes: ascii('fLaC') },
  { name: 'MP3 audio', offset: 0, bytes: [0xff, 0xfb] },
  { name: 'MP3 audio', offset: 0, bytes: [0xff, 0xf3] },
  { name: 'MP3 audio', offset: 0, bytes: [0xff, 0xf2] },
  { name: 'Java serialized data', offset: 0, bytes: [0xac, 0xed, 0x00, 0x05] },
];

function startsWith(head: Uint8Array, offset: number, bytes: readonly number[]): boolean {
  if (head.length < offset + bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (head[offset + i] !== bytes[i]) return false;
  return true;
}

/**
 * Per value of a head's first byte, the magics it may match, in MAGICS order (so the first match is the same):
 * those at offset 0 that start with that byte, and every one at another offset. Two to four instead of 37
 * per file; a text file's head was looked at this way three times.
 */
const BY_FIRST_BYTE: readonly (readonly Magic[])[] = Array.from({ length: 256 }, (_, b) =>
  MAGICS.filter((m) => m.offset !== 0 || m.bytes[0] === b),
);

/** Magics that need more than a fixed byte string to tell them from text that happens to start alike. */
function specialMagic(head: Uint8Array): string | undefined {
  const [b0, b1, b2, b3] = head;
  // MP3 with an ID3v2 tag: "ID3", a major version 2–4, then a zero revision byte.
  if (startsWith(head, 0, ascii('ID3')) && b3 !== undefined && b3 >= 2 && b3 <= 4 && head[4] === 0) return 'MP3 audio';
  // CAFEBABE is both a Java class and a universal Mach-O: class files have a major version ≥ 45 at bytes 6–7,
  // fat binaries an architecture count (small) at bytes 4–7.
  if (b0 === 0xca && b1 === 0xfe && b2 === 0xba && b3 === 0xbe && head.length >= 8) {
    const word = ((head[4] ?? 0) << 24) | ((head[5] ?? 0) << 16) | ((head[6] ?? 0) << 8) | (head[7] ?? 0);
    return word >= 45 ? 'Java class file' : 'Mach-O executable';
  }
  // "MZ" alone is too short to trust; a DOS/PE header has NUL bytes right after it.
  if (b0 === 0x4d && b1 === 0x5a && head.subarray(2, 64).includes(0)) return 'Windows executable';
  return undefined;
}

function magicOf(head: Uint8Array): Magic | undefined {
  // An empty head matches no magic (each needs bytes).
  if (head.length === 0) return undefined;
  for (const m of BY_FIRST_BYTE[head[0] as number] as readonly Magic[]) if (startsWith(head, m.offset, m.bytes)) return m;
  return undefined;
}

/** The container a file really is, for extractors that must spot a wrong extension (an xlsx named .csv). */
export function magicFormat(head: Uint8Array): MagicFormat | undefined {
  return magicOf(head)?.format;
}

/** A UTF-16 BOM: NUL bytes are expected there (decode reads it; UTF-32 BOMs are refused by decode). */
function hasUtf16Bom(head: Uint8Array): boolean {
  return (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
}

/** Above this share of control bytes the head is not text in any encoding jpii reads. */
const CONTROL_RATIO = 0.1;

export function sniffBinary(head: Uint8Array): SniffResult {
  if (hasUtf16Bom(head)) return { binary: false };
  const name = magicOf(head)?.name ?? specialMagic(head);
  if (name !== undefined) return { binary: true, reason: `binary file (${name})` };
  if (head.includes(0)) return { binary: true, reason: 'binary file (contains NUL bytes)' };
  if (head.length > 0 && controlBytes(head) / head.length > CONTROL_RATIO) {
    return { binary: true, reason: 'binary file (mostly control characters)' };
  }
  return { binary: false };
}

/**
 * Bytes below 0x20 that text does not use. Kept out: tab, LF, VT, FF, CR, ESC (ISO-2022-JP shifts) and
 * SUB (0x1a, the DOS end-of-file mark). Bytes ≥ 0x80 are never counted: they are Shift_JIS, EUC-JP or UTF-8.
 */
const CONTROL = new Uint8Array(256);
for (let b = 0; b < 0x20; b++) CONTROL[b] = 1;
for (const b of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b, 0x1a]) CONTROL[b] = 0;
CONTROL[0x7f] = 1;

function controlBytes(head: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < head.length; i++) n += CONTROL[head[i] as number] as number;
  return n;
}
