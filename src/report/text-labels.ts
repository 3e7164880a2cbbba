/**
 * Words of the text report in English and Japanese.
 * Input: a language. Output: the label set. Never: holds PII.
 */
import type { Level } from '../model.js';

export type Lang = 'ja' | 'en';

export interface TextLabels {
  labels: string;
  none: string;
  risk: string;
  sensitive: string;
  unlabelled: string;
  suppressed: string;
  value: string;
  wholeFile: string;
  notScanned: string;
  /** Before a file's notes (partly decoded, renamed entry…). */
  note: string;
  noFindings: string;
  summary: string;
  type: string;
  count: string;
  total: string;
  level: Readonly<Record<Level, string>>;
  status: Readonly<Record<'skipped' | 'error', string>>;
  /** The line under a file's listed findings for an occurrence not listed in full. */
  more: (n: number, name: string, place: string, count: number, distinct: number) => string;
  column: string;
  /** The closing line when occurrences were counted but not listed. */
  unlisted: (n: number) => string;
  totals: (s: { files: number; scanned: number; skipped: number; errors: number; findings: number; suppressed: number }) => string;
}

const EN: TextLabels = {
  labels: 'labels',
  none: 'none',
  risk: 'risk',
  sensitive: 'sensitive',
  unlabelled: '! unlabelled sensitive file',
  suppressed: 'suppressed',
  value: 'value',
  wholeFile: '(file)',
  notScanned: 'Not scanned',
  note: 'note',
  noFindings: 'No findings.',
  summary: 'Summary',
  type: 'Type',
  count: 'Count',
  total: 'Total',
  level: { high: 'high', medium: 'medium', low: 'low' },
  status: { skipped: 'skipped', error: 'error' },
  more: (n, name, place, count, distinct) => `… ${n} more ${name}${place ? ` in ${place}` : ''} (${count} in all, ${distinct} distinct)`,
  column: 'column',
  unlisted: (n) => `${n} occurrences counted but not listed (--all-findings lists every one)`,
  totals: (s) =>
    `files ${s.files} · scanned ${s.scanned} · skipped ${s.skipped} · errors ${s.errors} · ` +
    `findings ${s.findings} · suppressed ${s.suppressed}`,
};

const JA: TextLabels = {
  labels: 'ラベル',
  none: 'なし',
  risk: 'リスク',
  sensitive: '要保護',
  unlabelled: '! 機密ラベルのない要保護ファイル',
  suppressed: '抑制',
  value: '値',
  wholeFile: '（ファイル）',
  notScanned: '未スキャン',
  note: '注記',
  noFindings: '検出なし。',
  summary: '集計',
  type: '種類',
  count: '件数',
  total: '合計',
  level: { high: '高', medium: '中', low: '低' },
  status: { skipped: 'スキップ', error: 'エラー' },
  more: (n, name, place, count, distinct) => `… ${name}${place ? `（${place}）` : ''} ほか${n}件（全${count}件、異なる値 ${distinct}）`,
  column: '列',
  unlisted: (n) => `記載していない検出 ${n}件（件数には含む。--all-findings ですべて記載）`,
  totals: (s) =>
    `ファイル ${s.files} · スキャン ${s.scanned} · スキップ ${s.skipped} · エラー ${s.errors} · ` +
    `検出 ${s.findings} · 抑制 ${s.suppressed}`,
};

export function labelsFor(lang: Lang | undefined): TextLabels {
  return lang === 'ja' ? JA : EN;
}
