/**
 * Renders a numeric spreadsheet cell the way a reader sees it.
 * Input: the stored number and its number format code (or built-in id). Output: display text.
 * Dates become YYYY-MM-DD (YYYY/MM/DD when the format uses slashes), digit-only patterns such as the
 * Japanese 郵便番号 format `[<=999]000;[<=9999]000-00;000-0000` are applied, everything else is shown as
 * Excel's General format without the column-width exponent (123456789012 stays `123456789012`).
 * Never throws: an unknown or unsupported format falls back to General.
 */

export type CellFormat =
  | { kind: 'general' }
  | { kind: 'date'; slash: boolean }
  | { kind: 'time' }
  | { kind: 'pattern'; code: string };

const GENERAL: CellFormat = { kind: 'general' };

/**
 * Built-in format ids that show dates or times (ECMA-376 Part 1, 18.8.30; ids 27–36 and 50–58 are the
 * Japanese-locale date formats such as `yyyy"年"m"月"d"日"` and `ggge"年"m"月"d"日"`).
 */
const BUILTIN_DATES = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
const BUILTIN_SLASH_DATES = new Set([14, 22, 30]);
const BUILTIN_TIMES = new Set([18, 19, 20, 21, 32, 33, 45, 46, 47]);

/** Classifies a format by built-in id or custom code (custom codes win when both exist). */
export function cellFormatOf(id: number, code: string | undefined): CellFormat {
  if (code === undefined) {
    if (BUILTIN_DATES.has(id)) return { kind: 'date', slash: BUILTIN_SLASH_DATES.has(id) };
    return BUILTIN_TIMES.has(id) ? { kind: 'time' } : GENERAL;
  }
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, '').replace(/General/gi, '');
  if (/[eE][+-]/.test(bare)) return GENERAL;
  if (/[ydeg]/i.test(bare) || (/m/i.test(bare) && !/[hs]/i.test(bare))) {
    return { kind: 'date', slash: /^[^;]*\//.test(bare) };
  }
  if (/[hs]/i.test(bare)) return { kind: 'time' };
  return /[0#?]/.test(bare) && !/[.,%@/]/.test(bare) ? { kind: 'pattern', code } : GENERAL;
}

export function formatNumber(value: number, format: CellFormat, date1904: boolean): string {
  if (!Number.isFinite(value)) return String(value);
  if (format.kind === 'date') return formatDate(value, format.slash, date1904) ?? generalNumber(value);
  if (format.kind === 'time') return formatTime(value);
  if (format.kind === 'pattern') return formatPattern(value, format.code) ?? generalNumber(value);
  return generalNumber(value);
}

/** Excel General keeps 15 significant digits; JS prints integers below 1e21 without an exponent. */
export function generalNumber(value: number): string {
  if (Object.is(value, -0)) return '0';
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(15)));
}

/** Day serials: 1900 system counts the fictitious 1900-02-29 (serial 60), the 1904 system starts at 0. */
function formatDate(serial: number, slash: boolean, date1904: boolean): string | undefined {
  if (serial < 0 || serial >= 2958466) return undefined;
  const day = Math.floor(serial);
  let epoch = Date.UTC(1899, 11, 30);
  if (date1904) epoch = Date.UTC(1904, 0, 1);
  else if (day < 61) epoch = Date.UTC(1899, 11, 31);
  const date = new Date(epoch + day * 86_400_000);
  const sep = slash ? '/' : '-';
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getUTCFullYear()}${sep}${pad(date.getUTCMonth() + 1)}${sep}${pad(date.getUTCDate())}`;
}

function formatTime(serial: number): string {
  const seconds = Math.round((serial - Math.floor(serial)) * 86_400);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(Math.floor(seconds / 3600) % 24)}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

const CONDITION = /\[(<=|>=|<>|<|>|=)(-?\d+(?:\.\d+)?)\]/;

/** Chooses the section of a format code for a value: explicit conditions first, else positive / negative. */
function sectionFor(value: number, code: string): string | undefined {
  const sections = code.match(/(?:"[^"]*"|\\.|[^;])+/g) ?? [];
  if (!sections.some((s) => CONDITION.test(s))) return value >= 0 ? sections[0] : undefined;
  for (const section of sections) {
    const m = CONDITION.exec(section);
    if (!m) return section;
    const limit = Number(m[2]);
    const holds = { '<=': value <= limit, '>=': value >= limit, '<>': value !== limit, '<': value < limit, '>': value > limit, '=': value === limit }[m[1] as '<='];
    if (holds) return section;
  }
  return undefined;
}

/** Applies a digit-only pattern (`0` pads, `#` does not, `?` pads with a space) to a non-negative integer. */
function formatPattern(value: number, code: string): string | undefined {
  const section = sectionFor(value, code);
  if (section === undefined || value < 0) return undefined;
  const tokens = section.replace(/\[[^\]]*\]/g, '').match(/"[^"]*"|\\.|_.|\*.|./g) ?? [];
  const slots = tokens.filter((t) => t === '0' || t === '#' || t === '?').length;
  if (slots === 0) return undefined;
  let digits = String(Math.round(value));
  let out = '';
  let seen = 0;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i] ?? '';
    if (token === '0' || token === '#' || token === '?') {
      seen++;
      const take = seen === slots ? digits : digits.slice(-1);
      digits = seen === slots ? '' : digits.slice(0, -1);
      out = (take || (token === '0' ? '0' : token === '?' ? ' ' : '')) + out;
    } else {
      out = literalOf(token) + out;
    }
  }
  return out;
}

function literalOf(token: string): string {
  if (token.startsWith('"')) return token.slice(1, -1);
  if (token.startsWith('\\')) return token.slice(1);
  if (token.startsWith('_')) return ' ';
  if (token.startsWith('*')) return '';
  return token;
}
