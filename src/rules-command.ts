/** `jpii rules`: every detector with its names, what it validates and an example. */
import { UNLABELLED_TYPE } from './model.js';
import { loadBuiltinRules } from './patterns/load.js';

export function renderRules(format: 'text' | 'json'): string {
  const infos = loadBuiltinRules().map((r) => r.info);
  if (format === 'json') return `${JSON.stringify(infos, null, 2)}\n`;
  const lines: string[] = [];
  for (const r of infos) {
    lines.push(`${r.id}  ${r.nameJa} / ${r.nameEn}  [severity ${r.severity}]`);
    lines.push(`  validates: ${r.validates}`);
    lines.push(`  example:   ${r.example}`);
    lines.push('');
  }
  lines.push(`${UNLABELLED_TYPE}  未ラベルの機密ファイル / Unlabelled sensitive file  [file-level]`);
  lines.push('  validates: the file is sensitive (risk from its findings) and carries no classification label (社外秘, 機密, Confidential, MSIP label…)');
  lines.push('');
  return lines.join('\n');
}
