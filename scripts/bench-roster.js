/**
 * bench-roster — the dense workloads of `npm run bench` (issue 13): employee rosters where most columns are
 * personal, the files jpii exists for and the ones that cost it most.
 * Input: a folder and the row counts. Output: `roster/` with 名簿_sjis.csv (Shift_JIS, CRLF, ≈16 MB at
 * 86,000 rows) and 名簿_utf8.csv (UTF-8, the same number of other rows: ≈22 MB, so it is read in chunks), and
 * `rosterx/` with 名簿.xlsx (exceljs streaming writer, shared strings).
 * Columns: 社員番号, 氏名, 生年月日, 郵便番号, 住所, 電話番号, 携帯電話, メールアドレス, マイナンバー, 所属, 入社日,
 * 備考 — eight of twelve personal. Never: real data; every value is synthetic (check digits per ../shared/CHECKSUMS.md).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Encoding from 'encoding-japanese';
import ExcelJS from 'exceljs';
import { rng, vocabulary } from './bench-corpus.js';

export const ROSTER_HEADER = ['社員番号', '氏名', '生年月日', '郵便番号', '住所', '電話番号', '携帯電話', 'メールアドレス', 'マイナンバー', '所属', '入社日', '備考'];
const NOTES = ['在宅勤務（週3日）', '時短勤務', '育児休業から復職予定', '出向中（関連会社）', '通勤経路変更届提出済み', '資格手当対象', '特記事項なし'];
const DEPTS = ['営業部', '経理部', '総務部', '人事部', '情報システム部', '購買部', '品質保証部', '物流センター'];
const pad = (n, w) => String(n).padStart(w, '0');

/** One roster row; `i` numbers the employee. */
function rosterRow(g, v, i) {
  const p = v.person();
  const pl = v.place();
  const birth = `${g.int(1955, 2003)}/${pad(g.int(1, 12), 2)}/${pad(g.int(1, 28), 2)}`;
  const myNumber = v.myNumber().replace(/ /g, '');
  const joined = `${g.int(1980, 2025)}年${g.int(1, 12)}月${g.int(1, 28)}日`;
  return [`E${pad(i, 6)}`, p.name, birth, pl.postal, pl.address, v.landline(), v.mobile(), v.email(p), myNumber, g.pick(DEPTS), joined, g.pick(NOTES)];
}

function rosterText(seed, rows) {
  const g = rng(seed); const v = vocabulary(g);
  const lines = [ROSTER_HEADER.join(',')];
  for (let i = 1; i <= rows; i++) lines.push(rosterRow(g, v, i).join(','));
  return lines.join('\r\n') + '\r\n';
}

export function makeRoster(root, { rosterRows }) {
  const sjis = Encoding.convert(rosterText(0x4057, rosterRows), { to: 'SJIS', from: 'UNICODE', type: 'arraybuffer' });
  writeFileSync(join(root, '名簿_sjis.csv'), Uint8Array.from(sjis));
  writeFileSync(join(root, '名簿_utf8.csv'), rosterText(0x4058, rosterRows), 'utf8');
}

export async function makeRosterXlsx(root, { rosterXlsxRows }) {
  const g = rng(0x4059); const v = vocabulary(g);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: join(root, '名簿.xlsx'), useSharedStrings: true, useStyles: false });
  wb.created = wb.modified = new Date(Date.UTC(2025, 0, 1));
  wb.creator = 'jpii bench';
  const ws = wb.addWorksheet('社員名簿');
  ws.addRow(ROSTER_HEADER).commit();
  for (let i = 1; i <= rosterXlsxRows; i++) ws.addRow(rosterRow(g, v, i)).commit();
  ws.commit();
  await wb.commit();
}
