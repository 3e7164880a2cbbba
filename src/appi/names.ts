/**
 * Names and legal sources of the APPI categories and of the 要配慮個人情報 kinds, for reports, `jpii rules`
 * and docs/appi.md. Data only.
 */
import type { AppiCategory, SpecialCareId } from '../model.js';

export interface CategoryName {
  ja: string;
  en: string;
  /** The provision that defines it. */
  source: string;
}

export const CATEGORY_NAMES: Readonly<Record<AppiCategory, CategoryName>> = {
  'personal-information': { ja: '個人情報', en: 'Personal information', source: '個人情報保護法2条1項' },
  'identifier-code': { ja: '個人識別符号', en: 'Individual identification code', source: '個人情報保護法2条2項, 施行令1条, 施行規則2条–4条' },
  'special-care': { ja: '要配慮個人情報', en: 'Special care-required personal information', source: '個人情報保護法2条3項, 施行令2条' },
  'specific-personal-information': { ja: '特定個人情報', en: 'Specific personal information (My Number)', source: '番号法2条8項' },
};

export const SPECIAL_CARE_NAMES: Readonly<Record<SpecialCareId, CategoryName>> = {
  race: { ja: '人種', en: 'Race', source: '法2条3項' },
  creed: { ja: '信条', en: 'Creed', source: '法2条3項' },
  'social-status': { ja: '社会的身分', en: 'Social status', source: '法2条3項' },
  'medical-history': { ja: '病歴', en: 'Medical history', source: '法2条3項' },
  'criminal-record': { ja: '犯罪の経歴', en: 'Criminal record', source: '法2条3項' },
  'crime-victim': { ja: '犯罪により害を被った事実', en: 'Having been a victim of a crime', source: '法2条3項' },
  disability: { ja: '心身の機能の障害', en: 'Disability', source: '施行令2条1号' },
  'health-check': { ja: '健康診断等の結果', en: 'Results of health checks', source: '施行令2条2号' },
  'medical-care': { ja: '診療・調剤・保健指導', en: 'Medical care, dispensing, health guidance', source: '施行令2条3号' },
  'criminal-procedure': { ja: '刑事事件に関する手続', en: 'Criminal procedure as a suspect or defendant', source: '施行令2条4号' },
  'juvenile-procedure': { ja: '少年の保護事件に関する手続', en: 'Juvenile protection procedure', source: '施行令2条5号' },
};

/** Rosters and breach reporting, as words of the reports. */
export const ROSTER_NAME = { ja: '名簿', en: 'roster' } as const;
export const BREACH_NAME = { ja: '漏えい時報告対象', en: 'breach-reportable' } as const;
