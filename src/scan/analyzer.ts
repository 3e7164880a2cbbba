/**
 * The analyzer configuration: plain data (it crosses into worker threads), turned into compiled rules
 * and options once per thread.
 */
import { DEFAULT_LIMITS } from '../extract/limits.js';
import type { ExtractLimits } from '../model.js';
import { compilePatternFiles, loadBuiltinRules, loadLabelWords } from '../patterns/load.js';
import type { LabelWord, PatternFile } from '../patterns/types.js';
import { DEFAULT_FINGERPRINT_KEY } from '../score/fingerprint.js';
import type { AnalyzeOptions } from './analyze-file.js';
import { loadVocabulary } from '../appi/load-vocabulary.js';
import { ALWAYS_LABELLED, DEFAULT_LABEL_POLICY, type LabelPolicyId } from '../score/risk.js';

export interface AnalyzerConfig {
  minConfidence: number;
  /** Only these detectors (undefined: all). */
  types?: string[];
  /** Detectors switched off (config `disable`). */
  disabled?: string[];
  fingerprintKey?: string;
  limits?: Partial<ExtractLimits>;
  /** Custom pattern files, already schema-checked. */
  customPatterns?: { file: string; pattern: PatternFile }[];
  labelWords?: LabelWord[];
  allowHashes?: string[];
  allowPatterns?: string[];
  /** What needs a classification label (config `requireLabel`, --require-label); default: personal information. */
  requireLabel?: LabelPolicyId[];
  /** Findings listed per type and place (the rest are counted); undefined lists every occurrence. */
  listed?: number;
}

export function buildAnalyzer(config: AnalyzerConfig): AnalyzeOptions {
  const custom = config.customPatterns?.length ? compilePatternFiles(config.customPatterns) : [];
  const byId = new Map([...loadBuiltinRules(), ...custom].map((r) => [r.id, r]));
  let rules = [...byId.values()];
  if (config.types) rules = rules.filter((r) => config.types?.includes(r.id));
  if (config.disabled) rules = rules.filter((r) => !config.disabled?.includes(r.id));
  return {
    rules,
    ruleMap: new Map(rules.map((r) => [r.id, r])),
    labelWords: config.labelWords ?? loadLabelWords(),
    minConfidence: config.minConfidence,
    fingerprintKey: config.fingerprintKey || DEFAULT_FINGERPRINT_KEY,
    limits: { ...DEFAULT_LIMITS, ...config.limits },
    allowHashes: new Set(config.allowHashes ?? []),
    allowPatterns: (config.allowPatterns ?? []).map((p) => new RegExp(p, 'u')),
    vocabulary: loadVocabulary(),
    labelPolicy: [...new Set([...(config.requireLabel ?? DEFAULT_LABEL_POLICY), ...ALWAYS_LABELLED])],
    ...(config.listed === undefined ? {} : { listLimit: config.listed }),
  };
}
