// Synthetic people and values for the APPI held-out corpus (scripts/make-appi-corpus.js). Every value is
// made up: names from common-name pools, numbers in valid formats with their check digits.
export const FAMILY = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤', '吉田', '山田', '佐々木', '山口', '松本', '井上', '木村', '林', '斎藤', '清水', '山崎', '森', '池田', '橋本', '阿部', '石川', '山下', '中島', '石井', '小川', '前田', '岡田', '長谷川', '藤田', '後藤', '近藤', '村上', '遠藤', '青木', '坂本'];
export const GIVEN = ['翔太', '大輔', '健一', '拓也', '直樹', '浩二', '誠', '亮', '花子', '美咲', '陽子', '由美', '恵子', '真由美', '愛', '彩', '陽菜', '結衣', '蓮', '大翔', '悠真', '湊', '颯太', '一郎', '次郎', '和也', '達也', '智子', '久美子', '裕子', '明美', '直美', '優子', '千尋', '舞', '瞳', '剛', '修', '学', '聡'];
const ROMAJI_F = ['sato', 'suzuki', 'takahashi', 'tanaka', 'ito', 'watanabe', 'yamamoto', 'nakamura', 'kobayashi', 'kato'];
const ROMAJI_G = ['shota', 'daisuke', 'kenichi', 'takuya', 'naoki', 'hanako', 'misaki', 'yoko', 'yumi', 'keiko'];
const DOMAINS = ['mail-sample.jp', 'corp-sample.co.jp', 'sample-shoji.co.jp', 'webmail-sample.ne.jp'];
const PREFS = ['東京都新宿区西新宿', '大阪府大阪市北区梅田', '神奈川県横浜市中区山下町', '愛知県名古屋市中村区名駅', '福岡県福岡市博多区博多駅前', '北海道札幌市中央区北一条西'];

export function people(rand) {
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = (a) => a[int(0, a.length - 1)];
  const usedPhones = new Set();
  const mobile = () => {
    for (;;) {
      const p = `${pick(['090', '080', '070'])}-${int(1000, 9999)}-${int(1000, 9999)}`;
      if (!usedPhones.has(p)) return usedPhones.add(p), p;
    }
  };
  let serial = 0;
  const person = () => {
    const family = pick(FAMILY);
    const given = pick(GIVEN);
    serial++;
    return {
      name: `${family} ${given}`,
      phone: mobile(),
      email: `${pick(ROMAJI_G)}.${pick(ROMAJI_F)}${serial}@${pick(DOMAINS)}`,
      address: `${pick(PREFS)}${int(1, 5)}-${int(1, 20)}-${int(1, 30)}`,
      birth: `${int(1950, 2005)}年${int(1, 12)}月${int(1, 28)}日`,
    };
  };
  return { int, pick, person, mobile };
}
