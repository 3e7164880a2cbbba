#!/usr/bin/env node
/**
 * make-legacy-eval — a held-out corpus of legacy Office files for measuring recall per format (issue 14).
 * Input: `--seed N` and `--out DIR`. Output: DIR/{xls,xlsb,ppt,doc,rtf,msg}/… and DIR/expected.json (every
 * personal value planted, by file, type and canonical value). Layouts (header words, column order, title rows,
 * value styles, document phrasing) are drawn from the seed, so a seed nobody tuned on gives files nobody wrote
 * by hand.
 * Writers: .xls, .ppt, .doc and .rtf are written by LibreOffice (`soffice`, from flat ODF made here) — another
 * program than jpii's readers; set SOFFICE to its path (default /usr/lib/libreoffice/program/soffice). It runs
 * with a private profile inside DIR, deleted afterwards. .xlsb is written by SheetJS, .msg by
 * scripts/lib/legacy-writers.js (no other .msg writer exists for Node).
 * Every value is synthetic: My Numbers carry a valid check digit, phones are in allocated ranges, postal codes
 * and towns are real places, names are common ones, mail domains are made up.
 * Usage: node scripts/make-legacy-eval.js --seed 202 --out /tmp/eval   then   node scripts/legacy-recall.js /tmp/eval
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from './lib/prng.js';
import { cp932, makeMsg, makeWorkbook } from './lib/legacy-writers.js';

const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i >= 0 ? process.argv[i + 1] : dflt; };
const SEED = Number(arg('--seed', '202'));
const OUT = arg('--out', '/tmp/jpii-legacy-eval');
const FILES = Number(arg('--files', '10'));
const SOFFICE = process.env.SOFFICE ?? '/usr/lib/libreoffice/program/soffice';
const rnd = mulberry32(SEED);
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = (a) => a[int(0, a.length - 1)];
const chance = (p) => rnd() < p;
const digits = (n) => Array.from({ length: n }, () => int(0, 9)).join('');
const pad = (n, w) => String(n).padStart(w, '0');

// ---------- people ----------
const SEI = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤', '吉田', '佐々木', '山口', '松本', '井上', '木村', '清水', '池田', '橋本', '阿部', '前田', '藤田', '岡田', '後藤', '長谷川', '村上', '近藤', '石川', '斎藤', '坂本'];
const MEI = ['翔太', '大輔', '健太', '拓也', '直樹', '誠', '浩二', '悠真', '和也', '隆', '美咲', '陽子', '恵子', '由美', '彩', '結衣', '真由美', '裕子', '明美', '美穂', '修', '博之', '奈々', '千尋'];
const ROMA = { 佐藤: 'sato', 鈴木: 'suzuki', 高橋: 'takahashi', 田中: 'tanaka', 伊藤: 'ito', 渡辺: 'watanabe', 山本: 'yamamoto', 中村: 'nakamura', 小林: 'kobayashi', 加藤: 'kato', 吉田: 'yoshida', 佐々木: 'sasaki', 山口: 'yamaguchi', 松本: 'matsumoto', 井上: 'inoue', 木村: 'kimura', 清水: 'shimizu', 池田: 'ikeda', 橋本: 'hashimoto', 阿部: 'abe', 前田: 'maeda', 藤田: 'fujita', 岡田: 'okada', 後藤: 'goto', 長谷川: 'hasegawa', 村上: 'murakami', 近藤: 'kondo', 石川: 'ishikawa', 斎藤: 'saito', 坂本: 'sakamoto' };
/** Real postal codes with their town (the Japan Post list). */
const PLACES = [['1000001', '東京都', '千代田区', '千代田'], ['1500002', '東京都', '渋谷区', '渋谷'], ['1600022', '東京都', '新宿区', '新宿'], ['1040061', '東京都', '中央区', '銀座'],
  ['5300001', '大阪府', '大阪市北区', '梅田'], ['0600001', '北海道', '札幌市中央区', '北一条西'], ['9800811', '宮城県', '仙台市青葉区', '一番町'], ['4600008', '愛知県', '名古屋市中区', '栄'],
  ['8100001', '福岡県', '福岡市中央区', '天神'], ['2200011', '神奈川県', '横浜市西区', '高島'], ['6500021', '兵庫県', '神戸市中央区', '三宮町'], ['9200961', '石川県', '金沢市', '香林坊']];
const DOMAINS = ['sample-mail.jp', 'demo-keitai.ne.jp', 'dummy-net.jp', 'example-post.jp'];

function myNumber() {
  const d = String(int(1, 9)) + digits(10);
  let sum = 0;
  for (let n = 1; n <= 11; n++) sum += Number(d[11 - n]) * (n <= 6 ? n + 1 : n - 5);
  const r = sum % 11;
  return d + (r <= 1 ? 0 : 11 - r);
}
function phone() {
  if (chance(0.5)) return [pick(['090', '080', '070']), String(int(1, 9)) + digits(3), digits(4)];
  const [area, len] = pick([['03', 4], ['06', 4], ['011', 3], ['052', 3], ['092', 3], ['045', 3]]);
  return [area, String(int(2, 9)) + digits(len - 1), digits(4)];
}
function person() {
  const sei = pick(SEI);
  const mei = pick(MEI);
  const [code, pref, city, town] = pick(PLACES);
  const [y, m, d] = [int(1950, 2000), int(1, 12), int(1, 28)];
  return {
    name: `${sei} ${mei}`, nameValue: sei + mei,
    phone: phone(), email: `${ROMA[sei]}.${pad(int(1, 999), 3)}@${pick(DOMAINS)}`,
    myNumber: myNumber(), postal: code, address: `${pref}${city}${town}${int(1, 5)}-${int(1, 20)}-${int(1, 15)}`,
    birth: [y, m, d],
  };
}
const iso = ([y, m, d]) => `${y}-${pad(m, 2)}-${pad(d, 2)}`;
const showa = ([y, m, d]) => (y * 10000 + m * 100 + d >= 19890108 ? `平成${y - 1988}年${m}月${d}日` : `昭和${y - 1925}年${m}月${d}日`);

/** Fields: header words, how a value is written, and the expected canonical value. */
const FIELDS = {
  name: { heads: ['氏名', 'お名前', '名前', '社員名', '顧客名'], type: 'person-name', write: (p) => p.name, value: (p) => p.nameValue },
  phone: { heads: ['電話番号', 'TEL', '連絡先電話番号', '携帯番号', '電話'], type: 'phone', write: (p) => (chance(0.7) ? p.phone.join('-') : `${p.phone[0]}(${p.phone[1]})${p.phone[2]}`), value: (p) => p.phone.join('') },
  email: { heads: ['メールアドレス', 'E-mail', 'メール', 'Eメール'], type: 'email', write: (p) => p.email, value: (p) => p.email },
  myNumber: { heads: ['マイナンバー', '個人番号'], type: 'my-number', write: (p) => (chance(0.5) ? p.myNumber : p.myNumber.replace(/(\d{4})(?=\d)/g, '$1 ')), value: (p) => p.myNumber },
  postal: { heads: ['郵便番号', '〒'], type: 'postal-code', write: (p) => `${p.postal.slice(0, 3)}-${p.postal.slice(3)}`, value: (p) => p.postal },
  address: { heads: ['住所', '現住所', '所在地'], type: 'address', write: (p) => p.address, value: (p) => p.address },
  birth: { heads: ['生年月日', '誕生日'], type: 'birth-date', write: (p) => (chance(0.5) ? `${p.birth[0]}/${p.birth[1]}/${p.birth[2]}` : showa(p.birth)), value: (p) => iso(p.birth) },
};
const KEYS = Object.keys(FIELDS);

const expected = [];
const expect = (file, key, p) => expected.push({ file, type: FIELDS[key].type, value: FIELDS[key].value(p) });

// ---------- flat ODF ----------
const NS = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"';
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const doc = (kind, styles, body) => `<?xml version="1.0" encoding="UTF-8"?>\n<office:document ${NS} office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.${kind}">${styles}<office:body>${body}</office:body></office:document>\n`;
const DATE_STYLE = '<office:automatic-styles><number:date-style style:name="N1"><number:year number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:day number:style="long"/></number:date-style><style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/></office:automatic-styles>';
const cell = (v) => (v && typeof v === 'object' ? `<table:table-cell table:style-name="ce1" office:value-type="date" office:date-value="${iso(v.date)}"><text:p>${iso(v.date)}</text:p></table:table-cell>` : `<table:table-cell office:value-type="string"><text:p>${esc(v ?? '')}</text:p></table:table-cell>`);
/** A table; Writer needs its columns declared (without them it keeps only the first cell of each row). */
const table = (name, rows) => {
  const columns = Math.max(...rows.map((r) => r.length));
  const body = rows.map((r) => `<table:table-row>${[...r, ...Array(columns - r.length).fill('')].map(cell).join('')}</table:table-row>`).join('');
  return `<table:table table:name="${esc(name)}"><table:table-column table:number-columns-repeated="${columns}"/>${body}</table:table>`;
};

/** One spreadsheet's sheets (rows of cells) and the values it holds. */
function sheetRows(file) {
  const keys = KEYS.filter(() => chance(0.6));
  if (!keys.includes('name')) keys.unshift('name');
  keys.sort(() => rnd() - 0.5);
  const heads = keys.map((k) => pick(FIELDS[k].heads));
  const lead = int(0, 2);
  const rows = [];
  if (chance(0.5)) rows.push([pick(['顧客一覧', '社員名簿', '会員リスト', '申込者一覧', '連絡先'])]);
  const pre = Array(lead).fill('');
  rows.push([...pre, ...heads]);
  for (let i = int(3, 12); i > 0; i--) {
    const p = person();
    rows.push([...pre, ...keys.map((k) => (k === 'birth' && chance(0.5) ? { date: p.birth } : FIELDS[k].write(p)))]);
    for (const k of keys) expect(file, k, p);
  }
  return rows;
}

/** Prose and label–value lines for Word/RTF documents. */
function documentParts(file) {
  const parts = [`<text:p>${esc(pick(['面談記録', '申込書控え', '顧客対応メモ', '人事異動のお知らせ', '緊急連絡先']))}</text:p>`];
  for (let i = int(2, 5); i > 0; i--) {
    const p = person();
    const style = int(0, 2);
    const keys = KEYS.filter(() => chance(0.7));
    if (!keys.includes('name')) keys.unshift('name');
    if (style === 0) for (const k of keys) parts.push(`<text:p>${esc(pick(FIELDS[k].heads))}：${esc(FIELDS[k].write(p))}</text:p>`);
    else if (style === 1) parts.push(table(`T${i}`, keys.map((k) => [pick(FIELDS[k].heads), FIELDS[k].write(p)])));
    else parts.push(`<text:p>${esc(keys.map((k) => `${pick(FIELDS[k].heads)} ${FIELDS[k].write(p)}`).join('、'))}。</text:p>`);
    for (const k of keys) expect(file, k, p);
  }
  return parts.join('');
}

function presentation(file) {
  const pages = [];
  for (let s = int(2, 4); s > 0; s--) {
    const p = person();
    const keys = KEYS.filter((k) => k !== 'birth' && (k === 'name' || chance(0.6)));
    const lines = keys.map((k) => `<text:p>${esc(pick(FIELDS[k].heads))}: ${esc(FIELDS[k].write(p))}</text:p>`);
    const frame = (y, inner) => `<draw:frame svg:x="1cm" svg:y="${y}cm" svg:width="24cm" svg:height="3cm"><draw:text-box>${inner}</draw:text-box></draw:frame>`;
    const notes = chance(0.4) ? (() => { const q = person(); expect(file, 'phone', q); return `<presentation:notes>${frame(1, `<text:p>連絡先 ${esc(FIELDS.phone.write(q))}</text:p>`)}</presentation:notes>`; })() : '';
    pages.push(`<draw:page draw:name="p${s}" draw:master-page-name="Default">${frame(1, `<text:p>${esc(pick(['担当者紹介', '連絡体制', '講師', 'プロジェクト体制']))}</text:p>`)}${frame(5, lines.join(''))}${notes}</draw:page>`);
    for (const k of keys) expect(file, k, p);
  }
  return pages.join('');
}

function message(file) {
  const from = person();
  const to = [person()];
  const body = [];
  body.push(`${to[0].name}様`, '', 'お世話になっております。');
  const p = person();
  const keys = KEYS.filter((k) => k === 'name' || chance(0.6));
  for (const k of keys) body.push(`${pick(FIELDS[k].heads)}：${FIELDS[k].write(p)}`);
  for (const k of keys) expect(file, k, p);
  const attachments = [];
  if (chance(0.5)) {
    const rows = ['氏名,電話番号'];
    for (let i = int(2, 5); i > 0; i--) { const q = person(); rows.push(`${q.name},${q.phone.join('-')}`); expect(file, 'name', q); expect(file, 'phone', q); }
    attachments.push({ name: `${pick(['名簿', '連絡先', 'list'])}.csv`, bytes: cp932(`${rows.join('\r\n')}\r\n`) });
  }
  const text = body.join('\n');
  const mode = int(0, 3);
  return makeMsg({
    subject: pick(['ご連絡', '【重要】申込内容の確認', '面談日程について', 'Re: 資料送付']),
    from: { name: from.name, email: from.email }, to: to.map((t) => ({ name: t.name, email: t.email })),
    unicode: mode !== 1,
    ...(mode === 2 ? { html: cp932(`<html><body>${text.split('\n').map((l) => `<p>${esc(l)}</p>`).join('')}</body></html>`), internetCodepage: 932 } : { body: text }),
    attachments,
  });
}

/** A date cell as a JS Date at UTC midnight (SheetJS stores it as a serial with a date format). */
const xlsbCell = (v) => (v && typeof v === 'object' ? new Date(Date.UTC(v.date[0], v.date[1] - 1, v.date[2])) : v);

// ---------- write ----------
rmSync(OUT, { recursive: true, force: true });
const src = join(OUT, 'src');
for (const d of ['src', 'xls', 'xlsb', 'ppt', 'doc', 'rtf', 'msg']) mkdirSync(join(OUT, d), { recursive: true });
for (let i = 1; i <= FILES; i++) {
  const n = pad(i, 2);
  const sheets = [['xls', `xls/book${n}.xls`], ['xlsb', `xlsb/book${n}.xlsb`]];
  for (const [kind, file] of sheets) {
    const names = chance(0.4) ? ['一覧', '追加分'] : [pick(['Sheet1', '名簿', '顧客'])];
    const tables = names.map((name) => [name, sheetRows(file)]);
    if (kind === 'xls') writeFileSync(join(src, `book${n}.fods`), doc('spreadsheet', DATE_STYLE, `<office:spreadsheet>${tables.map(([name, rows]) => table(name, rows)).join('')}</office:spreadsheet>`));
    else {
      const book = { sheets: Object.fromEntries(tables.map(([name, rows]) => [name, rows.map((r) => r.map(xlsbCell))])) };
      writeFileSync(join(OUT, file), makeWorkbook(book, 'xlsb'));
      if (process.argv.includes('--reference')) {
        mkdirSync(join(OUT, 'reference', 'xlsb'), { recursive: true });
        writeFileSync(join(OUT, 'reference', file.replace(/\.xlsb$/, '.xlsx')), makeWorkbook(book, 'xlsx'));
      }
    }
  }
  writeFileSync(join(src, `memo${n}.fodt`), doc('text', '', `<office:text>${documentParts(`doc/memo${n}.doc`)}</office:text>`));
  writeFileSync(join(src, `note${n}.fodt`), doc('text', '', `<office:text>${documentParts(`rtf/note${n}.rtf`)}</office:text>`));
  writeFileSync(join(src, `deck${n}.fodp`), doc('presentation', '<office:master-styles><style:master-page style:name="Default"/></office:master-styles>', `<office:presentation>${presentation(`ppt/deck${n}.ppt`)}</office:presentation>`));
  writeFileSync(join(OUT, `msg/mail${n}.msg`), message(`msg/mail${n}.msg`));
}

// LibreOffice converts the flat ODF files (a private profile, removed afterwards).
const profile = join(OUT, 'lo-profile');
const convert = (to, ext, dir) => {
  const inputs = readdirSync(src).filter((f) => f.endsWith(ext) && (dir !== 'rtf' || f.startsWith('note')) && (dir !== 'doc' || f.startsWith('memo'))).map((f) => join(src, f));
  execFileSync(SOFFICE, ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', to, '--outdir', join(OUT, dir), ...inputs], { stdio: 'ignore' });
};
convert('xls', '.fods', 'xls');
convert('ppt', '.fodp', 'ppt');
convert('doc', '.fodt', 'doc');
convert('rtf', '.fodt', 'rtf');
// The same content in the modern formats (`--reference`): what jpii finds there is the ceiling the legacy
// readers are compared with (detection misses are not reading misses).
if (process.argv.includes('--reference')) {
  for (const [to, ext, dir] of [['xlsx', '.fods', 'xls'], ['pptx', '.fodp', 'ppt'], ['docx', '.fodt', 'doc'], ['docx', '.fodt', 'rtf']]) {
    mkdirSync(join(OUT, 'reference', dir), { recursive: true });
    const inputs = readdirSync(src).filter((f) => f.endsWith(ext) && (dir !== 'rtf' || f.startsWith('note')) && (dir !== 'doc' || f.startsWith('memo'))).map((f) => join(src, f));
    execFileSync(SOFFICE, ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', to, '--outdir', join(OUT, 'reference', dir), ...inputs], { stdio: 'ignore' });
  }
}
rmSync(profile, { recursive: true, force: true });
rmSync(src, { recursive: true, force: true });
writeFileSync(join(OUT, 'expected.json'), `${JSON.stringify({ seed: SEED, expected }, null, 1)}\n`);
console.log(`seed ${SEED}: ${expected.length} values in ${FILES * 6} files under ${OUT}`);
