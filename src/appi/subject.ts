/**
 * Whose is a contact detail: a person's, or an organisation's? Pure.
 * An organisation's own phone (代表, FAX, a toll-free number, a clinic's reception) or a role mailbox
 * (info@, support@) identifies no one; a mobile number or a named mailbox does (個人情報保護委員会 Q&A 1-4:
 * an e-mail address that shows its owner's name is personal information).
 */

/** Words on the same line (or in the column header) that make a phone, e-mail or address an organisation's. */
const ORGANISATION_CONTEXT =
  /代表|本社|本店|支店|支社|営業所|受付|窓口|問い?合わ?せ|問合せ|お電話|FAX|ファクス|ファックス|営業時間|診療時間|受付時間|株式会社|有限会社|合同会社|\(株\)|法人|クリニック|病院|医院|診療所|歯科|薬局|事務所|役所|役場|センター|協会|組合|学校|大学|会社概要|所在地|アクセス|ホームページ/i;

/** ORGANISATION_CONTEXT over a whole text: its lines that hold one of the words. */
const ORGANISATION_CONTEXT_ALL = new RegExp(ORGANISATION_CONTEXT.source, 'gi');

/** Toll-free and navi-dial prefixes (総務省 電気通信番号計画): numbers of businesses. */
const ORGANISATION_PHONE = /^(0120|0800|0570|0180|0990)/;
/** Mobile and PHS numbers (070/080/090) belong to one person, whatever the line says. */
const MOBILE = /^0[789]0/;

/** Local parts of role mailboxes (RFC 2142 and their Japanese romaji cousins). */
const ROLE_MAILBOX =
  /^(info|information|support|contact|sales|privacy|noreply|no-reply|donotreply|admin|administrator|webmaster|postmaster|hostmaster|abuse|security|office|inquiry|inquiries|otoiawase|toiawase|help|helpdesk|service|customer|cs|recruit|saiyo|jinji|soumu|somu|keiri|pr|press|kouhou|koho|media|billing|order|orders|shop|mail|marketing|newsletter|reception|uketsuke|team|hr)([._-].*)?$/;

export function isMobile(phone: string): boolean {
  return MOBILE.test(phone);
}

export function isRoleMailbox(email: string): boolean {
  const at = email.lastIndexOf('@');
  return at > 0 && ROLE_MAILBOX.test(email.slice(0, at).toLowerCase());
}

/** A value that identifies no one whatever its context. */
export function isOrganisationValue(type: string, value: string): boolean {
  if (type === 'phone') return ORGANISATION_PHONE.test(value);
  if (type === 'email') return isRoleMailbox(value);
  return false;
}

/**
 * A phone number written in an organisation's context (its line, or its column's header). A named mailbox
 * identifies its owner wherever it is written, so e-mail addresses are judged by their local part only.
 */
export function organisationContext(type: string, value: string, context: string): boolean {
  if (type !== 'phone' || MOBILE.test(value)) return false;
  return ORGANISATION_CONTEXT.test(context.normalize('NFKC'));
}

/**
 * organisationContext for a contact detail on line `line` of a text whose lines `organisationLines` marked:
 * the same answer, without a slice and an NFKC of that line for each phone number.
 */
export function organisationLine(type: string, value: string, marks: Uint8Array, line: number): boolean {
  if (type !== 'phone' || MOBILE.test(value)) return false;
  return marks[line] === 1;
}

/**
 * Marks (1) the lines of a text that hold one of an organisation's words: `normalized` is the text in NFKC,
 * or as normalize.ts gives it (NFKC with dashes made '-', which no word holds, and ー between digits made '-',
 * which センター's ー never is), line for line the text's own (NFKC neither makes nor joins line feeds, and a
 * line feed joins nothing). A word never spans a line, so a line holds one exactly when its NFKC does.
 */
export function organisationLines(normalized: string, lineCount: number): Uint8Array {
  const marks = new Uint8Array(lineCount);
  const re = ORGANISATION_CONTEXT_ALL;
  re.lastIndex = 0;
  let line = 0;
  let lineEnd = normalized.indexOf('\n');
  for (let m = re.exec(normalized); m; m = re.exec(normalized)) {
    while (lineEnd >= 0 && lineEnd < m.index) {
      line++;
      lineEnd = normalized.indexOf('\n', lineEnd + 1);
    }
    if (line < lineCount) marks[line] = 1;
    // On to the next line: one word marks it.
    if (lineEnd < 0) break;
    re.lastIndex = lineEnd + 1;
  }
  return marks;
}
