/**
 * SARIF 2.1.0 report (CONTRACT.md "SARIF"): one run, every rule, one result per finding, unscanned files as
 * tool execution notifications, artifacts for the files with results or not fully read, totals in the run's
 * properties, within GitHub code scanning's limits (sarif-limits.ts).
 * Input: a sorted ScanResult (or its files one by one), the detectors' RuleInfo, an optional absolute scan root.
 * Output: the SARIF log as pretty-printed JSON. Never: writes a finding's raw value, whatever the options.
 */
import { pathToFileURL } from 'node:url';
import type { Artifact, Log, Result, Run } from 'sarif';
import { messages, type Lang } from '../i18n/messages.js';
import { UNLABELLED_TYPE, type FileResult, type Finding, type RuleInfo, type ScanResult, type ScanSummary } from '../model.js';
import { round2 } from './round.js';
import { jsonClose, jsonFrame, jsonItem, slot } from './json-frame.js';
import { RuleBook } from './rules.js';
import { linesOf, memorySection, type Section, type SectionFactory } from './sections.js';
import type { ReportWriter } from './writer.js';
import { SARIF_LEVEL, sarifRule } from './sarif-rules.js';
import { SRCROOT, artifactLocation, sarifLocation } from './sarif-location.js';
import { MAX_ARTIFACTS, ResultQuota, limitNotices, parseRecord, record, runProperties, type ResultLevel } from './sarif-limits.js';
import { NotificationLog } from './sarif-notifications.js';
import { occurrenceGroups } from './occurrence-groups.js';
import { occurrenceResult } from './sarif-occurrence.js';

export const SARIF_SCHEMA_URI =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const INFORMATION_URI = 'https://www.npmjs.com/package/jpii';
/** Versioned key: a change to how the scanner computes fingerprints must bump it. */
export const FINGERPRINT_KEY = 'jpiiFindingHash/v1';

export interface SarifOptions {
  /** Absolute path of the scan root; when known, `%SRCROOT%` is declared in originalUriBaseIds. */
  srcRoot?: string;
  /** Language of result messages and rule help; without it, both languages side by side. */
  lang?: Lang;
  /** One result per finding even where occurrences are counted (--all-findings). */
  perFinding?: boolean;
}

/**
 * Defence in depth: the masked form comes from the masking stage, but SARIF promises never to carry the
 * value, so a masked string that still contains it is replaced.
 */
export function safeMasked(f: Finding): string {
  return f.value !== '' && f.masked.includes(f.value) ? '[masked]' : f.masked;
}

function messageText(f: Finding, rule: RuleInfo, lang: Lang | undefined): string {
  const masked = safeMasked(f);
  if (lang === undefined) {
    const name = rule.nameJa === rule.nameEn ? rule.nameEn : `${rule.nameJa} / ${rule.nameEn}`;
    return masked === '' ? name : `${name}: ${masked}`;
  }
  const name = lang === 'ja' ? rule.nameJa : rule.nameEn;
  const m = messages(lang);
  if (f.type === UNLABELLED_TYPE) return m.sarifFileLevel(name);
  return masked === '' ? name : m.sarifFound(name, masked);
}

function sarifResult(file: FileResult, f: Finding, book: RuleBook, options: SarifOptions): Result {
  const ruleIndex = book.indexOf(f.type);
  const rule = book.all[ruleIndex];
  if (rule === undefined) throw new Error(`no rule for finding type ${f.type}`);
  const result: Result = {
    ruleId: f.type,
    ruleIndex,
    level: SARIF_LEVEL[f.level],
    message: { text: messageText(f, rule, options.lang) },
    locations: [sarifLocation(file.path, f.location, options.srcRoot)],
  };
  if (f.fingerprint) result.partialFingerprints = { [FINGERPRINT_KEY]: f.fingerprint };
  if (f.suppressed) {
    const reason = f.suppressed.reason;
    result.suppressions = [reason === undefined ? { kind: 'inSource' } : { kind: 'inSource', justification: reason }];
  }
  result.properties = { confidence: round2(f.confidence), level: f.level, ...appiProperties(file, f) };
  return result;
}

/**
 * jpii's verdict on a file that has results or notifications (not fully read, or read with notes). Clean files are not listed: a share of
 * 100,000 files made 64 MB of artifacts, and their totals are in the run's properties.
 */
function artifactOf(file: FileResult, srcRoot: string | undefined): Artifact {
  return {
    location: artifactLocation(file.path, srcRoot),
    ...(file.size === undefined ? {} : { length: file.size }),
    properties: {
      status: file.status,
      format: file.format,
      ...(file.reason === undefined ? {} : { reason: file.reason }),
      labels: file.labels,
      labelled: file.labelled,
      risk: round2(file.risk),
      sensitive: file.sensitive,
      ...(file.appi ? { appi: file.appi } : {}),
    },
  };
}

/**
 * The file's APPI categories on each of its results (code scanning filters on result properties); the
 * file-level result also carries the rest of the verdict.
 */
function appiProperties(file: FileResult, f: Finding): Record<string, unknown> {
  const a = file.appi;
  if (!a) return {};
  if (f.type !== UNLABELLED_TYPE) return { appiCategories: a.categories };
  return { appiCategories: a.categories, specialCare: a.specialCare, persons: a.persons, roster: a.roster, breachReportable: a.breachReportable };
}

/** `file:///abs/root/`: the trailing slash makes relative URIs resolve inside the root. */
function rootUri(srcRoot: string): string {
  const href = pathToFileURL(srcRoot).href;
  return href.endsWith('/') ? href : `${href}/`;
}

const PROPERTIES_MARK = '@@jpii-run-properties@@';

/** Item indentation of run.artifacts, invocations[0].toolExecutionNotifications and run.results. */
const INDENTS = [' '.repeat(8), ' '.repeat(12), ' '.repeat(8)] as const;

/**
 * The SARIF log written file by file: artifacts, notifications and results each go to their own section
 * (artifacts and results as one-line records keyed for GitHub's limits, see sarif-limits.ts), and the rules
 * (which may grow by a placeholder for a type no rule describes) are written with the frame.
 */
export class SarifWriter implements ReportWriter {
  private readonly book: RuleBook;
  private readonly artifacts: Section;
  private readonly notifications: NotificationLog;
  private readonly results: Section;
  private readonly quota = new ResultQuota();

  constructor(
    private readonly tool: ScanResult['tool'],
    rules: readonly RuleInfo[],
    private readonly options: SarifOptions,
    sections: SectionFactory = memorySection,
  ) {
    this.book = new RuleBook(rules);
    [this.artifacts, this.results] = [sections(), sections()];
    this.notifications = new NotificationLog(sections());
  }

  file(file: FileResult): void {
    const firsts = [-1, -1, -1];
    for (const result of this.resultsOf(file)) {
      const [level, ordinal] = this.quota.add(result.level as ResultLevel);
      if (firsts[level] === -1) firsts[level] = ordinal;
      this.results.write(record([level, ordinal], result));
    }
    const noted = this.notifications.add(file, this.options.srcRoot);
    // Keys: the file's first result of each level, then its first notification of each level.
    if ([...firsts, ...noted].some((o) => o >= 0)) this.artifacts.write(record([...firsts, ...noted], artifactOf(file, this.options.srcRoot)));
  }

  /**
   * One result per finding, except for an occurrence not listed in full: one result with its count, the listed
   * findings as related locations (a roster is a handful of results, not 600,000).
   */
  private resultsOf(file: FileResult): Result[] {
    if (this.options.perFinding || !file.occurrences) return file.findings.map((f) => sarifResult(file, f, this.book, this.options));
    const { groups, single } = occurrenceGroups(file);
    const singles = new Set(single);
    const full = new Set(groups.filter((g) => g.occurrence.count <= g.listed.length).flatMap((g) => g.listed));
    const out = groups.filter((g) => g.occurrence.count > g.listed.length).map((g) => occurrenceResult(file, g, this.book, this.options.lang, this.options.srcRoot));
    for (const f of file.findings) if (full.has(f) || singles.has(f)) out.push(sarifResult(file, f, this.book, this.options));
    return out;
  }

  /** The records of a section that the limits keep, as array items; at most `max`, the rest counted. */
  private *kept(section: Section, indent: string, keep: (keys: number[]) => boolean, left: { max: number; omitted: number }): Generator<string> {
    let count = 0;
    for (const line of linesOf(section)) {
      const { keys, json } = parseRecord(line);
      if (!keep(keys)) continue;
      if (count < left.max) yield jsonItem(JSON.parse(json), indent, count++ === 0);
      else left.omitted++;
    }
    yield jsonClose(indent, count);
  }

  *finish(summary: ScanSummary): Generator<string> {
    this.quota.close();
    this.notifications.close();
    const omitted = this.quota.omitted();
    const notificationsOmitted = this.notifications.omitted();
    const run: Run = {
      tool: {
        driver: {
          name: 'jpii',
          version: this.tool.version,
          informationUri: INFORMATION_URI,
          rules: this.book.all.map((r) => sarifRule(r, this.options.lang)),
        },
      },
      ...(this.options.srcRoot === undefined ? {} : { originalUriBaseIds: { [SRCROOT]: { uri: rootUri(this.options.srcRoot) } } }),
      artifacts: slot(0),
      invocations: [{ executionSuccessful: true, toolExecutionNotifications: slot(1) }],
      results: slot(2),
      // Filled in last: how many artifacts the limit left out is known once they are written.
      properties: PROPERTIES_MARK as never,
    };
    const log: Log = { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
    const frame = jsonFrame(log, 3);
    const notices = limitNotices(omitted, notificationsOmitted, this.options.lang);
    const artifacts = { max: MAX_ARTIFACTS, omitted: 0 };
    yield frame.parts[0] ?? '';
    const keepsArtifact = (k: number[]): boolean => this.quota.keepsAny(k.slice(0, 3)) || this.notifications.keepsAny(k.slice(3, 6));
    yield* this.kept(this.artifacts, INDENTS[0], keepsArtifact, artifacts);
    yield frame.parts[1] ?? '';
    const shown = { count: 0 };
    yield* this.notifications.items(INDENTS[1], shown);
    for (const n of notices) yield jsonItem(n, INDENTS[1], shown.count++ === 0);
    yield jsonClose(INDENTS[1], shown.count);
    yield frame.parts[2] ?? '';
    yield* this.kept(this.results, INDENTS[2], ([level = 0, ordinal = 0]) => this.quota.keeps(level, ordinal), { max: Infinity, omitted: 0 });
    const properties = JSON.stringify(runProperties(summary, omitted, notificationsOmitted, artifacts.omitted), null, 2).replaceAll('\n', '\n      ');
    yield `${(frame.parts[3] ?? '').replace(JSON.stringify(PROPERTIES_MARK), properties)}\n`;
  }
}
