// Document templates of the APPI held-out corpus. Each returns {ext, text, truth, kind}; truth says what a
// careful reader would decide: pi (a living person can be identified), specialCare (kinds about that person),
// persons (distinct people), metadata (project metadata: no label needed for its authors' contacts).
// The phrase pools are wider than patterns/special-care.yaml on purpose (diseases, drugs, wordings jpii does
// not list), so recall is measured, not assumed.

const DISEASES = ['糖尿病', '高血圧症', 'うつ病', '気管支喘息', '乳がん', '心筋梗塞', '関節リウマチ', '甲状腺機能低下症', 'C型肝炎', '統合失調症', '適応障害', '腰椎椎間板ヘルニア', '脳梗塞', 'パニック障害'];
const DRUGS = ['ロキソプロフェン錠60mg', 'アムロジピン錠5mg', 'メトホルミン塩酸塩錠', 'レバミピド錠100mg', 'セルトラリン錠25mg'];
const RELIGIONS = ['キリスト教（プロテスタント）', '仏教（浄土真宗）', 'イスラム教', '天理教'];

/** Sentences (or fields) that say something special-care about the person named `n`. */
const CARE = {
  'medical-history': [(r, n) => `${n} 様は昨年、乳がんと診断された。`, (r, n) => `${n} さんはメンタル不調（うつ状態）のため休職中。`, () => '診断書：適応障害（3か月の休養を要す）', (r, n) => `既往歴：${r.pick(DISEASES)}`, (r, n) => `病名：${r.pick(DISEASES)}`, (r, n) => `${n} 様は${r.pick(DISEASES)}の持病があるため、残業は控えること。`, (r) => `持病：${r.pick(DISEASES)}`],
  'medical-care': [(r, n) => `${n} さんは先月まで市内の病院に入院していた。`, (r, n) => `${n} さんはインスリンを自己注射している。`, (r) => `処方：${r.pick(DRUGS)}`, (r, n) => `${n} 様は現在通院中のため、毎週水曜は半休とする。`, (r, n) => `${n} 様は週3回透析を受けている。`, (r) => `服薬：${r.pick(DRUGS)} 1日2回`],
  disability: [(r, n) => `${n} 様は車いすを使用しているため、1階の会議室を手配する。`, () => '障がい者手帳：2級', (r) => `障害者手帳：身体障害者手帳 ${r.int(1, 6)}級`, (r) => `療育手帳（B${r.int(1, 2)}）を所持`, (r) => `精神障害者保健福祉手帳 ${r.int(1, 3)}級`, (r) => `障害等級：${r.int(1, 7)}級（肢体不自由）`],
  'criminal-record': [(r, n) => `${n} 氏は窃盗罪で懲役2年の判決を受け、服役していた。`, (r, n) => `${n} 氏に前科があることが判明した。`, () => '前科：あり（窃盗）', (r, n) => `${n} 氏は過去に実刑判決を受けている。`, () => '犯罪歴：道路交通法違反（罰金）'],
  'crime-victim': [(r, n) => `${n} 様は帰宅途中にひったくりの被害にあった。`, (r, n) => `${n} 様から配偶者のDVについて相談を受けた。`, (r, n) => `${n} 様より被害届を提出済みとの報告あり。`, (r, n) => `${n} 様は特殊詐欺の被害に遭ったため、口座を凍結した。`, () => '被害内容：自転車盗難'],
  'criminal-procedure': [(r, n) => `${n} 氏は警察から任意同行を求められた。`, (r, n) => `${n} 氏は容疑者として逮捕、現在勾留中。`, (r, n) => `${n} 氏が昨日逮捕されたとの連絡を受けた。`, (r, n) => `${n} 氏は書類送検され、現在捜査中。`, (r, n) => `${n} 氏は起訴され、来月公判の予定。`],
  'juvenile-procedure': [(r, n) => `${n} さんは家庭裁判所に送致された。`, (r, n) => `${n} さんは保護観察処分を受けている。`, (r, n) => `${n} さんは昨年少年院を出院した。`],
  creed: [(r, n) => `${n} 様はエホバの証人の信者のため、輸血を拒否する意向。`, (r) => `宗教：${r.pick(RELIGIONS)}`, (r) => `信仰：${r.pick(RELIGIONS)}`, (r, n) => `${n} 様は敬虔なキリスト教徒で、日曜の勤務はできない。`],
  race: [() => '民族：アイヌ', (r, n) => `${n} 様はアイヌ民族の出身であることを公表している。`],
  'social-status': [(r, n) => `${n} 様は非嫡出子であり、相続手続に留意。`],
  'health-check': [() => '判定：要精密検査', () => '所見：血圧高値、総合判定 C（要経過観察）', () => '総合判定：D（要医療）'],
};
export const CARE_KINDS = Object.keys(CARE);

const signature = (r, p) => r.pick([`${p.name} 様`, `氏名：${p.name}`, `担当：${p.name} 様`]);
const contact = (r, p) => r.pick([`携帯：${p.phone}`, `メール：${p.email}`, `連絡先 ${p.phone} / ${p.email}`]);

/** Minutes or a memo about 1–4 named people; `kinds`: special-care sentences about the first of them. */
export function memo(r, kinds) {
  const ps = Array.from({ length: r.int(1, 4) }, () => r.person());
  const lines = [r.pick(['議事録', '面談記録', '人事メモ', '相談記録']), `日時：2026年${r.int(1, 12)}月${r.int(1, 28)}日`];
  lines.push(`出席者：${ps.map((p) => `${p.name} 様`).join('、')}`);
  lines.push(contact(r, ps[0]));
  if (kinds.includes('health-check')) lines.push('件名：定期健康診断の結果について');
  lines.push(`対象者：${ps[0].name} 様`);
  for (const k of kinds) lines.push(r.pick(CARE[k])(r, ps[0].name));
  lines.push('以上');
  return { ext: 'txt', text: lines.join('\n') + '\n', truth: { pi: true, specialCare: kinds, persons: ps.length }, kind: kinds.length ? 'special-care' : 'memo' };
}

/** A customer or staff list, optionally with a special-care column. */
export function roster(r, n, kind) {
  const columns = { 'medical-history': ['既往歴', () => r.pick(DISEASES)], disability: ['障害等級', () => `${r.int(1, 6)}級`], 'medical-care': ['処方薬', () => r.pick(DRUGS)], creed: ['宗教', () => r.pick(RELIGIONS)] };
  const extra = kind ? columns[kind] : undefined;
  const header = ['氏名', '電話番号', 'メールアドレス', '住所', ...(extra ? [extra[0]] : [])];
  const rows = [header.join(',')];
  for (let i = 0; i < n; i++) {
    const p = r.person();
    rows.push([p.name, p.phone, p.email, p.address, ...(extra ? [extra[1]()] : [])].join(','));
  }
  return { ext: 'csv', text: rows.join('\n') + '\n', truth: { pi: true, specialCare: extra ? [kind] : [], persons: n, roster: true }, kind: 'roster' };
}

/** A health-check result sheet for one employee. */
export function healthCheck(r) {
  const p = r.person();
  const text = ['定期健康診断 結果通知書', `氏名：${p.name}`, `生年月日：${p.birth}`, `血圧：${r.int(110, 170)}/${r.int(70, 100)}`, `HbA1c：${r.int(50, 80) / 10}`, r.pick(CARE['health-check'])(r, p.name), '産業医コメント：生活習慣の改善を推奨します。'].join('\n');
  return { ext: 'txt', text: text + '\n', truth: { pi: true, specialCare: ['health-check'], persons: 1 }, kind: 'special-care' };
}

/** A letter to one person (name and address), no special care. */
export function letter(r) {
  const p = r.person();
  return { ext: 'txt', text: `${p.name} 様\n${p.address}\n\nこのたびはお問い合わせいただきありがとうございます。\n資料を同封いたします。\n`, truth: { pi: true, specialCare: [], persons: 1 }, kind: 'letter' };
}

/** Minutes that name people and talk about diseases, drugs or health checks as business, not about them. */
export function businessMedicalMinutes(r) {
  const ps = [r.person(), r.person()];
  const topic = r.pick([
    `${r.pick(DISEASES)}治療薬の販売計画について、来期の目標を確認した。`,
    '定期健康診断の日程を10月第2週とし、各部署に周知する。',
    `新製品（${r.pick(DRUGS)}）の処方動向を卸売データで分析する。`,
    '障害者雇用率の達成に向け、採用計画を見直す。',
    '人事研修のテーマ：うつ病の予防と早期発見について。',
    '障害者手帳の提示方法（窓口での確認手順）を説明した。',
  ]);
  const text = ['営業会議 議事録', `出席者：${ps[0].name} 様、${ps[1].name} 様`, `連絡先：${ps[0].email}`, topic, '次回は来月開催。'].join('\n');
  return { ext: 'txt', text: text + '\n', truth: { pi: true, specialCare: [], persons: 2 }, kind: 'business-medical' };
}

/** Look-alikes without any identifiable person. */
export function rulebook(r) {
  const text = [
    '就業規則（抜粋）',
    '第20条（休職）従業員が私傷病（うつ病等の精神疾患を含む）により欠勤が1か月を超えたときは、休職を命ずる。',
    '第21条（健康診断）従業員は年1回の定期健康診断を受けなければならない。所見があった者は再検査を受けること。',
    '第35条（懲戒解雇）従業員が逮捕され、又は禁錮以上の刑に処せられたときは、懲戒解雇とする。',
    '第36条 前科の有無は採用選考において申告を求めない。',
    `お問い合わせ：総務部 ${r.pick(['soumu', 'jinji'])}@corp-sample.co.jp`,
  ];
  return { ext: 'txt', text: lines(r, text), truth: { pi: false, specialCare: [], persons: 0 }, kind: 'lookalike-rulebook' };
}

export function privacyPolicy(r) {
  const text = [
    '個人情報保護方針',
    '当社は、要配慮個人情報（人種、信条、社会的身分、病歴、犯罪の経歴、犯罪により害を被った事実等）を、本人の同意なく取得しません。',
    '健康診断の結果、障害者手帳の情報は、法令に基づく場合を除き第三者に提供しません。',
    '個人情報に関するお問い合わせ窓口：privacy@corp-sample.co.jp',
    `代表電話 03-${r.int(1000, 9999)}-${r.int(1000, 9999)}（受付時間 平日9時〜17時）`,
  ];
  return { ext: 'txt', text: lines(r, text), truth: { pi: false, specialCare: [], persons: 0 }, kind: 'lookalike-policy' };
}

export function clinicPage(r) {
  const text = [
    `${r.pick(['さくら', 'みどり', 'ひかり'])}内科クリニック`,
    `診療科目：内科・${r.pick(['糖尿病内科', '循環器内科', '消化器内科'])}`,
    `専門外来：${r.pick(DISEASES)}外来（予約制）`,
    '院外処方箋をお持ちの方は、お近くの薬局へお越しください。',
    '健康診断・人間ドック・予防接種も受け付けております。',
    `TEL 0${r.int(3, 6)}-${r.int(1000, 9999)}-${r.int(1000, 9999)}`,
    `所在地：東京都千代田区神田${r.int(1, 3)}-${r.int(1, 9)}-${r.int(1, 9)}`,
  ];
  return { ext: 'html', text: `<html><body>\n${text.map((t) => `<p>${t}</p>`).join('\n')}\n</body></html>\n`, truth: { pi: false, specialCare: [], persons: 0 }, kind: 'lookalike-clinic' };
}

export function errorCodes(r) {
  const text = ['コード,メッセージ', 'E1001,病名が未入力です', 'E1002,既往歴の形式が不正です', 'E2001,障害等級は1〜7で入力してください', 'E3001,前科の有無を選択してください', 'E4001,処方：薬剤コードが見つかりません', `E5001,宗教：選択肢にない値です`];
  return { ext: 'csv', text: lines(r, text), truth: { pi: false, specialCare: [], persons: 0 }, kind: 'lookalike-errors' };
}

/** Organisation-only contact details (no person). */
export function companyPage(r) {
  const text = ['会社概要', '株式会社サンプル商事', `本社所在地：大阪府大阪市北区梅田${r.int(1, 3)}-${r.int(1, 9)}-${r.int(1, 9)}`, `代表 06-${r.int(1000, 9999)}-${r.int(1000, 9999)}`, `FAX 06-${r.int(1000, 9999)}-${r.int(1000, 9999)}`, 'お問い合わせ：info@sample-shoji.co.jp', `フリーダイヤル 0120-${r.int(100, 999)}-${r.int(100, 999)}`];
  return { ext: 'txt', text: lines(r, text), truth: { pi: false, specialCare: [], persons: 0 }, kind: 'organisation' };
}

export function priceList(r) {
  const text = ['品番,品名,単価', ...Array.from({ length: r.int(3, 10) }, (_, i) => `A-${100 + i},部品${i},${r.int(100, 9999)}`)];
  return { ext: 'csv', text: lines(r, text), truth: { pi: false, specialCare: [], persons: 0 }, kind: 'clean' };
}

/** Project metadata: personal information that needs no label. */
export function packageJson(r) {
  const p = r.person();
  const text = JSON.stringify({ name: `sample-lib-${r.int(1, 99)}`, version: '1.0.0', author: `${p.email.split('@')[0]} <${p.email}>`, license: 'MIT' }, null, 2);
  return { ext: 'json', fileName: 'package.json', text: `${text}\n`, truth: { pi: true, specialCare: [], persons: 1, metadata: true }, kind: 'metadata' };
}

function lines(_r, list) {
  return `${list.join('\n')}\n`;
}

// Added before the seed-3 run and not tuned on: shapes the detectors may miss.

/** A business card block: a named mailbox and an office line. */
export function businessCard(r) {
  const p = r.person();
  const text = ['株式会社サンプル商事 営業部 課長', p.name.replace(' ', '　'), `TEL 03-${r.int(1000, 9999)}-${r.int(1000, 9999)}`, `Mail: ${p.email}`].join('\n');
  return { ext: 'txt', text: `${text}\n`, truth: { pi: true, specialCare: [], persons: 1 }, kind: 'business-card' };
}

/** A person named in prose only (no label, no honorific): a realistic miss for the name detector. */
export function prosePerson(r) {
  const p = r.person();
  const family = p.name.split(' ')[0];
  const text = `先日、${family}さんから連絡があり、見積の件は了承とのことでした。\n${family}さんの携帯（${p.phone}）に折り返してください。\n`;
  return { ext: 'txt', text, truth: { pi: true, specialCare: [], persons: 1 }, kind: 'prose-person' };
}

/** A test fixture with a lone address and postal code: identifies no one. */
export function fixtureAddress(r) {
  const text = `# test data for the address parser\naddress: 東京都千代田区千代田1-${r.int(1, 9)}\nzip: 100-0001\nexpected: ok\n`;
  return { ext: 'yaml', text, truth: { pi: false, specialCare: [], persons: 0 }, kind: 'fixture-address' };
}

/** A blank form: labels without values. */
export function blankForm() {
  const text = '入会申込書\n氏名：＿＿＿＿＿＿\n電話番号：＿＿＿＿＿＿\n既往歴：□あり　□なし\n障害者手帳：□あり　□なし\n宗教：＿＿＿＿\n';
  return { ext: 'txt', text, truth: { pi: false, specialCare: [], persons: 0 }, kind: 'blank-form' };
}
