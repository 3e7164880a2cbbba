// Synthetic personal values for the OCR fixtures, from a seeded PRNG (mulberry32): the same seed gives the
// same values on every machine. Check digits follow ../shared/CHECKSUMS.md (My Number §1, insurer §4);
// phone numbers are in allocated ranges (libphonenumber-js/max), postal codes are real (Japan Post list).
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { mulberry32 } from '../lib/prng.js';
import { insurerCheck, myNumberCheck } from '../lib/check-digits.js';

const SURNAMES = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '中村', '小林', '加藤', '吉田', '松本', '井上', '木村', '清水', '池田', '橋本', '前田', '藤田', '岡田', '後藤'];
const GIVEN = ['翔太', '大輔', '健太', '拓也', '直樹', '浩二', '和也', '美咲', '陽子', '恵子', '由美', '結衣', '裕子', '明美', '美穂', '真由美'];
/** Real postal codes with their town (the same list as the accuracy corpus). */
const PLACES = [
  ['1500002', '東京都', '渋谷区', '渋谷'], ['1600022', '東京都', '新宿区', '新宿'], ['1130033', '東京都', '文京区', '本郷'],
  ['5300001', '大阪府', '大阪市北区', '梅田'], ['5420076', '大阪府', '大阪市中央区', '難波'], ['9800811', '宮城県', '仙台市青葉区', '一番町'],
  ['4600008', '愛知県', '名古屋市中区', '栄'], ['8100001', '福岡県', '福岡市中央区', '天神'], ['2200011', '神奈川県', '横浜市西区', '高島'],
  ['6500021', '兵庫県', '神戸市中央区', '三宮町'], ['3300063', '埼玉県', 'さいたま市浦和区', '高砂'], ['2600013', '千葉県', '千葉市中央区', '中央'],
  ['9000015', '沖縄県', '那覇市', '久茂地'], ['4200853', '静岡県', '静岡市葵区', '追手町'], ['7300011', '広島県', '広島市中区', '基町'],
];


export function valueMaker(seed) {
  const rnd = mulberry32(seed);
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = (a) => a[int(0, a.length - 1)];
  const digits = (n) => Array.from({ length: n }, () => int(0, 9)).join('');
  const pad = (n, w = 2) => String(n).padStart(w, '0');
  const phone = (kind = pick(['mobile', 'tokyo', 'osaka', 'nagoya'])) => {
    for (;;) {
      const area = { mobile: pick(['090', '080', '070']), tokyo: '03', osaka: '06', nagoya: '052' }[kind];
      const g = [area, digits(area.length === 2 ? 4 : area.length === 3 && kind !== 'mobile' ? 3 : 4), digits(4)];
      const p = parsePhoneNumberFromString(g.join(''), 'JP');
      if (p?.isValid()) return { groups: g, value: g.join('') };
    }
  };
  return {
    int, pick, digits, pad,
    person: () => `${pick(SURNAMES)} ${pick(GIVEN)}`,
    place: () => {
      const [code, pref, city, town] = pick(PLACES);
      return { code, address: `${pref}${city}${town}${int(1, 4)}-${int(1, 20)}-${int(1, 15)}` };
    },
    phone,
    myNumber: () => {
      const d11 = String(int(1, 9)) + digits(10);
      return d11 + myNumberCheck(d11);
    },
    pension: () => String(int(1, 9)) + digits(9),
    insurer: () => {
      const body = `0113${int(0, 9)}${digits(2)}`;
      return body + insurerCheck(body);
    },
    account: () => String(int(1, 9)) + digits(6),
    birth: () => ({ y: int(1955, 2001), m: int(1, 12), d: int(1, 28) }),
    /** A look-alike that is not personal: order numbers, product codes, amounts, the form's own date. */
    orderNo: () => `${int(2024, 2026)}-${digits(6)}`,
  };
}

export function wareki({ y, m, d }) {
  const ymd = y * 10000 + m * 100 + d;
  if (ymd >= 19890108) return `平成${y - 1988 === 1 ? '元' : y - 1988}年${m}月${d}日`;
  return `昭和${y - 1925}年${m}月${d}日`;
}
export const iso = ({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
