/**
 * SARIF 2.1.0 report (CONTRACT.md "SARIF"): one run, every rule, one result per finding, unscanned files as
 * tool execution notifications.
 * Input: a sorted ScanResult, the detectors' RuleInfo, an optional absolute scan root.
 * Output: the SARIF log as pretty-printed JSON. Never: writes a finding's raw value, whatever the options.
 */
import { pathToFileURL } from 'node:url';
import type { Artifact, Log, Notification, Result, Run } from 'sarif';
import { messages, type Lang } from '../i18n/messages.js';
import { UNLABELLED_TYPE, type FileResult, type Finding, type RuleInfo, type ScanResult } from '../model.js';
import { round2 } from './round.js';
import { completeRules } from './rules.js';
import { SARIF_LEVEL, sarifRule } from './sarif-rules.js';
import { SRCROOT, artifactLocation, sarifLocation } from './sarif-location.js';

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
}

/**
 * Defence in depth: the masked form comes from the masking stage, but SARIF promises never to carry the
 * value, so a masked string that still contains it is replaced.
 */
function safeMasked(f: Finding): string {
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

function sarifResult(file: FileResult, f: Finding, rules: readonly RuleInfo[], index: Map<string, number>, lang: Lang | undefined): Result {
  const ruleIndex = index.get(f.type) ?? -1;
  const rule = rules[ruleIndex];
  if (rule === undefined) throw new Error(`no rule for finding type ${f.type}`);
  const result: Result = {
    ruleId: f.type,
    ruleIndex,
    level: SARIF_LEVEL[f.level],
    message: { text: messageText(f, rule, lang) },
    locations: [sarifLocation(file.path, f.location)],
  };
  if (f.fingerprint) result.partialFingerprints = { [FINGERPRINT_KEY]: f.fingerprint };
  if (f.suppressed) {
    const reason = f.suppressed.reason;
    result.suppressions = [reason === undefined ? { kind: 'inSource' } : { kind: 'inSource', justification: reason }];
  }
  result.properties = { confidence: round2(f.confidence), level: f.level };
  return result;
}

/** A skipped file is a warning, a file that failed is an error; the run itself still succeeded. */
function notification(file: FileResult): Notification {
  return {
    level: file.status === 'error' ? 'error' : 'warning',
    message: { text: file.reason ?? file.status },
    locations: [sarifLocation(file.path, {})],
    properties: { status: file.status },
  };
}

/** `file:///abs/root/`: the trailing slash makes relative URIs resolve inside the root. */
/**
 * Every file considered, with jpii's verdict on it (CONTRACT.md: every file appears in the SARIF too),
 * so code scanning keeps the clean, labelled and unreadable files of a run, not only those with results.
 */
function artifactOf(file: FileResult): Artifact {
  return {
    location: artifactLocation(file.path),
    ...(file.size === undefined ? {} : { length: file.size }),
    properties: {
      status: file.status,
      format: file.format,
      ...(file.reason === undefined ? {} : { reason: file.reason }),
      labels: file.labels,
      labelled: file.labelled,
      risk: round2(file.risk),
      sensitive: file.sensitive,
    },
  };
}

function rootUri(srcRoot: string): string {
  const href = pathToFileURL(srcRoot).href;
  return href.endsWith('/') ? href : `${href}/`;
}

export function renderSarif(result: ScanResult, rules: readonly RuleInfo[], options: SarifOptions): string {
  const all = completeRules(rules, result);
  const index = new Map(all.map((r, i) => [r.id, i]));
  const run: Run = {
    tool: {
      driver: {
        name: 'jpii',
        version: result.tool.version,
        informationUri: INFORMATION_URI,
        rules: all.map((r) => sarifRule(r, options.lang)),
      },
    },
    ...(options.srcRoot === undefined ? {} : { originalUriBaseIds: { [SRCROOT]: { uri: rootUri(options.srcRoot) } } }),
    artifacts: result.files.map(artifactOf),
    invocations: [
      {
        executionSuccessful: true,
        toolExecutionNotifications: result.files.filter((f) => f.status !== 'scanned').map(notification),
      },
    ],
    results: result.files.flatMap((file) => file.findings.map((f) => sarifResult(file, f, all, index, options.lang))),
  };
  const log: Log = { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
  return `${JSON.stringify(log, null, 2)}\n`;
}
