/**
 * Merging the SARIF logs of N shards into one log with one run: rules united by id (first definition wins),
 * results and tool execution notifications concatenated and ordered by path (stable), so the merge does
 * not depend on the order of the inputs; each result's ruleIndex is recomputed against the united rules.
 * Input: parsed SARIF logs (jpii runs). Output: the merged log and warnings. Never adds or reads values.
 */
import type { Artifact, Invocation, Log, Notification, ReportingDescriptor, Result, Run } from 'sarif';
import { comparePaths } from '../model.js';
import { SARIF_SCHEMA_URI } from '../report/sarif.js';
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

function notificationsOf(run: Run): Notification[] {
  return (run.invocations ?? []).flatMap((inv) => inv.toolExecutionNotifications ?? []);
}

function baseIdWarnings(runs: readonly { file: string; run: Run }[]): string[] {
  const seen = new Set(runs.map((r) => JSON.stringify(r.run.originalUriBaseIds ?? {})));
  return seen.size <= 1 ? [] : ['jpii: warning: the logs were made from different scan roots (originalUriBaseIds); the first one is kept'];
}

export function mergeSarif(inputs: readonly { file: string; log: Log }[]): Merged<Log> {
  const runs = inputs.flatMap((i) => i.log.runs.map((run) => ({ file: i.file, run })));
  checkDisjoint(inputs.map((i) => ({ file: i.file, item: i.log.runs })), (rs) => rs.flatMap((run) => (run.artifacts ?? [...(run.results ?? []), ...notificationsOf(run)]).map(pathOf)));
  const first = runs[0]?.run;
  const rules = unitedRules(runs.map((r) => r.run));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const invocation: Invocation = {
    executionSuccessful: runs.every((r) => (r.run.invocations ?? []).every((inv) => inv.executionSuccessful)),
    toolExecutionNotifications: sortedByPath(runs.flatMap((r) => notificationsOf(r.run))),
  };
  const run: Run = {
    ...first,
    tool: { ...first?.tool, driver: { ...first?.tool.driver, name: 'jpii', rules } },
    artifacts: sortedByPath(runs.flatMap((r) => r.run.artifacts ?? [])),
    invocations: [invocation],
    results: sortedByPath(runs.flatMap((r) => reindexed(r.run, index))),
  };
  return {
    merged: { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] },
    warnings: [
      ...versionWarning(runs.map((r) => ({ file: r.file, version: r.run.tool.driver.version ?? 'unknown' }))),
      ...baseIdWarnings(runs),
    ],
  };
}
