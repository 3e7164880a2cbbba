/**
 * A file's risk (0–1) from its findings, and whether it is sensitive. Pure.
 * risk = 1 − Π(1 − confidence × weight(severity)): many medium findings (a customer list) add up,
 * one high-severity finding (a My Number) is enough on its own.
 */
import type { Finding, Level } from '../model.js';

const WEIGHT: Record<Level, number> = { high: 1, medium: 0.6, low: 0.25 };
export const SENSITIVE_RISK = 0.9;

export function fileRisk(findings: readonly Finding[], severity: (type: string) => Level): number {
  let keep = 1;
  for (const f of findings) {
    if (f.suppressed) continue;
    keep *= 1 - f.confidence * WEIGHT[severity(f.type)];
  }
  return Math.round((1 - keep) * 100) / 100;
}

export function isSensitive(findings: readonly Finding[], risk: number, severity: (type: string) => Level): boolean {
  if (risk >= SENSITIVE_RISK) return true;
  return findings.some((f) => !f.suppressed && f.level !== 'low' && severity(f.type) === 'high');
}
