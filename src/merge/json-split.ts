/**
 * A JSON report read piece by piece: the top-level object's members one at a time, and the items of its
 * `files` array one at a time, each parsed with JSON.parse on its own bytes. A report of 100,000 files
 * (77 MB) is never one string nor one parsed document, so `jpii report` keeps one file entry in memory.
 * Input: the file's bytes in chunks (any cut, even inside a character). Output: items in document order.
 * Never: accepts trailing data or a top level that is not an object; errors name the byte offset.
 */

export type ReportItem = { kind: 'member'; key: string; value: unknown } | { kind: 'files' } | { kind: 'file'; index: number; value: unknown };

type Phase = 'start' | 'key' | 'colon' | 'value' | 'next-member' | 'element' | 'next-element' | 'end';

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

export class JsonSplitError extends Error {}

export class ReportSplitter {
  private phase: Phase = 'start';
  /** Reading a value (or a key): its bytes from earlier chunks, and where it starts in this one (-1: earlier). */
  private collecting: 'key' | 'member' | 'file' | undefined;
  private parts: Buffer[] = [];
  private from = -1;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private scalar = false;
  private key = '';
  private index = 0;
  private offset = 0;

  /** The items completed by this chunk. */
  push(chunk: Buffer): ReportItem[] {
    const out: ReportItem[] = [];
    let i = 0;
    while (i < chunk.length) {
      if (this.collecting !== undefined) i = this.scanValue(chunk, i, out);
      else i = this.structure(chunk, i, out);
    }
    if (this.collecting !== undefined) {
      this.parts.push(chunk.subarray(Math.max(0, this.from)));
      this.from = -1;
    }
    this.offset += chunk.length;
    return out;
  }

  /** Throws unless the document is complete. */
  end(): void {
    if (this.phase !== 'end' || this.collecting !== undefined) throw new JsonSplitError(`unexpected end of the file at byte ${this.offset}`);
  }

  /** Through the bytes of the value being read, up to its end; returns where to go on. */
  private scanValue(chunk: Buffer, i: number, out: ReportItem[]): number {
    for (; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (b === BACKSLASH) this.escaped = true;
        else if (b === QUOTE) {
          this.inString = false;
          if (this.depth === 0) return this.finish(chunk, i + 1, out);
        }
      } else if (this.scalar) {
        if (WS.has(b) || b === 0x2c || b === 0x7d || b === 0x5d) return this.finish(chunk, i, out);
      } else if (b === QUOTE) this.inString = true;
      else if (b === 0x7b || b === 0x5b) this.depth++;
      else if (b === 0x7d || b === 0x5d) {
        if (--this.depth === 0) return this.finish(chunk, i + 1, out);
      }
    }
    return i;
  }

  private begin(what: 'key' | 'member' | 'file', chunk: Buffer, i: number): number {
    const b = chunk[i]!;
    this.collecting = what;
    this.parts = [];
    this.from = i;
    this.inString = b === QUOTE;
    this.escaped = false;
    this.depth = b === 0x7b || b === 0x5b ? 1 : 0;
    this.scalar = !this.inString && this.depth === 0;
    return this.inString || this.depth > 0 ? i + 1 : i;
  }

  private finish(chunk: Buffer, end: number, out: ReportItem[]): number {
    const bytes = this.parts.length === 0 ? chunk.subarray(this.from, end) : Buffer.concat([...this.parts, chunk.subarray(Math.max(0, this.from), end)]);
    const what = this.collecting;
    this.collecting = undefined;
    this.parts = [];
    let value: unknown;
    try {
      value = JSON.parse(bytes.toString('utf8'));
    } catch (error) {
      throw new JsonSplitError(`${(error as Error).message} (in the value ending at byte ${this.offset + end})`);
    }
    if (what === 'key') {
      this.key = String(value);
      this.phase = 'colon';
    } else if (what === 'file') {
      out.push({ kind: 'file', index: this.index++, value });
      this.phase = 'next-element';
    } else {
      out.push({ kind: 'member', key: this.key, value });
      this.phase = 'next-member';
    }
    return end;
  }

  /** One byte between values: whitespace, punctuation, or the start of a key or value. */
  private structure(chunk: Buffer, i: number, out: ReportItem[]): number {
    const b = chunk[i]!;
    if (WS.has(b)) return i + 1;
    switch (this.phase) {
      case 'start':
        if (b === 0x7b) return this.goto('key', i);
        if (this.offset + i < 3 && b === [0xef, 0xbb, 0xbf][this.offset + i]) return i + 1; // a BOM, even cut in two
        break;
      case 'key':
        if (b === QUOTE) return this.begin('key', chunk, i);
        if (b === 0x7d) return this.goto('end', i);
        break;
      case 'colon':
        if (b === 0x3a) return this.goto('value', i);
        break;
      case 'value':
        if (this.key === 'files' && b === 0x5b) {
          out.push({ kind: 'files' });
          return this.goto('element', i);
        }
        return this.begin('member', chunk, i);
      case 'element':
        if (b === 0x5d) return this.goto('next-member', i);
        return this.begin('file', chunk, i);
      case 'next-element':
        if (b === 0x2c) return this.goto('element', i);
        if (b === 0x5d) return this.goto('next-member', i);
        break;
      case 'next-member':
        if (b === 0x2c) return this.goto('key', i);
        if (b === 0x7d) return this.goto('end', i);
        break;
      case 'end':
        break;
    }
    throw new JsonSplitError(`unexpected '${String.fromCharCode(b)}' at byte ${this.offset + i}`);
  }

  private goto(phase: Phase, i: number): number {
    this.phase = phase;
    return i + 1;
  }
}
