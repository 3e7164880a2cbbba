/**
 * Where the reports of a scan go: files opened before the scan starts (so an unwritable path fails at once,
 * not after hours of scanning) and stdout. Each report is written in chunks once its writer is finished.
 * Input: the report targets and writers. Output: bytes in files / on stdout. Never: renders anything itself.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ScanSummary } from '../model.js';
import { UsageError } from '../options.js';
import { BINARY_FORMATS, type ReportFormat, type ReportWriter } from '../report/index.js';
import { Utf8Batch } from './utf8-batch.js';

export interface Stdout {
  write(text: string | Uint8Array): boolean;
  once(event: 'drain', listener: () => void): unknown;
}

/** The message every failed report write gives: the path as the user typed it and the system's code. */
export function cannotWrite(file: string, error: unknown): UsageError {
  return new UsageError(`cannot write '${file}': ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
}

/** An xlsx workbook is bytes: on a terminal it would only garble the screen. */
export function refuseBinaryOnTerminal(format: ReportFormat, output: string | undefined, stdout: { isTTY?: boolean }): void {
  if (BINARY_FORMATS.includes(format) && !output && stdout.isTTY === true) throw new UsageError(`--format ${format} writes a binary file: give -o FILE (or redirect stdout)`);
}

export class ReportOutput {
  private constructor(
    readonly writer: ReportWriter,
    private fd: number | undefined,
    private readonly name: string,
  ) {}

  /** Opens (creates or truncates) the file now. */
  static toFile(writer: ReportWriter, file: string, cwd: string): ReportOutput {
    try {
      return new ReportOutput(writer, openSync(resolve(cwd, file), 'w'), file);
    } catch (error) {
      throw cannotWrite(file, error);
    }
  }

  static toStdout(writer: ReportWriter): ReportOutput {
    return new ReportOutput(writer, undefined, '-');
  }

  /**
   * Writes the finished report: to a file through one reused 64 KB buffer; on stdout in chunks of about 1 MB,
   * waiting whenever the reader is behind.
   * A binary report (xlsx) comes as bytes made asynchronously; they are written as they come. Text that a
   * section kept on disk comes back as its bytes and is written as it is, between the texts around it.
   */
  async emit(summary: ScanSummary, stdout: Stdout): Promise<void> {
    const chunks = this.writer.finish(summary);
    if (!(Symbol.iterator in chunks)) {
      for await (const chunk of chunks) await this.put(chunk, stdout);
      return;
    }
    if (this.fd !== undefined) {
      this.toFile(chunks, this.fd);
      return;
    }
    let texts: string[] = [];
    let size = 0;
    for (const chunk of chunks) {
      if (typeof chunk !== 'string') {
        if (size > 0) await this.put(texts.join(''), stdout);
        texts = [];
        size = 0;
        await this.put(chunk, stdout);
        continue;
      }
      texts.push(chunk);
      size += chunk.length;
      if (size < 1 << 20) continue;
      await this.put(texts.join(''), stdout);
      texts = [];
      size = 0;
    }
    if (size > 0) await this.put(texts.join(''), stdout);
  }

  /** Text encoded through one reused buffer (utf8-batch.ts), bytes written as they are. */
  private toFile(chunks: Iterable<string | Uint8Array>, fd: number): void {
    const write = (bytes: Uint8Array): void => {
      try {
        writeSync(fd, bytes);
      } catch (error) {
        throw cannotWrite(this.name, error);
      }
    };
    const batch = new Utf8Batch(write);
    for (const chunk of chunks) {
      if (typeof chunk === 'string') {
        batch.write(chunk);
        continue;
      }
      batch.flush();
      write(chunk);
    }
    batch.flush();
  }

  private async put(text: string | Uint8Array, stdout: Stdout): Promise<void> {
    if (this.fd === undefined) {
      if (!stdout.write(text)) await new Promise<void>((done) => stdout.once('drain', done));
      return;
    }
    try {
      if (typeof text === 'string') writeSync(this.fd, text);
      else writeSync(this.fd, text);
    } catch (error) {
      throw cannotWrite(this.name, error);
    }
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
