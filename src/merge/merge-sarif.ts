/**
 * Merging the SARIF logs of N shards into one log with one run: rules united by id (first definition wins),
 * results and tool execution notifications concatenated and ordered by path (stable), so the merge does
 * not depend on the order of the inputs; each result's ruleIndex is recomputed against the united rules.
 * Input: parsed SARIF logs (jpii runs). Output: the merged log and warnings. Never adds or reads values.
 */
import type { Artifact, Invocation, Log, Notification, ReportingDescriptor, Result, Run } from 'sarif';
import { comparePaths } from '../model.js';
import type { Lang } from '../i18n/messages.js';
import { SARIF_SCHEMA_URI } from '../report/sarif.js';
import { MAX_ARTIFACTS, MAX_NOTIFICATIONS, RESULT_LEVELS, ResultQuota, limitNotices, runProperties, type ResultLevel, type RunSummary } from '../report/sarif-limits.js';
import { notificationLevel } from '../report/sarif-notifications.js';
import { checkDisjoint, versionWarning, type Merged } from './merge-json.js';

function uriOf(item: Result | Notification | Artifact): string {
  if ('location' in item && !('locations' in item)) return item.location?.uri ?? '';
  return (item as Result | Notification).locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '';
}

/** Percent-decoded, so the order matches the JSON report's path order. */
function pathOf(item: Result | Notification | Artifact): string {
  return uriOf(item)
    .split('/')
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    })
    .join('/');
}

function sortedByPath<T extends Result | Notification | Artifact>(items: T[]): T[] {
  return items.map((item) => ({ item, path: pathOf(item) })).sort((a, b) => comparePaths(a.path, b.path)).map((x) => x.item);
}

function unitedRules(runs: readonly Run[]): ReportingDescriptor[] {
  const byId = new Map<string, ReportingDescriptor>();
  for (const run of runs) for (const rule of run.tool.driver.rules ?? []) if (!byId.has(rule.id)) byId.set(rule.id, rule);
  return [...byId.values()];
}

function reindexed(run: Run, index: ReadonlyMap<string, number>): Result[] {
  return (run.results ?? []).map((r) => {
    const id = r.ruleId ?? (r.ruleIndex === undefined ? undefined : run.tool.driver.rules?.[r.ruleIndex]?.id);
    const ruleIndex = id === undefined ? undefined : index.get(id);
    return ruleIndex === undefined ? r : { ...r, ruleIndex };
  });
}

/** A file's notifications; the notices of GitHub's limits are recomputed for the merged log. */
function notificationsOf(run: Run): Notification[] {
  return (run.invocations ?? []).flatMap((inv) => inv.toolExecutionNotifications ?? []).filter((n) => n.properties?.limit === undefined);
}

interface Limits {
  resultsOmitted?: Partial<Record<ResultLevel, number>>;
  notificationsOmitted?: number;
  artifactsOmitted?: number;
}

const TOTALS = ['files', 'scanned', 'skipped', 'errors', 'findings', 'suppressed'] as const;

/** The shards' totals added up (a run written before totals were kept adds nothing). */
function summed(runs: readonly Run[]): { summary: RunSummary; omitted: Record<ResultLevel, number>; notificationsOmitted: number; artifactsOmitted: number } {
  const summary: RunSummary = { files: 0, scanned: 0, skipped: 0, errors: 0, findings: 0, suppressed: 0, byType: {} };
  const omitted = { error: 0, warning: 0, note: 0 };
  let notificationsOmitted = 0;
  let artifactsOmitted = 0;
  for (const run of runs) {
    const s = (run.properties?.summary ?? {}) as Partial<RunSummary>;
    for (const key of TOTALS) summary[key] += s[key] ?? 0;
    for (const [type, n] of Object.entries(s.byType ?? {})) summary.byType[type] = (summary.byType[type] ?? 0) + n;
    const limits = (run.properties?.limits ?? {}) as Limits;
    for (const level of RESULT_LEVELS) omitted[level] += limits.resultsOmitted?.[level] ?? 0;
    notificationsOmitted += limits.notificationsOmitted ?? 0;
    artifactsOmitted += limits.artifactsOmitted ?? 0;
  }
  return { summary, omitted, notificationsOmitted, artifactsOmitted };
}

/** GitHub's limits applied again to the merged results, which N shards can take past 25,000. */
function capped(results: Result[], omitted: Record<ResultLevel, number>): Result[] {
  const quota = new ResultQuota();
  const keys = results.map((r) => quota.add((r.level ?? 'warning') as ResultLevel));
  quota.close();
  const more = quota.omitted();
  for (const level of RESULT_LEVELS) omitted[level] += more[level];
  return results.filter((_, i) => quota.keeps(...(keys[i] as [number, number])));
}

/** The notifications' cap applied again: errors, then warnings, then notes (file notes), each in path order. */
function cappedNotifications(notifications: Notification[]): { kept: Notification[]; omitted: number } {
  const quota = new ResultQuota(MAX_NOTIFICATIONS);
  const keys = notifications.map((n) => quota.add(notificationLevel(n)));
  quota.close();
  const o = quota.omitted();
  return { kept: notifications.filter((_, i) => quota.keeps(...(keys[i] as [number, number]))), omitted: o.error + o.warning + o.note };
}

function baseIdWarnings(runs: readonly { file: string; run: Run }[]): string[] {
  const seen = new Set(runs.map((r) => JSON.stringify(r.run.originalUriBaseIds ?? {})));
  return seen.size <= 1 ? [] : ['jpii: warning: the logs were made from different scan roots (originalUriBaseIds); the first one is kept'];
}

export function mergeSarif(inputs: readonly { file: string; log: Log }[], lang?: Lang): Merged<Log> {
  const runs = inputs.flatMap((i) => i.log.runs.map((run) => ({ file: i.file, run })));
  checkDisjoint(inputs.map((i) => ({ file: i.file, item: i.log.runs })), (rs) => rs.flatMap((run) => (run.artifacts ?? [...(run.results ?? []), ...notificationsOf(run)]).map(pathOf)));
  const first = runs[0]?.run;
  const rules = unitedRules(runs.map((r) => r.run));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const totals = summed(runs.map((r) => r.run));
  const results = capped(sortedByPath(runs.flatMap((r) => reindexed(r.run, index))), totals.omitted);
  const notifications = cappedNotifications(sortedByPath(runs.flatMap((r) => notificationsOf(r.run))));
  totals.notificationsOmitted += notifications.omitted;
  const invocation: Invocation = {
    executionSuccessful: runs.every((r) => (r.run.invocations ?? []).every((inv) => inv.executionSuccessful)),
    toolExecutionNotifications: [...notifications.kept, ...limitNotices(totals.omitted, totals.notificationsOmitted, lang)],
  };
  const listed = new Set([...results, ...invocation.toolExecutionNotifications!].map(uriOf));
  const artifacts = sortedByPath(runs.flatMap((r) => r.run.artifacts ?? [])).filter((a) => listed.has(uriOf(a)));
  totals.artifactsOmitted += Math.max(0, artifacts.length - MAX_ARTIFACTS);
  const run: Run = {
    ...first,
    tool: { ...first?.tool, driver: { ...first?.tool.driver, name: 'jpii', rules } },
    artifacts: artifacts.slice(0, MAX_ARTIFACTS),
    invocations: [invocation],
    results,
    properties: runProperties(totals.summary, totals.omitted, totals.notificationsOmitted, totals.artifactsOmitted),
  };
  return {
    merged: { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] },
    warnings: [
      ...versionWarning(runs.map((r) => ({ file: r.file, version: r.run.tool.driver.version ?? 'unknown' }))),
      ...baseIdWarnings(runs),
    ],
  };
}
