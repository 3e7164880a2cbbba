/**
 * A file's risk (0–1) from its findings, and whether it is sensitive under the label policy. Pure.
 * risk = 1 − Π(1 − confidence × weight(severity)): many medium findings (a customer list) add up,
 * one high-severity finding (a My Number) is enough on its own. Risk ranks files; it no longer decides
 * `sensitive`, which follows the file's APPI verdict and the label policy (docs/appi.md).
 */
import type { AppiVerdict, Finding, Level } from '../model.js';

const WEIGHT: Record<Level, number> = { high: 1, medium: 0.6, low: 0.25 };

export function fileRisk(findings: readonly Finding[], severity: (type: string) => Level): number {
  const tally = new RiskTally(severity);
  for (const f of findings) if (!f.suppressed) tally.add(f.type, f.confidence);
  return tally.risk;
}

/**
 * fileRisk over findings seen one by one (a file's occurrences are counted, not all kept as findings): the
 * same product in the same order, so the same risk.
 */
export class RiskTally {
  private keep = 1;

  constructor(private readonly severity: (type: string) => Level) {}

  /** One unsuppressed finding. */
  add(type: string, confidence: number): void {
    this.keep *= 1 - confidence * WEIGHT[this.severity(type)];
  }

  get risk(): number {
    return Math.round((1 - this.keep) * 100) / 100;
  }
}

/** What the label policy can require a label for: an APPI category, a roster, a breach-reportable file. */
export const LABEL_POLICY_IDS = ['personal-information', 'identifier-code', 'special-care', 'specific-personal-information', 'roster', 'breach-reportable'] as const;
export type LabelPolicyId = (typeof LABEL_POLICY_IDS)[number];

/** Always in the policy, whatever the config says. */
export const ALWAYS_LABELLED: readonly LabelPolicyId[] = ['special-care', 'specific-personal-information', 'roster'];
/** The default: every file with personal information. */
export const DEFAULT_LABEL_POLICY: readonly LabelPolicyId[] = ['personal-information'];

function holds(verdict: AppiVerdict, id: LabelPolicyId): boolean {
  if (id === 'roster') return verdict.roster;
  if (id === 'breach-reportable') return verdict.breachReportable;
  return verdict.categories.includes(id);
}

/**
 * True when the file needs a classification label. Project metadata (the contact details authors publish in
 * package.json, AUTHORS, LICENSE…) needs one only for what is always labelled or for identifier codes.
 */
export function isSensitive(verdict: AppiVerdict, policy: readonly LabelPolicyId[] = DEFAULT_LABEL_POLICY): boolean {
  if (ALWAYS_LABELLED.some((id) => holds(verdict, id))) return true;
  if (verdict.role === 'project-metadata') return holds(verdict, 'identifier-code') && policy.some((id) => id === 'identifier-code' || id === 'personal-information');
  return policy.some((id) => holds(verdict, id));
}

/**
 * Confidence of the `unlabelled-sensitive-file` finding: the file's risk, but never below medium for personal
 * information and high for what the policy always labels or a leak would have to be reported.
 */
export function unlabelledConfidence(verdict: AppiVerdict, risk: number): number {
  const floor = verdict.breachReportable || ALWAYS_LABELLED.some((id) => holds(verdict, id)) ? 0.9 : 0.6;
  return Math.max(risk, floor);
}
