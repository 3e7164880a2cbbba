/**
 * `jpii rules`: every detector with its names, what it validates (in English and Japanese), an example and
 * the APPI categories its findings can put a file in; then the APPI categories and 要配慮個人情報 kinds
 * with their legal sources (docs/appi.md).
 */
import { APPI_CATEGORIES, SPECIAL_CARE_IDS } from './model.js';
import { CATEGORY_NAMES, SPECIAL_CARE_NAMES } from './appi/names.js';
import { typeCategories } from './appi/type-categories.js';
import { BREACH_MIN_PERSONS, ROSTER_MIN_PERSONS } from './appi/verdict.js';
import { loadBuiltinRules } from './patterns/load.js';
import { UNLABELLED_RULE } from './report/rules.js';

function appiLines(): string[] {
  const lines = ['APPI categories (appi.categories) / 個人情報保護法の区分', ''];
  for (const id of APPI_CATEGORIES) lines.push(`${id}  ${CATEGORY_NAMES[id].ja} / ${CATEGORY_NAMES[id].en}  [${CATEGORY_NAMES[id].source}]`);
  lines.push('', 'Special-care kinds (appi.specialCare) / 要配慮個人情報の種類 (patterns/special-care.yaml)', '');
  for (const id of SPECIAL_CARE_IDS) lines.push(`${id}  ${SPECIAL_CARE_NAMES[id].ja} / ${SPECIAL_CARE_NAMES[id].en}  [${SPECIAL_CARE_NAMES[id].source}]`);
  lines.push(
    '',
    `roster: ${ROSTER_MIN_PERSONS} people or more (名簿). breachReportable: 規則7条 (要配慮, card numbers, more than ${(BREACH_MIN_PERSONS - 1).toLocaleString('en')} people) or My Numbers of more than 100 people.`,
    'Details and edge cases: docs/appi.md',
    '',
  );
  return lines;
}

export function renderRules(format: 'text' | 'json'): string {
  const infos = [...loadBuiltinRules().map((r) => r.info), UNLABELLED_RULE];
  if (format === 'json') return `${JSON.stringify(infos, null, 2)}\n`;
  const lines: string[] = [];
  for (const r of infos) {
    lines.push(`${r.id}  ${r.nameJa} / ${r.nameEn}  [severity ${r.severity}]`);
    lines.push(`  validates: ${r.validates}`);
    if (r.validatesJa) lines.push(`  検査:      ${r.validatesJa}`);
    lines.push(`  example:   ${r.example}`);
    const categories = typeCategories(r.id);
    if (categories.length) lines.push(`  APPI:      ${categories.map((c) => CATEGORY_NAMES[c].ja).join(', ')}`);
    lines.push('');
  }
  return [...lines, ...appiLines()].join('\n');
}
