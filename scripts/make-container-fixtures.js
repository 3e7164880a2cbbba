#!/usr/bin/env node
/**
 * Writes the container fixtures (PDF, e-mail, zip, gzip) under fixtures/documents/containers/.
 * Deterministic: no timestamps, no randomness, so re-running it gives byte-identical files.
 * Every PII value is synthetic: My Number 555123456787 is check-digit-valid and made for the purpose,
 * phone numbers are 555-style, 4111 1111 1111 1111 is the well-known test card number.
 * The PDF and zip writers are minimal hand-written ones (no PDF or zip library in the project); they live
 * here, not in src/, because only fixtures need to write these formats.
 * Usage: node scripts/make-container-fixtures.js
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync, gzipSync } from 'node:zlib';
import Encoding from 'encoding-japanese';
import { latin1, makePdf, ucs2Hex } from './lib/pdf-objects.js';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'documents', 'containers');
const sjis = (s) => Buffer.from(Encoding.convert(Encoding.stringToCode(s), { to: 'SJIS', from: 'UNICODE' }));
const jis = (s) => Buffer.from(Encoding.convert(Encoding.stringToCode(s), { to: 'JIS', from: 'UNICODE' }));
const b64 = (buf) => buf.toString('base64').replace(/.{1,76}/g, '$&\r\n');
const mimeWord = (charset, buf) => `=?${charset}?B?${buf.toString('base64')}?=`;
const crlf = (s) => s.replace(/\r?\n/g, '\r\n');

// ---------- PDF ----------
const stream = (dict, data) => Buffer.concat([latin1(`<< ${dict} /Length ${data.length} >>\nstream\n`), data, latin1('\nendstream')]);

const textLines = (font, lines) =>
  latin1(`BT /${font} 12 Tf 72 770 Td 14 TL\n${lines.map((l) => `${l} Tj T*`).join('\n')}\nET`);
const helvetica = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
/** Non-embedded Japanese font through a predefined CMap: text only comes out when cMapUrl is set. */
const heisei = ['<< /Type /Font /Subtype /Type0 /BaseFont /HeiseiKakuGo-W5 /Encoding /UniJIS-UCS2-H /DescendantFonts [7 0 R] >>',
  '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /HeiseiKakuGo-W5 /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 2 >> /FontDescriptor 8 0 R /DW 1000 >>',
  '<< /Type /FontDescriptor /FontName /HeiseiKakuGo-W5 /Flags 4 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 769 /StemV 69 >>'];
const page = (contents, resources) => `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources ${resources} /Contents ${contents} 0 R >>`;

const PAGE1 = ['(CONFIDENTIAL)', '(Customer: Taro Yamada)', '(Tel: 03-5555-0123)', '(Postal code: 100-)', '(0001 Chiyoda-ku, Tokyo)'];
const PAGE2 = ['顧客情報', '氏名 山田 太郎', '個人番号 5551 2345 6787', '電話 090-5555-0199', '〒100-', '0001 東京都千代田区千代田1-1'];

function textPdf() {
  return makePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>',
    page(9, '<< /Font << /F1 5 0 R >> >>'),
    page(10, '<< /Font << /F2 6 0 R >> >>'),
    helvetica, ...heisei,
    stream('', textLines('F1', PAGE1)),
    stream('', textLines('F2', PAGE2.map(ucs2Hex))),
  ]);
}

function imageOnlyPdf() {
  const image = stream('/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8', Buffer.from([0, 255, 255, 0]));
  return makePdf([
    '<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    page(5, '<< /XObject << /Im1 4 0 R >> >>'), image, stream('', latin1('q 200 0 0 200 72 500 cm /Im1 Do Q')),
  ]);
}

/** RC4, for the PDF standard security handler (revision 2, 40-bit): PDF 1.7 (ISO 32000-1) 7.6.3. */
function rc4(key, data) {
  const s = [...Array(256).keys()];
  for (let i = 0, j = 0; i < 256; i++) { j = (j + s[i] + key[i % key.length]) & 255; [s[i], s[j]] = [s[j], s[i]]; }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255; j = (j + s[i]) & 255; [s[i], s[j]] = [s[j], s[i]];
    out[n] = data[n] ^ s[(s[i] + s[j]) & 255];
  }
  return out;
}
const md5 = (...bufs) => createHash('md5').update(Buffer.concat(bufs)).digest();

/** A PDF whose user password is "jpii-test" (ISO 32000-1 algorithms 2, 3 and 4). */
function encryptedPdf() {
  const pad = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex');
  const padded = (pw) => Buffer.concat([latin1(pw), pad]).subarray(0, 32);
  const id = Buffer.from('6a70696966697874757265730000000a', 'hex');
  const owner = rc4(md5(padded('owner-test')).subarray(0, 5), padded('jpii-test'));
  const p = Buffer.alloc(4); p.writeInt32LE(-44);
  const key = md5(padded('jpii-test'), owner, p, id).subarray(0, 5);
  const user = rc4(key, pad);
  const objKey = md5(key, Buffer.from([5, 0, 0, 0, 0])).subarray(0, 10);
  return makePdf([
    '<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    page(5, '<< /Font << /F1 4 0 R >> >>'), helvetica,
    stream('', rc4(objKey, textLines('F1', ['(Tel: 03-5555-0123)']))),
    `<< /Filter /Standard /V 1 /R 2 /O <${owner.toString('hex')}> /U <${user.toString('hex')}> /P -44 >>`,
  ], `/Encrypt 6 0 R /ID [<${id.toString('hex')}> <${id.toString('hex')}>] `);
}

// ---------- zip ----------
/**
 * entries: {name: Buffer, data?: Buffer, method?: 0|8|n, flags?: number, raw?: Buffer (stored bytes as they are),
 * size?, crc? (declared values that may lie), alias?: index of an earlier entry whose local record it reuses}.
 */
function makeZip(entries) {
  const locals = [];
  const centrals = [];
  const records = [];
  let offset = 0;
  for (const e of entries) {
    const method = e.method ?? 8;
    const data = e.data ?? Buffer.alloc(0);
    const raw = e.raw ?? (method === 8 ? deflateRawSync(data, { level: 9 }) : data);
    const fields = e.alias === undefined
      ? { flags: e.flags ?? 0, method, crc: e.crc ?? crc32(data), csize: raw.length, size: e.size ?? data.length, offset }
      : { ...records[e.alias] };
    records.push(fields);
    const head = (sig, extra) => {
      const b = Buffer.alloc(extra);
      b.writeUInt32LE(sig, 0);
      return b;
    };
    const common = (b, at) => {
      b.writeUInt16LE(20, at); b.writeUInt16LE(fields.flags, at + 2); b.writeUInt16LE(fields.method, at + 4);
      b.writeUInt16LE(0, at + 6); b.writeUInt16LE(0x5b21, at + 8); // fixed DOS date 2025-09-01
      b.writeUInt32LE(fields.crc, at + 10); b.writeUInt32LE(fields.csize, at + 14); b.writeUInt32LE(fields.size, at + 18);
      b.writeUInt16LE(e.name.length, at + 22);
    };
    if (e.alias === undefined) {
      const local = head(0x04034b50, 30);
      common(local, 4);
      locals.push(local, e.name, raw);
      offset += local.length + e.name.length + raw.length;
    }
    const central = head(0x02014b50, 46);
    central.writeUInt16LE(20, 4);
    common(central, 6);
    central.writeUInt32LE(fields.offset, 42);
    centrals.push(central, e.name);
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
const utf8Name = { flags: 0x800 };
const n = (s) => Buffer.from(s, 'utf8');

const CSV = '氏名,電話番号,個人番号\r\n山田 太郎,090-5555-0199,5551 2345 6787\r\n';

function zips() {
  const inner = makeZip([{ name: n('inner/data.csv'), data: n(CSV), ...utf8Name }]);
  const normal = makeZip([
    { name: sjis('顧客一覧.csv'), data: sjis(CSV) },
    { name: n('docs/'), method: 0 },
    { name: n('docs/メモ.txt'), data: n('連絡先 03-5555-0123\n'), ...utf8Name },
    { name: n('docs/stored.txt'), data: n('stored entry\n'), method: 0 },
    { name: n('nested/inner.zip'), data: inner },
  ]);
  let nested = makeZip([{ name: n('level20.txt'), data: n('deepest level\n') }]);
  for (let level = 19; level >= 1; level--) nested = makeZip([{ name: n(`level${level + 1}.zip`), data: nested }]);
  const zeros = Buffer.alloc(200 * 1024 * 1024);
  const fifty = zeros.subarray(0, 50 * 1024 * 1024);
  const fiftyRaw = deflateRawSync(fifty, { level: 9 });
  return {
    'normal.zip': normal,
    'nested-20.zip': nested,
    'truncated.zip': normal.subarray(0, Math.floor(normal.length / 2)),
    'empty.zip': Buffer.alloc(0),
    'empty-archive.zip': makeZip([]),
    'encrypted-entry.zip': makeZip([
      { name: n('readme.txt'), data: n('not encrypted\n') },
      // Traditional PKWARE encryption: bit 0 set, 12-byte encryption header before the data (APPNOTE 6.1).
      { name: n('secret.csv'), method: 0, flags: 0x1, raw: Buffer.concat([Buffer.alloc(12, 0xa5), n('x'.repeat(20))]), size: 20, crc: 0 },
    ]),
    'unsupported-method.zip': makeZip([{ name: n('packed.bin'), method: 12, raw: n('BZh9 not really'), size: 100, crc: 0 }]),
    'bomb-ratio.zip': makeZip([{ name: n('zeros.bin'), raw: deflateRawSync(zeros, { level: 9 }), size: zeros.length, crc: crc32(zeros) }]),
    // Overlapping entries (every central record points at one local record): 22 × 50 MiB declared, file ≈ 50 KB.
    'bomb-total.zip': makeZip([
      { name: n('part0.bin'), raw: fiftyRaw, size: fifty.length, crc: crc32(fifty) },
      ...Array.from({ length: 21 }, (_, i) => ({ name: n(`part${i + 1}.bin`), alias: 0 })),
    ]),
    'lying-size.zip': makeZip([{ name: n('liar.txt'), data: n('0123456789'.repeat(100)), size: 10 }]),
    'bad-crc.zip': makeZip([{ name: n('bad.txt'), data: n('checksum will not match\n'), crc: 0x12345678 }]),
  };
}

// ---------- e-mail ----------
function emails() {
  const iso = crlf(`From: ${mimeWord('ISO-2022-JP', jis('山田 太郎'))} <taro.yamada@example.com>
To: ${mimeWord('ISO-2022-JP', jis('佐藤 花子'))} <hanako.sato@example.jp>
Cc: support@example.com
Subject: ${mimeWord('ISO-2022-JP', jis('顧客情報の件'))}
Date: Mon, 1 Sep 2025 10:00:00 +0900
MIME-Version: 1.0
Content-Type: text/plain; charset=ISO-2022-JP
Content-Transfer-Encoding: 7bit

`);
  const isoBody = jis('お世話になっております。\r\n電話番号は 090-5555-0199 です。\r\n');
  const csvName = '顧客リスト.csv';
  const sjisMail = crlf(`From: sender@example.com
To: =?Shift_JIS?B?${sjis('経理部').toString('base64')}?= <keiri@example.jp>
Subject: =?Shift_JIS?B?${sjis('名簿送付').toString('base64')}?=
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="jpii-boundary"

--jpii-boundary
Content-Type: text/plain; charset=Shift_JIS
Content-Transfer-Encoding: base64

${b64(sjis('名簿を添付します。\r\n個人番号 5551 2345 6787\r\n'))}
--jpii-boundary
Content-Type: text/csv; name="list.csv"
Content-Disposition: attachment; filename*=UTF-8''${encodeURIComponent(csvName)}
Content-Transfer-Encoding: base64

${b64(sjis(CSV))}
--jpii-boundary--
`);
  const qp = (s) => [...Buffer.from(s, 'utf8')].map((c) => (c < 128 && c !== 61 ? String.fromCharCode(c) : `=${c.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
  const utf8Mail = crlf(`From: =?UTF-8?B?${n('鈴木 一郎').toString('base64')}?= <ichiro.suzuki@example.com>
To: team@example.com
Subject: =?UTF-8?Q?${qp('住所変更').replace(/ /g, '_')}?=
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="outer"

--outer
Content-Type: multipart/alternative; boundary="alt"

--alt
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: quoted-printable

${qp('新しい住所は 〒100-0001 東京都千代田区千代田1-1 です。')}
--alt
Content-Type: text/html; charset=UTF-8

<p>html part is ignored when a text part exists</p>
--alt--
--outer
Content-Type: text/csv
Content-Disposition: attachment; filename="=?UTF-8?B?${n('名簿.csv').toString('base64')}?="

${CSV}
--outer--
`);
  const htmlMail = crlf(`From: info@example.com
Subject: HTML only
MIME-Version: 1.0
Content-Type: text/html; charset=UTF-8
Content-Transfer-Encoding: quoted-printable

${qp('<html><head><style>p{color:red}</style><script>var x = 1;</script></head><body><p>お客様&nbsp;各位</p><p>電話: 03&#45;5555&#x2D;0123<br>A &amp; B &lt;tag&gt; &#12354;</p><!-- comment 090-5555-0000 --><table><tr><td>氏名</td><td>山田 太郎</td></tr></table></body></html>')}
`);
  return {
    'iso-2022-jp.eml': Buffer.concat([n(iso), isoBody]),
    'shift-jis-base64.eml': Buffer.from(sjisMail, 'latin1'),
    'utf8-qp.eml': n(utf8Mail),
    'html-only.eml': n(htmlMail),
  };
}

function main() {
  mkdirSync(OUT, { recursive: true });
  const text = textPdf();
  const files = {
    'text-ja.pdf': text,
    'image-only.pdf': imageOnlyPdf(),
    'encrypted.pdf': encryptedPdf(),
    'truncated.pdf': text.subarray(0, Math.floor(text.length / 2)),
    ...emails(),
    ...zips(),
    'customers.csv.gz': gzipSync(n(CSV), { level: 9 }),
  };
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(OUT, name), bytes);
  process.stdout.write(`wrote ${Object.keys(files).length} files to ${OUT}\n`);
}

main();
