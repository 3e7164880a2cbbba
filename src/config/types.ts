/** The config file as written (jpii.schema.json) and as loaded (paths resolved, values checked). */
import type { Level } from '../model.js';
import type { FailOn } from '../options.js';
import type { LabelWord, PatternFile } from '../patterns/types.js';
import type { LabelPolicyId } from '../score/risk.js';

export interface ConfigFile {
  $schema?: string;
  $comment?: string;
  types?: string[];
  disable?: string[];
  minConfidence?: Level;
  failOn?: FailOn;
  exclude?: string[];
  maxFileSize?: number | string;
  patterns?: (string | Record<string, unknown>)[];
  labels?: (string | LabelWord)[];
  allow?: { $comment?: string; values?: (string | { hash: string; note?: string })[]; patterns?: string[] };
  fingerprintKeyEnv?: string;
  requireLabel?: string[];
  ocr?: boolean;
  ocrMaxPages?: number;
}

export interface LoadedConfig {
  /** Absolute path of the file, and the name used in messages (relative to the current folder). */
  file: string;
  name: string;
  /** Folder of the file: relative paths and `exclude` globs start here. */
  dir: string;
  types?: string[];
  disable: string[];
  minConfidence?: Level;
  failOn?: FailOn;
  exclude: string[];
  maxFileSize?: number;
  customPatterns: { file: string; pattern: PatternFile }[];
  /** Absolute paths of the pattern files named in `patterns` (not scanned: their examples are not findings). */
  patternFiles: string[];
  /** Extra label words (the built-in vocabulary is added by the caller). */
  labels: LabelWord[];
  allowHashes: string[];
  allowPatterns: string[];
  fingerprintKeyEnv: string;
  /** Label policy (`requireLabel`); undefined: the default. */
  requireLabel?: LabelPolicyId[];
  /** `ocr` / `ocrMaxPages` (same as --ocr / --ocr-max-pages). */
  ocr?: boolean;
  ocrMaxPages?: number;
}

export const DEFAULT_KEY_ENV = 'JPII_FINGERPRINT_KEY';

/** Fatal config problems, one `file: key: message` line each (exit 2, no usage hint). */
export class ConfigError extends Error {}
