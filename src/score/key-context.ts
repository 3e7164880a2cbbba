/**
 * Key context for structured text: the name a value is stored under, read from the text just before it on
 * its line — `"tel": "…"`, `zip_code: …`, `?tel=…&`, `key=value` logs, `.env`/ini `KEY=…`, `<tel>…`, and the
 * column list of `INSERT INTO t (name, tel) VALUES ('…', '…')`. Whether that key names a type is the
 * field-name vocabulary's call (patterns/field-names.yaml), by whole tokens.
 * Pure; looks at one line, never at the whole text.
 */
/**
 * `key` + `:` / `=` / `=>`, optionally quoted, right before the value (at most one opening quote after). The key
 * starts the line, follows a delimiter, or follows a list bullet of plain-text mail and memos (`■tanjobi:`,
 * `・koza_bango:`, `※`, `•`, `◆`…: symbols, so a key is never cut out of a longer word).
 */
const KEY_BEFORE = /(?:^|[\s{,;&?"'([\p{So}\u2022\u2023\u2043\u203B\u30FB])["']?([\p{L}_][\p{L}\p{N}_.\-（）()]{0,48})["']?\s*(?:=>|[:=])\s*["']?$/u;
const XML_BEFORE = /<([A-Za-z_][\w.:-]{0,48})(?:\s[^<>]*)?>\s*$/;
const INSERT = /insert\s+into\s+[\w."`[\]]+\s*\(([^)]*)\)\s*values\s*\(/gi;

/**
 * The key of a value, from the text just before it on its line (`tail`); `line` gives the whole line
 * before the value, asked for only when the tail looks like a SQL VALUES list.
 */
export function keyBefore(tail: string, line: () => string): string | undefined {
  const m = KEY_BEFORE.exec(tail) ?? XML_BEFORE.exec(tail);
  if (m?.[1]) return m[1];
  return /[,(]\s*['"]?$/.test(tail) ? sqlColumn(line()) : undefined;
}

/** The column of an `INSERT INTO t (a, b) VALUES (…` whose values list the text before the value ends in. */
function sqlColumn(before: string): string | undefined {
  INSERT.lastIndex = 0;
  let last: RegExpExecArray | undefined;
  for (let m = INSERT.exec(before); m; m = INSERT.exec(before)) last = m;
  if (!last) return undefined;
  const values = before.slice(last.index + last[0].length);
  let index = 0;
  let quote = '';
  for (const ch of values) {
    if (quote) quote = ch === quote ? '' : quote;
    else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === ',') index++;
    else if (ch === ')') return undefined;
  }
  return last[1]?.split(',')[index]?.trim().replace(/^[`"[]|[`"\]]$/g, '');
}
