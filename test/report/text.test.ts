import { describe, expect, it } from 'vitest';
import { renderReport, type ReportOptions } from '../../src/report/index.js';
import { displayWidth, layoutTable } from '../../src/report/text-table.js';
import { FILES, makeResult, RULES } from './fixture.js';

const ESC = '\u001b[';

function text(options: Partial<ReportOptions> = {}, files = FILES): string {
  return renderReport('text', makeResult(files), RULES, { showValues: false, color: false, ...options });
}

describe('text report', () => {
  it.each([
    [false, false],
    [true, true],
  ])('uses ANSI colour only when asked (color=%s)', (color, hasEscapes) => {
    expect(text({ color }).includes(ESC)).toBe(hasEscapes);
  });

  it('colours the same words as the plain output', () => {
    // eslint-disable-next-line no-control-regex
    expect(text({ color: true }).replace(/\u001b\[\d+m/g, '')).toBe(text());
  });

  it.each([
    [undefined, 'Not scanned', 'Summary', '! unlabelled sensitive file', 'My Number (個人番号)'],
    ['en' as const, 'Not scanned', 'Summary', '! unlabelled sensitive file', 'My Number (個人番号)'],
    ['ja' as const, '未スキャン', '集計', '! 機密ラベルのない要保護ファイル', '個人番号 (My Number)'],
  ])('uses the words of lang=%s', (lang, notScanned, summary, unlabelled, typeName) => {
    const out = text(lang === undefined ? {} : { lang });
    for (const word of [notScanned, summary, unlabelled, typeName]) expect(out).toContain(word);
  });

  it('flags only sensitive files without a label', () => {
    const out = text();
    const headers = out.split('\n\n').filter((block) => block.includes('! unlabelled sensitive file'));
    expect(headers.map((b) => b.split(' (')[0])).toEqual(['a.zip!/名簿/顧客 リスト.csv', 'notes/memo.txt']);
  });

  it('lists skipped and failed files with their reasons', () => {
    expect(text()).toContain('  broken.xlsx  error:    corrupt zip: end of central directory not found\n');
  });

  it('shows one line per finding with location, names, level, confidence and masked value', () => {
    expect(text()).toContain('  顧客!B3    My Number (個人番号)             high  0.93  9999 **** ****\n');
    expect(text({ showValues: true })).toContain('9999 **** ****  value=999900001239\n');
  });

  it('omits clean scanned files and says so when nothing was found', () => {
    expect(text()).not.toMatch(/^a\.zip \(zip\)$/m);
    const clean = text({}, FILES.filter((f) => f.findings.length === 0));
    expect(clean).toContain('No findings.');
  });

  it('counts unsuppressed findings by type and level in the summary', () => {
    const out = text();
    expect(out).toContain('L9:C3   Birth date (生年月日)');
    expect(out).not.toMatch(/\[birth-date\]/);
    expect(out).toMatch(/^ {2}E-mail address \[email\] +2 +2 +0 +0$/m);
    expect(out).toMatch(/^ {2}Total +12 +8 +3 +1$/m);
    expect(out.endsWith('files 10 · scanned 7 · skipped 2 · errors 1 · findings 12 · suppressed 1\n')).toBe(true);
  });
});

describe('text layout', () => {
  it.each([
    ['abc', 3],
    ['顧客', 4],
    ['ｱｲ', 2],
    ['Ａ', 2],
    ['𠮷', 2],
    ['', 0],
  ])('measures %j as %i cells', (s, width) => {
    expect(displayWidth(s)).toBe(width);
  });

  it('aligns columns holding Japanese text', () => {
    expect(layoutTable([['種類', '1'], ['email', '12']], 1)).toEqual(['種類    1', 'email  12']);
  });
});
