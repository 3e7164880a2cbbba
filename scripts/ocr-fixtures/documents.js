// The paper the OCR fixtures are scans of: Japanese office forms and fax orders, as lines of text at
// positions (in 1/200 inch) with the personal values they hold. Two layouts of each: `tune` (used while
// developing the OCR normaliser) and `heldout` (other wording, number styles, positions and fonts, used only
// to report). Every value is synthetic (values.js).
import { iso, wareki } from './values.js';

const NUMERIC = new Set(['phone', 'postal-code', 'my-number', 'pension-number', 'insurer-number', 'bank-account', 'birth-date']);

/** Builds a page: `line(x, y, text, size)`, `box(x, y, w, h)`; `pii(type, value, written)` records a value. */
function page() {
  const p = { lines: [], boxes: [], expected: [] };
  p.line = (x, y, text, size = 34) => p.lines.push({ x, y, text, size });
  p.box = (x, y, w, h) => p.boxes.push({ x, y, w, h });
  p.pii = (type, value, written) => {
    if (NUMERIC.has(type)) p.expected.push({ type, value });
    return written;
  };
  return p;
}

const phoneText = (ph, style) => (style === 'paren' ? `(${ph.groups[0]})${ph.groups[1]}-${ph.groups[2]}` : ph.groups.join('-'));
const postalText = (code, mark) => `${mark ? '〒' : ''}${code.slice(0, 3)}-${code.slice(3)}`;
const group4 = (d) => d.replace(/(\d{4})(?=\d)/g, '$1 ');

/** 入社手続き確認票: label–value lines (tune) or a two-column sheet with boxes (heldout). */
export function onboarding(v, set) {
  const p = page();
  const held = set === 'heldout';
  const b = v.birth();
  const home = v.place();
  const ph = v.phone('mobile');
  p.line(held ? 420 : 500, 140, held ? '従業員情報登録シート' : '入社手続き確認票', 52);
  p.line(1150, 230, `記入日 ${v.int(2024, 2026)}年${v.int(1, 12)}月${v.int(1, 28)}日`, 28);
  const rows = [
    [held ? '氏名' : '氏　　名', v.person()],
    [held ? '生年月日' : '生年月日', p.pii('birth-date', iso(b), held ? `${b.y}年${b.m}月${b.d}日` : wareki(b))],
    [held ? '現住所' : '郵便番号', held ? `${p.pii('postal-code', home.code, postalText(home.code, true))} ${home.address}` : p.pii('postal-code', home.code, postalText(home.code, false))],
    ...(held ? [] : [['住　　所', home.address]]),
    [held ? '携帯電話' : '電話番号', p.pii('phone', ph.value, phoneText(ph, 'hyphen'))],
    [held ? 'マイナンバー' : '個人番号', (() => { const n = v.myNumber(); return p.pii('my-number', n, held ? n : group4(n)); })()],
    ['基礎年金番号', (() => { const n = v.pension(); return p.pii('pension-number', n, held ? n : `${n.slice(0, 4)}-${n.slice(4)}`); })()],
  ];
  rows.forEach(([label, value], i) => {
    const y = 360 + i * (held ? 150 : 120);
    if (held) p.box(140, y - 60, 1380, 110);
    p.line(held ? 170 : 160, y, label, held ? 32 : 36);
    p.line(held ? 560 : 520, y, value, held ? 32 : 36);
  });
  p.line(160, 1500, `社員番号 ${v.digits(6)}　所属コード ${v.digits(4)}`, 28);
  return p;
}

/** 口座振替依頼書 / 給与振込口座届: bank account, insurer number and a phone, with order-like numbers. */
export function bankForm(v, set) {
  const p = page();
  const held = set === 'heldout';
  const ph = v.phone(v.pick(['tokyo', 'osaka', 'nagoya']));
  const account = v.account();
  const insurer = v.insurer();
  p.line(460, 140, held ? '給与振込口座届出書' : '口座振替依頼書', 50);
  p.line(160, 300, `受付番号 ${v.orderNo()}`, 30);
  p.line(160, 420, `${held ? 'お名前' : '氏名'}　${v.person()}`, 36);
  p.line(160, 540, `${held ? '連絡先TEL' : '電話番号'}　${p.pii('phone', ph.value, phoneText(ph, held ? 'paren' : 'hyphen'))}`, 36);
  p.line(160, 660, `${held ? '振込先' : '金融機関'}　${v.pick(['みずほ銀行 渋谷支店', '三井住友銀行 梅田支店', 'りそな銀行 札幌支店'])}`, 36);
  p.line(160, 780, `${held ? '預金種目 普通　口座番号' : '普通預金　口座番号'}　${p.pii('bank-account', account, account)}`, 36);
  p.line(160, 900, `${held ? '健康保険 保険者番号' : '保険者番号'}　${p.pii('insurer-number', insurer, insurer)}`, 36);
  p.line(160, 1020, `引落金額 ¥${v.int(10, 99)},${v.int(100, 999)}　商品コード 49${v.digits(11)}`, 30);
  if (held) p.box(130, 350, 1420, 720);
  return p;
}

/** FAX 注文書: a fax header line, the customer's block, and order lines full of non-personal numbers. */
export function faxOrder(v, set) {
  const p = page();
  const held = set === 'heldout';
  const ph = v.phone(v.pick(['tokyo', 'osaka']));
  const cust = v.phone('mobile');
  const home = v.place();
  const sender = v.phone('osaka');
  p.line(100, 70, `${v.int(2024, 2026)}/${v.pad(v.int(1, 12))}/${v.pad(v.int(1, 28))} ${v.pad(v.int(8, 19))}:${v.pad(v.int(0, 59))}  FROM: ${p.pii('phone', sender.value, phoneText(sender, 'hyphen'))}  P.001/001`, 26);
  p.line(560, 190, held ? 'ご注文票（FAX送信用）' : 'FAX 注文書', 52);
  p.line(160, 330, `注文番号 ${v.orderNo()}`, 32);
  p.line(160, 450, `${held ? 'ご依頼主' : 'お名前'}　${v.person()} 様`, 38);
  p.line(160, 570, `${held ? 'お届け先' : 'ご住所'}　${p.pii('postal-code', home.code, postalText(home.code, true))}　${home.address}`, 34);
  p.line(160, 690, `${held ? 'ご連絡先' : 'TEL'}　${p.pii('phone', ph.value, phoneText(ph, 'hyphen'))}`, 38);
  p.line(160, 810, `${held ? '携帯' : '携帯電話'}　${p.pii('phone', cust.value, phoneText(cust, 'hyphen'))}`, 38);
  for (let i = 0; i < 3; i++) p.line(160, 960 + i * 90, `品番 A-${v.digits(5)}　数量 ${v.int(1, 20)}　金額 ¥${v.int(1, 9)},${v.int(100, 999)}`, 30);
  return p;
}

/** 健康保険・厚生年金保険 資格取得届 (extract): insurer, pension, My Number, birth date, postal code. */
export function insuranceForm(v, set) {
  const p = page();
  const held = set === 'heldout';
  const b = v.birth();
  const home = v.place();
  const mn = v.myNumber();
  const pension = v.pension();
  const insurer = v.insurer();
  p.line(300, 140, '健康保険・厚生年金保険 被保険者資格取得届', 44);
  p.line(160, 300, `${held ? '保険者番号' : '保険者番号'}　${p.pii('insurer-number', insurer, insurer)}`, 36);
  p.line(160, 420, `被保険者氏名　${v.person()}`, 36);
  p.line(160, 540, `生年月日　${p.pii('birth-date', iso(b), held ? wareki(b) : `${b.y}/${v.pad(b.m)}/${v.pad(b.d)}`)}`, 36);
  p.line(160, 660, `個人番号　${p.pii('my-number', mn, held ? `${mn.slice(0, 4)}-${mn.slice(4, 8)}-${mn.slice(8)}` : group4(mn))}`, 36);
  p.line(160, 780, `基礎年金番号　${p.pii('pension-number', pension, `${pension.slice(0, 4)}-${pension.slice(4)}`)}`, 36);
  p.line(160, 900, `住所　${p.pii('postal-code', home.code, postalText(home.code, true))}　${home.address}`, 34);
  p.line(160, 1020, `報酬月額 ${v.int(180, 650)},000円　資格取得年月日 令和${v.int(5, 7)}年${v.int(1, 12)}月1日`, 30);
  return p;
}
