import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ExtractContext, ExtractResult } from '../../src/model.js';
import { emlExtractor, htmlToText } from '../../src/extract/eml.js';
import { DEFAULT_LIMITS } from '../../src/extract/limits.js';

// Fixtures come from scripts/make-container-fixtures.js; all PII in them is synthetic.
const load = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/documents/containers/${name}`, import.meta.url)));
const ctx = (name: string, depth = 0): ExtractContext => ({ name, depth, limits: DEFAULT_LIMITS });
const extract = (name: string, bytes = load(name), depth = 0) => emlExtractor.extract(bytes, ctx(name, depth));
const CSV = '氏名,電話番号,個人番号\r\n山田 太郎,090-5555-0199,5551 2345 6787\r\n';

type Ok = Extract<ExtractResult, { ok: true }>;
type Decoded = (Omit<Ok, 'children'> & { children?: { name: string; text: string }[] }) | Exclude<ExtractResult, Ok>;

/** The result with each child's bytes decoded, so expectations can be written as text. */
function decoded(result: ExtractResult, charset = 'utf-8'): Decoded {
  if (!result.ok) return result;
  const { children, ...rest } = result;
  if (!children) return rest;
  return { ...rest, children: children.map((c) => ({ name: c.name, text: new TextDecoder(charset).decode(c.bytes) })) };
}

describe('emlExtractor on the fixtures', () => {
  it('ISO-2022-JP headers (encoded-words) and 7-bit body', async () => {
    expect(await extract('iso-2022-jp.eml')).toEqual({
      ok: true,
      format: 'eml',
      segments: [
        {
          text: 'Subject: 顧客情報の件\nFrom: 山田 太郎 <taro.yamada@example.com>\nTo: 佐藤 花子 <hanako.sato@example.jp>\nCc: support@example.com',
          origin: { part: 'headers' },
          labelZone: true,
        },
        { text: 'お世話になっております。\n電話番号は 090-5555-0199 です。\n', origin: { part: 'body' } },
      ],
    });
  });

  it('Shift_JIS base64 body and an RFC 2231 attachment name', async () => {
    expect(decoded(await extract('shift-jis-base64.eml'), 'shift_jis')).toEqual({
      ok: true,
      format: 'eml',
      segments: [
        { text: 'Subject: 名簿送付\nFrom: sender@example.com\nTo: 経理部 <keiri@example.jp>', origin: { part: 'headers' }, labelZone: true },
        { text: '名簿を添付します。\n個人番号 5551 2345 6787\n', origin: { part: 'body' } },
      ],
      children: [{ name: '顧客リスト.csv', text: CSV }],
    });
  });

  it('UTF-8 quoted-printable text part (HTML alternative ignored) and a MIME-encoded attachment name', async () => {
    expect(decoded(await extract('utf8-qp.eml'))).toEqual({
      ok: true,
      format: 'eml',
      segments: [
        { text: 'Subject: 住所変更\nFrom: 鈴木 一郎 <ichiro.suzuki@example.com>\nTo: team@example.com', origin: { part: 'headers' }, labelZone: true },
        { text: '新しい住所は 〒100-0001 東京都千代田区千代田1-1 です。\n', origin: { part: 'body' } },
      ],
      // An 8-bit (not base64) part comes back with LF line ends and the line break before the boundary.
      children: [{ name: '名簿.csv', text: `${CSV.replace(/\r\n/g, '\n')}\n` }],
    });
  });

  it('an HTML-only message becomes text, its table cells with their labels', async () => {
    expect(await extract('html-only.eml')).toEqual({
      ok: true,
      format: 'eml',
      segments: [
        { text: 'Subject: HTML only\nFrom: info@example.com', origin: { part: 'headers' }, labelZone: true },
        { text: 'お客様 各位\n電話: 03-5555-0123\nA & B <tag> あ', origin: { part: 'body' } },
        { text: '氏名', origin: { part: 'body' }, cell: { table: 1, row: 0, col: 0 } },
        { text: '山田 太郎', origin: { part: 'body' }, cell: { table: 1, row: 0, col: 1, label: '氏名' } },
      ],
    });
  });
});

/** A hand-written multipart message: missing, duplicate and path-like attachment names, an attached e-mail. */
const MULTI = [
  'From: a@example.com', 'To: Team: b@example.com, c@example.com;', 'Subject: names', 'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="b"', '',
  '--b', 'Content-Type: text/plain', '', 'see attachments',
  '--b', 'Content-Type: text/csv', 'Content-Disposition: attachment; filename="list.csv"', '', 'a,b',
  '--b', 'Content-Type: text/csv', 'Content-Disposition: attachment; filename="list.csv"', '', 'c,d',
  '--b', 'Content-Type: text/csv', 'Content-Disposition: attachment; filename="..\\\\dir/evil.csv"', '', 'e,f',
  '--b', 'Content-Type: text/csv', 'Content-Disposition: attachment', '', 'g,h',
  '--b', 'Content-Type: message/rfc822', '', 'From: x@example.com', 'Subject: inner', '', 'inner body',
  '--b--', '',
].join('\r\n');

describe('emlExtractor attachments', () => {
  it('names every attachment as one unique path level', async () => {
    const result = decoded(await extract('multi.eml', new TextEncoder().encode(MULTI)));
    expect(result).toMatchObject({
      ok: true,
      segments: [
        { text: 'Subject: names\nFrom: a@example.com\nTo: Team: b@example.com, c@example.com;', origin: { part: 'headers' } },
        { text: 'see attachments\n', origin: { part: 'body' } },
      ],
    });
    if (!result.ok) return;
    expect(result.children?.map((c) => c.name)).toEqual(['list.csv', 'list (2).csv', 'evil.csv', 'attachment-4.csv', 'attachment-5.eml']);
    expect(result.children?.[1]?.text).toBe('c,d\n');
    expect(result.children?.[4]?.text).toContain('inner body');
  });

  it('does not hand attachments on past the depth limit, but still reads the text', async () => {
    const result = await extract('deep.eml', load('shift-jis-base64.eml'), DEFAULT_LIMITS.maxDepth);
    expect(result).toMatchObject({
      ok: true,
      segments: [{ origin: { part: 'headers' } }, { origin: { part: 'body' } }],
      failedChildren: [{ name: '顧客リスト.csv', status: 'skipped', reason: 'nested too deep (depth 5 ≥ max 5)' }],
    });
    expect(result.ok && result.children).toBeFalsy();
  });
});

describe('emlExtractor on bad input', () => {
  it('reads an empty file as an empty message', async () => {
    expect(await extract('empty.eml', new Uint8Array(0))).toEqual({ ok: true, format: 'eml', segments: [] });
  });

  it.each([
    ['plain text', 'just some text\nline 2 090-5555-0199\n'],
    ['binary', '\u0000\u0001\u0002\u00ff\u001f\u008b'],
  ])('refuses %s without mail headers rather than losing its text', async (_, text) => {
    expect(await extract('x.eml', new TextEncoder().encode(text))).toEqual({
      ok: false, format: 'eml', status: 'error', reason: 'not an e-mail message (no mail headers)',
    });
  });

  it('survives every truncation of a multipart message', async () => {
    const full = load('shift-jis-base64.eml');
    for (let cut = 1; cut < full.length; cut += 13) {
      const result = await extract('cut.eml', full.subarray(0, cut));
      expect(['eml']).toContain(result.format);
    }
  });
});

describe('htmlToText', () => {
  it.each([
    ['<p>a</p><p>b</p>', 'a\nb'],
    ['a<br>b<BR/>c', 'a\nb\nc'],
    ['<table><tr><td>氏名</td><td>山田</td></tr></table>', '氏名\t山田'],
    ['<style>p{}</style><SCRIPT>x=1</SCRIPT>text', 'text'],
    ['a<!-- 090-5555-0000 -->b', 'ab'],
    ['a<!---->b<!-- x -- y -->c', 'abc'],
    ['a<!-- never closed <p>x</p>', 'a'],
    ['&amp;&lt;b&gt;&quot;&nbsp;&yen;', '&<b>" ¥'],
    ['&#12354;&#x3042;&#X3042;', 'あああ'],
    ['&unknown; &#0; &#x110000;', '&unknown; &#0; &#x110000;'],
    ['before<script>never closed', 'before'],
    ['İ<SCRIPT>x</SCRIPT>after', 'İafter'], // non-ASCII before a tag must not shift the cut
    ['1 < 2 and 3 > 2', '1 < 2 and 3 > 2'],
    ['<dl><dt>氏名</dt><dd>山田</dd><dt>電話</dt><dd>090</dd></dl>', '氏名\t山田\n電話\t090'],
    ['<label for="n">氏名</label><span>山田</span>', '氏名\t山田'],
    ['<label>電話</label><input type="text" name="tel" value="090-5555-0199"><p>x</p>', '電話\t090-5555-0199\nx'],
  ])('%j → %j', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
});

describe('emlExtractor.matches', () => {
  it.each([
    ['mail.eml', true],
    ['MAIL.EML', true],
    ['mail.txt', false],
    ['mail.msg', false],
  ])('%s → %s', (name, expected) => {
    expect(emlExtractor.matches(name, new Uint8Array(0))).toBe(expected);
  });
});
