/**
 * "What changed since the last scan" for the HTML report (`jpii report NEW.json --previous OLD.json`): files
 * that are new, gone, or hold more or fewer personal-data findings than in the previous report, and the
 * files that newly hold personal data or no longer do. The previous report is reduced to one small entry per
 * path (its findings are not kept), so two reports of 100,000 files compare in a few MB.
 * Input: the previous report's files (any order), then the new report's files as they stream by.
 * Output: a change code per new file and the totals and short lists the overview shows.
 * Never: keeps a finding's value or masked form.
 */
import type { FileResult, ScanSummary } from '../model.js';
import { personalFindings } from './html-aggregate.js';

/** A file's change: new, more findings, fewer findings, or none (0). */
export type ChangeCode = 'new' | 'more' | 'fewer' | 0;


export interface ChangeCounts {
  previousFiles: number;
  previousFindings: number;
  newFiles: number;
  goneFiles: number;
  more: number;
  fewer: number;
  /** Files with personal data now that had none before (or did not exist). */
  newlyPersonal: number;
  /** Files that had personal data before and have none now (or are gone). */
  noLongerPersonal: number;
}

/** Paths listed under each heading; the file table filters the rest. */
const LISTED = 20;

export class PreviousReport {
  /** Personal-data findings per path. */
  private readonly before = new Map<string, number>();
  summary: ScanSummary | undefined;

  constructor(readonly name: string) {}

  add(file: FileResult): void {
    this.before.set(file.path, personalFindings(file));
  }

  get size(): number {
    return this.before.size;
  }

  findings(path: string): number | undefined {
    return this.before.get(path);
  }

  entries(): IterableIterator<[string, number]> {
    return this.before.entries();
  }
}

export class ChangeTally {
  readonly counts: ChangeCounts;
  /** New files with personal data, most findings first (at most LISTED). */
  readonly newPersonal: { path: string; n: number }[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly previous: PreviousReport) {
    this.counts = { previousFiles: previous.size, previousFindings: previous.summary?.findings ?? 0, newFiles: 0, goneFiles: 0, more: 0, fewer: 0, newlyPersonal: 0, noLongerPersonal: 0 };
  }

  /** The file's change; `n` is its personal-data findings now. */
  add(path: string, n: number): ChangeCode {
    const b = this.previous.findings(path);
    this.seen.add(path);
    const c = this.counts;
    if (b === undefined) {
      c.newFiles++;
      if (n > 0) {
        c.newlyPersonal++;
        this.listNew(path, n);
      }
      return 'new';
    }
    if (n > 0 && b === 0) c.newlyPersonal++;
    if (n === 0 && b > 0) c.noLongerPersonal++;
    if (n > b) c.more++;
    if (n < b) c.fewer++;
    return n > b ? 'more' : n < b ? 'fewer' : 0;
  }

  private listNew(path: string, n: number): void {
    const list = this.newPersonal;
    if (list.length === LISTED && n <= list[LISTED - 1]!.n) return;
    let i = list.length;
    while (i > 0 && n > list[i - 1]!.n) i--;
    list.splice(i, 0, { path, n });
    if (list.length > LISTED) list.pop();
  }

  /** Once every new file is seen: the gone files counted, the first LISTED of them (path order) returned. */
  gone(): { path: string; n: number }[] {
    const out: { path: string; n: number }[] = [];
    for (const [path, n] of this.previous.entries()) {
      if (this.seen.has(path)) continue;
      this.counts.goneFiles++;
      if (n > 0) this.counts.noLongerPersonal++;
      out.push({ path, n });
    }
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).slice(0, LISTED);
  }
}
