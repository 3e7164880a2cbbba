/**
 * Synthetic, check-digit-valid PII values for the document-shape generator (make-heldout-corpus.js).
 * `makeValues(rnd)` returns generators bound to one seeded PRNG, so a seed fixes every value. Each generator
 * returns `{type, written, value}`: the text as written in the document and the canonical value expected.
 * Check digits come from ./check-digits.js (../shared/CHECKSUMS.md), shared with the other generators. Names,
 * places and banks are common ones, not real people.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { insurerCheck, isCorporate, isMyNumber, licenseCheck, luhnOk, myNumberCheck } from './check-digits.js';

// ---------------------------------------------------------------- people and places
const SURNAMES = [
  ['佐藤', 'サトウ', 'sato'], ['鈴木', 'スズキ', 'suzuki'], ['高橋', 'タカハシ', 'takahashi'], ['田中', 'タナカ', 'tanaka'],
  ['伊藤', 'イトウ', 'ito'], ['渡辺', 'ワタナベ', 'watanabe'], ['中村', 'ナカムラ', 'nakamura'], ['小林', 'コバヤシ', 'kobayashi'],
  ['加藤', 'カトウ', 'kato'], ['吉田', 'ヨシダ', 'yoshida'], ['松本', 'マツモト', 'matsumoto'], ['井上', 'イノウエ', 'inoue'],
  ['木村', 'キムラ', 'kimura'], ['林', 'ハヤシ', 'hayashi'], ['斎藤', 'サイトウ', 'saito'], ['清水', 'シミズ', 'shimizu'],
  ['山崎', 'ヤマザキ', 'yamazaki'], ['森', 'モリ', 'mori'], ['池田', 'イケダ', 'ikeda'], ['橋本', 'ハシモト', 'hashimoto'],
  ['石川', 'イシカワ', 'ishikawa'], ['前田', 'マエダ', 'maeda'], ['藤田', 'フジタ', 'fujita'], ['後藤', 'ゴトウ', 'goto'],
  ['岡本', 'オカモト', 'okamoto'], ['長谷川', 'ハセガワ', 'hasegawa'], ['村上', 'ムラカミ', 'murakami'], ['近藤', 'コンドウ', 'kondo'],
  ['石井', 'イシイ', 'ishii'], ['坂本', 'サカモト', 'sakamoto'], ['遠藤', 'エンドウ', 'endo'], ['青木', 'アオキ', 'aoki'],
  ['中妻', 'ナカツマ', 'nakatsuma'], ['西村', 'ニシムラ', 'nishimura'], ['福田', 'フクダ', 'fukuda'], ['太田', 'オオタ', 'ota'],
];
const GIVEN = [
  ['翔', 'ショウ', 'sho'], ['大樹', 'ダイキ', 'daiki'], ['健一', 'ケンイチ', 'kenichi'], ['拓海', 'タクミ', 'takumi'],
  ['直人', 'ナオト', 'naoto'], ['亮', 'リョウ', 'ryo'], ['浩', 'ヒロシ', 'hiroshi'], ['蒼', 'アオイ', 'aoi'], ['悠斗', 'ユウト', 'yuto'],
  ['誠一', 'セイイチ', 'seiichi'], ['優子', 'ユウコ', 'yuko'], ['美和', 'ミワ', 'miwa'], ['恵美', 'エミ', 'emi'], ['千尋', 'チヒロ', 'chihiro'],
  ['奈々', 'ナナ', 'nana'], ['沙織', 'サオリ', 'saori'], ['瞳', 'ヒトミ', 'hitomi'], ['麻衣', 'マイ', 'mai'], ['香織', 'カオリ', 'kaori'],
  ['智子', 'トモコ', 'tomoko'], ['真一', 'シンイチ', 'shinichi'], ['和子', 'カズコ', 'kazuko'], ['聡', 'サトシ', 'satoshi'],
];
/** Real postal codes with their town; [code, 都道府県, 市区町村, 町域, highest 丁目 or 0]. */
const PLACES = [
  ['1500001', '東京都', '渋谷区', '神宮前', 6], ['1600023', '東京都', '新宿区', '西新宿', 8], ['1350091', '東京都', '港区', '台場', 2],
  ['1020083', '東京都', '千代田区', '麹町', 6], ['1110032', '東京都', '台東区', '浅草', 7], ['1540024', '東京都', '世田谷区', '三軒茶屋', 2],
  ['1800004', '東京都', '武蔵野市', '吉祥寺本町', 4], ['5300012', '大阪府', '大阪市北区', '芝田', 2], ['5560011', '大阪府', '大阪市浪速区', '難波中', 3],
  ['4600002', '愛知県', '名古屋市中区', '丸の内', 3], ['2200012', '神奈川県', '横浜市西区', 'みなとみらい', 6], ['2100007', '神奈川県', '川崎市川崎区', '駅前本町', 0],
  ['0600042', '北海道', '札幌市中央区', '大通西', 19], ['9800014', '宮城県', '仙台市青葉区', '本町', 3], ['8100041', '福岡県', '福岡市中央区', '大名', 2],
  ['7300031', '広島県', '広島市中区', '紙屋町', 2], ['6040862', '京都府', '京都市中京区', '少将井町', 0], ['6500001', '兵庫県', '神戸市中央区', '加納町', 6],
  ['3300846', '埼玉県', 'さいたま市大宮区', '大門町', 3], ['2600015', '千葉県', '千葉市中央区', '富士見', 2], ['9500087', '新潟県', '新潟市中央区', '東大通', 2],
  ['3700841', '群馬県', '高崎市', '栄町', 0], ['4200857', '静岡県', '静岡市葵区', '御幸町', 0], ['8900053', '鹿児島県', '鹿児島市', '中央町', 0],
];
const KANSUJI = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const BUILDINGS = ['グリーンハイツ', 'メゾン桜', 'パレス本町', 'サンライズ館', 'コーポ緑'];
const MAIL_DOMAINS = ['example-isp.ne.jp', 'test-mail.jp', 'sample.co.jp', 'demo-mobile.ne.jp'];
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function makeValues(rnd) {
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = (arr) => arr[int(0, arr.length - 1)];
  const digits = (n) => Array.from({ length: n }, () => int(0, 9)).join('');
  const pad = (n, w) => String(n).padStart(w, '0');
  const toFW = (s) => s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/-/g, '\uff0d');
  const kanji = (n) => (n <= 10 ? KANSUJI[n] : n < 20 ? `十${KANSUJI[n - 10]}` : `${KANSUJI[Math.floor(n / 10)]}十${n % 10 ? KANSUJI[n % 10] : ''}`);
  const group = (d, sizes, sep) => { const out = []; let i = 0; for (const n of sizes) { out.push(d.slice(i, i + n)); i += n; } return out.join(sep); };
  const V = (type, written, value) => ({ type, written: String(written), value: String(value) });
  const used = new Set();

  function person() {
    for (;;) {
      const s = pick(SURNAMES);
      const g = pick(GIVEN);
      if (used.has(s[0] + g[0])) continue;
      used.add(s[0] + g[0]);
      return { sei: s[0], mei: g[0], seiKana: s[1], meiKana: g[1], seiRoma: s[2], meiRoma: g[2] };
    }
  }
  const name = (p, sep = pick([' ', '　', ''])) => V('person-name', `${p.sei}${sep}${p.mei}`, p.sei + p.mei);
  const kana = (p) => V('person-name', `${p.seiKana} ${p.meiKana}`, p.seiKana + p.meiKana);

  function place() {
    const [code, pref, city, town, maxChome] = pick(PLACES);
    return { code, pref, city, town, chome: maxChome ? int(1, Math.min(maxChome, 9)) : 0, ban: int(1, 25), go: int(1, 20) };
  }
  const postal = (h) => V('postal-code', pick([`${h.code.slice(0, 3)}-${h.code.slice(3)}`, `〒${h.code.slice(0, 3)}-${h.code.slice(3)}`, h.code]), h.code);
  function address(h, style = pick(['hyphen', 'hyphen', 'kanji', 'kansuji', 'fw'])) {
    const { chome, ban, go } = h;
    let block;
    if (style === 'kanji') block = chome ? `${chome}丁目${ban}番${go}号` : `${ban}番${go}号`;
    else if (style === 'kansuji') block = chome ? `${kanji(chome)}丁目${ban}番地${go}` : `${ban}番地${go}`;
    else if (style === 'fw') block = toFW([chome, ban, go].filter(Boolean).join('-'));
    else block = [chome, ban, go].filter(Boolean).join('-');
    const bld = rnd() < 0.3 ? ` ${pick(BUILDINGS)}${int(1, 9)}0${int(1, 9)}` : '';
    const written = `${h.pref}${h.city}${h.town}${block}${bld}`;
    return V('address', written, written.normalize('NFKC'));
  }

  function phone(kind = pick(['mobile', 'mobile', 'fixed'])) {
    for (;;) {
      const g = kind === 'mobile' ? [pick(['090', '080', '070']), digits(4), digits(4)] : pick([['03', digits(4), digits(4)], ['06', digits(4), digits(4)], ['045', digits(3), digits(4)], ['052', digits(3), digits(4)], ['011', digits(3), digits(4)]]);
      const value = g.join('');
      const p = parsePhoneNumberFromString(value, 'JP');
      if (!p || !p.isValid()) continue;
      const written = pick([g.join('-'), g.join('-'), value, `${g[0]}(${g[1]})${g[2]}`, toFW(g.join('-'))]);
      return V('phone', written, value);
    }
  }
  function email(p) {
    const local = pick([`${p.meiRoma}.${p.seiRoma}`, `${p.seiRoma}_${p.meiRoma}${int(1, 99)}`, `${p.meiRoma[0]}${p.seiRoma}`]);
    const w = `${local}@${pick(MAIL_DOMAINS)}`;
    return V('email', w, w.toLowerCase());
  }
  function wareki(y, m, d) {
    const ymd = y * 10000 + m * 100 + d;
    if (ymd >= 20190501) return ['令和', 'R', y - 2018];
    if (ymd >= 19890108) return ['平成', 'H', y - 1988];
    return ['昭和', 'S', y - 1925];
  }
  function birth(style = pick(['iso', 'slash', 'kanji', 'wareki', 'wareki', 'ryaku', 'slash1'])) {
    const [y, m, d] = [int(1950, 2004), int(1, 12), int(1, 28)];
    const [era, letter, n] = wareki(y, m, d);
    const nen = n === 1 ? '元' : String(n);
    const w = {
      iso: `${y}-${pad(m, 2)}-${pad(d, 2)}`, slash: `${y}/${pad(m, 2)}/${pad(d, 2)}`, slash1: `${y}/${m}/${d}`,
      kanji: `${y}年${m}月${d}日`, wareki: `${era}${nen}年${m}月${d}日`, ryaku: `${letter}${n}.${m}.${d}`,
    }[style];
    return V('birth-date', w, `${y}-${pad(m, 2)}-${pad(d, 2)}`);
  }
  function myNumber() {
    for (;;) {
      const d11 = String(int(1, 9)) + digits(10);
      const value = d11 + myNumberCheck(d11);
      if (!isCorporate(`0${value}`)) return V('my-number', pick([value, group(value, [4, 4, 4], ' '), group(value, [4, 4, 4], '-')]), value);
    }
  }
  function card() {
    for (;;) {
      const partial = pick(['4', '5', '35']);
      const prefix = partial === '35' ? `35${int(28, 89)}` : partial === '5' ? `5${int(1, 5)}` : '4';
      const body = prefix + digits(15 - prefix.length);
      const value = body + [...'0123456789'].find((c) => luhnOk(body + c));
      if (value.length === 16) return V('credit-card', pick([value, group(value, [4, 4, 4, 4], '-'), group(value, [4, 4, 4, 4], ' ')]), value);
    }
  }
  const account = () => { const v = digits(7); return V('bank-account', v, v); };
  const passport = () => { const v = pick(['T', 'M']) + pick([...'KRSZHEGJ']) + digits(7); return V('passport', v, v); };
  function residence() {
    for (;;) {
      const v = pick([...UPPER]) + pick([...UPPER]) + digits(8) + pick([...UPPER]) + pick([...UPPER]);
      if (!v.endsWith('JP')) return V('residence-card', v, v);
    }
  }
  function license() {
    for (;;) {
      const d10 = pick(['30', '43', '54', '62']) + pad(int(0, 23), 2) + digits(6);
      const v = d10 + licenseCheck(d10) + pick(['0', '0', '1']);
      if (!isMyNumber(v)) return V('drivers-license', v, v);
    }
  }
  const pension = () => { const v = String(int(1, 9)) + digits(9); return V('pension-number', pick([v, group(v, [4, 6], '-')]), v); };
  function insurer() {
    const body = `0113${int(1, 9)}${digits(2)}`;
    const v = body + insurerCheck(body);
    return V('insurer-number', v, v);
  }

  return { int, pick, digits, pad, rnd, person, name, kana, place, postal, address, phone, email, birth, myNumber, card, account, passport, residence, license, pension, insurer };
}
