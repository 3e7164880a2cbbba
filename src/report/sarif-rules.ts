/**
 * SARIF `tool.driver.rules` from the detectors' RuleInfo.
 * Input: the completed rule list. Output: SARIF reportingDescriptors.
 * Never: includes a rule's example value (the report must stay free of PII-shaped strings).
 */
import type { ReportingDescriptor } from 'sarif';
import { messages, type Lang } from '../i18n/messages.js';
import type { Level, RuleInfo } from '../model.js';
import { typeCategories } from '../appi/type-categories.js';

/** SARIF result/rule level for each jpii level. */
export const SARIF_LEVEL: Readonly<Record<Level, 'error' | 'warning' | 'note'>> = {
  high: 'error',
  medium: 'warning',
  low: 'note',
};

/**
 * GitHub code scanning's `precision` property. RuleInfo has no precision of its own yet, so the rule's
 * severity stands in: high-severity detectors are the checksum-validated ids.
 */
const PRECISION: Readonly<Record<Level, 'high' | 'medium' | 'low'>> = { high: 'high', medium: 'medium', low: 'low' };

/**
 * `My Number` → `MyNumber`: SARIF names are identifiers a reader can follow. The validator (SARIF1001)
 * wants a rule's name to differ from its opaque id, even in case only (`address` / `Address`), so such a
 * name, or a rule without an English name, gets a `Pii` suffix.
 */
function ruleName(rule: RuleInfo): string {
  const words = rule.nameEn.match(/[A-Za-z0-9]+/g) ?? rule.id.match(/[A-Za-z0-9]+/g) ?? [];
  const name = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  return name.toLowerCase() === rule.id.toLowerCase() || name === '' ? `${name}Pii` : name;
}

/** GitHub reads `security-severity` only on rules tagged `security`. Tags must be unique (schema). */
function ruleTags(rule: RuleInfo): string[] {
  return [...new Set(['security', 'privacy', ...rule.tags])];
}

/** A string such as "8.0", clamped to GitHub's 0.0–10.0 scale. */
function securitySeverity(rule: RuleInfo): string {
  return Math.min(10, Math.max(0, rule.securitySeverity)).toFixed(1);
}

/** Help in one language: the rule's name in it, what it validates, and what to do about a finding. */
function localHelp(rule: RuleInfo, lang: Lang): { text: string; markdown: string } {
  const m = messages(lang);
  const name = lang === 'ja' ? `${rule.nameJa}（${rule.nameEn}）` : `${rule.nameEn} (${rule.nameJa})`;
  const what = lang === 'ja' ? (rule.validatesJa ?? rule.validates) : rule.validates;
  const description = lang === 'ja' ? (rule.descriptionJa ?? rule.description) : rule.description;
  const validates = what === '' ? '' : `\n${m.sarifValidates}: ${what}`;
  const mdValidates = what === '' ? '' : `\n\n**${m.sarifValidates}:** ${what}`;
  return {
    text: `${name} [${rule.id}]\n${description}${validates}\n${m.sarifRemedy}`,
    markdown: `**${name}** (\`${rule.id}\`)\n\n${description}${mdValidates}\n\n${m.sarifRemedy}`,
  };
}

function helpOf(rule: RuleInfo, lang: Lang | undefined): { text: string; markdown: string } {
  if (lang !== undefined) return localHelp(rule, lang);
  const validates = rule.validates === '' ? '' : `\nValidates: ${rule.validates}`;
  const mdValidates = rule.validates === '' ? '' : `\n\n**Validates:** ${rule.validates}`;
  return {
    text: `${rule.nameJa} / ${rule.nameEn} (${rule.id})\n${rule.description}${validates}`,
    markdown: `**${rule.nameJa} / ${rule.nameEn}** (\`${rule.id}\`)\n\n${rule.description}${mdValidates}`,
  };
}

export function sarifRule(rule: RuleInfo, lang?: Lang): ReportingDescriptor {
  return {
    id: rule.id,
    name: ruleName(rule),
    shortDescription: { text: `${rule.nameJa} / ${rule.nameEn}` },
    fullDescription: { text: lang === 'ja' ? (rule.descriptionJa ?? rule.description) : rule.description },
    help: helpOf(rule, lang),
    defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
    properties: {
      tags: ruleTags(rule),
      'security-severity': securitySeverity(rule),
      precision: PRECISION[rule.severity],
      appiCategories: typeCategories(rule.id),
    },
  };
}
