/**
 * Windows code pages → decoders, for the formats that name their legacy code page (RTF `\ansicpg932`, Outlook
 * PR_MESSAGE_CODEPAGE, OLE property sets, BIFF CODEPAGE). Input: a code-page number. Output: a decoding function
 * (non-fatal: a bad byte becomes U+FFFD). Node's TextDecoder (ICU) holds the tables; its `shift_jis` is cp932
 * (① ㈱ 髙 and ～ decode). Never throws: an unknown code page falls back to windows-1252, as Windows does.
 */

/** [MS-UCODEREF] code-page ids that TextDecoder knows under another name. */
const LABELS: Readonly<Record<number, string>> = {
  932: 'shift_jis',
  10001: 'shift_jis', // Mac Japanese: the same double-byte set for practical purposes
  936: 'gbk',
  949: 'euc-kr',
  950: 'big5',
  20932: 'euc-jp',
  51932: 'euc-jp',
  50220: 'iso-2022-jp',
  50221: 'iso-2022-jp',
  50222: 'iso-2022-jp',
  65001: 'utf-8',
  1200: 'utf-16le',
  1201: 'utf-16be',
  20127: 'ascii',
  28591: 'iso-8859-1',
  10000: 'macintosh',
  874: 'windows-874',
};

export function codePageLabel(cp: number): string {
  const label = LABELS[cp] ?? (cp >= 1250 && cp <= 1258 ? `windows-${cp}` : 'windows-1252');
  try {
    new TextDecoder(label);
    return label;
  } catch {
    return 'windows-1252';
  }
}

export function codePageDecoder(cp: number): (bytes: Uint8Array) => string {
  const decoder = new TextDecoder(codePageLabel(cp));
  return (bytes) => decoder.decode(bytes);
}
