/**
 * Writes fixtures/encodings/: one synthetic Japanese business text in every encoding jpii decodes, plus a
 * Shift_JIS CSV. Encoded with encoding-japanese (not with the TextDecoder that jpii decodes with), and each
 * file is checked to decode back to the source text before it is kept.
 * Run once: `node scripts/make-encoding-fixtures.js`; the outputs are committed. Every value is synthetic:
 * 555-style phone numbers, example.com mail, a specimen name.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Encoding from 'encoding-japanese';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'encodings');

// ① ㈱ 髙 and ～ (U+FF5E) exist only in CP932 (NEC/IBM extensions), yet all three legacy encoders write them.
const SAMPLE = [
  '株式会社サンプル商事　営業部',
  'ご担当：山田 太郎（ヤマダ タロウ）様',
  '〒100-0001 東京都千代田区千代田1-1 サンプルビル5階',
  'TEL：03-5555-0123　受付 9:00～18:00',
  'E-mail：yamada.taro@example.com',
  '①お見積書の件　㈱髙橋製作所様 ｶﾀｶﾅ',
  '',
].join('\n');

const CSV = [
  '氏名,電話番号,郵便番号,メール',
  '山田 太郎,03-5555-0123,100-0001,yamada.taro@example.com',
  '"髙橋, 花子",090-5555-0199,150-0002,hanako@example.com',
  '',
].join('\r\n');

/** file name → [encoding-japanese target, extra convert options, WHATWG label to check it with] */
const FILES = {
  'sample.utf8.txt': ['UTF8', {}, 'utf-8'],
  'sample.utf8bom.txt': ['UTF8', { bom: true }, 'utf-8'],
  'sample.utf16le.txt': ['UTF16', { bom: 'LE' }, 'utf-16le'],
  'sample.utf16be.txt': ['UTF16', { bom: 'BE' }, 'utf-16be'],
  'sample.sjis.txt': ['SJIS', {}, 'shift_jis'],
  'sample.eucjp.txt': ['EUCJP', {}, 'euc-jp'],
  'sample.iso2022jp.txt': ['JIS', {}, 'iso-2022-jp'],
};

function encode(text, to, options) {
  const codes = Encoding.convert(Encoding.stringToCode(text), { to, from: 'UNICODE', type: 'array', ...options });
  let bytes = Uint8Array.from(codes);
  // encoding-japanese writes a BOM only for the generic 'UTF16' target; the UTF-8 BOM is prepended here.
  if (to === 'UTF8' && options.bom) bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]);
  return bytes;
}

function write(name, text, to, options, label) {
  const bytes = encode(text, to, options);
  const expected = options.bom ? `\uFEFF${text}` : text;
  const back = new TextDecoder(label, { ignoreBOM: true }).decode(bytes); // keeps the BOM, to check it is there
  if (back !== expected) throw new Error(`${name}: does not decode back to the source text`);
  writeFileSync(join(outDir, name), bytes);
  console.log(`${name}: ${bytes.length} bytes`);
}

mkdirSync(outDir, { recursive: true });
for (const [name, [to, options, label]] of Object.entries(FILES)) write(name, SAMPLE, to, options, label);
write('customers.sjis.csv', CSV, 'SJIS', {}, 'shift_jis');
