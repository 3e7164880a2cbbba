/**
 * The record layer of the PowerPoint binary format ([MS-PPT] 2.3.1 RecordHeader): an 8-byte header (version
 * and instance in 16 bits, type, length) before each record; version 0xF marks a container of records.
 * Input: the `PowerPoint Document` stream. Output: records with their body bounds, a container's children,
 * and the persist directory (persist id → stream offset). Every bound is clipped to the parent, so a lying
 * length can neither read past the stream nor loop.
 */

/** Record types used by ppt.ts ([MS-PPT] 2.13.24 RecordType). */
export const RT = {
  Document: 0x03e8,
  Slide: 0x03ee,
  Notes: 0x03f0,
  NotesAtom: 0x03f1,
  SlidePersistAtom: 0x03f3,
  MainMaster: 0x03f8,
  TextChars: 0x0fa0,
  TextBytes: 0x0fa8,
  CString: 0x0fba,
  HeadersFooters: 0x0fd9,
  SlideListWithText: 0x0ff0,
  PersistDirectoryAtom: 0x1772,
  Comment10: 0x2ee0,
} as const;

export interface PptRecord {
  type: number;
  instance: number;
  container: boolean;
  /** Offsets in the stream: first byte of the body, first byte after it. */
  body: number;
  end: number;
  /** The declared length ran past the parent (or the stream): the file is damaged there. */
  clipped: boolean;
}

const HEADER = 8;
/** Nesting and count bounds: real presentations stay far below both. */
const MAX_CHILDREN = 1_000_000;

export function readRecord(stream: Uint8Array, at: number, limit: number): PptRecord | undefined {
  if (at < 0 || at + HEADER > limit) return undefined;
  const view = new DataView(stream.buffer, stream.byteOffset + at, HEADER);
  const verInstance = view.getUint16(0, true);
  const length = view.getUint32(4, true);
  const body = at + HEADER;
  return {
    type: view.getUint16(2, true),
    instance: verInstance >> 4,
    container: (verInstance & 0xf) === 0xf,
    body,
    end: Math.min(limit, body + length),
    clipped: body + length > limit,
  };
}

/** The records between `from` and `to` (a container's body or the whole stream). */
export function childrenOf(stream: Uint8Array, from: number, to: number): PptRecord[] {
  const out: PptRecord[] = [];
  for (let at = from; out.length < MAX_CHILDREN; ) {
    const r = readRecord(stream, at, to);
    if (!r) break;
    out.push(r);
    at = r.end;
  }
  return out;
}

/**
 * Persist id → offset of the record it names, from every PersistDirectoryAtom at the top level in stream order:
 * an incremental save appends a new directory, so later entries override earlier ones ([MS-PPT] 2.3.4).
 */
export function persistDirectory(stream: Uint8Array): Map<number, number> {
  const map = new Map<number, number>();
  for (const r of childrenOf(stream, 0, stream.length)) {
    if (r.type !== RT.PersistDirectoryAtom) continue;
    const view = new DataView(stream.buffer, stream.byteOffset + r.body, r.end - r.body);
    for (let p = 0; p + 4 <= view.byteLength; ) {
      const entry = view.getUint32(p, true);
      const first = entry & 0xfffff;
      const count = entry >>> 20;
      p += 4;
      for (let i = 0; i < count && p + 4 <= view.byteLength; i++, p += 4) map.set(first + i, view.getUint32(p, true));
    }
  }
  return map;
}
