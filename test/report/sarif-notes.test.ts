/**
 * Notes on how a file was read (FileResult.notes: invalid bytes replaced, OCR pages left out…) reach the
 * SARIF log as tool execution notifications of level `note`, located at the file, within the cap of 10,000
 * notifications — where errors (files that failed) and warnings (files skipped) are kept first — also after
 * `jpii merge`. Values are synthetic.
 */
import type { Log, Notification } from 'sarif';
import { describe, expect, it } from 'vitest';
import { mergeSarif } from '../../src/merge/merge-sarif.js';
import type { FileResult } from '../../src/model.js';
import { renderReport } from '../../src/report/index.js';
import { MAX_NOTIFICATIONS } from '../../src/report/sarif-limits.js';
import { FILES, makeResult, RULES } from './fixture.js';

const NOTE = 'partly decoded: 3 invalid byte sequences replaced by U+FFFD (decoded as Shift_JIS)';

function sarifOf(files: readonly FileResult[]): Log {
  return JSON.parse(renderReport('sarif', makeResult(files), RULES, { showValues: false, color: false, lang: 'en' })) as Log;
}
const notificationsOf = (log: Log): Notification[] => log.runs[0]?.invocations?.[0]?.toolExecutionNotifications ?? [];
const uriOf = (n: Notification | undefined): string | undefined => n?.locations?.[0]?.physicalLocation?.artifactLocation?.uri;

function clean(path: string, notes?: string[]): FileResult {
  return { path, format: 'text', status: 'scanned', labels: [], labelled: false, risk: 0, sensitive: false, findings: [], ...(notes ? { notes } : {}) };
}
function failed(path: string): FileResult {
  return { path, format: 'pdf', status: 'error', reason: 'encrypted PDF (password required)', labels: [], labelled: false, risk: 0, sensitive: false, findings: [] };
}

describe('SARIF: file notes', () => {
  it('are notifications of level note at the file, and the file is listed in artifacts', () => {
    const log = sarifOf([...FILES, clean('logs/broken.log', [NOTE, 'second note'])]);
    const notes = notificationsOf(log).filter((n) => n.level === 'note');
    expect(notes.map((n) => n.message.text)).toEqual([NOTE, 'second note']);
    expect(notes.map(uriOf)).toEqual(['logs/broken.log', 'logs/broken.log']);
    expect(notes[0]?.properties).toEqual({ status: 'scanned', fileNote: true });
    expect(log.runs[0]?.artifacts?.map((a) => a.location?.uri)).toContain('logs/broken.log');
  });

  it('sit with the notifications of unreadable files, in report order', () => {
    const log = sarifOf([clean('a/noted.txt', [NOTE]), failed('b/locked.pdf'), clean('c/fine.txt')]);
    expect(notificationsOf(log).map((n) => [n.level, uriOf(n)])).toEqual([
      ['note', 'a/noted.txt'],
      ['error', 'b/locked.pdf'],
    ]);
  });

  it('give way to errors and warnings when there are more than 10,000 notifications', () => {
    const noted = Array.from({ length: MAX_NOTIFICATIONS }, (_, i) => clean(`a/${String(i).padStart(6, '0')}.txt`, [NOTE]));
    const log = sarifOf([...noted, failed('z/1.pdf'), failed('z/2.pdf'), failed('z/3.pdf')]);
    const all = notificationsOf(log);
    const limit = all.filter((n) => n.properties?.limit !== undefined);
    expect(all.length - limit.length).toBe(MAX_NOTIFICATIONS);
    expect(all.filter((n) => n.level === 'error').map(uriOf)).toEqual(['z/1.pdf', 'z/2.pdf', 'z/3.pdf']);
    expect(all.filter((n) => n.level === 'note' && n.properties?.fileNote).length).toBe(MAX_NOTIFICATIONS - 3);
    expect(log.runs[0]?.properties?.limits).toMatchObject({ notificationsOmitted: 3 });
    expect(limit[0]?.message.text).toContain('3 more notifications');
  });

  it('survive jpii merge, within the same cap and order of levels', () => {
    const half = MAX_NOTIFICATIONS / 2;
    const shard = (from: number): FileResult[] => Array.from({ length: half + 1 }, (_, i) => clean(`s/${String(from + i).padStart(6, '0')}.txt`, [NOTE]));
    const a = sarifOf([...shard(0), failed('y/a.pdf')]);
    const b = sarifOf(shard(half + 1));
    const { merged } = mergeSarif([{ file: 'a.sarif', log: a }, { file: 'b.sarif', log: b }], 'en');
    const all = notificationsOf(merged);
    expect(all.filter((n) => n.level === 'error').map(uriOf)).toEqual(['y/a.pdf']);
    expect(all.filter((n) => n.properties?.fileNote).length).toBe(MAX_NOTIFICATIONS - 1);
    expect(merged.runs[0]?.properties?.limits).toMatchObject({ notificationsOmitted: 3 });
  });
});
