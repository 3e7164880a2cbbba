/**
 * Records and field names for the document-shape generator: which fields a document holds, how each field is
 * named (Japanese, English, romaji — chosen independently of the layout and of the values), and the decoy
 * fields (order numbers, registration dates, amounts, staff ids) whose values must not be reported.
 * The names below were written from office forms and APIs, not from jpii's patterns/.
 */
export const FIELD_NAMES = {
  name: { ja: ['氏名', 'お名前', '名前', '顧客名', '社員氏名', '契約者氏名', '従業員名'], en: ['Name', 'Full Name', 'customer_name', 'name'], ro: ['shimei', 'namae', 'kokyaku_mei'] },
  kana: { ja: ['フリガナ', 'ふりがな', '氏名カナ', 'カナ'], en: ['name_kana', 'Kana'], ro: ['furigana', 'shimei_kana'] },
  birth: { ja: ['生年月日', '誕生日', '生年月日（西暦）'], en: ['dob', 'birthday', 'birth_date', 'Date of Birth'], ro: ['seinengappi', 'tanjobi'] },
  phone: { ja: ['電話番号', 'TEL', '携帯電話', '連絡先電話番号', '携帯番号', '自宅電話'], en: ['phone', 'tel', 'mobile', 'phone_number'], ro: ['denwa', 'denwa_bango', 'keitai'] },
  postal: { ja: ['郵便番号', '〒'], en: ['zip', 'postal_code', 'zipcode'], ro: ['yubin_bango', 'yubin'] },
  address: { ja: ['住所', '現住所', '所在地', '住所1'], en: ['address', 'addr', 'home_address'], ro: ['jusho', 'juusho'] },
  email: { ja: ['メールアドレス', 'メール', 'E-mail'], en: ['email', 'mail_address', 'e_mail'], ro: ['meru_adoresu'] },
  myNumber: { ja: ['個人番号', 'マイナンバー', '個人番号（マイナンバー）'], en: ['my_number', 'mynumber', 'individual_number'], ro: ['kojin_bango', 'kojinbango'] },
  card: { ja: ['クレジットカード番号', 'カード番号'], en: ['card_no', 'card_number', 'credit_card'], ro: ['kado_bango'] },
  account: { ja: ['口座番号'], en: ['account_no', 'bank_account', 'account_number'], ro: ['koza_bango', 'kouza_bangou'] },
  passport: { ja: ['旅券番号', 'パスポート番号'], en: ['passport_no', 'passport_number'], ro: ['ryoken_bango'] },
  license: { ja: ['運転免許証番号', '免許証番号'], en: ['license_no', 'drivers_license', 'driver_license_number'], ro: ['menkyo_bango'] },
  residence: { ja: ['在留カード番号'], en: ['residence_card_no', 'residence_card'], ro: ['zairyu_card_bango'] },
  pension: { ja: ['基礎年金番号', '年金番号'], en: ['pension_no', 'basic_pension_number'], ro: ['nenkin_bango'] },
  insurer: { ja: ['保険者番号'], en: ['insurer_no', 'insurer_number'], ro: ['hokensha_bango'] },
  // decoys: their values are never PII
  order: { ja: ['注文番号', '受付番号', '伝票番号'], en: ['order_no', 'order_id', 'ticket'], ro: ['chumon_bango', 'uketsuke_bango'] },
  registered: { ja: ['登録日', '受付日', '更新日'], en: ['created_at', 'updated_at', 'registered'], ro: ['toroku_bi', 'uketsuke_bi'] },
  amount: { ja: ['金額', '請求額', '支給額'], en: ['amount', 'price', 'total'], ro: ['kingaku', 'seikyu_gaku'] },
  staffId: { ja: ['社員番号', '会員番号', '顧客コード'], en: ['employee_id', 'member_id', 'customer_code'], ro: ['shain_bango', 'kaiin_bango'] },
  dept: { ja: ['部署', '所属', '担当'], en: ['department', 'team', 'owner'], ro: ['busho', 'shozoku'] },
};

/** Sets of fields documents are made of (a customer list, an HR ledger, a payment sheet, an onboarding form). */
export const KINDS = {
  customers: { title: ['【社外秘】顧客一覧', '顧客リスト', '会員名簿 2024年度', 'お客様情報'], fields: ['staffId', 'name', 'kana', 'birth', 'postal', 'address', 'phone', 'email', 'registered'] },
  staff: { title: ['従業員台帳', '【取扱注意】社員名簿', '扶養控除等申告書 集計', '入社手続き確認票'], fields: ['staffId', 'name', 'birth', 'myNumber', 'pension', 'insurer', 'account', 'dept'] },
  payments: { title: ['カード決済一覧', '口座振替依頼', '請求先一覧'], fields: ['order', 'name', 'card', 'account', 'amount', 'phone', 'registered'] },
  identity: { title: ['本人確認記録', '在留資格確認票', '身分証明書確認一覧'], fields: ['name', 'birth', 'license', 'passport', 'residence', 'address', 'dept'] },
};

export function makeRecords(v, kind, count) {
  const fields = KINDS[kind].fields.filter((f) => !['kana', 'email', 'insurer', 'pension', 'postal'].includes(f) || v.rnd() < 0.75);
  const records = [];
  for (let i = 0; i < count; i++) {
    const p = v.person();
    const h = v.place();
    const r = {};
    for (const f of fields) r[f] = fieldValue(v, f, p, h);
    records.push(r);
  }
  return { fields, records };
}

/** A PII value `{type, written, value}` or a decoy `{written}` (no type: never expected). */
function fieldValue(v, f, p, h) {
  switch (f) {
    case 'name': return v.name(p);
    case 'kana': return v.kana(p);
    case 'birth': return v.birth();
    case 'phone': return v.phone();
    case 'postal': return v.postal(h);
    case 'address': return v.address(h);
    case 'email': return v.email(p);
    case 'myNumber': return v.myNumber();
    case 'card': return v.card();
    case 'account': return v.account();
    case 'passport': return v.passport();
    case 'license': return v.license();
    case 'residence': return v.residence();
    case 'pension': return v.pension();
    case 'insurer': return v.insurer();
    case 'order': return { written: v.pick([`${v.int(1, 9)}${v.digits(11)}`, `A-${v.digits(8)}`, v.digits(10)]) };
    case 'registered': return { written: `${v.int(2019, 2025)}/${v.pad(v.int(1, 12), 2)}/${v.pad(v.int(1, 28), 2)}` };
    case 'amount': return { written: v.pick([`¥${(v.int(1, 999) * 100).toLocaleString('en-US')}`, String(v.int(100, 99999))]) };
    case 'staffId': return { written: v.pick([v.digits(6), `E${v.digits(5)}`, v.digits(8)]) };
    case 'dept': return { written: v.pick(['営業部', '総務部', '経理課', '開発本部', 'カスタマー窓口']) };
    default: throw new Error(`unknown field ${f}`);
  }
}

/** Field name in a language; `ja` for Office documents mostly, `en`/`ro` for structured text mostly. */
export function fieldName(v, f, lang) {
  return v.pick(FIELD_NAMES[f][lang]);
}
