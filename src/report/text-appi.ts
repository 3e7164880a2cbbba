/**
 * The APPI part of the text report: each file's verdict line, the groups files are listed in (breach-reportable
 * first, then rosters, then other personal information, then the rest) and the summary by category.
 * Input: FileResults and a language. Output: lines. Never: prints text around a special-care word.
 */
import type { ChalkInstance } from 'chalk';
import { APPI_CATEGORIES, SPECIAL_CARE_IDS, type AppiVerdict, type FileResult } from '../model.js';
import { BREACH_NAME, CATEGORY_NAMES, ROSTER_NAME, SPECIAL_CARE_NAMES } from '../appi/names.js';
import { ROSTER_MIN_PERSONS } from '../appi/verdict.js';
import type { Lang } from './text-labels.js';

/** 0 breach-reportable, 1 roster, 2 other personal information, 3 the rest (no verdict, or no identifiable person). */
export type AppiGroup = 0 | 1 | 2 | 3;
export const APPI_GROUPS: readonly AppiGroup[] = [0, 1, 2, 3];

export function appiGroup(file: FileResult): AppiGroup {
  const a = file.appi;
  if (!a || a.categories.length === 0) return 3;
  if (a.breachReportable) return 0;
  return a.roster ? 1 : 2;
}

const HEADINGS: Readonly<Record<Lang, readonly string[]>> = {
  en: [
    'Breach-reportable if leaked (規則7条: special care, card numbers, over 1,000 people, over 100 My Numbers)',
    `Rosters (${ROSTER_MIN_PERSONS} people or more)`,
    'Other personal information',
    'Other files with findings',
  ],
  ja: [
    '漏えい時に報告対象（規則7条：要配慮個人情報・カード番号・1,000人超・マイナンバー100人超）',
    `名簿（${ROSTER_MIN_PERSONS}人以上）`,
    'その他の個人情報',
    'その他の検出のあるファイル',
  ],
};

export function groupHeading(group: AppiGroup, lang: Lang | undefined, c: ChalkInstance): string {
  return c.bold.underline(`== ${HEADINGS[lang === 'ja' ? 'ja' : 'en'][group]} ==`);
}

function name(n: { ja: string; en: string }, lang: Lang | undefined): string {
  return lang === 'ja' ? n.ja : n.en;
}

/** `個人情報 · 要配慮個人情報 (病歴: 既往歴, 糖尿病) · persons 120 · roster · breach-reportable` */
export function appiLine(a: AppiVerdict, lang: Lang | undefined): string | undefined {
  if (a.categories.length === 0) return undefined;
  const ja = lang === 'ja';
  const parts = a.categories.map((c) => {
    if (c !== 'special-care') return CATEGORY_NAMES[c].ja;
    const kinds = a.specialCare.map((id) => `${name(SPECIAL_CARE_NAMES[id], lang)}: ${(a.specialCareWords?.[id] ?? []).join(', ')}`);
    return `${CATEGORY_NAMES[c].ja} (${kinds.join('; ')})`;
  });
  parts.push(ja ? `人数 ${a.persons}` : `persons ${a.persons}`);
  if (a.roster) parts.push(name(ROSTER_NAME, lang));
  if (a.breachReportable) parts.push(name(BREACH_NAME, lang));
  if (a.role === 'project-metadata') parts.push(ja ? 'プロジェクトのメタデータ（ラベル不要）' : 'project metadata (no label needed)');
  return `${ja ? '個人情報保護法' : 'APPI'}: ${parts.join(' · ')}`;
}

/** Files per category, special-care kind, roster and breach-reportable, for the summary. */
export class AppiTally {
  private readonly counts = new Map<string, number>();
  private any = false;

  add(file: FileResult): void {
    const a = file.appi;
    if (!a || a.categories.length === 0) return;
    this.any = true;
    const keys = [...a.categories, ...a.specialCare.map((id) => `sc:${id}`), ...(a.roster ? ['roster'] : []), ...(a.breachReportable ? ['breach'] : [])];
    if (file.sensitive && !file.labelled) keys.push('unlabelled');
    for (const k of keys) this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
  }

  /** Rows [name, files]; none when no file holds personal information. */
  rows(lang: Lang | undefined): string[][] {
    if (!this.any) return [];
    const n = (k: string): string => String(this.counts.get(k) ?? 0);
    const rows = APPI_CATEGORIES.map((c) => [`${CATEGORY_NAMES[c].ja} [${c}]`, n(c)]);
    for (const id of SPECIAL_CARE_IDS) if (this.counts.has(`sc:${id}`)) rows.push([`  ${name(SPECIAL_CARE_NAMES[id], lang)} [${id}]`, n(`sc:${id}`)]);
    rows.push([`${name(ROSTER_NAME, lang)} [roster]`, n('roster')], [`${name(BREACH_NAME, lang)} [breach-reportable]`, n('breach')]);
    rows.push([lang === 'ja' ? 'ラベルが必要なのにラベルのないファイル' : 'files needing a label without one', n('unlabelled')]);
    return rows;
  }
}
