/**
 * GitHub code scanning's limits on a SARIF run, applied while the log streams.
 * GitHub rejects a run with more than 25,000 results and an upload over 10 MB gzipped
 * (docs.github.com, "SARIF results exceed limit" / "SARIF file too large"). A share scan can have millions of
 * findings, so the log keeps the highest levels first: every `error`, then `warning`, then `note`, each level
 * in report order, until 25,000; what is left out is counted in the run's properties and a notification,
 * and the JSON report keeps every finding. Unreadable files are capped the same way (10,000 notifications).
 * Input: result levels as they stream by. Output: whether a record is kept once the totals are known.
 * Never: reorders results (a kept result keeps its place in report order).
 */
import type { Notification } from 'sarif';
import { messages, type Lang } from '../i18n/messages.js';
import type { ScanSummary } from '../model.js';

export const MAX_RESULTS = 25_000;
export const MAX_NOTIFICATIONS = 10_000;
/**
 * run.artifacts carries jpii's verdict per file (status, labels, risk) for files with kept results or not
 * fully read. GitHub ignores it, and the OASIS schema's `uniqueItems` makes a validator compare every pair
 * (ajv: 83 s for 6,751 artifacts on this VM), so at most 5,000 are listed, in path order.
 */
export const MAX_ARTIFACTS = 5_000;

/** SARIF result levels, highest first (the order results are kept in when there are too many). */
export const RESULT_LEVELS = ['error', 'warning', 'note'] as const;
export type ResultLevel = (typeof RESULT_LEVELS)[number];

/** The results of each level seen so far; a result's ordinal is its place among its level's results. */
export class ResultQuota {
  readonly seen: [number, number, number] = [0, 0, 0];
  private cutLevel: number = RESULT_LEVELS.length;
  private cutCount = 0;

  constructor(private readonly max = MAX_RESULTS) {}

  /** Counts a result and returns its level index and ordinal, the record's key. */
  add(level: ResultLevel): [number, number] {
    const index = RESULT_LEVELS.indexOf(level);
    return [index, this.seen[index as 0 | 1 | 2]++];
  }

  /** Once every result is seen: the levels kept whole, and how many of the first partly kept level. */
  close(): void {
    let room = this.max;
    for (let i = 0; i < RESULT_LEVELS.length; i++) {
      const n = this.seen[i as 0 | 1 | 2];
      if (n > room) {
        this.cutLevel = i;
        this.cutCount = room;
        return;
      }
      room -= n;
    }
  }

  keeps(level: number, ordinal: number): boolean {
    return level < this.cutLevel || (level === this.cutLevel && ordinal < this.cutCount);
  }

  /** Results left out, by level (after close). */
  omitted(): Record<ResultLevel, number> {
    const out = { error: 0, warning: 0, note: 0 };
    RESULT_LEVELS.forEach((name, i) => {
      const n = this.seen[i as 0 | 1 | 2];
      const kept = i < this.cutLevel ? n : i === this.cutLevel ? Math.min(n, this.cutCount) : 0;
      out[name] = n - kept;
    });
    return out;
  }

  /** True when a file whose first result of each level has these ordinals (-1: none) keeps a result. */
  keepsAny(firsts: readonly number[]): boolean {
    return firsts.some((ordinal, level) => ordinal >= 0 && this.keeps(level, ordinal));
  }
}

/** A record waiting in a section: `key key …\tJSON\n`, one line, so the keys can be read without the JSON. */
export function record(keys: readonly number[], value: unknown): string {
  return `${keys.join(' ')}\t${JSON.stringify(value)}\n`;
}

export function parseRecord(line: string): { keys: number[]; json: string } {
  const tab = line.indexOf('\t');
  return { keys: line.slice(0, tab).split(' ').map(Number), json: line.slice(tab + 1) };
}

/** One notification per limit that left something out, so the upload says the log is not the whole scan. */
export function limitNotices(omitted: Record<ResultLevel, number>, notificationsOmitted: number, lang: Lang | undefined): Notification[] {
  const m = messages(lang);
  const results = omitted.error + omitted.warning + omitted.note;
  const out: Notification[] = [];
  if (results > 0) out.push({ level: 'warning', message: { text: m.sarifResultsOmitted(results, MAX_RESULTS) }, properties: { limit: 'results', omitted } });
  if (notificationsOmitted > 0) {
    out.push({ level: 'warning', message: { text: m.sarifNotificationsOmitted(notificationsOmitted, MAX_NOTIFICATIONS) }, properties: { limit: 'notifications' } });
  }
  return out;
}

export type RunSummary = Omit<ScanSummary, 'byType'> & { byType: Record<string, number> };

/**
 * The run's properties: totals of the whole scan (clean files are not listed in artifacts; byType sorted by
 * id, so merged shards give the same bytes) and what GitHub's limits left out.
 */
export function runProperties(summary: RunSummary, omitted: Record<ResultLevel, number>, notificationsOmitted: number, artifactsOmitted = 0): Record<string, unknown> {
  const { files, scanned, skipped, errors, findings, suppressed } = summary;
  const byType = Object.fromEntries(Object.entries(summary.byType).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    summary: { files, scanned, skipped, errors, findings, suppressed, byType },
    limits: { maxResults: MAX_RESULTS, maxNotifications: MAX_NOTIFICATIONS, maxArtifacts: MAX_ARTIFACTS, resultsOmitted: omitted, notificationsOmitted, artifactsOmitted },
  };
}
