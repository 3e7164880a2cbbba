/**
 * The rule list every reporter works from.
 * Input: the detectors' RuleInfo and the scan result. Output: the same rules plus the file-level rule and a
 * placeholder for any type a finding carries but no rule describes. Never: reorders or drops given rules.
 */
import { UNLABELLED_TYPE } from '../model.js';
import type { FileResult, RuleInfo } from '../model.js';

/** The file-level rule (it has no pattern file, so the reporter supplies it). */
export const UNLABELLED_RULE: RuleInfo = {
  id: UNLABELLED_TYPE,
  nameJa: '機密ラベルのない要保護ファイル',
  nameEn: 'Unlabelled sensitive file',
  description:
    'The file holds personal information but carries no classification label (社外秘, 機密, Confidential, …).',
  validates: 'File risk score at or above the sensitive threshold, and no classification label found.',
  descriptionJa: '個人情報を含むのに、機密区分のラベル（社外秘・機密・Confidential など）がないファイル。',
  validatesJa: 'ファイルのリスクが要保護の閾値以上で、機密区分ラベルが見つからないこと。',
  example: '顧客一覧.xlsx with 200 phone numbers and no 社外秘 stamp',
  severity: 'medium',
  securitySeverity: 5,
  tags: ['security', 'privacy', 'classification'],
};

function placeholderRule(id: string): RuleInfo {
  return {
    id,
    nameJa: id,
    nameEn: id,
    description: `Findings of type ${id}.`,
    validates: '',
    example: '',
    severity: 'medium',
    securitySeverity: 5,
    tags: ['security', 'privacy'],
  };
}

/**
 * The rule list of a report being written: given rules first (their order), then the file-level rule, then a
 * placeholder for each unknown type in first-seen order. Grows as findings stream by; an index, once given,
 * never changes.
 */
export class RuleBook {
  readonly all: RuleInfo[];
  readonly byId: Map<string, RuleInfo>;
  private readonly index: Map<string, number>;

  constructor(rules: readonly RuleInfo[]) {
    this.all = [...rules];
    if (!this.all.some((r) => r.id === UNLABELLED_TYPE)) this.all.push(UNLABELLED_RULE);
    this.byId = ruleMap(this.all);
    this.index = new Map(this.all.map((r, i) => [r.id, i]));
  }

  /** The index of a finding type's rule, adding a placeholder the first time an unknown type is seen. */
  indexOf(type: string): number {
    let i = this.index.get(type);
    if (i === undefined) {
      i = this.all.length;
      const rule = placeholderRule(type);
      this.all.push(rule);
      this.byId.set(type, rule);
      this.index.set(type, i);
    }
    return i;
  }

  /** Notes every finding type of a file. */
  see(file: FileResult): void {
    for (const finding of file.findings) this.indexOf(finding.type);
  }
}

export function ruleMap(rules: readonly RuleInfo[]): Map<string, RuleInfo> {
  return new Map(rules.map((r) => [r.id, r]));
}
