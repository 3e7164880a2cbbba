#!/usr/bin/env node
/**
 * make-accuracy-corpus — writes the labelled accuracy corpus that `npm run accuracy` scores jpii against.
 * Input: nothing but a fixed seed (same output on every run). Output: fixtures/accuracy/corpus/** (text
 * files in UTF-8, UTF-8+BOM, Shift_JIS and EUC-JP), fixtures/accuracy/expected.json (every PII instance that
 * must be found at confidence ≥ medium), fixtures/accuracy/negatives.json (the hard negatives planted, by
 * category) and the statistics block of fixtures/accuracy/README.md. `--check` compares instead of writing
 * and exits 1 when the committed files are stale.
 * Never: reads real personal data or the network. Every number is synthetic, made here with the published
 * check digits (../shared/CHECKSUMS.md); phone numbers are checked against libphonenumber-js/max metadata,
 * postal codes against the Japan Post list shipped in jquery-jpostal-ja (dev dependency).
 * One file on purpose: the documents below are data, read top to bottom; helpers come first.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import Encoding from 'encoding-japanese';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { mulberry32 } from './lib/prng.js';
import { corporateCheck, eanCheck, insurerCheck, isCorporate, isMyNumber, licenseCheck, luhnComplete, luhnOk, myNumberCheck } from './lib/check-digits.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'fixtures', 'accuracy');
const CORPUS = join(OUT, 'corpus');
const require = createRequire(import.meta.url);

// ---------------------------------------------------------------- deterministic randomness
const rnd = mulberry32(20240315);
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = (arr) => arr[int(0, arr.length - 1)];
const digits = (n) => Array.from({ length: n }, () => int(0, 9)).join('');
const pad = (n, w) => String(n).padStart(w, '0');
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const letters = (n) => Array.from({ length: n }, () => pick([...UPPER])).join('');

// ---------------------------------------------------------------- check digits used only here (the shared ones: ./lib/check-digits.js)
/** ゆうちょ 記号 check digit (4th digit): JP Bank converter kouza_1.js as transcribed (CHECKSUMS.md §5). */
function yuchoKigoCheck(kigo, bangou8) {
  const D = (x) => (2 * x >= 10 ? 2 * x - 9 : 2 * x);
  const [s1, s2, s3, , s5] = [...kigo].map(Number);
  const n = [...bangou8].map(Number);
  const S = s1 + 3 * s2 + D(s3) + 3 * s5 + D(n[0]) + n[1] + 3 * n[2] + D(n[3]) + n[4] + 3 * n[5] + D(n[6]) + n[7];
  return S % 10;
}
/** UPU S10 check digit for international items (UPU standard S10, weights 8,6,4,2,3,5,9,7). */
function s10Check(d8) {
  const w = [8, 6, 4, 2, 3, 5, 9, 7];
  const c = 11 - (w.reduce((acc, wi, i) => acc + wi * Number(d8[i]), 0) % 11);
  return c === 10 ? 0 : c === 11 ? 5 : c;
}

// ---------------------------------------------------------------- text helpers
const DASHES = { hyphen: '-', u2010: '\u2010', u2011: '\u2011', en: '\u2013', em: '\u2014', bar: '\u2015', minus: '\u2212', choon: '\u30fc', fw: '\uff0d' };
const toFW = (s) => s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/-/g, '\uff0d');
const kataToHira = (s) => s.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
const nfkc = (s) => s.normalize('NFKC').trim();
const yen = (n) => `¥${n.toLocaleString('en-US')}`;
function group(d, sizes, sep) {
  const out = [];
  let i = 0;
  for (const n of sizes) { out.push(d.slice(i, i + n)); i += n; }
  return out.join(sep);
}
/** Written in one of the shared styles: plain, space, hyphen, fw (full width), dash:<variant>. */
function styled(d, sizes, style) {
  if (style === 'plain') return d;
  if (style === 'space') return group(d, sizes, ' ');
  if (style === 'fw') return toFW(group(d, sizes, '-'));
  if (style === 'fwspace') return toFW(group(d, sizes, '\u3000'));
  if (style.startsWith('dash:')) return group(d, sizes, DASHES[style.slice(5)]);
  return group(d, sizes, '-');
}
function csvRow(cells, delim = ',') {
  return cells.map((c) => (/[",\n]/.test(c) && delim === ',' ? `"${c.replace(/"/g, '""')}"` : c)).join(delim);
}
const V = (type, written, value) => ({ type, written, value });

// ---------------------------------------------------------------- synthetic people and places
const SURNAMES = [
  ['佐藤', 'サトウ', 'sato'], ['鈴木', 'スズキ', 'suzuki'], ['高橋', 'タカハシ', 'takahashi'], ['田中', 'タナカ', 'tanaka'],
  ['伊藤', 'イトウ', 'ito'], ['渡辺', 'ワタナベ', 'watanabe'], ['山本', 'ヤマモト', 'yamamoto'], ['中村', 'ナカムラ', 'nakamura'],
  ['小林', 'コバヤシ', 'kobayashi'], ['加藤', 'カトウ', 'kato'], ['吉田', 'ヨシダ', 'yoshida'], ['山田', 'ヤマダ', 'yamada'],
  ['佐々木', 'ササキ', 'sasaki'], ['山口', 'ヤマグチ', 'yamaguchi'], ['松本', 'マツモト', 'matsumoto'], ['井上', 'イノウエ', 'inoue'],
  ['木村', 'キムラ', 'kimura'], ['清水', 'シミズ', 'shimizu'], ['山崎', 'ヤマザキ', 'yamazaki'], ['池田', 'イケダ', 'ikeda'],
  ['橋本', 'ハシモト', 'hashimoto'], ['阿部', 'アベ', 'abe'], ['前田', 'マエダ', 'maeda'], ['藤田', 'フジタ', 'fujita'],
  ['小川', 'オガワ', 'ogawa'], ['岡田', 'オカダ', 'okada'], ['後藤', 'ゴトウ', 'goto'], ['長谷川', 'ハセガワ', 'hasegawa'],
  ['村上', 'ムラカミ', 'murakami'], ['近藤', 'コンドウ', 'kondo'],
];
const MALE = [
  ['太郎', 'タロウ', 'taro'], ['翔太', 'ショウタ', 'shota'], ['大輔', 'ダイスケ', 'daisuke'], ['健太', 'ケンタ', 'kenta'],
  ['拓也', 'タクヤ', 'takuya'], ['直樹', 'ナオキ', 'naoki'], ['誠', 'マコト', 'makoto'], ['浩二', 'コウジ', 'koji'],
  ['蓮', 'レン', 'ren'], ['悠真', 'ユウマ', 'yuma'], ['和也', 'カズヤ', 'kazuya'], ['隆', 'タカシ', 'takashi'],
  ['大翔', 'ヒロト', 'hiroto'], ['修', 'オサム', 'osamu'],
];
const FEMALE = [
  ['花子', 'ハナコ', 'hanako'], ['美咲', 'ミサキ', 'misaki'], ['陽子', 'ヨウコ', 'yoko'], ['恵子', 'ケイコ', 'keiko'],
  ['由美', 'ユミ', 'yumi'], ['彩', 'アヤ', 'aya'], ['結衣', 'ユイ', 'yui'], ['真由美', 'マユミ', 'mayumi'],
  ['愛', 'アイ', 'ai'], ['裕子', 'ユウコ', 'yuko'], ['明美', 'アケミ', 'akemi'], ['陽菜', 'ヒナ', 'hina'], ['美穂', 'ミホ', 'miho'],
];
const FOREIGN = ['グエン ヴァン ナム', 'チャン ティ ホア', '王 偉', '李 明華', 'サントス マリア', 'クマール ラジェシュ', 'レ ティ マイ', '張 小紅'];
/** Real postal codes with their town (checked against jquery-jpostal-ja); last field = highest 丁目 (0: none). */
const PLACES = [
  ['1000001', '東京都', '千代田区', '千代田', 0], ['1000005', '東京都', '千代田区', '丸の内', 3], ['1500002', '東京都', '渋谷区', '渋谷', 4],
  ['1600022', '東京都', '新宿区', '新宿', 7], ['1040061', '東京都', '中央区', '銀座', 8], ['1060032', '東京都', '港区', '六本木', 7],
  ['1700013', '東京都', '豊島区', '東池袋', 5], ['1130033', '東京都', '文京区', '本郷', 7], ['1500041', '東京都', '渋谷区', '神南', 2],
  ['5300001', '大阪府', '大阪市北区', '梅田', 3], ['5420076', '大阪府', '大阪市中央区', '難波', 5], ['5410041', '大阪府', '大阪市中央区', '北浜', 4],
  ['0600001', '北海道', '札幌市中央区', '北一条西', 20], ['9800811', '宮城県', '仙台市青葉区', '一番町', 4], ['9800021', '宮城県', '仙台市青葉区', '中央', 4],
  ['4600008', '愛知県', '名古屋市中区', '栄', 5], ['4500002', '愛知県', '名古屋市中村区', '名駅', 5], ['8100001', '福岡県', '福岡市中央区', '天神', 5],
  ['8120011', '福岡県', '福岡市博多区', '博多駅前', 4], ['2200011', '神奈川県', '横浜市西区', '高島', 2], ['2310023', '神奈川県', '横浜市中区', '山下町', 0],
  ['2300051', '神奈川県', '横浜市鶴見区', '鶴見中央', 5], ['6008216', '京都府', '京都市下京区', '東塩小路町', 0], ['6500021', '兵庫県', '神戸市中央区', '三宮町', 3],
  ['7300011', '広島県', '広島市中区', '基町', 0], ['3300063', '埼玉県', 'さいたま市浦和区', '高砂', 5], ['2600013', '千葉県', '千葉市中央区', '中央', 4],
  ['9000015', '沖縄県', '那覇市', '久茂地', 3], ['3800836', '長野県', '長野市', '南県町', 0], ['4200853', '静岡県', '静岡市葵区', '追手町', 0],
  ['7600023', '香川県', '高松市', '寿町', 2], ['9200961', '石川県', '金沢市', '香林坊', 2], ['8600806', '熊本県', '熊本市中央区', '花畑町', 0],
];
const KANSUJI = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const BUILDINGS = ['サンプルハイツ', 'コーポ若葉', 'グランメゾン青葉', 'パークサイド栄', 'メゾン緑町', 'ロイヤルテラス'];
const MAIL_DOMAINS = ['sample-mail.jp', 'demo-keitai.ne.jp', 'mail.sample-isp.ne.jp', 'dummy-net.jp', 'example-post.jp'];
/** Real banks and branches (names and branch codes from zengin-code). */
const BANKS = [
  ['みずほ銀行', '渋谷支店', '210'], ['みずほ銀行', '新宿支店', '240'], ['三菱UFJ銀行', '渋谷支店', '135'],
  ['三菱UFJ銀行', '名古屋営業部', '150'], ['三井住友銀行', '難波支店', '111'], ['三井住友銀行', '梅田支店', '127'],
  ['三井住友銀行', '渋谷駅前支店', '234'], ['りそな銀行', '札幌支店', '310'], ['りそな銀行', '仙台支店', '433'],
  ['横浜銀行', '横浜駅前支店', '383'], ['北海道銀行', '札幌駅前支店', '151'],
];
const COMPANIES = ['株式会社ミライ物産', 'あおぞら工業株式会社', 'ひかり電機株式会社', '株式会社北斗システム', 'みどり食品株式会社', '東都サンプル運輸株式会社', '有限会社こだま印刷'];

const usedNames = new Set();
function person(gender = pick(['m', 'f'])) {
  for (;;) {
    const s = pick(SURNAMES);
    const g = pick(gender === 'm' ? MALE : FEMALE);
    const full = s[0] + g[0];
    if (usedNames.has(full) || full === '山田太郎' || full === '山田花子') continue;
    usedNames.add(full);
    return { sei: s[0], mei: g[0], seiKana: s[1], meiKana: g[1], seiRoma: s[2], meiRoma: g[2], gender };
  }
}
const nameV = (p, sep = ' ') => V('person-name', `${p.sei}${sep}${p.mei}`, p.sei + p.mei);
const kanaV = (p, sep = ' ') => V('person-name', `${p.seiKana}${sep}${p.meiKana}`, p.seiKana + p.meiKana);
const hiraV = (p) => V('person-name', kataToHira(`${p.seiKana} ${p.meiKana}`), kataToHira(p.seiKana + p.meiKana));
const foreignV = (n) => V('person-name', n, n.replace(/\s/g, ''));

function home() {
  const [code, pref, city, town, maxChome] = pick(PLACES);
  return { code, pref, city, town, chome: maxChome ? int(1, Math.min(maxChome, 9)) : 0, ban: int(1, 28), go: int(1, 24) };
}
function postalV(h, style = 'hyphen') {
  return V('postal-code', styled(h.code, [3, 4], style), h.code);
}
function addressV(h, style = 'hyphen', building = '') {
  const { chome, ban, go } = h;
  const parts = [chome, ban, go].filter(Boolean);
  let block;
  if (style === 'kanji') block = chome ? `${chome}丁目${ban}番${go}号` : `${ban}番${go}号`;
  else if (style === 'kansuji') block = chome ? `${KANSUJI[chome]}丁目${ban}番地${go}` : `${ban}番地${go}`;
  else if (style === 'fw') block = toFW(parts.join('-'));
  else if (style.startsWith('dash:')) block = parts.join(DASHES[style.slice(5)]);
  else block = parts.join('-');
  const written = `${h.pref}${h.city}${h.town}${block}${building ? ` ${building}` : ''}`;
  return V('address', written, nfkc(written));
}
const building = () => `${pick(BUILDINGS)}${int(1, 9)}0${int(1, 9)}`;

function phoneGroups(kind) {
  if (kind === 'mobile') return [pick(['090', '080', '070']), digits(4), digits(4)];
  if (kind === 'ip') return ['050', digits(4), digits(4)];
  const area = { tokyo: '03', osaka: '06', sapporo: '011', sendai: '022', nagoya: '052', fukuoka: '092', yokohama: '045' }[kind];
  return [area, digits(area.length === 2 ? 4 : 3), digits(4)];
}
const PHONE_TYPES = { mobile: ['MOBILE'], ip: ['VOIP'] };
/** A phone number in an allocated range (libphonenumber-js/max says valid, of the right type). */
function phoneV(kind = 'mobile', style = 'hyphen') {
  for (;;) {
    const g = phoneGroups(kind);
    const value = g.join('');
    const p = parsePhoneNumberFromString(value, 'JP');
    const types = PHONE_TYPES[kind] ?? ['FIXED_LINE', 'FIXED_LINE_OR_MOBILE'];
    if (!p || !p.isValid() || !types.includes(p.getType())) continue;
    let written;
    if (style === 'paren') written = `(${g[0]})${g[1]}-${g[2]}`;
    else if (style === 'paren2') written = `${g[0]}(${g[1]})${g[2]}`;
    else if (style === 'intl') written = `+81-${g[0].slice(1)}-${g[1]}-${g[2]}`;
    else if (style === 'intl-space') written = `+81 ${g[0].slice(1)} ${g[1]} ${g[2]}`;
    else written = styled(value, g.map((x) => x.length), style);
    return V('phone', written, value);
  }
}
function emailV(p, upper = false) {
  const y = pad(int(60, 99), 2);
  const local = pick([`${p.meiRoma}.${p.seiRoma}`, `${p.seiRoma}.${p.meiRoma}${y}`, `${p.meiRoma}_${p.seiRoma}`, `${p.seiRoma[0]}.${p.meiRoma}${int(1, 9)}`]);
  const domain = pick(MAIL_DOMAINS);
  const written = upper ? `${local[0].toUpperCase()}${local.slice(1)}@${domain.replace(/^[a-z]/, (c) => c.toUpperCase())}` : `${local}@${domain}`;
  return V('email', written, written.toLowerCase());
}
const workEmailV = (local, domain) => V('email', `${local}@${domain}`, `${local}@${domain}`.toLowerCase());

// ---------------------------------------------------------------- birth dates (和暦 per 元号法 and the 改元 dates)
function wareki(y, m, d) {
  const ymd = y * 10000 + m * 100 + d;
  if (ymd >= 20190501) return ['令和', 'R', y - 2018];
  if (ymd >= 19890108) return ['平成', 'H', y - 1988];
  return ['昭和', 'S', y - 1925];
}
function birthV(style = 'iso', fixed) {
  const [y, m, d] = fixed ?? [int(1952, 2002), int(1, 12), int(1, 28)];
  const [era, letter, n] = wareki(y, m, d);
  const nen = n === 1 ? '元' : String(n);
  const w = {
    iso: `${y}-${pad(m, 2)}-${pad(d, 2)}`, slash: `${y}/${pad(m, 2)}/${pad(d, 2)}`, slash1: `${y}/${m}/${d}`,
    kanji: `${y}年${m}月${d}日`, compact: `${y}${pad(m, 2)}${pad(d, 2)}`, wareki: `${era}${nen}年${m}月${d}日`,
    ryaku: `${letter}${n}.${m}.${d}`, ryaku0: `${letter}${pad(n, 2)}.${pad(m, 2)}.${pad(d, 2)}`,
    fwWareki: `${era}${toFW(nen)}年${toFW(String(m))}月${toFW(String(d))}日`, fwKanji: `${toFW(String(y))}年${toFW(String(m))}月${toFW(String(d))}日`,
  }[style];
  return V('birth-date', w, `${y}-${pad(m, 2)}-${pad(d, 2)}`);
}
const gannenBirth = (style = 'wareki') => birthV(style, [1989, int(2, 12), int(1, 28)]);
const showaBirth = (style = 'wareki') => birthV(style, [int(1955, 1988), int(1, 12), int(1, 28)]);

// ---------------------------------------------------------------- identifiers
function myNumberV(style = 'space') {
  for (;;) {
    const d11 = String(int(1, 9)) + digits(10);
    const value = d11 + myNumberCheck(d11);
    if (!isCorporate('0' + value)) return V('my-number', styled(value, [4, 4, 4], style), value);
  }
}
function corporateV(style = 'T') {
  for (;;) {
    const base = pad(int(100, 6099), 4) + pick(['01', '01', '02', '03']) + digits(6);
    const value = String(corporateCheck(base)) + base;
    if (value[0] === '4' && luhnOk(value)) continue;
    const w = style === 'T' ? `T${value}` : style === 'Tfw' ? `Ｔ${toFW(value)}` : style === 'Thyphen' ? `T${value.slice(0, 1)}-${group(value.slice(1), [4, 4, 4], '-')}` : value;
    return V('corporate-number', w, value);
  }
}
const KNOWN_TEST_PANS = new Set(['4111111111111111', '4242424242424242', '5555555555554444', '378282246310005', '371449635398431', '3530111333300000']);
function cardV(brand = 'visa', style = 'space') {
  const spec = {
    jcb: [`35${int(28, 89)}`, 16, [4, 4, 4, 4]], visa: [`4${int(100, 999)}`, 16, [4, 4, 4, 4]],
    master: [`5${int(1, 5)}${int(10, 99)}`, 16, [4, 4, 4, 4]], amex: [`3${pick(['4', '7'])}${int(10, 99)}`, 15, [4, 6, 5]],
    diners: [`36${int(10, 99)}`, 14, [4, 6, 4]],
  }[brand];
  for (;;) {
    const value = luhnComplete(spec[0] + digits(spec[1] - 5));
    if (!KNOWN_TEST_PANS.has(value)) return V('credit-card', styled(value, spec[2], style), value);
  }
}
const passportV = (style = 'plain') => {
  const value = pick(['T', 'M']) + pick([...'KRSZHEGJ']) + digits(7);
  return V('passport', style === 'fw' ? toFW(value) : value, value);
};
function residenceV() {
  for (;;) {
    const value = letters(2) + digits(8) + letters(2);
    if (!value.endsWith('JP')) return V('residence-card', value, value);
  }
}
function licenseV(style = 'plain') {
  for (;;) {
    const d10 = pick(['30', '30', '43', '44', '45', '54', '62', '63', '80']) + pad(int(0, 23) < 12 ? int(0, 23) : int(85, 99), 2) + digits(6);
    const value = d10 + licenseCheck(d10) + pick(['0', '0', '0', '1']);
    if (!isMyNumber(value)) return V('drivers-license', styled(value, [4, 4, 4], style), value);
  }
}
const pensionV = (style = 'hyphen') => {
  const value = String(int(1, 9)) + digits(9);
  return V('pension-number', styled(value, [4, 6], style), value);
};
function insurerV(kind = 'kyokai', style = 'plain') {
  const pref = pick(['13', '13', '27', '14', '23', '01', '40']);
  const body = { kyokai: `01${pref}0`, kumiai: `06${pref}${int(1, 9)}`, kokka: `31${pref}${int(1, 9)}`, kokuho: pref }[kind] + digits(kind === 'kyokai' ? 2 : kind === 'kokuho' ? 3 : 2);
  const value = body + insurerCheck(body);
  return V('insurer-number', style === 'fw' ? toFW(value) : value, value);
}
const accountV = (style = 'plain') => {
  const value = digits(7);
  return V('bank-account', style === 'fw' ? toFW(value) : value, value);
};
/** ゆうちょ 総合口座: 記号 1XX c 0, 番号 8 digits ending in 1 (CHECKSUMS.md §5). */
function yuchoV() {
  for (;;) {
    const bangou = digits(7) + '1';
    const k = `1${digits(2)}`;
    const kigo = `${k}${yuchoKigoCheck(`${k}00`, bangou)}0`;
    const value = kigo + bangou;
    if (!isCorporate(value)) return { v: V('bank-account', `${kigo}-${bangou}`, value), kigo, bangou };
  }
}

// ---------------------------------------------------------------- hard negatives (return the text as written)
function searchDigits(len, pred, prefix = '') {
  for (;;) {
    const s = prefix + digits(len - prefix.length);
    if (pred(s)) return s;
  }
}
/** 12 digits (no leading 0) that fail the My Number check: the plain '-12' categories. */
const mnInvalid12 = () => searchDigits(12, (s) => !isMyNumber(s), String(int(1, 9)));
const mnValid12 = (prefix = '') => searchDigits(12, (s) => s[0] !== '0' && isMyNumber(s), prefix || String(int(1, 9)));
const corpValid13 = (prefix = '') => searchDigits(13, isCorporate, prefix);
const plainJan = (s) => !isCorporate(s) && !luhnOk(s);
const janCode = (pred = plainJan) => searchDigits(13, (s) => eanCheck(s.slice(0, 12)) === Number(s[12]) && pred(s), pick(['49', '45']));
const isbn = () => {
  const body = `9784${pick(['06', '10', '08', '04', '16'])}${digits(6)}`;
  const d = body + eanCheck(body);
  return `${d.slice(0, 3)}-${d.slice(3, 4)}-${d.slice(4, 6)}-${d.slice(6, 12)}-${d.slice(12)}`;
};
/** ヤマト/佐川/ゆうパック 12-digit slips: last digit = first 11 digits mod 7 (carrier convention). */
const slip12 = (pred = (s) => !isMyNumber(s)) => searchDigits(12, (s) => Number(s.slice(0, 11)) % 7 === Number(s[11]) && pred(s), String(int(2, 9)));
const s10 = (prefix) => {
  const d8 = digits(8);
  return `${prefix}${d8}${s10Check(d8)}JP`;
};
const ipMn = () => {
  for (;;) {
    const o = [192, 168, int(100, 254), int(100, 254)];
    if (isMyNumber(o.join(''))) return o.join('.');
  }
};
const uuid = () => [8, 4, 4, 4, 12].map((n) => Array.from({ length: n }, () => '0123456789abcdef'[int(0, 15)]).join('')).join('-');
const hex = (n) => Array.from({ length: n }, () => '0123456789abcdef'[int(0, 15)]).join('');
const badMyNumber = () => { const v = mnValid12(); return v.slice(0, 11) + ((Number(v[11]) + int(1, 9)) % 10); };
const badCard = () => { const v = cardV(pick(['visa', 'jcb', 'master'])).value; return v.slice(0, 15) + ((Number(v[15]) + int(1, 9)) % 10); };
const badCorporate = () => { const v = corpValid13(); return `${(Number(v[0]) % 9) + 1}${v.slice(1)}`; };
const badInsurer = () => { const v = insurerV('kyokai').value; return v.slice(0, 7) + ((Number(v[7]) + int(1, 9)) % 10); };
const UNALLOCATED = ['01-2222-3333', '0111-22-3333', '0110-22-3333', '01111-2-3333', '0111-11-2222'];
let postalIndex;
function postalExists(code7) {
  postalIndex ??= new Map();
  const p = code7.slice(0, 3);
  if (!postalIndex.has(p)) {
    const file = require.resolve(`jquery-jpostal-ja/json/${p}.json`);
    const body = existsSync(file) ? readFileSync(file, 'utf8').replace(/^[^(]*\(/, '').replace(/\);?\s*$/, '') : '[]';
    postalIndex.set(p, new Set(JSON.parse(body).map((r) => r[0].replace('_', ''))));
  }
  return postalIndex.get(p).has(code7);
}
const partNo = (real = false) => {
  for (;;) {
    const c = `${int(100, 999)}${pad(int(0, 9999), 4)}`;
    if (postalExists(c) === real) return `${c.slice(0, 3)}-${c.slice(3)}`;
  }
};
const date24 = (sep = '/') => `2024${sep}${pad(int(1, 12), 2)}${sep}${pad(int(1, 28), 2)}`;
const time = () => `${pad(int(8, 20), 2)}:${pad(int(0, 59), 2)}:${pad(int(0, 59), 2)}`;
const price = () => yen(pick([int(10, 999) * 10, int(100, 9999) * 10, int(10, 999) * 100]));
const version = () => `v${int(1, 20)}.${int(0, 12)}.${int(1000, 9999)}`;

// ---------------------------------------------------------------- documents
function makeDoc(path) {
  const pos = [];
  const neg = [];
  return {
    path, pos, neg,
    /** Plant a PII value: recorded in expected.json. */
    p(v) { pos.push({ type: v.type, value: v.value, written: v.written }); return v.written; },
    /** Plant a hard negative: recorded in negatives.json. */
    n(category, text) { neg.push({ category, text }); return text; },
  };
}

// ---- documents with PII (each also carries hard negatives)
function customerListCsv(d) {
  const rows = [['顧客ID', '氏名', 'フリガナ', '性別', '生年月日', '郵便番号', '住所', '電話番号', '携帯', 'メールアドレス', '登録日', '累計購入額']];
  for (let i = 0; i < 8; i++) {
    const p = person();
    const h = home();
    rows.push([`C${pad(10231 + i * 17, 6)}`, d.p(nameV(p)), d.p(kanaV(p)), p.gender === 'm' ? '男' : '女',
      d.p(birthV(i % 2 ? 'slash' : 'iso')), d.p(postalV(h)), d.p(addressV(h, 'hyphen', i % 3 ? '' : building())),
      d.p(phoneV(pick(['tokyo', 'osaka', 'nagoya', 'fukuoka']))), d.p(phoneV('mobile')), d.p(emailV(p, i === 3)),
      d.n('date-not-birth', date24('/')), d.n('price', price())]);
  }
  return rows.map((r) => csvRow(r)).join('\n');
}

function memberRosterSjis(d) {
  const rows = [['会員番号', '氏名', '郵便番号', '住所', '電話番号', '生年月日', '入会日', 'ポイント残高']];
  const births = [() => showaBirth('wareki'), () => showaBirth('ryaku'), () => gannenBirth('wareki'), () => birthV('ryaku0'), () => showaBirth('fwWareki')];
  for (let i = 0; i < 8; i++) {
    const p = person();
    const h = home();
    const member = i % 2 ? d.n('member-no-12-mynumber-valid', mnValid12()) : d.n('member-no-12', mnInvalid12());
    rows.push([member, d.p(nameV(p, '\u3000')), d.p(postalV(h, 'plain')), d.p(addressV(h, i % 2 ? 'kanji' : 'kansuji')),
      d.p(phoneV(pick(['tokyo', 'sapporo', 'sendai', 'yokohama']), i % 3 ? 'hyphen' : 'paren')), d.p(births[i % births.length]()),
      d.n('date-not-birth', `${int(2015, 2023)}/${int(1, 12)}/${int(1, 28)}`), pad(int(0, 9999), 1)]);
  }
  return rows.map((r) => csvRow(r)).join('\n');
}

function ledgerEucjp(d) {
  const rows = [['No', 'お名前', '電話番号', 'メールアドレス', '生年月日', '備考']];
  const notes = [
    () => `注文番号 ${d.n('order-no-12-mynumber-valid', mnValid12())} の返品希望`,
    () => `商品コード${d.n('jan-13', janCode())}を再送`,
    () => `${d.n('date-not-birth', date24(''))}に電話あり`,
    () => `請求額${d.n('price', price())}`,
    () => `品番${d.n('part-no-postal-shape', partNo())}の在庫確認`,
    () => `受付番号${d.n('receipt-no-13-corporate-valid', corpValid13())}`,
  ];
  for (let i = 0; i < 6; i++) {
    const p = person();
    rows.push([String(i + 1), d.p(nameV(p)), d.p(phoneV(i % 2 ? 'mobile' : 'tokyo', i % 3 === 0 ? 'fw' : 'hyphen')),
      d.p(emailV(p)), d.p(birthV(i % 2 ? 'compact' : 'kanji')), notes[i]()]);
  }
  return rows.map((r) => csvRow(r)).join('\n');
}

function contactsTsv(d) {
  const rows = [['氏名', 'ふりがな', '郵便番号', '住所', 'TEL', 'E-mail', '最終更新']];
  for (let i = 0; i < 6; i++) {
    const p = person();
    const h = home();
    rows.push([d.p(nameV(p)), d.p(hiraV(p)), d.p(postalV(h)), d.p(addressV(h, i % 2 ? 'hyphen' : 'kanji')),
      d.p(phoneV(i % 2 ? 'mobile' : 'ip', i === 4 ? 'plain' : 'hyphen')), d.p(emailV(p)), d.n('datetime', `${date24('-')} ${time()}`)]);
  }
  return rows.map((r) => r.join('\t')).join('\n');
}

function staffLedgerSjis(d) {
  const rows = [['社員番号', '氏名', '生年月日', '入社日', '個人番号', '基礎年金番号', '保険者番号', '現住所']];
  const insurer = insurerV('kumiai');
  for (let i = 0; i < 6; i++) {
    const p = person();
    rows.push([`E${pad(20105 + i * 3, 5)}`, d.p(nameV(p)), d.p(birthV('iso')), d.n('date-not-birth', date24('-')),
      d.p(myNumberV(i % 2 ? 'space' : 'plain')), d.p(pensionV()), d.p(insurer), d.p(addressV(home(), 'kanji'))]);
  }
  return rows.map((r) => csvRow(r)).join('\n');
}

function dependentsForm(d) {
  const me = person('m');
  const wife = person('f');
  wife.sei = me.sei; wife.seiKana = me.seiKana;
  const child = person();
  child.sei = me.sei; child.seiKana = me.seiKana;
  const h = home();
  const company = corporateV('plain');
  return [
    '令和6年分 給与所得者の扶養控除等（異動）申告書',
    `提出日：${d.n('date-not-birth', '2024年1月15日')}`,
    '所轄税務署長：渋谷税務署長',
    '給与の支払者の名称：株式会社サンプル商事',
    `給与の支払者の法人番号：${d.p(company)}`,
    `給与の支払者の所在地：${d.p(addressV(home(), 'hyphen'))}`,
    '',
    `あなたの氏名：${d.p(nameV(me))}`,
    `フリガナ：${d.p(kanaV(me))}`,
    `あなたの個人番号：${d.p(myNumberV('space'))}`,
    `生年月日：${d.p(showaBirth('wareki'))}`,
    `住所：〒${d.p(postalV(h))} ${d.p(addressV(h, 'kanji'))}`,
    `世帯主の氏名：${d.p(nameV(me))}　続柄：本人`,
    '',
    '■源泉控除対象配偶者',
    `　氏名：${d.p(nameV(wife))}（${d.p(kanaV(wife))}）`,
    `　個人番号：${d.p(myNumberV('plain'))}`,
    `　生年月日：${d.p(showaBirth('wareki'))}`,
    `　所得の見積額：${d.n('price', yen(480000))}`,
    '■控除対象扶養親族（16歳以上）',
    `　氏名：${d.p(nameV(child))}`,
    `　個人番号：${d.p(myNumberV('hyphen'))}`,
    `　生年月日：${d.p(birthV('wareki', [2006, int(1, 12), int(1, 28)]))}`,
    `　異動月日：${d.n('wareki-not-birth', '令和6年4月1日')}`,
  ].join('\n');
}

function onboardingMd(d) {
  const a = person();
  const father = person('m');
  father.sei = a.sei;
  const f = pick(FOREIGN);
  return [
    '# 入社手続きチェックリスト（2024年4月入社）',
    '',
    `- [x] 雇用契約書 回収（${d.n('date-not-birth', date24('/'))}）`,
    '- [x] 給与振込口座の届出',
    `- [ ] 社内システム ${d.n('version', version())} のアカウント発行（申請番号 ${d.n('request-no-12-mynumber-valid', mnValid12())}）`,
    '',
    '## 新卒採用者',
    '',
    '| 項目 | 内容 |',
    '| --- | --- |',
    `| 氏名 | ${d.p(nameV(a))} |`,
    `| 生年月日 | ${d.p(birthV('kanji', [int(1998, 2001), int(1, 12), int(1, 28)]))} |`,
    `| 運転免許証番号 | 第 ${d.p(licenseV('plain'))} 号 |`,
    `| パスポート番号 | ${d.p(passportV())} |`,
    `| 携帯電話 | ${d.p(phoneV('mobile'))} |`,
    `| 緊急連絡先 | ${d.p(phoneV('tokyo'))}（父：${d.p(nameV(father))} 様） |`,
    '',
    '## 中途採用者（外国籍）',
    '',
    '| 項目 | 内容 |',
    '| --- | --- |',
    `| 氏名 | ${d.p(foreignV(f))} |`,
    `| 在留カード番号 | ${d.p(residenceV())} |`,
    `| 在留期限 | ${d.n('date-not-birth', '2026年9月30日')} |`,
    `| 生年月日 | ${d.p(birthV('slash'))} |`,
    `| 運転免許証番号 | ${d.p(licenseV('space'))} |`,
  ].join('\n');
}

function residenceCardCsv(d) {
  const rows = [['社員番号', '氏名', '国籍', '在留カード番号', '在留資格', '在留期限', '生年月日']];
  const nat = { 'グエン': 'ベトナム', 'チャン': 'ベトナム', 'レ': 'ベトナム', '王': '中国', '李': '中国', '張': '中国', 'サントス': 'フィリピン', 'クマール': 'インド' };
  FOREIGN.slice(0, 6).forEach((f, i) => {
    rows.push([`E${pad(30001 + i, 5)}`, d.p(foreignV(f)), nat[f.split(' ')[0]], d.p(residenceV()),
      pick(['技術・人文知識・国際業務', '特定技能1号', '永住者']), d.n('date-not-birth', `${int(2025, 2029)}/${pad(int(1, 12), 2)}/${pad(int(1, 28), 2)}`),
      d.p(birthV(i % 2 ? 'iso' : 'slash1'))]);
  });
  return rows.map((r) => csvRow(r)).join('\n');
}

function insuranceAcquisition(d) {
  const lines = [
    '健康保険・厚生年金保険 被保険者資格取得届（控）',
    `届出日：${d.n('date-not-birth', date24('/'))}`,
    `事業所整理記号：12-サンプ　事業所番号：${int(10000, 99999)}`,
    `保険者番号：${d.p(insurerV('kyokai'))}`,
    '',
  ];
  const births = [() => gannenBirth('ryaku0'), () => showaBirth('ryaku'), () => birthV('wareki', [int(1990, 2001), int(1, 12), int(1, 28)])];
  for (let i = 0; i < 3; i++) {
    const p = person();
    const h = home();
    lines.push(`【被保険者 ${i + 1}】`, `被保険者氏名：${d.p(nameV(p))}（フリガナ：${d.p(kanaV(p))}）`,
      `生年月日：${d.p(births[i]())}`, `基礎年金番号：${d.p(pensionV(i === 2 ? 'fw' : 'hyphen'))}`,
      `住所：〒${d.p(postalV(h))} ${d.p(addressV(h, 'hyphen', i ? building() : ''))}`,
      `資格取得年月日：${d.n('wareki-not-birth', `令和6年${int(1, 4)}月1日`)}`, `報酬月額：${d.n('price', yen(int(18, 45) * 10000))}`, '');
  }
  return lines.join('\n');
}

function invoiceBank(d) {
  const h = home();
  const [bank, branch, code] = pick(BANKS);
  return [
    '                請 求 書',
    `請求書番号：${d.n('invoice-no', `INV-2024-0315-${pad(int(1, 999), 4)}`)}`,
    `発行日：${d.n('date-not-birth', '2024年3月15日')}`,
    '',
    `${pick(COMPANIES)} 御中`,
    '',
    '株式会社サンプル商事',
    `登録番号：${d.p(corporateV('T'))}`,
    `〒${d.p(postalV(h))} ${d.p(addressV(h, 'hyphen', 'サンプルビル8F'))}`,
    `TEL：${d.p(phoneV('tokyo'))}`,
    '',
    '品名                     商品コード        数量   単価        金額',
    `ノートPC 14型            ${d.n('jan-13', janCode())}     3   ${d.n('price', yen(128000))}   ${d.n('price', yen(384000))}`,
    `ドッキングステーション   ${d.n('jan-13-corporate-valid', janCode(isCorporate))}     3   ${d.n('price', yen(24800))}    ${d.n('price', yen(74400))}`,
    `保守サービス ${d.n('version', version())}   ${d.n('jan-13-luhn-valid', janCode((s) => s[0] === '4' && luhnOk(s)))}     1   ${d.n('price', yen(776167))}   ${d.n('price', yen(776167))}`,
    `小計 ${d.n('price', '¥1,234,567')}（うち消費税 ${d.n('price', '¥112,233')}）`,
    '',
    `お振込先：${bank} ${branch}（店番${code}） 普通預金 口座番号 ${d.p(accountV())}`,
    '口座名義：カ）サンプルショウジ',
    `お支払期限：${d.n('date-not-birth', '2024年4月30日')}`,
  ].join('\n');
}

function invoiceYucho(d) {
  const me = person();
  const y = yuchoV();
  const shop = `${KANSUJI[Number(y.kigo[1])] || '〇'}${KANSUJI[Number(y.kigo[2])] || '〇'}八`;
  const zengin = V('bank-account', y.bangou.slice(0, 7), y.bangou.slice(0, 7));
  const h = home();
  return [
    '請求書（デザイン制作費）',
    `発行日 ${d.n('date-not-birth', '2024/03/15')}　請求番号 ${d.n('invoice-no', `2024-0315-${int(10, 99)}`)}`,
    '',
    `発行者氏名：${d.p(nameV(me))}`,
    `登録番号：${d.p(corporateV('Thyphen'))}`,
    `所在地：〒${d.p(postalV(h))} ${d.p(addressV(h, 'kanji', building()))}`,
    `連絡先：${d.p(phoneV('mobile', 'dash:u2010'))} / ${d.p(emailV(me))}`,
    '',
    `ロゴデザイン一式 ${d.n('price', yen(220000))}`,
    `バナー制作（${d.n('version', 'v2.1.3')}対応） ${d.n('price', yen(55000))}`,
    `合計 ${d.n('price', yen(302500))}（税込）`,
    '',
    'お振込先',
    `ゆうちょ銀行 記号番号：${d.p(y.v)}`,
    `他行からのお振込：ゆうちょ銀行 ${shop}店（${y.kigo.slice(1, 3)}8） 普通 口座番号 ${d.p(zengin)}`,
  ].join('\n');
}

function supplierMasterCsv(d) {
  const rows = [['取引先コード', '取引先名', '法人番号', '適格請求書発行事業者登録番号', '銀行名', '支店名', '預金種目', '口座番号', '代表電話']];
  COMPANIES.slice(0, 6).forEach((name, i) => {
    const c = corporateV('plain');
    const [bank, branch] = pick(BANKS);
    rows.push([`S${pad(501 + i, 4)}`, name, d.p(c), d.p(V('corporate-number', `T${c.value}`, c.value)), bank, branch,
      i % 3 ? '普通' : '当座', d.p(accountV()), d.p(phoneV(pick(['tokyo', 'osaka', 'nagoya'])))]);
  });
  return rows.map((r) => csvRow(r)).join('\n');
}

function paymentErrorLog(d) {
  const lines = [];
  for (let i = 0; i < 7; i++) {
    const p = person();
    const card = cardV(['visa', 'jcb', 'master', 'amex', 'diners', 'jcb', 'visa'][i], i % 2 ? 'plain' : 'hyphen');
    const ts = `2024-03-15T${time()}.${int(100, 999)}+09:00`;
    const key = i % 2 ? 'card_number' : 'カード番号';
    lines.push(`${d.n('datetime', ts)} ERROR [payment-gw] txn=${d.n('uuid', uuid())} order_id=${d.n(i % 2 ? 'order-no-12-mynumber-valid' : 'order-no-12', i % 2 ? mnValid12() : mnInvalid12())} amount=${int(1000, 99999)} ${key}=${d.p(card)} exp=${pad(int(1, 12), 2)}/${int(25, 30)} email=${d.p(emailV(p))} client_ip=${d.n('ipv4', `203.0.113.${int(2, 254)}`)} msg="authorization declined"`);
    lines.push(`${d.n('datetime', ts.replace(/\.\d+/, '.999'))} INFO  [payment-gw] retry scheduled job=${d.n('hex-id', hex(24))}`);
  }
  return lines.join('\n');
}

function applicationForm(d) {
  const p = person();
  const h = home();
  return [
    '＝＝＝ 会員入会申込書 ＝＝＝',
    `受付番号：${d.n('receipt-no-13-corporate-valid', corpValid13())}　受付日：${d.n('date-not-birth', '2024年3月15日')}`,
    '',
    `お名前　　　：${d.p(nameV(p))}`,
    `フリガナ　　：${d.p(kanaV(p))}`,
    `生年月日　　：${d.p(birthV('wareki', [1985, 4, 12]))}`,
    `ご住所　　　：〒${d.p(postalV(h))}`,
    `　　　　　　　${d.p(addressV(h, 'kanji', building()))}`,
    `ご自宅電話　：${d.p(phoneV(pick(['tokyo', 'osaka'])))}`,
    `携帯電話　　：${d.p(phoneV('mobile', 'space'))}`,
    `メール　　　：${d.p(emailV(p))}`,
    `勤務先　　　：${pick(COMPANIES)}（TEL ${d.p(phoneV('nagoya', 'paren2'))}）`,
    '',
    '本人確認書類：運転免許証',
    `免許証番号　：${d.p(licenseV('plain'))}`,
    `有効期限　　：${d.n('date-not-birth', '2027年5月12日')}まで`,
    '',
    `ご希望コース：プレミアム（月額 ${d.n('price', yen(3300))}）`,
  ].join('\n');
}

function debitForm(d) {
  const p = person();
  const h = home();
  const [bank, branch, code] = pick(BANKS);
  return [
    '預金口座振替依頼書（お客様控）',
    `お客様番号：${d.n('customer-no-10', String(int(1, 9)) + digits(9))}`,
    `お名前：${d.p(nameV(p))} 様`,
    `ご住所：${d.p(addressV(h, 'hyphen'))}`,
    `お電話：${d.p(phoneV('mobile', 'dash:fw'))}`,
    '',
    `金融機関名：${bank}　支店名：${branch}（${code}）`,
    '預金種目：普通',
    `口座番号：${d.p(accountV('fw'))}`,
    `口座名義（カナ）：${d.p(kanaV(p))}`,
    '',
    `初回引落日：${d.n('date-not-birth', '2024年5月27日')}　引落金額：${d.n('price', yen(5500))}`,
  ].join('\n');
}

function webFormJson(d) {
  const subs = [];
  for (let i = 0; i < 5; i++) {
    const p = person();
    const h = home();
    subs.push({
      id: d.n('uuid', uuid()), submittedAt: d.n('datetime', `2024-03-${pad(10 + i, 2)}T${time()}+09:00`),
      name: d.p(nameV(p)), kana: d.p(kanaV(p)), email: d.p(emailV(p, i === 2)),
      tel: d.p(phoneV(i % 2 ? 'mobile' : 'ip', i === 3 ? 'intl' : 'hyphen')),
      zip: d.p(postalV(h, i % 2 ? 'plain' : 'hyphen')), address: d.p(addressV(h, 'hyphen', i % 2 ? building() : '')),
      birthday: d.p(birthV('iso')), inquiry: pick(['資料請求', '見積依頼', '解約について', 'ログインできない']),
      utm: { campaign: d.n('date-not-birth', `spring${date24('')}`) },
    });
  }
  return JSON.stringify({ form: 'contact', schemaVersion: '3.2.1', submissions: subs }, null, 2);
}

function callLog(d) {
  const lines = [];
  const topics = [
    (p) => { const h = home(); return `用件=住所変更 新住所=〒${d.p(postalV(h))} ${d.p(addressV(h, 'hyphen'))}`; },
    () => `用件=本人確認 生年月日=${d.p(showaBirth('ryaku'))} で照合OK`,
    () => `用件=折返し依頼 折返し先=${d.p(phoneV('mobile', 'dash:choon'))}`,
    (p) => `用件=メール変更 新アドレス=${d.p(emailV(p))}`,
    () => `用件=請求確認 請求額=${d.n('price', price())} 伝票番号=${d.n('slip-12', slip12())}`,
    () => `用件=配送状況 お問い合わせ伝票番号=${d.n('slip-12-mynumber-valid', group(slip12(isMyNumber), [4, 4, 4], '-'))}`,
    () => `用件=カード再発行 カード番号下4桁=${int(1000, 9999)} 旧カード停止済`,
    () => `用件=本人確認 生年月日=${d.p(gannenBirth('wareki'))}`,
  ];
  for (let i = 0; i < topics.length; i++) {
    const p = person();
    const caller = phoneV(i % 2 ? 'mobile' : pick(['tokyo', 'osaka', 'fukuoka']), 'plain');
    lines.push(`[${d.n('datetime', `2024-03-15 ${time()}`)}] OP=${1040 + i} IN 発信者番号=${d.p(caller)} 顧客=${d.p(nameV(p))} 様 受付番号=${d.n('receipt-no-12', searchDigits(12, (s) => !isMyNumber(s), '2403150'))} ${topics[i](p)}`);
  }
  lines.push(`[${d.n('datetime', `2024-03-15 ${time()}`)}] SYSTEM 本日の受付件数=${int(100, 300)} 平均通話時間=${int(3, 9)}:${pad(int(0, 59), 2)}`);
  return lines.join('\n');
}

function supportHistoryTsv(d) {
  const rows = [['受付番号', '受付日時', '顧客名', '電話番号', '対応内容', '担当']];
  const dashes = ['hyphen', 'dash:u2011', 'dash:en', 'dash:bar', 'plain', 'dash:fw'];
  for (let i = 0; i < 6; i++) {
    const p = person();
    const content = [
      () => `配送遅延のお詫び。注文番号${d.n('order-no-13-corporate-valid', corpValid13())}`,
      () => `登録メールを${d.p(emailV(p))}へ変更`,
      () => `返金処理 ${d.n('price', price())} 完了`,
      () => `携帯 ${d.p(phoneV('mobile', 'dash:em'))} へ折返し`,
      () => `ポイント失効の問い合わせ（${d.n('date-not-birth', date24('/'))}失効分）`,
      () => `解約受付 契約番号 ${d.n('contract-no-12', mnInvalid12())}`,
    ][i]();
    rows.push([d.n('receipt-no', `R${date24('')}-${pad(i + 1, 4)}`), d.n('datetime', `${date24('/')} ${time().slice(0, 5)}`),
      d.p(nameV(p)), d.p(phoneV(i % 2 ? 'tokyo' : 'mobile', dashes[i])), content, `OP${1040 + i}`]);
  }
  return rows.map((r) => r.join('\t')).join('\n');
}

function minutesMd(d) {
  const p = person();
  const h = home();
  return [
    '# 議事録：顧客情報誤送信インシデント対応会議',
    '',
    `- 日時：${d.n('date-not-birth', '2024年3月18日')} 14:00〜15:30`,
    '- 場所：本社 第3会議室',
    '- 出席者：情報システム部長、総務課長、カスタマーサポート責任者、法務担当',
    `- 文書番号：${d.n('doc-no', `GIJ-2024-0318-${int(10, 99)}`)}　版数：${d.n('version', 'v1.2.3')}`,
    '',
    '## 1. 事象',
    `${d.n('date-not-birth', '3月15日')}、委託先への送付ファイルに本来含めない顧客1名分の情報が含まれていた。`,
    '含まれていた項目（調査用に転記、確認後削除すること）：',
    `- 氏名：${d.p(nameV(p))}`,
    `- 住所：〒${d.p(postalV(h, 'dash:u2010'))} ${d.p(addressV(h, 'kanji'))}`,
    `- 電話：${d.p(phoneV('mobile'))}`,
    `- 個人番号：${d.p(myNumberV('space'))}`,
    `- クレジットカード番号：${d.p(cardV('jcb', 'space'))}`,
    '',
    '## 2. 対応',
    `- 委託先に削除を依頼（依頼番号 ${d.n('request-no-12-mynumber-valid', mnValid12())}）、削除証明を受領済み。`,
    `- 個人情報保護委員会への報告要否を法務にて判断（期限 ${d.n('date-not-birth', '2024/03/25')}）。`,
    `- 送付ツールを ${d.n('version', 'v3.10.2045')} に更新し、宛先確認を必須化。`,
    '',
    '## 3. 次回',
    `- ${d.n('date-not-birth', '2024-03-25')} 10:00 同会議室`,
  ].join('\n');
}

function inquiryEml(d) {
  const p = person();
  const h = home();
  const from = emailV(p);
  return [
    `From: ${d.p(from)}`,
    `To: ${d.p(workEmailV('support', 'sample-shoji.co.jp'))}`,
    `Cc: ${d.p(workEmailV('cs-team', 'sample-shoji.co.jp'))}`,
    'Subject: =?UTF-8?B?5rOo5paH44Gr44Gk44GE44Gm?=',
    'Date: Fri, 15 Mar 2024 10:12:33 +0900',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    'サンプル商事 カスタマーサポート御中',
    '',
    `ご注文番号 ${d.n('order-no-13-corporate-valid', corpValid13())} の商品がまだ届いておりません。`,
    `お問い合わせ伝票番号は ${d.n('slip-12', group(slip12(), [4, 4, 4], '-'))} と伺っております。`,
    '届け先は下記の通りです。',
    '',
    `〒${d.p(postalV(h))}`,
    `${d.p(addressV(h, 'hyphen', building()))}`,
    `${d.p(nameV(p))} 様宛`,
    `電話 ${d.p(phoneV('mobile', 'intl-space'))}`,
    '',
    'よろしくお願いいたします。',
  ].join('\n');
}

function idDocsMail(d) {
  const p = person();
  const f = pick(FOREIGN.slice(6));
  return [
    '件名：Re: 本人確認書類のご提出について',
    '',
    `${d.p(nameV(p))} 様`,
    '',
    '本人確認書類の内容を確認いたしました。念のため記載内容を下記に控えます。',
    '',
    `　旅券番号：${d.p(passportV())}（有効期限 ${d.n('date-not-birth', '2031年8月31日')}）`,
    `　生年月日：${d.p(birthV('kanji'))}`,
    `　運転免許証番号：${d.p(licenseV('space'))}`,
    '',
    'また、ご家族の方の在留カードについても確認済みです。',
    `　氏名：${d.p(foreignV(f))}`,
    `　在留カード番号：${d.p(residenceV())}`,
    `　パスポート番号：${d.p(passportV('fw'))}`,
    '',
    `受付番号 ${d.n('receipt-no-12-mynumber-valid', mnValid12())} にて承っております。`,
    `ご不明点は ${d.p(workEmailV('kyc-desk', 'sample-shoji.co.jp'))} までご連絡ください。`,
  ].join('\n');
}

function appSettingsYaml(d) {
  const admin = person();
  const users = [person(), person()];
  return [
    '# アプリケーション設定（本番環境）',
    'app:',
    `  version: ${d.n('version', '12.3.4567')}`,
    `  build: "${d.n('date-not-birth', `${date24('')}.${int(1, 9)}`)}"`,
    `  release_id: ${d.n('hex-id', hex(40))}`,
    'server:',
    `  host: ${d.n('ipv4', '10.20.30.40')}`,
    '  port: 8443',
    `  replica: ${d.n('ipv4-digits-mynumber-valid', ipMn())}`,
    'admin:',
    `  氏名: ${d.p(nameV(admin))}`,
    `  email: ${d.p(emailV(admin))}`,
    `  phone: "${d.p(phoneV('tokyo'))}"`,
    '# TODO: 本番に残っているテスト顧客データを削除する',
    'seed_customers:',
    ...users.flatMap((u, i) => [
      `  - 氏名: ${d.p(nameV(u))}`,
      `    電話番号: "${d.p(phoneV('mobile', i ? 'plain' : 'hyphen'))}"`,
      `    マイナンバー: "${d.p(myNumberV('plain'))}"`,
      `    生年月日: ${d.p(birthV('iso'))}`,
    ]),
    'cache:',
    `  ttl_seconds: ${int(300, 3600)}`,
    `  key_prefix: "${d.n('hex-id', hex(12))}"`,
  ].join('\n');
}

function seedUsersTs(d) {
  const users = [person(), person(), person()];
  const body = users.map((u, i) => {
    const h = home();
    return [
      '  {',
      `    id: '${d.n('uuid', uuid())}',`,
      `    name: '${d.p(nameV(u))}',`,
      `    kana: '${d.p(kanaV(u))}',`,
      `    email: '${d.p(emailV(u))}',`,
      `    tel: '${d.p(phoneV(i === 1 ? 'osaka' : 'mobile'))}',`,
      `    postalCode: '${d.p(postalV(h))}',`,
      `    address: '${d.p(addressV(h, 'hyphen'))}',`,
      `    birthDate: '${d.p(birthV('iso'))}',`,
      `    createdAt: '${d.n('datetime', `${date24('-')}T${time()}Z`)}',`,
      '  },',
    ].join('\n');
  });
  return [
    '// 開発用シードデータ（本番の顧客データからコピーしたもの。要マスキング）',
    `export const SCHEMA_VERSION = '${d.n('version', version())}';`,
    `export const ORDER_SEQUENCE_START = ${d.n('order-no-12-mynumber-valid', mnValid12())};`,
    `export const SESSION_SECRET_ID = '${d.n('hex-id', hex(32))}';`,
    '',
    'export const users = [',
    ...body,
    '];',
  ].join('\n');
}

function legacyExportPy(d) {
  const p = person();
  return [
    '# -*- coding: utf-8 -*-',
    '"""旧会員システムからのエクスポート（移行作業用の一時スクリプト）"""',
    'import csv',
    '',
    `BATCH_ID = ${d.n('batch-id-12-mynumber-valid', mnValid12())}  # 移行バッチ番号`,
    `PRODUCT_JAN = "${d.n('jan-13-corporate-valid', janCode(isCorporate))}"`,
    '',
    '# 例外処理の確認に使った会員（本番データ）',
    'SAMPLE_MEMBER = {',
    `    "氏名": "${d.p(nameV(p))}",`,
    `    "電話番号": "${d.p(phoneV('sendai'))}",`,
    `    "カード番号": "${d.p(cardV('visa', 'plain'))}",`,
    `    "登録日": "${d.n('date-not-birth', date24('/'))}",`,
    '}',
    '',
    'def export(rows, path):',
    '    with open(path, "w", encoding="cp932", newline="") as f:',
    '        w = csv.writer(f)',
    '        for r in rows:',
    `            w.writerow([r["id"], r["name"], r.get("points", 0)])  # 上限 ${d.n('price', '¥1,234,567')}`,
  ].join('\n');
}

function appJsonLog(d) {
  const lines = [];
  for (let i = 0; i < 8; i++) {
    const p = person();
    const base = { ts: d.n('datetime', `2024-03-15T${time()}.${int(100, 999)}Z`), level: 'info', req: d.n('uuid', uuid()), ip: d.n('ipv4', `${pick(['10.0', '172.16', '192.168'])}.${int(0, 255)}.${int(1, 254)}`) };
    const extra = [
      () => ({ msg: 'login', user: d.p(emailV(p)) }),
      () => ({ msg: 'profile updated', field: 'tel', new: d.p(phoneV('mobile', 'plain')) }),
      () => ({ msg: 'order placed', orderId: d.n('order-no-12-mynumber-valid', mnValid12()), amount: int(1000, 50000) }),
      () => ({ msg: 'address updated', zip: d.p(postalV(home())) }),
      () => ({ msg: 'healthcheck', latencyMs: int(3, 80), build: d.n('version', version()) }),
      () => ({ level: 'warn', msg: 'validation failed', input: { email: d.p(emailV(p)), birthday: d.p(birthV('slash')) } }),
      () => ({ msg: 'shipment created', tracking: d.n('slip-12-mynumber-valid', slip12(isMyNumber)) }),
      () => ({ msg: 'password reset requested', user: d.p(emailV(p, true)) }),
    ][i]();
    lines.push(JSON.stringify({ ...base, ...extra }));
  }
  return lines.join('\n');
}

function insuranceCardMemo(d) {
  const p = person();
  const q = person();
  return [
    '健康保険証（写し）確認メモ　※確認後シュレッダー',
    '',
    `1. ${d.p(nameV(p))} 様`,
    `   保険者番号：${d.p(insurerV('kokuho'))}（国民健康保険）`,
    `   生年月日：${d.p(gannenBirth('wareki'))}`,
    `   交付年月日：${d.n('wareki-not-birth', '令和5年8月1日')}`,
    '',
    `2. ${d.p(nameV(q))} 様`,
    `   保険者番号：${d.p(insurerV('kokka', 'fw'))}（共済組合）`,
    `   生年月日：${d.p(birthV('ryaku0'))}`,
    `   資格取得日：${d.n('wareki-not-birth', 'R5.10.1')}`,
    '',
    `確認日：${d.n('date-not-birth', date24('/'))}　確認者：総務課`,
  ].join('\n');
}

function fullwidthMemo(d) {
  const p = person();
  const h = home();
  const variants = ['dash:u2010', 'dash:u2011', 'dash:en', 'dash:em', 'dash:bar', 'dash:minus', 'dash:choon', 'dash:fw', 'fw', 'space'];
  return [
    '顧客メモ（手入力・全角混在）',
    '',
    `お名前：${d.p(nameV(p))} 様`,
    `住所：〒${d.p(postalV(h, 'fw'))}　${d.p(addressV(h, 'fw'))}`,
    `マイナンバー：${d.p(myNumberV('fwspace'))}`,
    `カード番号：${d.p(cardV('master', 'fw'))}`,
    `生年月日：${d.p(showaBirth('fwWareki'))}`,
    '',
    '連絡先一覧（表記ゆれ確認用）',
    ...variants.map((s, i) => `・連絡先${toFW(String(i + 1))}：${d.p(phoneV(i % 3 === 2 ? 'tokyo' : 'mobile', s))}`),
    `・FAX番号なし　・メモ更新：${d.n('date-not-birth', '２０２４年３月１５日')}`,
  ].join('\n');
}

function payrollAccountChange(d) {
  const p = person();
  const [nb, nbr] = pick(BANKS);
  const [ob, obr] = pick(BANKS);
  return [
    '給与振込口座 変更届',
    '',
    `社員番号：${d.n('staff-no', `E${pad(int(10000, 99999), 5)}`)}`,
    `氏名：${d.p(nameV(p))}`,
    `所属：営業部 第二課`,
    `内線：${int(2000, 2999)}`,
    '',
    '【変更前】',
    `${ob} ${obr} 普通 口座番号 ${d.p(accountV())}`,
    '【変更後】',
    `${nb} ${nbr} 普通 口座番号：${d.p(accountV())}`,
    `口座名義：${d.p(kanaV(p))}`,
    '',
    `適用開始：${d.n('date-not-birth', '2024年4月25日')}支給分から`,
  ].join('\n');
}

function withholdingSlip(d) {
  const p = person();
  const h = home();
  const ch = home();
  return [
    '令和5年分 給与所得の源泉徴収票',
    '',
    `支払を受ける者　住所：${d.p(addressV(h, 'kansuji', building()))}`,
    `　　　　　　　　個人番号：${d.p(myNumberV('plain'))}`,
    `　　　　　　　　氏名：（フリガナ）${d.p(kanaV(p))}　${d.p(nameV(p))}`,
    `　　　　　　　　生年月日：${d.p(showaBirth('wareki'))}`,
    '',
    `支払金額　${d.n('price', '¥5,123,456')}　給与所得控除後の金額　${d.n('price', '¥3,643,200')}`,
    `源泉徴収税額　${d.n('price', yen(int(100000, 300000)))}`,
    '',
    `支払者　個人番号又は法人番号：${d.p(corporateV('plain'))}`,
    `　　　　住所（居所）又は所在地：〒${d.p(postalV(ch))} ${d.p(addressV(ch, 'hyphen'))}`,
    '　　　　氏名又は名称：株式会社サンプル商事',
    `　　　　電話：${d.p(phoneV('osaka', 'paren'))}`,
    `作成日：${d.n('wareki-not-birth', '令和6年1月20日')}`,
  ].join('\n');
}

function dmListCsv(d) {
  // One address cell: a separate 住所2 (building only) cell would be neither required nor wrong to report.
  const rows = [['郵便番号', '住所', '宛名', '敬称', 'DMコード']];
  for (let i = 0; i < 6; i++) {
    const p = person();
    const h = home();
    rows.push([d.p(postalV(h)), d.p(addressV(h, i % 2 ? 'hyphen' : 'kanji', i % 2 ? building() : '')), d.p(nameV(p)), '様',
      d.n('campaign-code', `DM24SP-${pad(int(1, 9999), 4)}`)]);
  }
  return rows.map((r) => csvRow(r)).join('\n');
}

function overseasTripCsv(d) {
  const rows = [['氏名', '所属', '渡航先', '出発日', '帰国日', 'パスポート番号', '旅券有効期限', '生年月日', '緊急連絡先（携帯）']];
  for (let i = 0; i < 5; i++) {
    const p = person();
    rows.push([d.p(nameV(p)), pick(['営業部', '技術部', '購買部']), pick(['シンガポール', 'ベトナム', 'ドイツ', 'アメリカ']),
      d.n('date-not-birth', date24('/')), d.n('date-not-birth', date24('/')), d.p(passportV()),
      d.n('date-not-birth', `${int(2027, 2034)}/${pad(int(1, 12), 2)}/${pad(int(1, 28), 2)}`), d.p(birthV(i % 2 ? 'slash' : 'kanji')), d.p(phoneV('mobile'))]);
  }
  return rows.map((r) => csvRow(r)).join('\n');
}

function driverRegistryCsv(d) {
  const rows = [['氏名', '部署', '運転免許証番号', '免許の種類', '有効期限', '安全運転講習受講日']];
  const styles = ['plain', 'space', 'hyphen', 'dash:fw', 'plain'];
  for (let i = 0; i < 5; i++) {
    const p = person();
    rows.push([d.p(nameV(p)), pick(['営業部', '配送課', '総務課']), d.p(licenseV(styles[i])), pick(['普通', '中型', '準中型']),
      d.n('wareki-not-birth', `令和${int(7, 11)}年${int(1, 12)}月${int(1, 28)}日`), d.n('date-not-birth', date24('/'))]);
  }
  return rows.map((r) => csvRow(r)).join('\n');
}

// ---- pure hard-negative documents: nothing in them may be reported at ≥ medium
function inventoryCsv(d) {
  const rows = [['商品コード(JAN)', '品名', '品番', '在庫数', '単価', '棚番', '最終入荷日']];
  const items = ['A4コピー用紙 500枚', 'ボールペン 黒 0.5mm', 'クリアファイル 10枚', '付箋 75mm', 'ホッチキス針 No.10', '電卓 12桁', 'USBメモリ 32GB', 'LANケーブル 3m'];
  items.forEach((name, i) => {
    const jan = i % 3 === 0 ? d.n('jan-13-corporate-valid', janCode(isCorporate)) : i % 3 === 1 ? d.n('jan-13-luhn-valid', janCode((s) => s[0] === '4' && luhnOk(s))) : d.n('jan-13', janCode());
    rows.push([jan, name, d.n(i % 4 ? 'part-no-postal-shape' : 'part-no-postal-shape-real-code', partNo(i % 4 === 0)), String(int(0, 500)),
      d.n('price', price()), `${pick('ABCD')}-${int(1, 20)}`, d.n('date-not-birth', date24('/'))]);
  });
  return rows.map((r) => csvRow(r)).join('\n');
}

function productMasterSjis(d) {
  const rows = [['商品コード', '型番', '商品名', '標準価格', '発売日', '管理番号']];
  const names = ['業務用掃除機', '電気ケトル 1.0L', 'デスクライト LED', 'シュレッダー A4', '空気清浄機 20畳', 'ワイヤレスマウス', 'モバイルバッテリー', 'ノートPCスタンド'];
  names.forEach((name, i) => {
    rows.push([d.n(i % 2 ? 'jan-13-corporate-valid' : 'jan-13', i % 2 ? janCode(isCorporate) : janCode()), `${letters(2)}-${int(100, 999)}${pick(['', 'W', 'B'])}`,
      name, d.n('price', price()), d.n('date-not-birth', `${int(2019, 2024)}年${int(1, 12)}月${int(1, 28)}日`),
      d.n(i % 2 ? 'mgmt-no-12-mynumber-valid' : 'mgmt-no-12', i % 2 ? mnValid12() : mnInvalid12())]);
  });
  return rows.map((r) => csvRow(r)).join('\n');
}

function shipmentsTsv(d) {
  const rows = [['出荷日', '注文番号', '配送業者', '伝票番号', '届け先都道府県', '個数', '送料']];
  const carriers = ['ヤマト運輸', '佐川急便', '日本郵便(ゆうパック)'];
  for (let i = 0; i < 10; i++) {
    const mn = i % 2 === 0;
    const slip = group(slip12(mn ? isMyNumber : () => true), [4, 4, 4], i % 3 ? '-' : '');
    rows.push([d.n('date-not-birth', date24('')), d.n(mn ? 'order-no-12-mynumber-valid' : 'order-no-13-corporate-valid', mn ? mnValid12() : corpValid13()),
      carriers[i % 3], d.n(mn ? 'slip-12-mynumber-valid' : 'slip-12', slip), d.n('prefecture-only', pick(['東京都', '大阪府', '北海道', '福岡県', '愛知県'])),
      String(int(1, 5)), d.n('price', price())]);
  }
  return rows.map((r) => r.join('\t')).join('\n');
}

function shippingNotice(d) {
  return [
    '件名：【サンプルストア】商品発送のお知らせ',
    '',
    'お客様',
    '',
    'このたびはサンプルストアをご利用いただき、誠にありがとうございます。',
    'ご注文の商品を本日発送いたしました。',
    '',
    `ご注文番号　　：${d.n('order-no-13-corporate-valid', corpValid13())}`,
    `ご注文日　　　：${d.n('date-not-birth', '2024年3月15日')}`,
    '配送業者　　　：ヤマト運輸',
    `お問い合わせ伝票番号：${d.n('slip-12-mynumber-valid', group(slip12(isMyNumber), [4, 4, 4], '-'))}`,
    `お届け予定日　：${d.n('date-not-birth', '2024/03/17')}（午前中）`,
    '',
    `ご請求金額　　：${d.n('price', '¥12,980')}（税込・送料無料）`,
    `ポイント付与　：${int(10, 300)}pt（付与予定日 ${d.n('date-not-birth', '2024-04-15')}）`,
    '',
    '※本メールは送信専用です。ご返信いただいてもお答えできません。',
  ].join('\n');
}

function booksCsv(d) {
  const rows = [['ISBN', '書名', '出版社', '本体価格', '発売日', '社内管理番号']];
  const titles = ['はじめての個人情報保護', 'Excel業務自動化入門', '実践 TypeScript', '図解 インボイス制度', '経理の教科書', 'ネットワーク構築の基本', '情報セキュリティ白書'];
  titles.forEach((t, i) => {
    const code = isbn();
    rows.push([d.n('isbn-13', i % 2 ? code : code.replace(/-/g, '')), t, pick(['技術サンプル社', 'みらい書房', '青空出版']), d.n('price', yen(int(12, 48) * 100)),
      d.n('date-not-birth', date24('-')), d.n(i % 2 ? 'mgmt-no-13-corporate-valid' : 'mgmt-no-13', i % 2 ? corpValid13() : searchDigits(13, (s) => !isCorporate(s), String(int(1, 9))))]);
  });
  return rows.map((r) => csvRow(r)).join('\n');
}

function nginxLog(d) {
  const lines = [];
  const paths = [
    () => `/api/orders/${d.n('order-no-12-mynumber-valid', mnValid12())}`,
    () => `/products/${d.n('jan-13', janCode())}`,
    () => `/static/app.${d.n('hex-id', hex(8))}.js`,
    () => `/api/shipments?tracking=${d.n('slip-12', slip12())}`,
    () => `/api/session/${d.n('uuid', uuid())}`,
    () => `/search?q=${encodeURIComponent('在庫')}&page=${int(1, 9)}`,
  ];
  for (let i = 0; i < 14; i++) {
    const ip = i % 4 === 0 ? d.n('ipv4-digits-mynumber-valid', ipMn()) : d.n('ipv4', `${int(11, 223)}.${int(0, 255)}.${int(0, 255)}.${int(1, 254)}`);
    const ua = `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${d.n('version', `${int(110, 125)}.0.${int(5000, 6999)}.${int(10, 200)}`)} Safari/537.36`;
    lines.push(`${ip} - - [15/Mar/2024:${d.n('datetime', time())} +0900] "GET ${paths[i % paths.length]()} HTTP/1.1" ${pick([200, 200, 304, 404])} ${int(200, 99999)} "-" "${ua}"`);
  }
  return lines.join('\n');
}

function batchJobLog(d) {
  const lines = [];
  for (let i = 0; i < 10; i++) {
    const id = i % 2 ? d.n('bare-12-mynumber-valid', mnValid12()) : d.n('bare-12', mnInvalid12());
    lines.push(`${d.n('datetime', `2024-03-15 0${int(1, 5)}:${pad(int(0, 59), 2)}:${pad(int(0, 59), 2)}`)} [batch] job ${id} ${pick(['started', 'finished', 'finished'])} records=${d.n('count-7-digits', String(int(1000000, 9999999)))} elapsed=${int(1, 900)}s`);
  }
  lines.push(`${d.n('datetime', '2024-03-15 05:59:59')} [batch] nightly summary: ${int(10, 99)} jobs, checksum ${d.n('hex-id', hex(40))}`);
  return lines.join('\n');
}

function changelogMd(d) {
  const out = ['# 変更履歴', ''];
  for (let i = 0; i < 6; i++) {
    out.push(`## ${d.n('version', `v12.${6 - i}.${int(1000, 9999)}`)} (${d.n('date-not-birth', date24('-'))})`, '',
      `- 受注画面の表示速度を改善 (#${int(1000, 9999)}, commit ${d.n('hex-id', hex(12))})`,
      `- ビルド番号 ${d.n('build-no-13', `${date24('')}${int(10000, 99999)}`)} で検証`,
      `- 依存ライブラリ更新: exceljs ${d.n('version', `4.${int(0, 4)}.${int(0, 9)}`)}`, '');
  }
  return out.join('\n');
}

function lockfileJson(d) {
  const pkgs = {};
  for (const name of ['commander', 'chalk', 'yaml', 'ignore', 'fast-glob', 'exceljs']) {
    pkgs[`node_modules/${name}`] = { version: d.n('version', `${int(1, 14)}.${int(0, 20)}.${int(0, 30)}`), integrity: `sha512-${Buffer.from(hex(48), 'hex').toString('base64')}`, license: 'MIT' };
  }
  return JSON.stringify({ name: 'sample-internal-tool', version: '2.4.1', lockfileVersion: 3, generatedAt: d.n('datetime', '2024-03-15T09:30:00Z'), packages: pkgs }, null, 2);
}

function quotationTxt(d) {
  return [
    '御 見 積 書',
    `見積番号：${d.n('quote-no', 'Q-2024-0315')}　発行日：${d.n('date-not-birth', '2024年3月15日')}　有効期限：発行日より30日`,
    'あおぞら工業株式会社 御中',
    '',
    '品番              品名                       数量   単価         金額',
    `${d.n('part-no-postal-shape', partNo())}          制御基板 Rev.C               10    ${d.n('price', yen(45800))}    ${d.n('price', yen(458000))}`,
    `${d.n('part-no-postal-shape-real-code', partNo(true))}          ケーブルハーネス             25    ${d.n('price', yen(3200))}     ${d.n('price', yen(80000))}`,
    `${d.n('product-code-13', searchDigits(13, (s) => !isCorporate(s) && !luhnOk(s), String(int(1, 9))))}    筐体（板金加工）              5    ${d.n('price', yen(138000))}   ${d.n('price', yen(690000))}`,
    `${d.n('product-code-13-corporate-valid', corpValid13())}    組立調整費                    1    ${d.n('price', yen(6567))}      ${d.n('price', yen(6567))}`,
    '',
    `合計金額：${d.n('price', '¥1,234,567')}（税抜）`,
    `納期：受注後 ${int(3, 6)} 週間　ロット番号：${d.n('date-like', '2024-0315')}-${int(10, 99)}`,
  ].join('\n');
}

function salesCsv(d) {
  const rows = [['売上日', '伝票番号', '店舗コード', '売上金額', '客数']];
  for (let i = 0; i < 10; i++) {
    rows.push([d.n('date-not-birth', date24('')), d.n(i % 2 ? 'slip-no-13-corporate-valid' : 'slip-no-12-mynumber-valid', i % 2 ? corpValid13() : mnValid12()),
      `S${pad(int(1, 120), 3)}`, d.n('price', price()), String(int(20, 900))]);
  }
  return rows.map((r) => csvRow(r)).join('\n');
}

function serverInventoryCsv(d) {
  const rows = [['ホスト名', 'IPアドレス', 'MACアドレス', 'シリアル番号', 'OS', '保守契約番号', '設置日']];
  for (let i = 0; i < 8; i++) {
    const mac = Array.from({ length: 6 }, () => hex(2)).join(':');
    rows.push([`srv-${pick(['app', 'db', 'web', 'batch'])}-${pad(i + 1, 2)}`, d.n(i % 2 ? 'ipv4-digits-mynumber-valid' : 'ipv4', i % 2 ? ipMn() : `10.${int(0, 255)}.${int(0, 255)}.${int(1, 254)}`),
      d.n('mac', mac), d.n('serial', `${letters(3)}${digits(9)}`), d.n('version', `Ubuntu ${pick(['20.04.6', '22.04.4', '24.04.1'])} LTS`),
      d.n(i % 2 ? 'contract-no-12-mynumber-valid' : 'contract-no-12', i % 2 ? mnValid12() : mnInvalid12()), d.n('date-not-birth', date24('/'))]);
  }
  return rows.map((r) => csvRow(r)).join('\n');
}

function idMappingJson(d) {
  const entries = [];
  for (let i = 0; i < 8; i++) {
    entries.push({ uuid: d.n('uuid', uuid()), legacyId: Number(d.n(i % 2 ? 'legacy-id-13-corporate-valid' : 'legacy-id-12-mynumber-valid', i % 2 ? corpValid13() : mnValid12())),
      sha1: d.n('hex-id', hex(40)), migratedAt: d.n('datetime', `${date24('-')}T${time()}+09:00`) });
  }
  return JSON.stringify({ mapping: entries }, null, 2);
}

function invalidTestData(d) {
  return [
    '# バリデーション単体テスト用の無効データ（すべてチェックデジット不一致・未割当番号）',
    '',
    ...Array.from({ length: 4 }, () => `マイナンバー（無効）：${d.n('mynumber-bad-check', badMyNumber())}`),
    `マイナンバー入力例：${d.n('mynumber-placeholder', '1234 5678 9012')}`,
    ...Array.from({ length: 4 }, () => `カード番号（Luhn不一致）：${d.n('card-bad-luhn', group(badCard(), [4, 4, 4, 4], ' '))}`),
    `ポイントカード番号：${d.n('card-luhn-valid-no-iin', luhnComplete(`98${digits(13)}`))}`,
    ...Array.from({ length: 3 }, () => `登録番号（無効）：T${d.n('corporate-bad-check', badCorporate())}`),
    ...Array.from({ length: 3 }, () => `保険者番号（無効）：${d.n('insurer-bad-check', badInsurer())}`),
    ...UNALLOCATED.map((t) => `TEL（未割当番号）：${d.n('phone-unallocated', t)}`),
    `郵便番号（存在しない）：〒${d.n('postal-nonexistent', partNo(false))}`,
    `旅券番号（桁不足）：${d.n('passport-short', `TR${digits(6)}`)}`,
  ].join('\n');
}

function roomBooking(d) {
  const out = ['会議室予約一覧（2024年3月第3週）', ''];
  for (let i = 0; i < 8; i++) {
    out.push(`${d.n('date-not-birth', date24('/'))} ${pad(int(9, 17), 2)}:00-${pad(int(10, 18), 2)}:30 第${int(1, 5)}会議室 予約番号 ${d.n('booking-no-12', searchDigits(12, (s) => !isMyNumber(s), date24('')))} 内線${int(2000, 2999)}`);
  }
  return out.join('\n');
}

function bomCsv(d) {
  const rows = [['親品番', '子品番', '図番', '数量', 'ロット番号', '単価']];
  for (let i = 0; i < 10; i++) {
    rows.push([d.n('part-no-postal-shape', partNo()), d.n(i % 3 ? 'part-no-postal-shape' : 'part-no-postal-shape-real-code', partNo(i % 3 === 0)),
      `DWG-${int(1000, 9999)}-${pick('ABC')}`, String(int(1, 48)), d.n('date-like', `${date24('')}-${pad(int(1, 20), 2)}`), d.n('price', price())]);
  }
  return rows.map((r) => csvRow(r)).join('\n');
}

function municipalStatsCsv(d) {
  const rows = [['都道府県', '市区町村', '団体コード', '売上高', '件数']];
  for (const [, pref, city] of PLACES.slice(0, 10)) {
    rows.push([pref, d.n('municipality-only', `${pref}${city}`), d.n('lg-code-6', String(int(100000, 479999))), d.n('price', price()), String(int(10, 5000))]);
  }
  return rows.map((r) => csvRow(r)).join('\n');
}

function faqMd(d) {
  return [
    '# よくある質問：入力ルール',
    '',
    '## 電話番号はどう入力しますか？',
    `ハイフン付きで入力してください（例：${d.n('placeholder', '090-XXXX-XXXX')}、${d.n('placeholder', '03-XXXX-XXXX')}）。`,
    '',
    '## マイナンバー（個人番号）は必要ですか？',
    `年末調整でのみ必要です。12桁の数字で、例えば ${d.n('mynumber-placeholder', '123456789012')} のような形式です（これはダミーで無効な番号です）。`,
    '',
    '## 郵便番号の形式は？',
    `7桁で入力します（例：〒${d.n('placeholder', '000-0000')}）。`,
    '',
    '## 登録番号とは？',
    `適格請求書発行事業者の登録番号で、「T」に続く13桁です（例：${d.n('placeholder', 'T0000000000000')}）。`,
    '',
    `最終更新：${d.n('date-not-birth', '2024/03/15')}　文書バージョン ${d.n('version', 'v12.3.4567')}`,
  ].join('\n');
}

function intlPostCsv(d) {
  const rows = [['差出日', '種別', '追跡番号', '宛先国', '重量(g)', '料金']];
  const kinds = [['EMS', 'E'], ['国際書留', 'R'], ['国際小包', 'C'], ['EMS', 'E']];
  for (let i = 0; i < 8; i++) {
    const [kind, l] = kinds[i % 4];
    rows.push([d.n('date-not-birth', date24('/')), kind, d.n('tracking-s10', s10(`${l}${pick([...'ABJNX'])}`)), pick(['アメリカ合衆国', '台湾', 'ドイツ', 'タイ']),
      String(int(100, 9000)), d.n('price', yen(int(14, 160) * 100))]);
  }
  rows.push([d.n('date-not-birth', date24('/')), 'ゆうパック', d.n('slip-12', group(slip12(), [4, 4, 4], '-')), '国内', '2000', d.n('price', yen(1270))]);
  rows.push([d.n('date-not-birth', date24('/')), 'ゆうパケット', d.n('slip-11', digits(11)), '国内', '300', d.n('price', yen(360))]);
  return rows.map((r) => csvRow(r)).join('\n');
}

function pointCardCsv(d) {
  const rows = [['取引日時', 'ポイントカード番号', '店舗', '付与ポイント', '購入金額']];
  for (let i = 0; i < 8; i++) {
    rows.push([d.n('datetime', `${date24('/')} ${time()}`), d.n('card-luhn-valid-no-iin', luhnComplete(`${pick(['98', '99', '97'])}${digits(13)}`)),
      pick(['渋谷店', '梅田店', '天神店']), String(int(1, 500)), d.n('price', price())]);
  }
  return rows.map((r) => csvRow(r)).join('\n');
}

// ---------------------------------------------------------------- the corpus: path, encoding, builder
const DOCS = [
  ['customers/顧客リスト_2024.csv', 'utf8bom', '\r\n', customerListCsv],
  ['customers/会員名簿_sjis.csv', 'sjis', '\r\n', memberRosterSjis],
  ['customers/顧客台帳_eucjp.csv', 'eucjp', '\n', ledgerEucjp],
  ['customers/contacts_export.tsv', 'utf8', '\n', contactsTsv],
  ['customers/DM発送リスト.csv', 'utf8', '\r\n', dmListCsv],
  ['customers/顧客メモ_全角.txt', 'utf8', '\n', fullwidthMemo],
  ['hr/従業員台帳_sjis.csv', 'sjis', '\r\n', staffLedgerSjis],
  ['hr/扶養控除等申告書_2024.txt', 'utf8', '\n', dependentsForm],
  ['hr/入社手続きチェックリスト.md', 'utf8', '\n', onboardingMd],
  ['hr/在留カード管理表.csv', 'utf8bom', '\r\n', residenceCardCsv],
  ['hr/資格取得届_控.txt', 'sjis', '\r\n', insuranceAcquisition],
  ['hr/健康保険証_確認メモ.txt', 'utf8', '\n', insuranceCardMemo],
  ['hr/給与振込口座_変更届.txt', 'utf8', '\n', payrollAccountChange],
  ['hr/源泉徴収票_2023.txt', 'eucjp', '\n', withholdingSlip],
  ['hr/出張者名簿_海外.csv', 'utf8bom', '\r\n', overseasTripCsv],
  ['hr/社用車運転者台帳.csv', 'sjis', '\r\n', driverRegistryCsv],
  ['finance/請求書_INV-2024-0315.txt', 'utf8', '\n', invoiceBank],
  ['finance/請求書_デザイン制作費.txt', 'sjis', '\r\n', invoiceYucho],
  ['finance/取引先マスタ.csv', 'utf8bom', '\r\n', supplierMasterCsv],
  ['finance/payment-error-2024-03-15.log.txt', 'utf8', '\n', paymentErrorLog],
  ['applications/入会申込書_0012.txt', 'utf8', '\n', applicationForm],
  ['applications/口座振替依頼書_控.txt', 'sjis', '\r\n', debitForm],
  ['applications/web_form_submissions.json', 'utf8', '\n', webFormJson],
  ['callcenter/通話記録_20240315.txt', 'utf8', '\n', callLog],
  ['callcenter/対応履歴.tsv', 'utf8', '\n', supportHistoryTsv],
  ['minutes/議事録_誤送信インシデント.md', 'utf8', '\n', minutesMd],
  ['mail/問い合わせ_未着.eml', 'utf8', '\r\n', inquiryEml],
  ['mail/本人確認書類_受領.txt', 'utf8', '\n', idDocsMail],
  ['config/app-settings.yaml', 'utf8', '\n', appSettingsYaml],
  ['src/seed-users.ts', 'utf8', '\n', seedUsersTs],
  ['src/legacy_export.py', 'utf8', '\n', legacyExportPy],
  ['logs/app-2024-03-15.jsonl', 'utf8', '\n', appJsonLog],
  // pure hard negatives
  ['negative/inventory/在庫一覧_202403.csv', 'utf8bom', '\r\n', inventoryCsv],
  ['negative/inventory/商品マスタ_sjis.csv', 'sjis', '\r\n', productMasterSjis],
  ['negative/shipping/出荷実績_202403.tsv', 'utf8', '\n', shipmentsTsv],
  ['negative/shipping/発送完了のお知らせ.txt', 'utf8', '\n', shippingNotice],
  ['negative/shipping/国際郵便_追跡.csv', 'utf8', '\r\n', intlPostCsv],
  ['negative/books/新刊リスト_2024春.csv', 'eucjp', '\n', booksCsv],
  ['negative/logs/access.log.1', 'utf8', '\n', nginxLog],
  ['negative/logs/batch_job_20240315.txt', 'utf8', '\n', batchJobLog],
  ['negative/release/CHANGELOG.md', 'utf8', '\n', changelogMd],
  ['negative/config/lockfile-sample.json', 'utf8', '\n', lockfileJson],
  ['negative/finance/見積書_Q-2024-0315.txt', 'sjis', '\r\n', quotationTxt],
  ['negative/finance/売上集計_2024Q1.csv', 'utf8bom', '\r\n', salesCsv],
  ['negative/it/サーバ台帳.csv', 'utf8', '\n', serverInventoryCsv],
  ['negative/it/id_mapping.json', 'utf8', '\n', idMappingJson],
  ['negative/test-data/無効データ_テスト用.txt', 'utf8', '\n', invalidTestData],
  ['negative/misc/会議室予約.txt', 'utf8', '\n', roomBooking],
  ['negative/manufacturing/部品表_BOM.csv', 'sjis', '\r\n', bomCsv],
  ['negative/misc/市区町村別_売上統計.csv', 'utf8bom', '\r\n', municipalStatsCsv],
  ['negative/docs/FAQ_入力ルール.md', 'utf8', '\n', faqMd],
  ['negative/misc/ポイントカード_取引履歴.csv', 'utf8', '\n', pointCardCsv],
];

// ---------------------------------------------------------------- encoding and self-checks
function encode(text, enc) {
  if (enc === 'utf8') return Buffer.from(text, 'utf8');
  if (enc === 'utf8bom') return Buffer.from(`\ufeff${text}`, 'utf8');
  const to = enc === 'sjis' ? 'SJIS' : 'EUCJP';
  const bytes = Buffer.from(Encoding.convert(Encoding.stringToCode(text), { to, from: 'UNICODE' }));
  const back = new TextDecoder(enc === 'sjis' ? 'shift_jis' : 'euc-jp').decode(bytes);
  if (back !== text) {
    const i = [...text].findIndex((c, k) => c !== [...back][k]);
    throw new Error(`${enc} does not round-trip near ${JSON.stringify(text.slice(Math.max(0, i - 10), i + 10))}`);
  }
  return bytes;
}
const SEPARATORS = /[\s\-\u2010-\u2015\u2212\u30fc\uff0d./()]/g;
/** An independent re-derivation of the canonical value from what was written (CONTRACT.md rules). */
function expectCanonical(type, written) {
  const n = written.normalize('NFKC');
  if (type === 'email') return n.toLowerCase();
  if (type === 'birth-date' || type === 'address') return n.trim();
  if (type === 'person-name') return n.replace(/\s/g, '');
  const flat = n.replace(SEPARATORS, '').toUpperCase();
  if (type === 'phone' && flat.startsWith('+81')) return `0${flat.slice(3)}`;
  if (type === 'corporate-number') return flat.replace(/^T/, '');
  return flat;
}
const VALIDATORS = {
  'my-number': isMyNumber, 'corporate-number': isCorporate, 'credit-card': luhnOk,
  'insurer-number': (v) => insurerCheck(v.slice(0, -1)) === Number(v.at(-1)),
  'drivers-license': (v) => licenseCheck(v.slice(0, 10)) === Number(v[10]),
  'postal-code': postalExists, passport: (v) => /^[A-Z]{2}\d{7}$/.test(v), 'residence-card': (v) => /^[A-Z]{2}\d{8}[A-Z]{2}$/.test(v),
  'pension-number': (v) => /^[1-9]\d{9}$/.test(v), 'bank-account': (v) => /^\d{7}$|^1\d{3}0\d{8}$/.test(v),
  phone: (v) => parsePhoneNumberFromString(v, 'JP')?.isValid() === true, 'birth-date': (v) => /^(19|20)\d\d-\d\d-\d\d$/.test(v),
};
/** Fails loudly when a planted value is not what its label claims, or when an unlabelled e-mail slipped in. */
function selfCheck(doc, text) {
  for (const { type, value, written } of doc.pos) {
    if (!text.includes(written)) throw new Error(`${doc.path}: ${type} ${written} not in text`);
    if (type !== 'birth-date' && expectCanonical(type, written) !== value) throw new Error(`${doc.path}: ${type} ${written} ≠ ${value}`);
    if (VALIDATORS[type] && !VALIDATORS[type](value)) throw new Error(`${doc.path}: ${type} ${value} fails its validator`);
  }
  const emails = text.match(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g) ?? [];
  const labelled = doc.pos.filter((x) => x.type === 'email').length;
  if (emails.length !== labelled) throw new Error(`${doc.path}: ${emails.length} e-mails in text, ${labelled} labelled`);
  if (doc.path.startsWith('negative/') && doc.pos.length) throw new Error(`${doc.path}: negative file with PII`);
}
function selfTestAlgorithms() {
  const cases = [
    [isMyNumber('123456789018'), 'my number example'], [isCorporate('8700110005901'), 'corporate NTA example'],
    [insurerCheck('0104001') === 3, 'insurer 01040013'], [yuchoKigoCheck('14000', '12345671') === 3, 'yucho 14030-12345671'],
    [licenseCheck('3090123456') === 2, 'licence 309012345620'], [s10Check('47312482') === 9, 'S10 RR473124829GB'],
    [eanCheck('490123456789') === 4, 'EAN 4901234567894'], [birthV('ryaku', [1985, 4, 12]).written === 'S60.4.12', '和暦 S60'],
    [birthV('wareki', [1989, 6, 3]).written === '平成元年6月3日', '平成元年'],
  ];
  for (const [ok, what] of cases) if (!ok) throw new Error(`algorithm self-test failed: ${what}`);
}

// ---------------------------------------------------------------- build, write or check
function build() {
  selfTestAlgorithms();
  const files = new Map();
  const expected = {};
  const negatives = {};
  for (const [path, enc, eol, fn] of DOCS) {
    const doc = makeDoc(path);
    let text = `${fn(doc)}\n`;
    if (enc === 'sjis' || enc === 'eucjp') {
      // JIS X 0208 has no U+00A5: legacy-encoded documents write the full-width ￥, as Japanese software does.
      text = text.replace(/¥/g, '￥');
      for (const n of doc.neg) n.text = n.text.replace(/¥/g, '￥');
    }
    selfCheck(doc, text);
    files.set(path, encode(text.replace(/\n/g, eol), enc));
    expected[path] = doc.pos.map(({ type, value }) => ({ type, value })).sort((a, b) => a.type.localeCompare(b.type) || a.value.localeCompare(b.value));
    negatives[path] = doc.neg;
  }
  files.set('../expected.json', Buffer.from(`${JSON.stringify(expected, null, 1)}\n`));
  files.set('../negatives.json', Buffer.from(`${JSON.stringify(negatives, null, 1)}\n`));
  return { files, expected, negatives };
}

function statsMarkdown(expected, negatives) {
  const byType = {};
  for (const list of Object.values(expected)) for (const { type } of list) byType[type] = (byType[type] ?? 0) + 1;
  const byCat = {};
  for (const list of Object.values(negatives)) for (const { category } of list) byCat[category] = (byCat[category] ?? 0) + 1;
  const paths = Object.keys(expected);
  const pure = paths.filter((p) => expected[p].length === 0).length;
  const total = Object.values(byType).reduce((a, b) => a + b, 0);
  const negTotal = Object.values(byCat).reduce((a, b) => a + b, 0);
  const row = ([k, v]) => `| ${k} | ${v} |`;
  return [
    `${paths.length} files: ${paths.length - pure} with PII, ${pure} pure hard negatives.`,
    `${total} positive instances, ${negTotal} hard-negative instances.`,
    '', '| type | positives |', '| --- | --- |', ...Object.entries(byType).sort().map(row),
    '', '| hard-negative category | instances |', '| --- | --- |', ...Object.entries(byCat).sort().map(row),
  ].join('\n');
}

function withStats(readme, stats) {
  const re = /(<!-- stats:begin -->\n)[\s\S]*?(<!-- stats:end -->)/;
  return re.test(readme) ? readme.replace(re, (_, a, b) => `${a}${stats}\n${b}`) : readme;
}

function listCorpus(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
    .map((e) => relative(CORPUS, join(e.parentPath ?? e.path, e.name)).split('\\').join('/'));
}

function main(argv) {
  const check = argv.includes('--check');
  const { files, expected, negatives } = build();
  const readmePath = join(OUT, 'README.md');
  if (existsSync(readmePath)) files.set('../README.md', Buffer.from(withStats(readFileSync(readmePath, 'utf8'), statsMarkdown(expected, negatives))));
  if (check) {
    const stale = [...files].filter(([p, b]) => { const f = join(CORPUS, p); return !existsSync(f) || !readFileSync(f).equals(b); }).map(([p]) => p);
    const extra = listCorpus(CORPUS).filter((p) => !files.has(p));
    for (const p of [...stale, ...extra]) console.error(`stale: fixtures/accuracy/corpus/${p}`);
    if (stale.length || extra.length) { console.error('run: node scripts/make-accuracy-corpus.js'); return 1; }
    console.log(`accuracy corpus up to date (${files.size} files)`);
    return 0;
  }
  rmSync(CORPUS, { recursive: true, force: true });
  for (const [p, bytes] of files) {
    const f = join(CORPUS, p);
    mkdirSync(dirname(f), { recursive: true });
    writeFileSync(f, bytes);
  }
  console.log(statsMarkdown(expected, negatives));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
