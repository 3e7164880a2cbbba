/**
 * Command-line flags + config file → the settings of one scan (flags win over the config, the config over
 * the defaults), the analyzer's configuration and the rule list reports use.
 * Throws UsageError naming the flag. Reads nothing but the environment it is given and the built-in
 * label vocabulary.
 */
import { defaultLang, messages } from '../i18n/messages.js';
import { TYPE_IDS, UNLABELLED_TYPE, type Level, type RuleInfo } from '../model.js';
import { UsageError, minConfidenceOf, parseFailOn, parseLabelPolicy, parseFormat, parseJobs, parseLevel, parseReportSpec, parseSize, parseTypes, type FailOn } from '../options.js';
import { ruleInfo } from '../patterns/compile.js';
import { loadBuiltinRules, loadLabelWords } from '../patterns/load.js';
import type { AnalyzerConfig } from '../scan/analyzer.js';
import type { ScanCliOptions } from '../scan-command.js';
import type { ConfigFlag } from './resolve.js';
import { ocrSetting } from '../extract/ocr/settings.js';
import { DEFAULT_KEY_ENV, type LoadedConfig } from './types.js';

/** Options as commander hands them over (no defaults there, so a flag left out can be told apart). */
export interface RawFlags {
  format?: string;
  output?: string;
  report?: string[];
  showValues?: boolean;
  minConfidence?: string;
  failOn?: string;
  types?: string;
  exclude?: string[];
  maxFileSize?: string;
  jobs?: string;
  lang?: string;
  root?: string;
  progress?: boolean;
  quiet?: boolean;
  staged?: boolean;
  diff?: string;
  baseline?: string;
  config?: ConfigFlag;
  ignore?: boolean;
  requireLabel?: string;
  ocr?: boolean;
  ocrMaxPages?: string;
}

export const DEFAULTS = { format: 'text', minConfidence: 'medium', failOn: 'medium', maxFileSize: '100MB' } as const;

function langOf(raw: RawFlags, env: NodeJS.ProcessEnv): 'ja' | 'en' {
  if (raw.lang === undefined) return defaultLang(env);
  const lang = raw.lang.toLowerCase();
  if (lang !== 'ja' && lang !== 'en') throw new UsageError(`--lang: '${raw.lang}' is not ja or en`);
  return lang;
}

function typesOf(raw: RawFlags, config: LoadedConfig | undefined): string[] | undefined {
  const known = [...TYPE_IDS, ...(config?.customPatterns.map((p) => p.pattern.id) ?? [])];
  return raw.types === undefined ? config?.types : parseTypes(raw.types, [...new Set(known)]);
}

function maxFileSizeOf(raw: RawFlags, config: LoadedConfig | undefined): number {
  if (raw.maxFileSize !== undefined) return parseSize(raw.maxFileSize);
  return config?.maxFileSize ?? parseSize(DEFAULTS.maxFileSize);
}

export function scanSettings(raw: RawFlags, config: LoadedConfig | undefined, env: NodeJS.ProcessEnv): ScanCliOptions {
  if (raw.staged && raw.diff !== undefined) throw new UsageError('--staged and --diff cannot be used together');
  const minConfidence: Level = raw.minConfidence === undefined ? (config?.minConfidence ?? DEFAULTS.minConfidence) : parseLevel('--min-confidence', raw.minConfidence);
  const failOn: FailOn = raw.failOn === undefined ? (config?.failOn ?? DEFAULTS.failOn) : parseFailOn(raw.failOn);
  const types = typesOf(raw, config);
  const ocr = ocrSetting(raw, config);
  return {
    format: parseFormat('--format', raw.format ?? DEFAULTS.format),
    ...(raw.output === undefined ? {} : { output: raw.output }),
    reports: (raw.report ?? []).map(parseReportSpec),
    showValues: raw.showValues === true,
    minConfidence,
    failOn,
    ...(types === undefined ? {} : { types }),
    excludes: raw.exclude ?? [],
    maxFileSize: maxFileSizeOf(raw, config),
    ...(raw.jobs === undefined ? {} : { jobs: parseJobs(raw.jobs) }),
    lang: langOf(raw, env),
    ...(raw.root === undefined ? {} : { root: raw.root }),
    progress: raw.progress !== false && raw.quiet !== true,
    quiet: raw.quiet === true,
    staged: raw.staged === true,
    ...(raw.diff === undefined ? {} : { diff: raw.diff }),
    ...(raw.baseline === undefined ? {} : { baseline: raw.baseline }),
    ignoreFiles: raw.ignore !== false,
    ...requireLabelOf(raw, config),
    ...(config ? { config } : {}),
    ...(ocr ? { ocr } : {}),
  };
}

/** The label policy: the flag, else the config's `requireLabel`, else the default (personal information). */
function requireLabelOf(raw: RawFlags, config: LoadedConfig | undefined): Pick<ScanCliOptions, 'requireLabel'> {
  if (raw.requireLabel !== undefined) return { requireLabel: parseLabelPolicy('--require-label', raw.requireLabel) };
  return config?.requireLabel ? { requireLabel: config.requireLabel } : {};
}

/** Detector ids switched off by the config; the file-level type is filtered after the scan. */
export function disabledTypes(config: LoadedConfig | undefined): { detectors: string[]; fileLevel: boolean } {
  const all = config?.disable ?? [];
  return { detectors: all.filter((id) => id !== UNLABELLED_TYPE), fileLevel: all.includes(UNLABELLED_TYPE) };
}

/** What the scanner needs: plain data (it crosses into worker threads). `note` gets stderr notes. */
export function analyzerConfig(opts: ScanCliOptions, env: NodeJS.ProcessEnv, note: (text: string) => void): AnalyzerConfig {
  const c = opts.config;
  const keyEnv = c?.fingerprintKeyEnv ?? DEFAULT_KEY_ENV;
  const key = env[keyEnv];
  if (keyEnv !== DEFAULT_KEY_ENV && !key) note(messages(opts.lang).keyEnvUnset(keyEnv));
  return {
    minConfidence: minConfidenceOf(opts.minConfidence),
    ...(opts.types ? { types: opts.types } : {}),
    disabled: disabledTypes(c).detectors,
    ...(key ? { fingerprintKey: key } : {}),
    limits: { maxFileSize: opts.maxFileSize, ...(opts.ocr ? { ocr: opts.ocr } : {}) },
    ...(c?.customPatterns.length ? { customPatterns: c.customPatterns } : {}),
    ...(c?.labels.length ? { labelWords: [...loadLabelWords(), ...c.labels] } : {}),
    allowHashes: c?.allowHashes ?? [],
    allowPatterns: c?.allowPatterns ?? [],
    ...(opts.requireLabel ? { requireLabel: opts.requireLabel } : {}),
  };
}

/** Built-in detectors, with the config's own patterns replacing or joining them. */
export function reportRules(config: LoadedConfig | undefined): RuleInfo[] {
  const byId = new Map(loadBuiltinRules().map((r) => [r.id, r.info]));
  for (const p of config?.customPatterns ?? []) byId.set(p.pattern.id, ruleInfo(p.pattern));
  return [...byId.values()];
}
