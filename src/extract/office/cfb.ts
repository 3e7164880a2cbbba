/**
 * Just enough of the Compound File Binary format ([MS-CFB]) to tell what an OLE container holds.
 * Input: a file's bytes. Output: magic checks, whether a named stream exists, the Word "encrypted" flag, and
 * (openOle) the streams themselves through the `cfb` package. The quick checks never parse the FAT chains:
 * directory entries are found by scanning 128-byte slots, which is where [MS-CFB] 2.6 puts them (directory sectors are sector-aligned, sectors are 512 or 4096 bytes).
 */
import { createRequire } from 'node:module';

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const ENTRY_SIZE = 128;
/** [MS-CFB] 2.2: streams shorter than the mini stream cutoff (4096) live in the mini stream. */
const MINI_CUTOFF = 4096;

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

export const ENCRYPTED_REASON = 'encrypted (password-protected) Office file';

export function isCfb(head: Uint8Array): boolean {
  return startsWith(head, CFB_MAGIC);
}

/** A zip's local file header (an empty zip, `PK\x05\x06`, holds no Office document). */
export function isZip(head: Uint8Array): boolean {
  return startsWith(head, ZIP_MAGIC);
}

/** Offset of the directory entry named `name`, or -1. */
function findEntry(bytes: Uint8Array, name: string): number {
  const nameBytes = Buffer.from(`${name}\0`, 'utf16le');
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 512; at + ENTRY_SIZE <= view.length; at += ENTRY_SIZE) {
    // 0x40: name length in bytes including the terminating NUL; 0x42: object type 2 = stream
    if (view.readUInt16LE(at + 0x40) !== nameBytes.length || view[at + 0x42] !== 2) continue;
    if (view.subarray(at, at + nameBytes.length).equals(nameBytes)) return at;
  }
  return -1;
}

/** True when some directory entry's name starts with `prefix` (`__substg1.0_` streams make an Outlook item). */
export function cfbHasEntryPrefix(bytes: Uint8Array, prefix: string): boolean {
  if (!isCfb(bytes)) return false;
  const prefixBytes = Buffer.from(prefix, 'utf16le');
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 512; at + ENTRY_SIZE <= view.length; at += ENTRY_SIZE) {
    if (view.readUInt16LE(at + 0x40) > prefixBytes.length && view.subarray(at, at + prefixBytes.length).equals(prefixBytes)) return true;
  }
  return false;
}

/** True when the container has a stream called `name` (e.g. `EncryptedPackage`, `WordDocument`). */
export function cfbHasStream(bytes: Uint8Array, name: string): boolean {
  return isCfb(bytes) && findEntry(bytes, name) >= 0;
}

/**
 * Whether a Word 97–2003 file is password-protected: FibBase.fEncrypted (bit 0x0100 of the flags at offset
 * 0x0A of the WordDocument stream, [MS-DOC] 2.5.2). Undefined when the stream cannot be located cheaply.
 */
export function wordDocumentEncrypted(bytes: Uint8Array): boolean | undefined {
  if (!isCfb(bytes) || bytes.length < 512) return undefined;
  const at = findEntry(bytes, 'WordDocument');
  if (at < 0) return undefined;
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return undefined;
  const sectorSize = 1 << shift;
  const start = view.readUInt32LE(at + 0x74);
  const size = view.readUInt32LE(at + 0x78);
  const offset = (start + 1) * sectorSize;
  if (size < MINI_CUTOFF || offset + 0x0c > view.length) return undefined;
  if (view.readUInt16LE(offset) !== 0xa5ec) return undefined;
  return (view.readUInt16LE(offset + 0x0a) & 0x0100) !== 0;
}

/** A compound file opened with the `cfb` package (FAT chains followed, mini stream resolved). */
export interface OleContainer {
  /** Content of the stream at `path` (`/PowerPoint Document`, `/__substg1.0_0037001F`), if present. */
  stream(path: string): Uint8Array | undefined;
  /** Full paths of every entry (storages end with `/`). */
  readonly paths: readonly string[];
}

type CfbModule = typeof import('cfb');
let cfbModule: CfbModule | undefined;

/** Parses the container; a corrupt one gives an error message instead of throwing. */
export function openOle(bytes: Uint8Array): { ok: true; ole: OleContainer } | { ok: false; reason: string } {
  cfbModule ??= createRequire(import.meta.url)('cfb') as CfbModule;
  const lib = cfbModule;
  try {
    const container = lib.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: 'buffer' });
    const stream = (path: string): Uint8Array | undefined => {
      const entry = lib.find(container, path);
      const content = entry?.type === 2 ? entry.content : undefined;
      if (!content) return undefined;
      return content instanceof Uint8Array ? content : Uint8Array.from(content as ArrayLike<number>);
    };
    return { ok: true, ole: { stream, paths: container.FullPaths } };
  } catch (error) {
    return { ok: false, reason: `corrupt OLE compound file: ${error instanceof Error ? error.message : String(error)}` };
  }
}
