import { describe, expect, it } from 'vitest';
import type { FileResult } from '../../src/model.js';
import { CSV_HEADER, csvLine, neutraliseCell, quoteCell } from '../../src/report/csv.js';
import { renderReport } from '../../src/report/index.js';
import { FILES, makeResult, RULES } from './fixture.js';

function csv(showValues: boolean, files: readonly FileResult[] = FILES): string {
  return renderReport('csv', makeResult(files), RULES, { showValues, color: false });
}

describe('CSV report', () => {
  it('starts with a BOM and the header, and ends every line with CRLF', () => {
    const text = csv(false);
    expect(
      text.startsWith(
        '\uFEFFpath,type,type_ja,level,confidence,location,masked,value,labelled,risk,suppressed,' +
          'personal_information,identifier_code,special_care,specific_personal_information,special_care_kinds,persons,roster,breach_reportable\r\n',
      ),
    ).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('has one row per finding, file-level and suppressed findings included, unscanned files excluded', () => {
    const rows = csv(false).split('\r\n').slice(1, -1);
    const total = FILES.reduce((n, f) => n + f.findings.length, 0);
    expect(rows).toHaveLength(total);
    expect(rows.some((r) => r.startsWith('big.log') || r.startsWith('video.mp4'))).toBe(false);
    expect(rows.filter((r) => r.includes(',unlabelled-sensitive-file,'))).toHaveLength(2);
    expect(rows.filter((r) => r.split(',')[10] === 'true')).toHaveLength(1);
  });

  it.each([
    [false, 'notes/memo.txt,credit-card,クレジットカード番号,high,0.96,L7:C12,4000 **** **** 7899,,false,0.88,false,true,false,false,false,,1,false,true'],
    [true, 'notes/memo.txt,credit-card,クレジットカード番号,high,0.96,L7:C12,4000 **** **** 7899,4000001234567899,false,0.88,false,true,false,false,false,,1,false,true'],
  ])('fills the value column only with showValues (%s)', (showValues, row) => {
    expect(csv(showValues).split('\r\n')).toContain(row);
  });

  it('renders locations for sheets, pages, slides, docx parts and archive entries', () => {
    const rows = csv(false).split('\r\n').map((r) => r.split(',')[5]);
    expect(rows).toEqual(expect.arrayContaining(['顧客!B3', 'p.2', 'slide 1', 'header1 ¶2', 'L2:C12']));
  });

  it('carries the APPI verdict in one column per category, and empty cells for a file without one', () => {
    const rows = csv(false).split('\r\n');
    const zipRow = rows.find((r) => r.startsWith('a.zip!/名簿/顧客 リスト.csv,my-number,'));
    expect(zipRow?.split(',').slice(11)).toEqual(['true', 'true', 'true', 'true', 'medical-history', '1200', 'true', 'true']);
    expect(rows.find((r) => r.startsWith('data/customers.xlsx'))?.endsWith(',false,,,,,,,,')).toBe(true);
  });

  it('keeps the header free of neutralisation and matches the column list', () => {
    expect(csvLine(CSV_HEADER)).toBe(`${CSV_HEADER.join(',')}\r\n`);
  });
});

describe('CSV injection (OWASP)', () => {
  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+81 90', `'+81 90`],
    ['-1+2', `'-1+2`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tcmd', `'\tcmd`],
    ['\rcmd', `'\rcmd`],
    ['a=b', 'a=b'],
    ['東京都', '東京都'],
    ['', ''],
    ["'quoted", "'quoted"],
  ])('neutralises %j', (cell, expected) => {
    expect(neutraliseCell(cell)).toBe(expected);
  });

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r', '"cr\r"'],
  ])('quotes %j per RFC 4180', (cell, expected) => {
    expect(quoteCell(cell)).toBe(expected);
  });

  it('neutralises before quoting, so a quoted formula still starts with the apostrophe', () => {
    expect(csvLine(['=1+1,2', '-x'])).toBe(`"'=1+1,2",'-x\r\n`);
  });

  it('neutralises paths and masked values coming from the scan', () => {
    const base = FILES[6]!;
    const evil: FileResult = {
      ...base,
      path: '=cmd|calc.txt',
      findings: [{ ...base.findings[0]!, masked: '-100-****', location: {} }],
    };
    const row = csv(false, [evil]).split('\r\n')[1];
    expect(row).toBe(`'=cmd|calc.txt,postal-code,郵便番号,low,0.41,,'-100-****,,false,0.88,false,true,false,false,false,,1,false,true`);
  });
});
