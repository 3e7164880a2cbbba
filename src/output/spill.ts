/**
 * Report sections that spill to disk: a few MB stay in memory, the rest goes to a temporary file that only
 * this user can read (mode 0600, in a private directory) and that is deleted when the report is written or
 * the process exits. This is how a report of a million files is written with flat memory.
 * The temporary files hold what the report will hold (masked values unless --show-values), nothing more.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { Section, SectionFactory } from '../report/sections.js';
import { Utf8Batch } from './utf8-batch.js';

/** Characters a section keeps in memory before it writes them out. */
const MEMORY_CHARS = 1 << 20;
/**
 * Bytes read back per chunk: each chunk is a new buffer (its reader may keep it), and one under 128 KB is taken
 * from memory already mapped, where a 1 MB one was mapped afresh (a page fault per 4 KB; utf8-batch.ts).
 */
const READ_BYTES = 64 * 1024;

class SpillSection implements Section {
  private parts: string[] = [];
  private chars = 0;
  private fd: number | undefined;
  private written = 0;
  /** Encodes the parts into the file through one reused buffer. */
  private batch: Utf8Batch | undefined;

  constructor(
    private readonly file: () => string,
    private readonly memoryChars: number,
  ) {}

  write(text: string): void {
    this.parts.push(text);
    this.chars += text.length;
    if (this.chars >= this.memoryChars) this.flush();
  }

  private flush(): void {
    this.fd ??= openSync(this.file(), 'w+', 0o600);
    const batch = (this.batch ??= new Utf8Batch((bytes) => {
      writeSync(this.fd as number, bytes);
      this.written += bytes.length;
    }));
    for (const part of this.parts) batch.write(part);
    batch.flush();
    this.parts = [];
    this.chars = 0;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  *read(): Generator<string> {
    const decoder = new StringDecoder('utf8');
    for (const chunk of this.chunks()) {
      if (typeof chunk !== 'string') {
        yield decoder.write(chunk);
        continue;
      }
      yield decoder.end();
      yield chunk;
    }
    yield decoder.end();
  }

  /** What was written out comes back as the bytes on disk, each chunk a new buffer; then what is in memory. */
  *chunks(): Generator<string | Uint8Array> {
    if (this.fd !== undefined) {
      for (let at = 0; at < this.written; ) {
        const buffer = Buffer.allocUnsafe(Math.min(READ_BYTES, this.written - at));
        const n = readSync(this.fd, buffer, 0, buffer.length, at);
        if (n === 0) throw new Error('spill: temporary file shorter than written');
        at += n;
        yield buffer.subarray(0, n);
      }
      this.close();
    }
    yield* this.parts;
    this.parts = [];
  }
}

/** Signals that end a scan early (Ctrl-C, a job scheduler, a closed terminal). */
const ENDING_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Sections of one command's reports; `dispose` removes the temporary files. It also runs on exit and on
 * Ctrl-C / SIGTERM / SIGHUP, so an interrupted scan leaves no report parts behind.
 */
export class Spill {
  private dir: string | undefined;
  private count = 0;
  private readonly onExit = (): void => this.dispose();
  private readonly onSignal = (signal: NodeJS.Signals): void => {
    this.dispose();
    // With this handler gone, the signal does what it does by default: it ends the process.
    process.kill(process.pid, signal);
  };
  private readonly open = new Set<SpillSection>();

  readonly sections: SectionFactory = () => {
    const section = new SpillSection(() => join(this.directory(), `section-${this.count++}`), this.memoryChars);
    this.open.add(section);
    return section;
  };

  constructor(private readonly memoryChars = MEMORY_CHARS) {}

  /** The private folder of the temporary files, once one was needed. */
  get folder(): string | undefined {
    return this.dir;
  }

  private directory(): string {
    if (this.dir === undefined) {
      this.dir = mkdtempSync(join(tmpdir(), 'jpii-report-'));
      process.once('exit', this.onExit);
      for (const signal of ENDING_SIGNALS) process.once(signal, this.onSignal);
    }
    return this.dir;
  }

  dispose(): void {
    for (const section of this.open) section.close();
    this.open.clear();
    if (this.dir === undefined) return;
    rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
    process.off('exit', this.onExit);
    for (const signal of ENDING_SIGNALS) process.off(signal, this.onSignal);
  }
}
