/**
 * A saved JSON report read as a stream for `jpii report`: file entries come one by one (json-split.ts),
 * checked like `jpii merge` checks them (read-report.ts), and the summary is added up as they pass, so a
 * report of 100,000 files is never held whole — neither its text nor its parsed form.
 * Input: the report's path. Output: FileResults in report order, then the tool and the summary.
 * Never: lets a bad report through: problems (at most MAX_PROBLEMS, naming file and field) are thrown as
 * one MergeError once the file is read, before anything is written.
 */
import { createReadStream } from 'node:fs';
import type { FileResult, ScanResult, ScanSummary } from '../model.js';
import { addToSummary, emptySummary } from '../scan/scan.js';
import { JsonSplitError, ReportSplitter, type ReportItem } from './json-split.js';
import { addExcluded, excludedOf } from './excluded-sum.js';
import { fileOf, MAX_PROBLEMS, MergeError } from './read-report.js';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

export class StreamedReport {
  /** Filled in when the report's `tool` member is read (writers read it only when they finish). */
  readonly tool: ScanResult['tool'] = { name: 'jpii', version: 'unknown' };
  readonly summary: ScanSummary = emptySummary();
  private readonly problems: string[] = [];
  private sawFiles = false;
  private toolName: unknown;

  constructor(
    /** The name as the user gave it (messages), and the path to read. */
    readonly name: string,
    private readonly path: string,
  ) {}

  /** The report's files, checked, in order; throws at the end when the report is not a valid jpii report. */
  async *files(): AsyncGenerator<FileResult> {
    const splitter = new ReportSplitter();
    try {
      for await (const chunk of createReadStream(this.path, { highWaterMark: 1 << 20 })) {
        for (const item of splitter.push(chunk as Buffer)) {
          const file = this.take(item);
          if (file !== undefined) yield file;
        }
      }
      splitter.end();
    } catch (error) {
      if (error instanceof MergeError) throw error;
      if (error instanceof JsonSplitError) throw new MergeError(`${this.name}: not JSON (${error.message})`);
      throw new MergeError(`${this.name}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
    if (!this.sawFiles) throw new MergeError(`${this.name}: neither a jpii JSON report nor a SARIF 2.1.0 log`);
    if (this.toolName !== 'jpii') this.problems.unshift('tool.name: not a jpii report');
    if (this.problems.length) throw new MergeError(this.problems.slice(0, MAX_PROBLEMS).map((p) => `${this.name}: ${p}`).join('\n'));
  }

  private take(item: ReportItem): FileResult | undefined {
    if (item.kind === 'member') {
      this.member(item.key, item.value);
      return undefined;
    }
    this.sawFiles = true;
    if (item.kind === 'files') return undefined;
    const file = fileOf(item.value, `files[${item.index}]`, this.problems);
    if (this.problems.length >= MAX_PROBLEMS) throw new MergeError(this.problems.map((p) => `${this.name}: ${p}`).join('\n'));
    if (file !== undefined) addToSummary(this.summary, file);
    return file;
  }

  private member(key: string, value: unknown): void {
    if (key === 'runs' && Array.isArray(value) && !this.sawFiles) {
      throw new MergeError(`${this.name}: a SARIF log cannot be rendered again (render the JSON report, or use jpii merge for SARIF)`);
    }
    if (key === 'summary') addExcluded(this.summary, excludedOf(value));
    if (key === 'tool' && isObj(value)) {
      this.toolName = value.name;
      if (typeof value.version === 'string') this.tool.version = value.version;
    }
  }
}
