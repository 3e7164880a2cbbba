/**
 * The HTML report without a browser: numbers, escaping of attacker-controlled names, the packed records,
 * the Content-Security-Policy, no raw values, both languages, APPI verdicts shown when present.
 * (test/report/html-browser.test.ts opens it in Chromium.) Every value is synthetic.
 */
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { FileResult } from '../../src/model.js';
import { SCRIPT, STYLE } from '../../src/report/html-client.js';
import { packRecords, scriptJson } from '../../src/report/html-data.js';
import { PreviousReport } from '../../src/report/html-changes.js';
import { renderReport } from '../../src/report/index.js';
import { FILES, makeResult, RULES } from './fixture.js';

function html(files: readonly FileResult[] = FILES, lang: 'ja' | 'en' = 'en', showValues = false): string {
  return renderReport('html', makeResult(files), RULES, { showValues, color: false, lang });
}

/** The fixture as an older jpii wrote it: no APPI verdicts. */
const NO_APPI: FileResult[] = FILES.map(({ appi: _appi, ...f }) => f);

function card(page: string, key: string): string | undefined {
  return new RegExp(`data-k="${key}">([^<]*)<`).exec(page)?.[1];
}

/** The packed records of one series (table columns or details), in file order. */
function packed(page: string, className: string): Record<string, unknown>[] {
  const chunks = [...page.matchAll(new RegExp(`<script type="application/octet-stream" class="${className}" data-from="(\\d+)">([^<]*)</script>`, 'g'))];
  let next = 0;
  return chunks.flatMap((m) => {
    expect(Number(m[1])).toBe(next); // data-from: the index of the chunk's first file
    const list = JSON.parse(gunzipSync(Buffer.from(m[2] ?? '', 'base64')).toString('utf8')) as Record<string, unknown>[];
    next += list.length;
    return list;
  });
}

/** The records of the page, unpacked as its script does: table columns with their details. */
function records(page: string): { p: string; n: number; fs: unknown[][]; a?: unknown }[] {
  const details = packed(page, 'jpii-details');
  return packed(page, 'jpii-files').map((r, i) => ({ ...r, ...details[i] }) as never);
}

const hostile: FileResult = {
  ...FILES[6]!,
  path: '<img src=x onerror=alert(1)>/"><svg onload=alert(2)>.txt',
  labels: ['</script><script>alert(3)</script>'],
};
const unreadable: FileResult = { ...FILES[2]!, path: 'x/<b>bold</b>.log', reason: '<iframe src="https://attacker.example/"></iframe>' };

describe('HTML report', () => {
  it('overview numbers are the summary and the files’ own counts', () => {
    const page = html();
    const s = makeResult().summary;
    expect(card(page, 'files')).toBe(String(s.files));
    expect(card(page, 'scanned')).toBe(String(s.scanned));
    expect(card(page, 'notExamined')).toBe(String(s.skipped + s.errors));
    expect(card(page, 'findings')).toBe(String(s.findings));
    expect(card(page, 'withFindings')).toBe(String(FILES.filter((f) => f.findings.some((x) => !x.suppressed && x.type !== 'unlabelled-sensitive-file')).length));
    expect(page).not.toContain('id="no-appi"');
    const old = html(NO_APPI);
    expect(card(old, 'rosters')).toBe('—');
    expect(old).toContain('id="no-appi"');
  });

  it('lists every file once in the packed records, in report order', () => {
    expect(records(html()).map((r) => r.p)).toEqual(FILES.map((f) => f.path));
  });

  it('packs the table’s columns apart from the findings, occurrences and notes (unpacked when a file is selected)', () => {
    const page = html();
    const columns = packed(page, 'jpii-files');
    const details = packed(page, 'jpii-details');
    expect(details.length).toBe(columns.length);
    expect(columns.some((r) => 'fs' in r || 'oc' in r || 'no' in r)).toBe(false);
    expect(details.every((d) => Array.isArray(d.fs) && typeof d.m === 'number')).toBe(true);
    expect(JSON.stringify(columns)).not.toContain('2025 **** ****');
    expect(JSON.stringify(details)).toContain('2025 **** ****');
    expect(page.indexOf('class="jpii-files"')).toBeLessThan(page.indexOf('class="jpii-details"'));
  });

  it('escapes file names, labels and reasons everywhere in the page', () => {
    const page = html([hostile, unreadable]);
    for (const raw of ['<img', '<svg onload', '<script>alert', '<iframe', '<b>bold']) expect(page).not.toContain(raw);
    expect(page).toContain('&lt;iframe src=&quot;https://attacker.example/&quot;&gt;&lt;/iframe&gt;');
    expect(records(page).map((r) => r.p)).toEqual([hostile.path, unreadable.path]);
  });

  it('embeds JSON that cannot close its script element', () => {
    expect(scriptJson({ a: '</script><!--\u2028' })).toBe('{"a":"\\u003c/script\\u003e\\u003c!--\\u2028"}');
    expect(JSON.parse(scriptJson({ a: '</script>&' }))).toEqual({ a: '</script>&' });
    expect(JSON.parse(gunzipSync(Buffer.from(packRecords(['{"p":"a"}', '{"p":"</script>"}']), 'base64')).toString())).toEqual([{ p: 'a' }, { p: '</script>' }]);
  });

  it('allows only its own style and script (CSP hashes) and loads nothing', () => {
    const page = html();
    const hash = (t: string) => `'sha256-${createHash('sha256').update(t).digest('base64')}'`;
    expect(page).toContain(`content="default-src 'none'; style-src ${hash(STYLE)}; script-src ${hash(SCRIPT)};`);
    expect(page).toContain(`<style>${STYLE}</style>`);
    expect(page).toContain(`<script>${SCRIPT}</script>`);
    expect(page).not.toMatch(/\s(src|href)=/);
    expect(page.match(/<script>/g)?.length).toBe(1);
  });

  it('never carries a raw value, even with showValues', () => {
    const values = FILES.flatMap((f) => f.findings.map((x) => x.value)).filter((v) => v !== '');
    const page = html(FILES, 'en', true);
    const text = page + JSON.stringify(records(page));
    expect(values.filter((v) => text.includes(v))).toEqual([]);
    expect(JSON.stringify(records(page))).toContain('2025 **** ****');
  });

  it('speaks Japanese with --lang ja', () => {
    const page = html(FILES, 'ja');
    expect(page).toContain('<html lang="ja">');
    expect(page).toContain('未検査のファイルと理由');
    expect(page).toContain('個人番号'); // type names in the chart
  });

  it('counts rosters, 要配慮, 特定個人情報 and breach-reportable files when APPI verdicts are present', () => {
    const withAppi: FileResult[] = NO_APPI.map((f, i) =>
      i === 1
        ? { ...f, appi: { categories: ['personal-information', 'special-care', 'specific-personal-information'], specialCare: ['medical-history'], persons: 40, roster: true, breachReportable: true } }
        : i === 4
          ? { ...f, appi: { categories: ['personal-information'], specialCare: [], persons: 2, roster: false, breachReportable: false } }
          : f,
    );
    const page = html(withAppi);
    expect(['rosters', 'specialCare', 'specificPersonal', 'breachReportable'].map((k) => card(page, k))).toEqual(['1', '1', '1', '1']);
    expect(page).not.toContain('id="no-appi"');
    expect(records(page)[1]?.a).toEqual({ c: ['personal-information', 'special-care', 'specific-personal-information'], sc: ['medical-history'], p: 40, ro: 1, br: 1 });
  });

  it('shows occurrence counts when present', () => {
    const withCounts: FileResult[] = [{ ...FILES[4]!, occurrences: [{ type: 'my-number', count: 120, distinct: 118, level: 'high', where: { sheet: '顧客', column: '個人番号' }, listed: 1 }] }];
    const rec = records(html(withCounts))[0] as unknown as { n: number; oc: unknown[] };
    expect(rec.n).toBe(120);
    expect(rec.oc).toEqual([[0, 120, 118, 2, '顧客 / 個人番号', 1]]);
  });
});

describe('HTML report: the first page is embedded plainly', () => {
  /** 250 files with risks and finding counts that tie, so every key of the order is used. */
  const many: FileResult[] = Array.from({ length: 250 }, (_, i) => {
    const base = FILES[i % 2 === 0 ? 0 : 6]!;
    return { ...base, path: `d${String(i % 7)}/f${String(i).padStart(3, '0')}.txt`, risk: (i % 13) / 12, findings: base.findings.slice(0, 1 + (i % 3)) };
  });
  const firstOf = (page: string): { p: string; k: number; n: number }[] => JSON.parse(/<script type="application\/json" id="jpii-first">([^<]*)<\/script>/.exec(page)?.[1] ?? 'null') as never;

  it('holds the 100 files the table shows first: highest risk, then most findings, then path', () => {
    const page = html(many);
    const all = records(page);
    const expected = [...all].sort((a, b) => (b as { k: number }).k - (a as { k: number }).k || b.n - a.n || (a.p < b.p ? -1 : a.p > b.p ? 1 : 0)).slice(0, 100);
    expect(firstOf(page).map((r) => r.p)).toEqual(expected.map((r) => r.p));
    expect(firstOf(page)).toEqual(expected);
  });

  it('comes before the packed records, and so does the script', () => {
    const page = html(many);
    const first = page.indexOf('id="jpii-first"');
    const script = page.indexOf(`<script>${SCRIPT}</script>`);
    const packed = page.indexOf('class="jpii-files"');
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(script);
    expect(script).toBeLessThan(packed);
  });

  it('is every file when there are fewer than a page', () => {
    expect(firstOf(html()).map((r) => r.p).sort()).toEqual(FILES.map((f) => f.path).sort());
  });

  it('cannot close its script element', () => {
    const page = html([hostile, unreadable]);
    expect(firstOf(page).map((r) => r.p).sort()).toEqual([hostile.path, unreadable.path].sort());
  });
});

describe('HTML report: since the previous report (--previous)', () => {
  const personal = (f: FileResult): number => f.findings.filter((x) => !x.suppressed && x.type !== 'unlabelled-sensitive-file').length;
  const [xlsx, pdf, memo] = [FILES[4]!, FILES[5]!, FILES[6]!];
  const gone: FileResult = { ...memo, path: 'old/gone.txt' };
  /** Before: no memo (new now), a file gone since, the xlsx without findings (more now), the pdf with one more (fewer now). */
  const before: FileResult[] = [...FILES.filter((f) => f !== memo && f !== xlsx && f !== pdf), { ...xlsx, findings: [] }, { ...pdf, findings: [...pdf.findings, pdf.findings[0]!] }, gone];

  function compared(): string {
    const previous = new PreviousReport('old.json');
    for (const f of before) previous.add(f);
    previous.summary = makeResult(before).summary;
    return renderReport('html', makeResult(FILES), RULES, { showValues: false, color: false, lang: 'en', previous });
  }
  const changeCard = (page: string, key: string): string | undefined => new RegExp(`data-c="${key}">([^<]*)<`).exec(page)?.[1];

  it('counts new, gone and changed files, and files that newly hold personal data or no longer do', () => {
    expect(personal(memo) * personal(xlsx) * personal(pdf) * personal(gone)).toBeGreaterThan(0);
    const page = compared();
    const counts = Object.fromEntries(['newFiles', 'goneFiles', 'more', 'fewer', 'newlyPersonal', 'noLongerPersonal', 'findingsBefore', 'findingsNow'].map((k) => [k, changeCard(page, k)]));
    expect(counts).toEqual({
      newFiles: '1',
      goneFiles: '1',
      more: '1',
      fewer: '1',
      newlyPersonal: '2', // memo (new) and the xlsx (had none)
      noLongerPersonal: '1', // the gone file
      findingsBefore: String(makeResult(before).summary.findings),
      findingsNow: String(makeResult(FILES).summary.findings),
    });
    expect(page).toContain('Compared with old.json (');
    expect(page).toMatch(/<table id="new-personal">.*notes\/memo\.txt/);
    expect(page).toMatch(/<table id="gone-files">.*old\/gone\.txt/);
  });

  it('marks each file’s change in its record and offers the filter', () => {
    const page = compared();
    const marks = Object.fromEntries(records(page).map((r) => [r.p, (r as { ch?: string }).ch]));
    expect(marks[memo.path]).toBe('n');
    expect(marks[xlsx.path]).toBe('+');
    expect(marks[pdf.path]).toBe('-');
    expect(FILES.filter((f) => ![memo, xlsx, pdf].includes(f)).map((f) => marks[f.path])).toEqual(FILES.filter((f) => ![memo, xlsx, pdf].includes(f)).map(() => undefined));
    expect(page).toContain('id="f-changed"');
  });

  it('is absent without a previous report', () => {
    const page = html();
    expect(page).not.toContain('id="changes"');
    expect(page).not.toContain('id="f-changed"');
    expect(records(page).some((r) => 'ch' in r)).toBe(false);
  });
});
