/** `jpii rules`: every detector with its names, what it validates (in English and Japanese) and an example. */
import { loadBuiltinRules } from './patterns/load.js';
import { UNLABELLED_RULE } from './report/rules.js';

export function renderRules(format: 'text' | 'json'): string {
  const infos = [...loadBuiltinRules().map((r) => r.info), UNLABELLED_RULE];
  if (format === 'json') return `${JSON.stringify(infos, null, 2)}\n`;
  const lines: string[] = [];
  for (const r of infos) {
    lines.push(`${r.id}  ${r.nameJa} / ${r.nameEn}  [severity ${r.severity}]`);
    lines.push(`  validates: ${r.validates}`);
    if (r.validatesJa) lines.push(`  検査:      ${r.validatesJa}`);
    lines.push(`  example:   ${r.example}`);
    lines.push('');
  }
  return lines.join('\n');
}
