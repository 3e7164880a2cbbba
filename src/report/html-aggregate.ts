/**
 * What the HTML report's overview, charts and "riskiest" tables show, gathered file by file as the scan
 * streams: counts, one entry per folder, the top files. Memory grows with the number of folders, never
 * with findings. Input: FileResults in report order. Output: plain numbers and short lists.
 * Never: keeps a finding's value or masked form.
 */
import { UNLABELLED_TYPE, type FileResult } from '../model.js';
import { splitArchivePath } from './uri.js';

export interface FolderStats {
  folder: string;
  files: number;
  withFindings: number;
  unlabelledPersonal: number;
  findings: number;
  maxRisk: number;
}

export interface TopFile {
  path: string;
  risk: number;
  findings: number;
  labelled: boolean;
  sensitive: boolean;
}

/** Distinct reasons kept for "not examined, and why"; beyond them, reasons count as one "other" line. */
const MAX_REASONS = 200;
const TOP = 20;

/** Active findings of personal data (the file-level verdict is not data found in the file). */
export function personalFindings(file: FileResult): number {
  if (file.occurrences !== undefined) return file.occurrences.filter((o) => o.type !== UNLABELLED_TYPE).reduce((n, o) => n + o.count, 0);
  return file.findings.filter((f) => !f.suppressed && f.type !== UNLABELLED_TYPE).length;
}

/** The folder a result belongs to: the folder of the file on disk (an archive's members count there). */
export function folderOf(path: string): string {
  const outer = splitArchivePath(path).outer;
  const slash = outer.lastIndexOf('/');
  return slash < 0 ? '.' : slash === 0 ? '/' : outer.slice(0, slash);
}

function better(a: TopFile, b: TopFile): boolean {
  if (a.risk !== b.risk) return a.risk > b.risk;
  if (a.findings !== b.findings) return a.findings > b.findings;
  return a.path < b.path;
}

export class HtmlAggregate {
  withFindings = 0;
  unlabelledPersonal = 0;
  unlabelledSensitive = 0;
  appiFiles = 0;
  rosters = 0;
  specialCare = 0;
  specificPersonal = 0;
  breachReportable = 0;
  readonly categories = new Map<string, number>();
  readonly reasons = new Map<string, number>();
  otherReasons = 0;
  readonly folders = new Map<string, FolderStats>();
  readonly top: TopFile[] = [];

  add(file: FileResult): void {
    const found = personalFindings(file);
    const personal = found > 0;
    if (personal) this.withFindings++;
    if (personal && !file.labelled) this.unlabelledPersonal++;
    if (file.findings.some((f) => f.type === UNLABELLED_TYPE && !f.suppressed)) this.unlabelledSensitive++;
    if (file.status !== 'scanned') this.addReason(file.reason ?? file.status);
    this.addAppi(file);
    this.addFolder(file, found);
    if (personal) this.addTop({ path: file.path, risk: file.risk, findings: found, labelled: file.labelled, sensitive: file.sensitive });
  }

  private addReason(reason: string): void {
    const n = this.reasons.get(reason);
    if (n !== undefined) this.reasons.set(reason, n + 1);
    else if (this.reasons.size < MAX_REASONS) this.reasons.set(reason, 1);
    else this.otherReasons++;
  }

  private addAppi(file: FileResult): void {
    const a = file.appi;
    if (a === undefined) return;
    this.appiFiles++;
    if (a.roster) this.rosters++;
    if (a.categories.includes('special-care')) this.specialCare++;
    if (a.categories.includes('specific-personal-information')) this.specificPersonal++;
    if (a.breachReportable) this.breachReportable++;
    for (const c of a.categories) this.categories.set(c, (this.categories.get(c) ?? 0) + 1);
  }

  private addFolder(file: FileResult, found: number): void {
    const folder = folderOf(file.path);
    let s = this.folders.get(folder);
    if (s === undefined) {
      s = { folder, files: 0, withFindings: 0, unlabelledPersonal: 0, findings: 0, maxRisk: 0 };
      this.folders.set(folder, s);
    }
    s.files++;
    s.findings += found;
    if (found > 0) s.withFindings++;
    if (found > 0 && !file.labelled) s.unlabelledPersonal++;
    s.maxRisk = Math.max(s.maxRisk, file.risk);
  }

  private addTop(t: TopFile): void {
    if (this.top.length === TOP && !better(t, this.top[TOP - 1]!)) return;
    let i = this.top.length;
    while (i > 0 && better(t, this.top[i - 1]!)) i--;
    this.top.splice(i, 0, t);
    if (this.top.length > TOP) this.top.pop();
  }

  /** Folders with personal data, most unlabelled personal-data files first, then most findings. */
  riskiestFolders(n = TOP): FolderStats[] {
    return [...this.folders.values()]
      .filter((f) => f.withFindings > 0)
      .sort((a, b) => b.unlabelledPersonal - a.unlabelledPersonal || b.findings - a.findings || b.maxRisk - a.maxRisk || (a.folder < b.folder ? -1 : 1))
      .slice(0, n);
  }

  /** Reasons files were not examined, most frequent first. */
  notExamined(): [string, number][] {
    return [...this.reasons.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  }
}
