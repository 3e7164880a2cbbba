/**
 * SARIF 2.1.0 report (CONTRACT.md "SARIF"): one run, every rule, one result per finding, unscanned files as
 * tool execution notifications.
 * Input: a sorted ScanResult (or its files one by one), the detectors' RuleInfo, an optional absolute scan root.
 * Output: the SARIF log as pretty-printed JSON. Never: writes a finding's raw value, whatever the options.
 */
import { pathToFileURL } from 'node:url';
import type { Artifact, Log, Notification, Result, Run } from 'sarif';
import { messages, type Lang } from '../i18n/messages.js';
import { UNLABELLED_TYPE, type FileResult, type Finding, type RuleInfo, type ScanResult } from '../model.js';
import { round2 } from './round.js';
import { jsonClose, jsonFrame, jsonItem, slot } from './json-frame.js';
import { RuleBook } from './rules.js';
import { memorySection, type Section, type SectionFactory } from './sections.js';
import type { ReportWriter } from './writer.js';
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

function sarifResult(file: FileResult, f: Finding, book: RuleBook, lang: Lang | undefined): Result {
  const ruleIndex = book.indexOf(f.type);
  const rule = book.all[ruleIndex];
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

/** `file:///abs/root/`: the trailing slash makes relative URIs resolve inside the root. */
function rootUri(srcRoot: string): string {
  const href = pathToFileURL(srcRoot).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** Item indentation of run.artifacts, invocations[0].toolExecutionNotifications and run.results. */
const INDENTS = [' '.repeat(8), ' '.repeat(12), ' '.repeat(8)] as const;

/**
 * The SARIF log written file by file: artifacts, notifications and results each go to their own section,
 * and the rules (which may grow by a placeholder for a type no rule describes) are written with the frame.
 */
export class SarifWriter implements ReportWriter {
  private readonly book: RuleBook;
  private readonly parts: [Section, Section, Section];
  private readonly counts: [number, number, number] = [0, 0, 0];

  constructor(
    private readonly tool: ScanResult['tool'],
    rules: readonly RuleInfo[],
    private readonly options: SarifOptions,
    sections: SectionFactory = memorySection,
  ) {
    this.book = new RuleBook(rules);
    this.parts = [sections(), sections(), sections()];
  }

  private put(part: 0 | 1 | 2, value: unknown): void {
    this.parts[part].write(jsonItem(value, INDENTS[part], this.counts[part]++ === 0));
  }

  file(file: FileResult): void {
    this.put(0, artifactOf(file));
    if (file.status !== 'scanned') this.put(1, notification(file));
    for (const f of file.findings) this.put(2, sarifResult(file, f, this.book, this.options.lang));
  }

  *finish(): Generator<string> {
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
    };
    const log: Log = { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
    const frame = jsonFrame(log, 3);
    for (const i of [0, 1, 2] as const) {
      yield frame.parts[i] ?? '';
      yield* this.parts[i].read();
      yield jsonClose(INDENTS[i], this.counts[i]);
    }
    yield `${frame.parts[3] ?? ''}\n`;
  }
}
