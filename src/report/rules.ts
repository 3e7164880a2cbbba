/**
 * The rule list every reporter works from.
 * Input: the detectors' RuleInfo and the scan result. Output: the same rules plus the file-level rule and a
 * placeholder for any type a finding carries but no rule describes. Never: reorders or drops given rules.
 */
import { UNLABELLED_TYPE } from '../model.js';
import type { RuleInfo, ScanResult } from '../model.js';

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

/** Given rules first (their order), then the file-level rule, then placeholders in first-seen order. */
export function completeRules(rules: readonly RuleInfo[], result: ScanResult): RuleInfo[] {
  const out = [...rules];
  const known = new Set(out.map((r) => r.id));
  if (!known.has(UNLABELLED_TYPE)) {
    out.push(UNLABELLED_RULE);
    known.add(UNLABELLED_TYPE);
  }
  for (const file of result.files) {
    for (const finding of file.findings) {
      if (known.has(finding.type)) continue;
      out.push(placeholderRule(finding.type));
      known.add(finding.type);
    }
  }
  return out;
}

export function ruleMap(rules: readonly RuleInfo[]): Map<string, RuleInfo> {
  return new Map(rules.map((r) => [r.id, r]));
}
