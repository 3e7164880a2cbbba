/**
 * The APPI categories a detector's findings can put a file in (SARIF rules, `jpii rules`). Pure. Whether they
 * do depends on the file (an organisation's phone, a role mailbox, a fixed line alone do not: verdict.ts).
 */
import type { AppiCategory } from '../model.js';
import { UNLABELLED_TYPE } from '../model.js';
import { IDENTIFIER_CODE_TYPES } from './verdict.js';

const PERSONAL: ReadonlySet<string> = new Set(['person-name', 'email', 'phone', 'credit-card']);

export function typeCategories(type: string): AppiCategory[] {
  if (type === 'my-number') return ['personal-information', 'identifier-code', 'specific-personal-information'];
  if (IDENTIFIER_CODE_TYPES.has(type)) return ['personal-information', 'identifier-code'];
  if (PERSONAL.has(type) || type === UNLABELLED_TYPE) return ['personal-information'];
  return [];
}
