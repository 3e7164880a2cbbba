/**
 * Report sections that spill to disk: a little stays in memory, the rest goes to a temporary file that only
 * this user can read (mode 0600, made in a private directory). This is how a report of a million files is
 * written with flat memory. The temporary files hold what the report will hold (masked values unless
 * --show-values), nothing more.
 *
 * Nothing is left behind, even when the process is killed: on Linux and macOS a section's file and its
 * directory are removed as soon as the file is open (the open descriptor keeps the data until it is closed or
 * the process ends, whatever ends it). Where an open file cannot be removed (Windows), the directory stays
 * until the report is written, the process exits or an ending signal arrives, and only SIGKILL leaves it.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmdirSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { Section, SectionFactory } from '../report/sections.js';
import { Utf8Batch } from './utf8-batch.js';

/**
 * Characters a section keeps in memory before it writes them out. Small: what a section holds outlives the
 * young generation's collections, which copy it and then promote it, and the report of 10,000 small files (35 MB)
 * was copied so on its way to the file: with 1 M characters held, the main thread promoted 75 MB and ran 14
 * full collections, with 64 K 12 MB and 4, its collector's time 575 → 375 ms (`gc-summary.js`). A report this
 * small is never written to a file.
 */
const MEMORY_CHARS = 1 << 16;
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
    /** Opens the section's temporary file (read and write). */
    private readonly open: () => number,
    private readonly memoryChars: number,
  ) {}

  write(text: string): void {
    this.parts.push(text);
    this.chars += text.length;
    if (this.chars >= this.memoryChars) this.flush();
  }

  private flush(): void {
    this.fd ??= this.open();
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

/** How a section's temporary file is opened (read and write, mode 0600) and removed while open. */
export interface SpillFs {
  open(path: string): number;
  remove(path: string): void;
}

/** Signals that end a scan early (Ctrl-C, a job scheduler, a closed terminal). */
const ENDING_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Sections of one command's reports; `dispose` closes their files and removes any directory left on disk. It
 * also runs on exit and on Ctrl-C / SIGTERM / SIGHUP.
 */
export class Spill {
  /** Directories that could not be removed while their file was open (Windows). */
  private readonly kept = new Set<string>();
  private files = 0;
  private readonly onExit = (): void => this.dispose();
  private readonly onSignal = (signal: NodeJS.Signals): void => {
    this.dispose();
    // With this handler gone, the signal does what it does by default: it ends the process.
    process.kill(process.pid, signal);
  };
  private readonly open = new Set<SpillSection>();

  readonly sections: SectionFactory = () => {
    const section = new SpillSection(() => this.openFile(), this.memoryChars);
    this.open.add(section);
    return section;
  };

  private readonly fs: SpillFs;

  /** `fs`: how a section's file is opened and removed (tests stand in for a system that refuses either). */
  constructor(
    private readonly memoryChars = MEMORY_CHARS,
    fs: Partial<SpillFs> = {},
  ) {
    this.fs = { open: (path) => openSync(path, 'w+', 0o600), remove: unlinkSync, ...fs };
  }

  /** Temporary files made so far (one per section that spilled). */
  get spilled(): number {
    return this.files;
  }

  /** Directories of temporary files still on disk (only where an open file cannot be removed). */
  get folders(): readonly string[] {
    return [...this.kept];
  }

  /** A private temporary file, open for reading and writing, removed from disk at once where the system allows. */
  private openFile(): number {
    const dir = mkdtempSync(join(tmpdir(), 'jpii-report-'));
    const path = join(dir, 'section');
    let fd: number;
    try {
      fd = this.fs.open(path);
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
    this.files++;
    try {
      this.fs.remove(path);
      rmdirSync(dir);
    } catch {
      this.keep(dir);
    }
    return fd;
  }

  private keep(dir: string): void {
    if (this.kept.size === 0) {
      process.once('exit', this.onExit);
      for (const signal of ENDING_SIGNALS) process.once(signal, this.onSignal);
    }
    this.kept.add(dir);
  }

  dispose(): void {
    for (const section of this.open) section.close();
    this.open.clear();
    if (this.kept.size === 0) return;
    for (const dir of this.kept) rmSync(dir, { recursive: true, force: true });
    this.kept.clear();
    process.off('exit', this.onExit);
    for (const signal of ENDING_SIGNALS) process.off(signal, this.onSignal);
  }
}
