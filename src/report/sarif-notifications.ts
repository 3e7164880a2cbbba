/**
 * The SARIF log's tool execution notifications: one per file not scanned (error, warning) and one per note
 * on how a file was read (level `note`: invalid bytes replaced, OCR pages left out, an entry renamed…), so a
 * partly read file is never silent in code scanning. Kept within MAX_NOTIFICATIONS like results within
 * MAX_RESULTS: every error, then warning, then note, each in report order; the rest counted.
 * Input: FileResults as they stream by. Output: the kept notifications as array items, and the count left out.
 * Never: carries a finding's value (notes describe how the file was read, not what it holds).
 */
import type { Notification } from 'sarif';
import type { FileResult } from '../model.js';
import { jsonItem } from './json-frame.js';
import { MAX_NOTIFICATIONS, ResultQuota, parseRecord, record, type ResultLevel } from './sarif-limits.js';
import { sarifLocation } from './sarif-location.js';
import { linesOf, type Section } from './sections.js';

/** A skipped file is a warning, a file that failed is an error; the run itself still succeeded. */
function unscanned(file: FileResult, srcRoot: string | undefined): Notification {
  return {
    level: file.status === 'error' ? 'error' : 'warning',
    message: { text: file.reason ?? file.status },
    locations: [sarifLocation(file.path, {}, srcRoot)],
    properties: { status: file.status },
  };
}

/** A note on how the file was read (FileResult.notes), at level `note`. */
function readNote(file: FileResult, note: string, srcRoot: string | undefined): Notification {
  return { level: 'note', message: { text: note }, locations: [sarifLocation(file.path, {}, srcRoot)], properties: { status: file.status, fileNote: true } };
}

export function fileNotifications(file: FileResult, srcRoot: string | undefined): Notification[] {
  const out = file.status === 'scanned' ? [] : [unscanned(file, srcRoot)];
  for (const note of file.notes ?? []) out.push(readNote(file, note, srcRoot));
  return out;
}

/** A notification's level as one of the three the quota ranks (`none` ranks with `note`). */
export function notificationLevel(n: Notification): ResultLevel {
  return n.level === 'error' || n.level === 'warning' ? n.level : 'note';
}

export class NotificationLog {
  private readonly quota = new ResultQuota(MAX_NOTIFICATIONS);

  constructor(private readonly section: Section) {}

  /** Writes the file's notifications; returns the ordinal of its first one of each level (-1: none). */
  add(file: FileResult, srcRoot: string | undefined): number[] {
    const firsts = [-1, -1, -1];
    for (const n of fileNotifications(file, srcRoot)) {
      const [level, ordinal] = this.quota.add(notificationLevel(n));
      if (firsts[level] === -1) firsts[level] = ordinal;
      this.section.write(record([level, ordinal], n));
    }
    return firsts;
  }

  /** Once every file is seen: which notifications are kept. */
  close(): void {
    this.quota.close();
  }

  /** True when a file whose first notification of each level has these ordinals keeps one. */
  keepsAny(firsts: readonly number[]): boolean {
    return this.quota.keepsAny(firsts);
  }

  omitted(): number {
    const o = this.quota.omitted();
    return o.error + o.warning + o.note;
  }

  /** The kept notifications as array items (the first without a separator); returns how many. */
  *items(indent: string, counter: { count: number }): Generator<string> {
    for (const line of linesOf(this.section)) {
      const { keys, json } = parseRecord(line);
      if (!this.quota.keeps(keys[0] ?? 0, keys[1] ?? 0)) continue;
      yield jsonItem(JSON.parse(json), indent, counter.count++ === 0);
    }
  }
}
