/**
 * Layouts of the document-shape generator: one renderer per format, each choosing its layout at random
 * (header row position, title and blank rows, merged cells, two-row headers, several tables per sheet,
 * vertical key–value forms, label-left / label-above form tables, CSV preambles, JSON/YAML/log/SQL/.env
 * records) independently of the records it is given. Each returns the file's bytes; the caller collects the
 * expected values from the records.
 */
import ExcelJS from 'exceljs';
import { docx, pdf, pptx } from './document-writers.js';
import { fieldName } from './heldout-records.js';

const cellText = (x) => x.written;
const TODAY = '2025/04/01';

function keysOf(v, fields, lang) {
  return fields.map((f) => fieldName(v, f, lang));
}

// ---------------------------------------------------------------- xlsx
/** Layouts: plain, title rows (merged), header from column B, two-row header, two tables, vertical form, label row above values. */
export async function xlsx(v, doc) {
  const wb = new ExcelJS.Workbook();
  wb.created = wb.modified = new Date(Date.UTC(2025, 0, 1));
  const ws = wb.addWorksheet(v.pick(['Sheet1', '一覧', '名簿', 'データ']));
  const layout = v.pick(['plain', 'title', 'title', 'colB', 'tworow', 'multi', 'form', 'formAbove']);
  const put = (r, c, x) => {
    const cell = ws.getCell(r, c);
    if (x.type === 'birth-date' && v.rnd() < 0.3) {
      cell.value = new Date(`${x.value}T00:00:00Z`);
      cell.numFmt = v.pick(['yyyy/m/d', 'yyyy"年"m"月"d"日"']);
    } else if ((x.type === 'my-number' || x.type === 'bank-account') && /^[1-9]\d+$/.test(x.written) && v.rnd() < 0.4) {
      cell.value = Number(x.written);
      cell.numFmt = '0';
    } else {
      cell.value = cellText(x);
    }
  };
  const table = (top, left, fields, records, keys) => {
    keys.forEach((k, j) => { ws.getCell(top, left + j).value = k; });
    records.forEach((rec, i) => fields.forEach((f, j) => put(top + 1 + i, left + j, rec[f])));
    return top + 1 + records.length;
  };
  const { fields, records } = doc;
  const keys = keysOf(v, fields, doc.lang);
  const left = layout === 'colB' || v.rnd() < 0.2 ? 2 : 1;
  if (layout === 'plain') {
    table(1, 1, fields, records, keys);
  } else if (layout === 'title' || layout === 'colB') {
    ws.getCell(1, left).value = doc.title;
    ws.mergeCells(1, left, 1, left + fields.length - 1);
    let top = 3;
    if (v.rnd() < 0.5) { ws.getCell(2, left).value = `作成日: ${TODAY}`; top = 4; }
    table(top, left, fields, records, keys);
  } else if (layout === 'tworow') {
    ws.getCell(1, left).value = doc.title;
    const half = Math.ceil(fields.length / 2);
    ws.getCell(2, left).value = '基本情報';
    ws.mergeCells(2, left, 2, left + half - 1);
    ws.getCell(2, left + half).value = '連絡先・その他';
    ws.mergeCells(2, left + half, 2, left + fields.length - 1);
    table(3, left, fields, records, keys);
  } else if (layout === 'multi') {
    const cut = Math.ceil(records.length / 2);
    ws.getCell(1, left).value = `${doc.title}（本社）`;
    const end = table(2, left, fields, records.slice(0, cut), keys);
    ws.getCell(end + 2, left).value = `${doc.title}（支店）`;
    const keys2 = keysOf(v, fields, doc.lang);
    table(end + 3, left, fields, records.slice(cut), keys2);
  } else if (layout === 'form') {
    ws.getCell(1, left).value = doc.title;
    let r = 3;
    for (const rec of records.slice(0, 3)) {
      fields.forEach((f, j) => { ws.getCell(r + j, left).value = keys[j]; put(r + j, left + 1, rec[f]); });
      r += fields.length + 2;
    }
    doc.records = records.slice(0, 3);
  } else {
    ws.getCell(1, left).value = doc.title;
    let r = 3;
    for (const rec of records.slice(0, 3)) {
      fields.forEach((f, j) => { ws.getCell(r, left + j).value = keys[j]; put(r + 1, left + j, rec[f]); });
      r += 3;
    }
    doc.records = records.slice(0, 3);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------- csv / tsv
const quote = (s, d) => (d === ',' && /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
export function csv(v, doc) {
  const d = doc.ext === 'tsv' ? '\t' : ',';
  const keys = keysOf(v, doc.fields, doc.lang);
  const lines = [];
  const layout = v.pick(['plain', 'preamble', 'preamble', 'quoted']);
  if (layout === 'preamble') {
    lines.push(quote(doc.title, d));
    if (v.rnd() < 0.6) lines.push(`出力日${d}${TODAY}`);
    lines.push('');
  }
  const q = layout === 'quoted' ? (s) => `"${s.replace(/"/g, '""')}"` : (s) => quote(s, d);
  lines.push(keys.map(q).join(d));
  for (const rec of doc.records) lines.push(doc.fields.map((f) => q(cellText(rec[f]))).join(d));
  return Buffer.from(`${lines.join(v.pick(['\n', '\r\n']))}\n`, 'utf8');
}

// ---------------------------------------------------------------- docx
/** Layouts: label | value rows (2 or 4 columns), a label row above a value row, a list table, paragraphs. */
export function word(v, doc) {
  const { fields, records } = doc;
  const layout = v.pick(['formLeft', 'formLeft', 'formLeft4', 'formAbove', 'list', 'para']);
  const blocks = [{ p: doc.title }, { p: `提出日 ${TODAY}` }];
  const few = records.slice(0, layout === 'list' ? records.length : 2);
  doc.records = few;
  for (const rec of few) {
    const keys = keysOf(v, fields, doc.lang);
    if (layout === 'formLeft') blocks.push({ table: fields.map((f, j) => [keys[j], cellText(rec[f])]) });
    else if (layout === 'formLeft4') {
      const rows = [];
      for (let j = 0; j < fields.length; j += 2) rows.push([keys[j], cellText(rec[fields[j]]), keys[j + 1] ?? '', fields[j + 1] ? cellText(rec[fields[j + 1]]) : '']);
      blocks.push({ table: rows });
    } else if (layout === 'formAbove') {
      const rows = [];
      for (let j = 0; j < fields.length; j += 3) {
        const part = fields.slice(j, j + 3);
        rows.push(part.map((_, k) => keys[j + k]), part.map((f) => cellText(rec[f])));
      }
      blocks.push({ table: rows });
    } else if (layout === 'para') {
      const sep = v.pick(['：', ': ', '　', '】']);
      for (const [j, f] of fields.entries()) blocks.push({ p: sep === '】' ? `【${keys[j]}】${cellText(rec[f])}` : `${keys[j]}${sep}${cellText(rec[f])}` });
      blocks.push({ p: '' });
    }
  }
  if (layout === 'list') {
    const keys = keysOf(v, fields, doc.lang);
    blocks.push({ table: [keys, ...records.map((rec) => fields.map((f) => cellText(rec[f])))] });
  }
  blocks.push({ p: '以上' });
  return docx(blocks);
}

// ---------------------------------------------------------------- pptx
export function slides(v, doc) {
  const { fields, records } = doc;
  const keys = keysOf(v, fields, doc.lang);
  if (v.rnd() < 0.5) {
    return pptx([[{ text: doc.title }, { table: [keys, ...records.map((rec) => fields.map((f) => cellText(rec[f])))] }]]);
  }
  doc.records = records.slice(0, 2);
  return pptx(doc.records.map((rec) => [{ text: doc.title }, { table: fields.map((f, j) => [keys[j], cellText(rec[f])]) }]));
}

// ---------------------------------------------------------------- pdf
/** Layouts: label left and value on the same baseline, label above value, a list table with columns. */
export function portable(v, doc) {
  const { fields, records } = doc;
  const layout = v.pick(['formLeft', 'formLeft', 'formAbove', 'list']);
  const pages = [];
  if (layout === 'list') {
    const cols = fields.slice(0, 5);
    doc.fields = cols;
    const keys = keysOf(v, cols, doc.lang);
    const widths = cols.map((f) => (f === 'address' ? 190 : f === 'email' ? 150 : 95));
    const xs = widths.reduce((acc, w) => [...acc, acc[acc.length - 1] + w], [30]);
    const items = [{ x: 30, y: 800, text: doc.title, size: 14 }];
    keys.forEach((k, j) => items.push({ x: xs[j], y: 770, text: k, size: 8 }));
    records.forEach((rec, i) => cols.forEach((f, j) => items.push({ x: xs[j], y: 752 - i * 16, text: cellText(rec[f]), size: 8 })));
    pages.push(items);
  } else {
    doc.records = records.slice(0, 2);
    for (const rec of doc.records) {
      const keys = keysOf(v, fields, doc.lang);
      const items = [{ x: 60, y: 790, text: doc.title, size: 14 }];
      let y = 750;
      for (const [j, f] of fields.entries()) {
        if (layout === 'formLeft') {
          items.push({ x: 60, y, text: keys[j] }, { x: 200, y, text: cellText(rec[f]) });
          y -= 24;
        } else {
          items.push({ x: 60, y, text: keys[j], size: 8 }, { x: 60, y: y - 14, text: cellText(rec[f]) });
          y -= 36;
        }
      }
      pages.push(items);
    }
  }
  return pdf(pages, v.pick([0, 1.5, 3]));
}

// ---------------------------------------------------------------- eml
export function mail(v, doc) {
  const { fields, records } = doc;
  doc.records = records.slice(0, 2);
  const html = v.rnd() < 0.35;
  let body;
  if (html) {
    const rows = doc.records.flatMap((rec) => {
      const keys = keysOf(v, fields, doc.lang);
      return fields.map((f, j) => `<tr><th>${keys[j]}</th><td>${cellText(rec[f])}</td></tr>`);
    });
    body = `<html><body><p>${doc.title}の件、以下のとおりです。</p><table>${rows.join('')}</table></body></html>`;
  } else {
    const sep = v.pick(['：', ': ', '　', '\t']);
    const parts = ['お疲れさまです。', `${doc.title}の内容を送ります。`, ''];
    for (const rec of doc.records) {
      const keys = keysOf(v, fields, doc.lang);
      for (const [j, f] of fields.entries()) parts.push(`${v.pick(['', '・', '■'])}${keys[j]}${sep}${cellText(rec[f])}`);
      parts.push('');
    }
    parts.push('よろしくお願いします。');
    body = parts.join('\r\n');
  }
  doc.extra = ['sender@example-corp.co.jp', 'staff@example-corp.co.jp'].map((value) => ({ type: 'email', value }));
  const head = [
    'From: sender@example-corp.co.jp', 'To: staff@example-corp.co.jp', `Subject: =?UTF-8?B?${Buffer.from(doc.title).toString('base64')}?=`,
    'Date: Tue, 1 Apr 2025 09:00:00 +0900', 'MIME-Version: 1.0', `Content-Type: text/${html ? 'html' : 'plain'}; charset=UTF-8`, 'Content-Transfer-Encoding: base64',
  ];
  return Buffer.from(`${head.join('\r\n')}\r\n\r\n${Buffer.from(body, 'utf8').toString('base64').replace(/.{1,76}/g, '$&\r\n')}`, 'utf8');
}

// ---------------------------------------------------------------- structured text
/** JSON (pretty or one record per line), YAML, access log with query strings, key=value log, SQL INSERT, .env/ini. */
export function structured(v, doc) {
  const { fields, records } = doc;
  const keys = keysOf(v, fields, doc.lang);
  const val = (rec, f) => structuredValue(rec[f]);
  switch (doc.ext) {
    case 'json':
      return v.rnd() < 0.5
        ? JSON.stringify({ exported: TODAY, items: records.map((rec) => Object.fromEntries(fields.map((f, j) => [keys[j], val(rec, f)]))) }, null, 2)
        : records.map((rec) => JSON.stringify(Object.fromEntries(fields.map((f, j) => [keys[j], val(rec, f)])))).join('\n');
    case 'yaml':
      return `# ${doc.title}\nitems:\n${records.map((rec) => fields.map((f, j) => `${j ? '   ' : ' -'} ${keys[j]}: ${yamlScalar(val(rec, f))}`).join('\n')).join('\n')}\n`;
    case 'log': {
      const asciiFields = fields.filter((f) => !['name', 'kana', 'address', 'dept'].includes(f));
      doc.fields = asciiFields;
      return records.map((rec, i) => {
        const ts = `2025-04-01T09:${v.pad(i, 2)}:${v.pad(v.int(0, 59), 2)}+09:00`;
        const pairs = asciiFields.map((f) => `${fieldName(v, f, doc.lang)}=${val(rec, f).replace(/ /g, '+')}`);
        return v.rnd() < 0.5
          ? `192.0.2.${v.int(1, 254)} - - [${ts}] "GET /api/v1/form?${pairs.join('&')} HTTP/1.1" 200 ${v.int(200, 9000)}`
          : `${ts} INFO request_id=${v.digits(8)} ${pairs.join(' ')} status=ok`;
      }).join('\n');
    }
    case 'sql':
      return `-- ${doc.title}\n${records.map((rec) => `INSERT INTO ${v.pick(['customers', 'employees', 'm_member'])} (${keys.join(', ')}) VALUES (${fields.map((f) => `'${val(rec, f)}'`).join(', ')});`).join('\n')}\n`;
    case 'env':
      doc.records = records.slice(0, 2);
      return doc.records.map((rec, i) => `[${v.pick(['contact', 'user', 'owner'])}${i + 1}]\n${fields.map((f, j) => `${keys[j]}=${val(rec, f)}`).join('\n')}\n`).join('\n');
    default:
      throw new Error(`unknown structured format ${doc.ext}`);
  }
}

/** Values in structured text are stored bare: digits without separators where a system would store them so. */
function structuredValue(x) {
  if (!x.type) return x.written;
  if (['phone', 'my-number', 'credit-card', 'postal-code', 'pension-number'].includes(x.type)) return x.written.normalize('NFKC').replace(/[^0-9]/g, '');
  if (x.type === 'birth-date') return x.value;
  return x.written;
}

const yamlScalar = (s) => (/^[\d-]+$|[:#]/.test(s) ? `'${s}'` : s);
