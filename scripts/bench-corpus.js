#!/usr/bin/env node
/**
 * bench-corpus — the deterministic benchmark corpus for `npm run bench` (scripts/bench.js imports it).
 * Input: a directory OUTSIDE the repo (default $TMPDIR/jpii-bench), the big file's size and the workloads
 * wanted. Output: DIR/big (one Japanese UTF-8 text file), DIR/small (10,000 files of 1–20 KB in nested
 * folders), DIR/sjis (Shift_JIS customer/order CSVs, ≈64 MiB), DIR/office (one 100,000 × 8 xlsx, 200 docx,
 * 50 PDFs), DIR/roster and DIR/rosterx (dense rosters, scripts/bench-roster.js), DIR/tree (`--tree-files`, default 1,000,000 tiny files, for memory over a growing tree; opt-in:
 * about 4 GB of disk blocks). Each workload is stamped (DIR/<name>.stamp.json) with CORPUS_VERSION and its parameters, so a
 * second run reuses it; a stale or half-written workload is deleted and made again.
 * Never: reads real personal data or the network, or writes inside the repo. Every PII value is synthetic
 * (check digits from ../shared/CHECKSUMS.md; postal codes are real public codes of business districts).
 * Plain Node ESM; only encoding-japanese and exceljs (both dependencies) beyond node: modules.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { deflateRawSync, deflateSync } from 'node:zlib';
import Encoding from 'encoding-japanese';
import ExcelJS from 'exceljs';
import { mulberry32 } from './lib/prng.js';
import { eanCheck, myNumberCheck } from './lib/check-digits.js';
import { makeRoster, makeRosterXlsx } from './bench-roster.js';

/** Bump when any generator below changes its output: cached corpora with another stamp are rebuilt. */
export const CORPUS_VERSION = 1;
export const WORKLOADS = ['big', 'small', 'sjis', 'roster', 'rosterx', 'office', 'tree'];
const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const defaultDir = () => join(process.env.TMPDIR || tmpdir(), 'jpii-bench');

// ---------------------------------------------------------------- deterministic randomness
/** A small random toolkit around one seeded stream; every generator gets its own seed. */
export function rng(seed) {
  const r = mulberry32(seed);
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  const pick = (arr) => arr[Math.floor(r() * arr.length)];
  const digits = (n) => { let s = ''; for (let i = 0; i < n; i++) s += String.fromCharCode(48 + Math.floor(r() * 10)); return s; };
  return { r, int, pick, digits, chance: (p) => r() < p };
}
const pad = (n, w) => String(n).padStart(w, '0');
const commas = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

// ---------------------------------------------------------------- synthetic people, places, business words
const SEI = [['佐藤', 'sato'], ['鈴木', 'suzuki'], ['高橋', 'takahashi'], ['田中', 'tanaka'], ['伊藤', 'ito'], ['渡辺', 'watanabe'],
  ['中村', 'nakamura'], ['小林', 'kobayashi'], ['加藤', 'kato'], ['吉田', 'yoshida'], ['山口', 'yamaguchi'], ['松本', 'matsumoto'],
  ['井上', 'inoue'], ['木村', 'kimura'], ['清水', 'shimizu'], ['池田', 'ikeda'], ['橋本', 'hashimoto'], ['前田', 'maeda']];
const MEI = [['翔太', 'shota'], ['大輔', 'daisuke'], ['健太', 'kenta'], ['拓也', 'takuya'], ['直樹', 'naoki'], ['美咲', 'misaki'],
  ['陽子', 'yoko'], ['恵子', 'keiko'], ['由美', 'yumi'], ['結衣', 'yui'], ['和也', 'kazuya'], ['裕子', 'yuko'], ['明美', 'akemi']];
/** Real postal codes of business districts (public Japan Post data), with the town they belong to. */
const PLACES = [['1000005', '東京都千代田区丸の内'], ['1500002', '東京都渋谷区渋谷'], ['1600022', '東京都新宿区新宿'],
  ['1040061', '東京都中央区銀座'], ['1060032', '東京都港区六本木'], ['5300001', '大阪府大阪市北区梅田'],
  ['4600008', '愛知県名古屋市中区栄'], ['8100001', '福岡県福岡市中央区天神'], ['9800811', '宮城県仙台市青葉区一番町'],
  ['0600001', '北海道札幌市中央区北一条西'], ['2310023', '神奈川県横浜市中区山下町'], ['7300011', '広島県広島市中区基町']];
const DOMAINS = ['sample-mail.jp', 'demo-keitai.ne.jp', 'mail.sample-isp.ne.jp', 'dummy-net.jp', 'example-post.jp'];
const COMPANIES = ['株式会社ミライ物産', 'あおぞら工業株式会社', 'ひかり電機株式会社', '株式会社北斗システム', 'みどり食品株式会社',
  '東都サンプル運輸株式会社', '有限会社こだま印刷', '株式会社さくら建設', '大和サンプル商事株式会社'];
const DEPTS = ['営業部', '経理部', '総務部', '人事部', '情報システム部', '購買部', '品質保証部', '物流センター'];
const PRODUCTS = ['業務用プリンター', 'コピー用紙A4', 'ノートパソコン', '液晶モニター', 'オフィスチェア', 'LED照明', '段ボール箱', '複合機トナー'];
const CARRIERS = ['ヤマト運輸', '佐川急便', '日本郵便', '西濃運輸'];
const FILLER = ['引き続きご愛顧賜りますようお願い申し上げます。', '詳細は添付資料をご確認ください。', '本件について担当者より追ってご連絡いたします。',
  'ご不明な点がございましたらお気軽にお問い合わせください。', '今後のスケジュールについては次回の会議で決定する予定です。',
  '関係各位におかれましては、ご確認のほどよろしくお願いいたします。', '前回の議事録に記載の課題はすべて対応済みである。',
  '新しい業務フローは来月から全拠点で運用を開始します。', '品質向上のため、検査工程を一部見直しました。'];

/** Every value a line may need, drawn from one random toolkit. */
export function vocabulary(g) {
  const person = () => { const s = g.pick(SEI); const m = g.pick(MEI); return { name: s[0] + ' ' + m[0], roma: `${m[1]}.${s[1]}` }; };
  const year = () => g.int(2019, 2025);
  const date = () => (g.chance(0.5) ? `${year()}年${g.int(1, 12)}月${g.int(1, 28)}日` : `${year()}/${pad(g.int(1, 12), 2)}/${pad(g.int(1, 28), 2)}`);
  const ymd = () => `${year()}${pad(g.int(1, 12), 2)}${pad(g.int(1, 28), 2)}`;
  const price = () => commas(g.int(1, 99) * 10 ** g.int(2, 5) + g.int(0, 99) * 10);
  const myNumber = () => { const d = g.digits(11); const n = d + myNumberCheck(d); return g.chance(0.5) ? n : `${n.slice(0, 4)} ${n.slice(4, 8)} ${n.slice(8)}`; };
  const mobile = () => `0${g.pick(['90', '80', '70'])}-${g.int(1, 9)}${g.digits(3)}-${g.digits(4)}`;
  const landline = () => (g.chance(0.5) ? `03-5${g.digits(3)}-${g.digits(4)}` : `06-6${g.digits(3)}-${g.digits(4)}`);
  const place = () => { const p = g.pick(PLACES); return { postal: `${p[0].slice(0, 3)}-${p[0].slice(3)}`, address: `${p[1]}${g.int(1, 3)}-${g.int(1, 20)}-${g.int(1, 15)}` }; };
  const email = (p) => `${p.roma}${g.chance(0.3) ? g.int(1, 99) : ''}@${g.pick(DOMAINS)}`;
  const ean = () => { const d = '49' + g.digits(10); return d + eanCheck(d); };
  return { person, date, ymd, price, myNumber, mobile, landline, place, email, ean, year };
}

/** A line of business prose: mostly look-alike numbers (orders, dates, prices, tracking, JAN codes). */
function proseLine(g, v) {
  switch (g.int(0, 11)) {
    case 0: return `${v.date()}、${g.pick(COMPANIES)}の${v.person().name}様より${g.pick(PRODUCTS)}の見積依頼を受領しました。`;
    case 1: return `注文番号${v.ymd()}${g.digits(5)}について、数量${g.int(1, 500)}個、合計金額${v.price()}円（税込）で出荷手配を行います。`;
    case 2: return `${g.pick(DEPTS)}の定例会議では、第${g.int(1, 4)}四半期の売上が前年同期比${g.int(1, 40)}.${g.int(0, 9)}%増の${v.price()}円と報告された。`;
    case 3: return `請求書番号 INV-${v.ymd()}-${g.digits(4)} の支払期日は${v.date()}です。`;
    case 4: return `出荷伝票 ${g.digits(12)} は${v.date()}に${g.pick(CARRIERS)}へ引き渡し済み。`;
    case 5: return `JANコード ${v.ean()} の在庫は${g.int(1, 900)}ケース、単価${v.price()}円です。`;
    case 6: return `受付時間は平日${g.int(8, 10)}:00〜${g.int(17, 19)}:00、内線${g.digits(4)}までお問い合わせください。`;
    case 7: return `製品ロット ${v.ymd()}-${g.digits(3)} の検査結果は良好で、不良率は0.${g.digits(2)}%であった。`;
    case 8: return `システム更新は${v.date()} ${g.int(0, 23)}:${pad(g.int(0, 59), 2)}から約${g.int(1, 6)}時間を予定しています。`;
    case 9: return `口座振替日は毎月${g.int(1, 28)}日、引落金額は${v.price()}円、管理番号は${g.digits(13)}です。`;
    default: return g.pick(FILLER) + g.pick(FILLER);
  }
}

/** A line carrying one synthetic PII value with the context a real document would give it. */
function piiLine(g, v) {
  const p = v.person();
  switch (g.int(0, 5)) {
    case 0: return `${p.name}様の個人番号（マイナンバー）は ${v.myNumber()} です。取扱注意。`;
    case 1: return `緊急連絡先：${p.name}　携帯 ${v.mobile()}`;
    case 2: return `本社代表 TEL ${v.landline()}（受付 9:00〜17:00）`;
    case 3: { const pl = v.place(); return `送付先：〒${pl.postal} ${pl.address} ${p.name}様`; }
    case 4: return `ご連絡はメール（${v.email(p)}）にてお願いいたします。`;
    default: { const pl = v.place(); return `〒${pl.postal} ${pl.address} 電話 ${v.landline()}`; }
  }
}
const textLine = (g, v, piiRate) => (g.chance(piiRate) ? piiLine(g, v) : proseLine(g, v));

// ---------------------------------------------------------------- (a) one big Japanese text file
function makeBig(root, { bigMb }) {
  const g = rng(0xb16); const v = vocabulary(g);
  const target = bigMb * 1024 * 1024;
  const fd = openSync(join(root, 'big-ja.txt'), 'w');
  let written = 0;
  try {
    while (written < target) {
      const lines = [];
      for (let i = 0; i < 20000; i++) lines.push(textLine(g, v, 0.015));
      const buf = Buffer.from(lines.join('\n') + '\n', 'utf8');
      // the last chunk ends on a line boundary at or before the target (never inside a UTF-8 sequence)
      const part = buf.length <= target - written ? buf : buf.subarray(0, buf.lastIndexOf(0x0a, target - written - 1) + 1);
      if (part.length === 0) break;
      writeSync(fd, part);
      written += part.length;
    }
  } finally { closeSync(fd); }
}

// ---------------------------------------------------------------- (b) 10,000 small files
const SMALL_DIRS = ['営業部', 'sales', '経理', 'hr-人事', 'logs', 'projects/alpha', 'projects/ベータ', 'shared/共有', 'archive'];
const SMALL_KINDS = [['txt', 'メモ'], ['csv', '顧客一覧'], ['md', '議事録'], ['json', 'orders'], ['log', 'access'], ['txt', 'report'], ['csv', 'data']];

function smallContent(g, v, ext, size) {
  const lines = [];
  let bytes = 0;
  const add = (s) => { lines.push(s); bytes += Buffer.byteLength(s) + 1; };
  if (ext === 'csv') add('受注番号,受注日,会社名,担当者,商品,数量,金額,連絡先');
  if (ext === 'md') add(`# ${g.pick(DEPTS)} 議事録 ${v.date()}`);
  if (ext === 'json') add('[');
  while (bytes < size) {
    const p = v.person();
    if (ext === 'csv') add([v.ymd() + g.digits(4), v.date(), g.pick(COMPANIES), p.name, g.pick(PRODUCTS), g.int(1, 99), `"${v.price()}"`, g.chance(0.03) ? v.mobile() : ''].join(','));
    else if (ext === 'json') add(`  {"orderId": "${v.ymd()}${g.digits(5)}", "amount": ${g.int(100, 999999)}, "date": "${v.ymd()}", "note": "${proseLine(g, v)}"${g.chance(0.02) ? `, "contact": "${v.email(p)}"` : ''}},`);
    else if (ext === 'log') add(`${v.year()}-${pad(g.int(1, 12), 2)}-${pad(g.int(1, 28), 2)}T${pad(g.int(0, 23), 2)}:${pad(g.int(0, 59), 2)}:${pad(g.int(0, 59), 2)}.${g.digits(3)}Z INFO [req-${g.digits(8)}] GET /api/orders/${g.digits(6)} 200 ${g.int(1, 900)}ms${g.chance(0.01) ? ` user=${v.email(p)}` : ''}`);
    else if (ext === 'md' && g.chance(0.1)) add(`\n## ${g.pick(PRODUCTS)}\n`);
    else add(textLine(g, v, 0.02));
  }
  if (ext === 'json') add('  {"orderId": "end"}\n]');
  return lines.join('\n') + '\n';
}

function makeSmall(root, { smallFiles }) {
  for (let i = 0; i < smallFiles; i++) {
    const g = rng(0x5a11 + i * 7919); const v = vocabulary(g);
    const [ext, stem] = g.pick(SMALL_KINDS);
    const dir = join(root, g.pick(SMALL_DIRS), String(2019 + (i % 6)), pad(1 + (i % 12), 2), `batch-${pad(i % 23, 2)}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${stem}_${pad(i, 5)}.${ext}`), smallContent(g, v, ext, g.int(1024, 20 * 1024)));
  }
}

// ---------------------------------------------------------------- (c) Shift_JIS CSVs
/** Bytes the string takes in Shift_JIS: 1 for ASCII and half-width katakana, 2 for the rest (JIS X 0208). */
function sjisLength(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); n += c < 0x80 || (c >= 0xff61 && c <= 0xff9f) ? 1 : 2; }
  return n;
}

function makeSjis(root, { sjisFiles, sjisMb }) {
  const header = '顧客コード,会社名,担当部署,受注番号,受注日,商品コード,商品名,数量,単価,金額,連絡先,備考';
  for (let f = 0; f < sjisFiles; f++) {
    const g = rng(0x5715 + f * 104729); const v = vocabulary(g);
    const target = Math.floor((sjisMb * 1024 * 1024) / sjisFiles);
    const rows = [header];
    let bytes = 0;
    while (bytes < target) {
      const p = v.person();
      const contact = g.chance(0.04) ? v.landline() : g.chance(0.02) ? v.email(p) : g.chance(0.01) ? `〒${v.place().postal}` : '';
      const row = [`C${g.digits(7)}`, g.pick(COMPANIES), g.pick(DEPTS), v.ymd() + g.digits(5), v.date(), v.ean(), g.pick(PRODUCTS),
        g.int(1, 300), g.int(100, 99999), `"${v.price()}"`, contact, g.chance(0.1) ? g.pick(FILLER) : ''].join(',');
      rows.push(row);
      bytes += sjisLength(row) + 2;
    }
    const sjis = Encoding.convert(rows.join('\r\n') + '\r\n', { to: 'SJIS', from: 'UNICODE', type: 'arraybuffer' });
    writeFileSync(join(root, `顧客リスト_${pad(f + 1, 2)}.csv`), Uint8Array.from(sjis));
  }
}

// ---------------------------------------------------------------- (d) office: xlsx, docx, pdf
async function makeXlsx(file, rows) {
  const g = rng(0x815); const v = vocabulary(g);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  wb.created = wb.modified = new Date(Date.UTC(2025, 0, 1)); // zip entry times still vary: the cells do not
  wb.creator = 'jpii bench';
  const ws = wb.addWorksheet('受注一覧');
  ws.addRow(['受注番号', '受注日', '会社名', '担当者', '商品', '数量', '金額', '連絡先']).commit();
  for (let i = 0; i < rows; i++) {
    const p = v.person();
    const contact = g.chance(0.03) ? v.mobile() : g.chance(0.02) ? v.email(p) : '';
    ws.addRow([v.ymd() + g.digits(5), v.date(), g.pick(COMPANIES), p.name, g.pick(PRODUCTS), g.int(1, 300), g.int(100, 9999999), contact]).commit();
  }
  ws.commit();
  await wb.commit();
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
function crc32(buf) { let c = 0xffffffff; for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; }

/** A minimal ZIP (deflate, UTF-8 names) — PKWARE APPNOTE 6.3.x §4.3; enough for OOXML readers. */
function zip(entries) {
  const locals = []; const central = []; let offset = 0;
  for (const [name, text] of entries) {
    const data = Buffer.from(text, 'utf8'); const packed = deflateRawSync(data); const nameBuf = Buffer.from(name, 'utf8');
    const head = Buffer.alloc(30); const crc = crc32(data);
    head.writeUInt32LE(0x04034b50, 0); head.writeUInt16LE(20, 4); head.writeUInt16LE(0x0800, 6); head.writeUInt16LE(8, 8);
    head.writeUInt16LE(0, 10); head.writeUInt16LE(0x5a21, 12); head.writeUInt32LE(crc, 14); head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(data.length, 22); head.writeUInt16LE(nameBuf.length, 26); head.writeUInt16LE(0, 28);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0); cd.writeUInt16LE(20, 4); head.copy(cd, 6, 4, 30); cd.writeUInt32LE(offset, 42);
    locals.push(head, nameBuf, packed); central.push(cd, nameBuf);
    offset += 30 + nameBuf.length + packed.length;
  }
  const cdBuf = Buffer.concat(central); const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdBuf.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cdBuf, end]);
}
const xmlEscape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function docx(paragraphs) {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const body = paragraphs.map((t) => `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(t)}</w:t></w:r></w:p>`).join('');
  return zip([
    ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'],
    ['_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'],
    ['word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}<w:sectPr/></w:body></w:document>`],
  ]);
}

/**
 * A minimal text PDF (ISO 32000-1): a Type0 font with Identity-H (2-byte CIDs numbered per document) and a
 * ToUnicode CMap, so text extractors recover the Japanese without an embedded font; flate content streams.
 */
function pdf(pages) {
  const chars = [...new Set(pages.flat().join(''))];
  const cid = new Map(chars.map((c, i) => [c, (i + 1).toString(16).padStart(4, '0')]));
  const bf = [];
  for (let i = 0; i < chars.length; i += 100) {
    const block = chars.slice(i, i + 100).map((c) => `<${cid.get(c)}> <${c.charCodeAt(0).toString(16).padStart(4, '0')}>`);
    bf.push(`${block.length} beginbfchar\n${block.join('\n')}\nendbfchar`);
  }
  const cmap = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n${bf.join('\n')}\nendcmap CMapName currentdict /CMap defineresource pop end end`;
  const stream = (dict, text) => { const z = deflateSync(Buffer.from(text, 'latin1')); return [`<< ${dict} /Length ${z.length} /Filter /FlateDecode >>\nstream\n`, z, '\nendstream']; };
  const objs = [null, ['<< /Type /Catalog /Pages 2 0 R >>'], null,
    ['<< /Type /Font /Subtype /Type0 /BaseFont /BenchGothic /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>'],
    ['<< /Type /Font /Subtype /CIDFontType2 /BaseFont /BenchGothic /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 6 0 R /DW 1000 >>'],
    stream('', cmap),
    ['<< /Type /FontDescriptor /FontName /BenchGothic /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>']];
  const kids = [];
  for (const lines of pages) {
    const hex = lines.map((l) => `<${[...l].map((c) => cid.get(c)).join('')}> Tj T*`).join('\n');
    objs.push(stream('', `BT /F1 10 Tf 14 TL 40 800 Td\n${hex}\nET`));
    objs.push([`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${objs.length - 1} 0 R >>`]);
    kids.push(`${objs.length - 1} 0 R`);
  }
  objs[2] = [`<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${kids.length} >>`];
  const parts = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')]; const offsets = []; let at = parts[0].length;
  for (let i = 1; i < objs.length; i++) {
    offsets.push(at);
    for (const p of [`${i} 0 obj\n`, ...objs[i], '\nendobj\n']) { const b = typeof p === 'string' ? Buffer.from(p, 'latin1') : p; parts.push(b); at += b.length; }
  }
  const xref = `xref\n0 ${objs.length}\n0000000000 65535 f \n${offsets.map((o) => `${pad(o, 10)} 00000 n \n`).join('')}trailer\n<< /Size ${objs.length} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`;
  return Buffer.concat([...parts, Buffer.from(xref, 'latin1')]);
}

async function makeOffice(root, { xlsxRows, docxFiles, pdfFiles }) {
  await makeXlsx(join(root, '受注一覧_大.xlsx'), xlsxRows);
  mkdirSync(join(root, 'docx')); mkdirSync(join(root, 'pdf'));
  for (let i = 0; i < docxFiles; i++) {
    const g = rng(0xd0c + i * 31337); const v = vocabulary(g);
    const paras = Array.from({ length: g.int(20, 120) }, () => textLine(g, v, 0.03));
    writeFileSync(join(root, 'docx', `報告書_${pad(i + 1, 3)}.docx`), docx(paras));
  }
  for (let i = 0; i < pdfFiles; i++) {
    const g = rng(0x9df + i * 65537); const v = vocabulary(g);
    const pages = Array.from({ length: g.int(1, 6) }, () => Array.from({ length: 50 }, () => textLine(g, v, 0.03)));
    writeFileSync(join(root, 'pdf', `請求書_${pad(i + 1, 3)}.pdf`), pdf(pages));
  }
}

// ---------------------------------------------------------------- (e) a big tree of tiny files
/**
 * `treeFiles` tiny files (one or two lines each), 1,000 to a folder, 100 folders to a group: the memory of a
 * scan must not grow with the number of files. One file in 50 holds a phone number in context.
 */
function makeTree(root, { treeFiles }) {
  const g = rng(0x7eee);
  for (let i = 0; i < treeFiles; i++) {
    const dir = join(root, `g${pad(Math.floor(i / 100_000), 2)}`, `d${pad(Math.floor(i / 1000) % 100, 2)}`);
    if (i % 1000 === 0) mkdirSync(dir, { recursive: true });
    const line = `受注 ${g.digits(6)} 数量 ${g.int(1, 99)} ${g.pick(PRODUCTS)}\n`;
    writeFileSync(join(dir, `f${pad(i % 1000, 3)}.txt`), g.chance(0.02) ? `${line}電話番号: 03-${g.digits(4)}-${g.digits(4)}\n` : line);
  }
}

// ---------------------------------------------------------------- cache and entry point
const MAKERS = { big: makeBig, small: makeSmall, sjis: makeSjis, roster: makeRoster, rosterx: makeRosterXlsx, office: makeOffice, tree: makeTree };
export const DEFAULT_PARAMS = { bigMb: 64, smallFiles: 10_000, sjisFiles: 16, sjisMb: 64, rosterRows: 86_000, rosterXlsxRows: 30_000, xlsxRows: 100_000, docxFiles: 200, pdfFiles: 50, treeFiles: 1_000_000 };
const PARAM_KEYS = { big: ['bigMb'], small: ['smallFiles'], sjis: ['sjisFiles', 'sjisMb'], roster: ['rosterRows'], rosterx: ['rosterXlsxRows'], office: ['xlsxRows', 'docxFiles', 'pdfFiles'], tree: ['treeFiles'] };

/**
 * Makes each wanted workload unless its stamp matches; returns {name: absolute folder}. Refuses a folder
 * inside the repo (the corpus is hundreds of MB and must never be committed).
 */
export async function ensureCorpus({ dir = defaultDir(), workloads = WORKLOADS, params = {}, log = () => {} } = {}) {
  const base = resolve(dir);
  const rel = relative(REPO, base);
  if (!(rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel))) throw new Error(`bench corpus must live outside the repo, not in ${base}`);
  const all = { ...DEFAULT_PARAMS, ...params };
  const out = {};
  for (const name of workloads) {
    if (!MAKERS[name]) throw new Error(`unknown workload '${name}' (known: ${WORKLOADS.join(', ')})`);
    const root = join(base, name); const stampFile = join(base, `${name}.stamp.json`);
    const stamp = JSON.stringify({ version: CORPUS_VERSION, ...Object.fromEntries(PARAM_KEYS[name].map((k) => [k, all[k]])) });
    out[name] = root;
    if (existsSync(stampFile) && existsSync(root) && readFileSync(stampFile, 'utf8') === stamp) continue;
    const started = Date.now();
    log(`generating ${name} corpus in ${root} …`);
    rmSync(stampFile, { force: true }); rmSync(root, { recursive: true, force: true }); mkdirSync(root, { recursive: true });
    await MAKERS[name](root, all);
    writeFileSync(stampFile, stamp);
    log(`  ${name}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const val = (flag) => { const i = args.indexOf(flag); return i >= 0 ? args[i + 1] : undefined; };
  const only = val('--only')?.split(',') ?? ['big', 'small', 'sjis', 'roster', 'rosterx', ...(args.includes('--office') ? ['office'] : [])];
  const params = { ...(val('--big-mb') ? { bigMb: Number(val('--big-mb')) } : {}), ...(val('--tree-files') ? { treeFiles: Number(val('--tree-files')) } : {}) };
  const dirs = await ensureCorpus({ dir: val('--dir'), workloads: only, params, log: (m) => console.error(m) });
  console.log(JSON.stringify(dirs, null, 2));
}
