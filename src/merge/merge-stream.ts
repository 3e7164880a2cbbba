/**
 * Shard reports merged as they are read (`jpii report a.json b.json`): each report lists its files sorted
 * by path, as every jpii scan and merge writes them, so the merge takes the smallest path among the
 * reports' next files, one file at a time — the same order and checks as mergeJson, in memory for one file
 * per report instead of every file.
 * Input: the reports, streamed. Output: FileResults in path order; the summary added up as they pass.
 * Never: lets a path in two reports through (MergeError once read, as mergeJson); a report found out of
 * path order stops the merge with UnsortedInput (the caller then merges in memory).
 */
import { comparePaths, type FileResult, type ScanSummary } from '../model.js';
import { addToSummary, emptySummary } from '../scan/scan.js';
import { addExcluded } from './excluded-sum.js';
import { clashError } from './merge-json.js';
import type { StreamedReport } from './stream-report.js';

export class UnsortedInput extends Error {}

interface Head {
  report: StreamedReport;
  files: AsyncGenerator<FileResult>;
  file: FileResult | undefined;
}

async function advance(head: Head): Promise<void> {
  const last = head.file;
  const next = await head.files.next();
  head.file = next.done ? undefined : next.value;
  if (last !== undefined && head.file !== undefined && comparePaths(head.file.path, last.path) < 0) {
    throw new UnsortedInput(`${head.report.name}: files not in path order ('${head.file.path}' after '${last.path}')`);
  }
}

export async function* mergeSorted(reports: readonly StreamedReport[], summary: ScanSummary = emptySummary()): AsyncGenerator<FileResult> {
  const heads: Head[] = reports.map((report) => ({ report, files: report.files(), file: undefined }));
  for (const head of heads) await advance(head);
  const clashes: string[] = [];
  for (;;) {
    let min: Head | undefined;
    for (const h of heads) if (h.file !== undefined && (min === undefined || comparePaths(h.file.path, min.file!.path) < 0)) min = h;
    if (min === undefined) break;
    const file = min.file!;
    for (const h of heads) {
      if (h === min || h.file?.path !== file.path) continue;
      clashes.push(`'${file.path}' is in both ${min.report.name} and ${h.report.name}`);
      await advance(h);
    }
    await advance(min);
    if (clashes.length > 0) continue; // nothing is rendered from reports that overlap
    addToSummary(summary, file);
    yield file;
  }
  if (clashes.length > 0) throw clashError(clashes);
  // Read with each report's summary, after its files (writers put the summary last).
  for (const h of heads) addExcluded(summary, h.report.summary.excluded);
}
