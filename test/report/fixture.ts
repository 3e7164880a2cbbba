/**
 * An in-memory scan result for the reporter tests. Every value is synthetic: the 個人番号 and the card
 * number are check-digit-valid numbers made for these tests, e-mail domains are reserved example domains
 * (RFC 2606), names and addresses read 見本 ("sample") / 架空 ("fictional").
 *
 * Fingerprints are real: each finding is written with a tag (`fa11ce…`, how the tests name it) and gets the
 * HMAC the scanner would compute under FIXTURE_KEY, so the goldens compare keyed fingerprints.
 */
import type { FileResult, Finding, RuleInfo, ScanResult, ScanSummary } from '../../src/model.js';
import { fingerprint } from '../../src/score/fingerprint.js';

/** The key the fixture's fingerprints are computed with (the tests' JPII_FINGERPRINT_KEY). */
export const FIXTURE_KEY = 'test-fingerprint-key';
const TAGS = new Map<string, string>();

/** The real fingerprint of the finding written with `tag`. */
export function fingerprintOf(tag: string): string {
  const fp = TAGS.get(tag);
  if (fp === undefined) throw new Error(`no finding tagged ${tag}`);
  return fp;
}

/** Replaces each finding's tag by its keyed fingerprint (occurrences counted per file, in order). */
function keyed(file: FileResult): FileResult {
  const seen = new Map<string, number>();
  const findings = file.findings.map((f) => {
    const occurrence = (seen.get(`${f.type}\0${f.value}`) ?? 0) + 1;
    seen.set(`${f.type}\0${f.value}`, occurrence);
    const fp = fingerprint(FIXTURE_KEY, file.path, f.type, f.value, occurrence);
    TAGS.set(f.fingerprint, fp);
    return { ...f, fingerprint: fp };
  });
  return { ...file, findings };
}

function finding(f: Omit<Finding, 'level'> & { level?: Finding['level'] }): Finding {
  const level = f.level ?? (f.confidence >= 0.8 ? 'high' : f.confidence >= 0.5 ? 'medium' : 'low');
  return { ...f, level };
}

const memo: FileResult = {
  path: 'notes/memo.txt',
  format: 'text',
  status: 'scanned',
  labels: [],
  labelled: false,
  risk: 0.875,
  sensitive: true,
  findings: [
    finding({ type: 'postal-code', confidence: 0.412, location: { line: 1, column: 1 }, value: '1000001', masked: '100-****', fingerprint: 'fa11ce0000000001' }),
    finding({ type: 'email', confidence: 0.9, location: { line: 3, column: 5 }, value: 'taro.mihon@example.com', masked: 't***@example.com', fingerprint: 'fa11ce0000000002' }),
    finding({ type: 'credit-card', confidence: 0.955, location: { line: 7, column: 12 }, value: '4000001234567899', masked: '4000 **** **** 7899', fingerprint: 'fa11ce0000000003' }),
    finding({ type: 'birth-date', confidence: 0.7, location: { line: 9, column: 3 }, value: '1990-04-01', masked: '****-**-**', fingerprint: 'fa11ce0000000004', suppressed: { reason: 'テスト用データ, "ok"' } }),
    finding({ type: 'unlabelled-sensitive-file', confidence: 0.875, location: {}, value: '', masked: '', fingerprint: 'fa11ce0000000005' }),
  ],
  appi: { categories: ['personal-information'], specialCare: [], persons: 1, roster: false, breachReportable: true },
};

const zipEntry: FileResult = {
  path: 'a.zip!/名簿/顧客 リスト.csv',
  format: 'csv',
  status: 'scanned',
  labels: [],
  labelled: false,
  risk: 0.93,
  sensitive: true,
  findings: [
    finding({ type: 'person-name', confidence: 0.62, location: { line: 2, column: 1 }, value: '見本太郎', masked: '見本**', fingerprint: 'fa11ce0000000011' }),
    finding({ type: 'my-number', confidence: 0.97, location: { line: 2, column: 12 }, value: '202501010008', masked: '2025 **** ****', fingerprint: 'fa11ce0000000012' }),
    finding({ type: 'unlabelled-sensitive-file', confidence: 0.93, location: {}, value: '', masked: '', fingerprint: 'fa11ce0000000013' }),
  ],
  appi: {
    categories: ['personal-information', 'identifier-code', 'special-care', 'specific-personal-information'],
    specialCare: ['medical-history'],
    persons: 1200,
    roster: true,
    breachReportable: true,
    specialCareWords: { 'medical-history': ['病名'] },
  },
};

const xlsx: FileResult = {
  path: 'data/customers.xlsx',
  format: 'xlsx',
  status: 'scanned',
  labels: ['社外秘'],
  labelled: true,
  risk: 0.9149,
  sensitive: true,
  findings: [
    finding({ type: 'my-number', confidence: 0.934, location: { sheet: '顧客', cell: 'B3' }, value: '999900001239', masked: '9999 **** ****', fingerprint: 'fa11ce0000000021' }),
    finding({ type: 'email', confidence: 0.85, location: { sheet: 'Sheet1', cell: 'C4' }, value: 'sample.user@example.org', masked: 's***@example.org', fingerprint: 'fa11ce0000000022' }),
  ],
};

const pdf: FileResult = {
  path: 'docs/案内.pdf',
  format: 'pdf',
  status: 'scanned',
  labels: ['Confidential'],
  labelled: true,
  risk: 0.55,
  sensitive: false,
  findings: [
    finding({ type: 'phone', confidence: 0.66, location: { page: 2 }, value: '09000001234', masked: '090-****-1234', fingerprint: 'fa11ce0000000031' }),
  ],
};

const docx: FileResult = {
  path: 'report.docx',
  format: 'docx',
  status: 'scanned',
  labels: [],
  labelled: false,
  risk: 0.2,
  sensitive: false,
  findings: [
    finding({ type: 'corporate-number', confidence: 0.81, location: { part: 'header1', paragraph: 2 }, value: '5700000000123', masked: '5700 **** ****', fingerprint: 'fa11ce0000000041' }),
  ],
};

const pptx: FileResult = {
  path: 'slides/deck.pptx',
  format: 'pptx',
  status: 'scanned',
  labels: [],
  labelled: false,
  risk: 0.4,
  sensitive: false,
  findings: [
    finding({ type: 'address', confidence: 0.58, location: { slide: 1 }, value: '東京都架空区見本町1-2-3', masked: '東京都架空区***', fingerprint: 'fa11ce0000000051' }),
  ],
};

function plain(path: string, format: string, extra: Partial<FileResult> = {}): FileResult {
  return { path, format, status: 'scanned', labels: [], labelled: false, risk: 0, sensitive: false, findings: [], ...extra };
}

/** Already sorted by path, as the caller guarantees. */
export const FILES: readonly FileResult[] = [
  plain('a.zip', 'zip'),
  zipEntry,
  plain('big.log', 'text', { status: 'skipped', reason: 'larger than --max-file-size (10 MB)' }),
  plain('broken.xlsx', 'xlsx', { status: 'error', reason: 'corrupt zip: end of central directory not found' }),
  xlsx,
  pdf,
  memo,
  docx,
  pptx,
  plain('video.mp4', 'unknown', { status: 'skipped', reason: 'unsupported format' }),
].map(keyed);

export function summarise(files: readonly FileResult[]): ScanSummary {
  const all = files.flatMap((f) => f.findings);
  const active = all.filter((f) => !f.suppressed);
  const byType: Record<string, number> = {};
  for (const f of active) byType[f.type] = (byType[f.type] ?? 0) + 1;
  return {
    files: files.length,
    scanned: files.filter((f) => f.status === 'scanned').length,
    skipped: files.filter((f) => f.status === 'skipped').length,
    errors: files.filter((f) => f.status === 'error').length,
    findings: active.length,
    suppressed: all.length - active.length,
    byType,
  };
}

export function makeResult(files: readonly FileResult[] = FILES): ScanResult {
  return { tool: { name: 'jpii', version: '0.1.0' }, files: [...files], summary: summarise(files) };
}

function rule(id: string, nameJa: string, nameEn: string, severity: RuleInfo['severity'], securitySeverity: number): RuleInfo {
  return {
    id,
    nameJa,
    nameEn,
    description: `${nameEn} (${nameJa}).`,
    validates: severity === 'high' ? 'check digit' : 'format',
    example: 'synthetic',
    severity,
    securitySeverity,
    tags: ['pii', 'japan'],
  };
}

/** The detectors' rules, without the file-level rule (the reporter must add it). */
export const RULES: readonly RuleInfo[] = [
  rule('my-number', '個人番号', 'My Number', 'high', 9),
  rule('corporate-number', '法人番号', 'Corporate Number', 'low', 2),
  rule('credit-card', 'クレジットカード番号', 'Credit card number', 'high', 8),
  rule('phone', '電話番号', 'Phone number', 'medium', 5),
  rule('postal-code', '郵便番号', 'Postal code', 'low', 2.5),
  rule('email', 'メールアドレス', 'E-mail address', 'medium', 5),
  rule('address', '住所', 'Address', 'medium', 6),
  rule('person-name', '氏名', 'Person name', 'medium', 6),
  rule('birth-date', '生年月日', 'Birth date', 'medium', 5.5),
];
