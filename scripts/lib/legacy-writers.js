/**
 * Minimal writers of the legacy formats jpii reads without a converter, for fixtures and the evaluation corpus:
 * Outlook .msg ([MS-OXMSG] on the `cfb` package), PowerPoint 97 .ppt ([MS-PPT] records), RTF with `\'xx` bytes in
 * cp932, OLE property sets ([MS-OLEPS]) in cp932, and .xls/.xlsb through SheetJS (`@e965/xlsx`).
 * Legacy code page: cp932 strings are written with TextEncoder-free tables from encoding-japanese.
 * Deterministic: no timestamps (cfb's are left at zero), so re-running gives identical bytes.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const CFB = require('cfb');
const Encoding = require('encoding-japanese');
const XLSX = require('@e965/xlsx');

/** Text → cp932 bytes (Windows-31J: ① ㈱ 髙 and ～ included). */
export function cp932(text) {
  return Buffer.from(Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE', type: 'array' }));
}

const u16 = (n) => { const b = Buffer.alloc(2); b.writeUInt16LE(n); return b; };
const u32 = (n) => { const b = Buffer.alloc(4); b.writeUInt32LE(n >>> 0); return b; };

/** A compound file from [path, Buffer] pairs (storages are created from the paths). */
export function makeOle(streams) {
  const cfb = CFB.utils.cfb_new();
  for (const [path, content] of streams) CFB.utils.cfb_add(cfb, path, content);
  for (const entry of cfb.FileIndex) { entry.ct = undefined; entry.mt = undefined; }
  return Buffer.from(CFB.write(cfb, { type: 'buffer', fileType: 'cfb' }));
}

// ---------- OLE property sets ([MS-OLEPS] 2.20–2.21) ----------
const FMTID_SUMMARY = 'f29f85e0-4ff9-1068-ab91-08002b27b3d9';
const FMTID_DOC_SUMMARY = 'd5cdd502-2e9c-101b-9397-08002b2cf9ae';
const FMTID_USER = 'd5cdd505-2e9c-101b-9397-08002b2cf9ae';

function guid(text) {
  const h = text.replace(/-/g, '');
  const b = Buffer.from(h, 'hex');
  return Buffer.concat([Buffer.from(b.subarray(0, 4)).reverse(), Buffer.from(b.subarray(4, 6)).reverse(), Buffer.from(b.subarray(6, 8)).reverse(), b.subarray(8)]);
}

const pad4 = (b) => Buffer.concat([b, Buffer.alloc((4 - (b.length % 4)) % 4)]);

/** One property set: [id, value] with strings as VT_LPSTR in cp932 (code page property 932), `names` for a dictionary. */
function propertySet(props, names) {
  const entries = [[1, Buffer.concat([u16(2), u16(0), u16(932), u16(0)])]];
  if (names) {
    const dict = [u32(names.length)];
    for (const [id, name] of names) { const n = Buffer.concat([cp932(name), Buffer.alloc(1)]); dict.push(u32(id), u32(n.length), n); }
    entries.unshift([0, pad4(Buffer.concat(dict))]);
  }
  for (const [id, value] of props) { const s = Buffer.concat([cp932(value), Buffer.alloc(1)]); entries.push([id, pad4(Buffer.concat([u16(0x1e), u16(0), u32(s.length), s]))]); }
  const headerSize = 8 + entries.length * 8;
  const offsets = [];
  let at = headerSize;
  for (const [, data] of entries) { offsets.push(at); at += data.length; }
  return Buffer.concat([u32(at), u32(entries.length), ...entries.map(([id], i) => Buffer.concat([u32(id), u32(offsets[i])])), ...entries.map(([, d]) => d)]);
}

function propertyStream(sets) {
  const header = Buffer.concat([u16(0xfffe), u16(0), u32(0x00020006), Buffer.alloc(16), u32(sets.length)]);
  let at = header.length + sets.length * 20;
  const list = [];
  for (const [fmtid, data] of sets) { list.push(Buffer.concat([guid(fmtid), u32(at)])); at += data.length; }
  return Buffer.concat([header, ...list, ...sets.map(([, d]) => d)]);
}

/** `\x05SummaryInformation` and `\x05DocumentSummaryInformation` streams: {title, subject, author, keywords, comments, company, manager, category, custom: {name: value}} */
export function propertyStreams(p) {
  const summary = [[2, p.title], [3, p.subject], [4, p.author], [5, p.keywords], [6, p.comments]].filter(([, v]) => v);
  const doc = [[2, p.category], [14, p.manager], [15, p.company]].filter(([, v]) => v);
  const custom = Object.entries(p.custom ?? {});
  const sets = [[FMTID_DOC_SUMMARY, propertySet(doc)]];
  if (custom.length) sets.push([FMTID_USER, propertySet(custom.map(([, v], i) => [i + 2, v]), custom.map(([n], i) => [i + 2, n]))]);
  return [['/\u0005SummaryInformation', propertyStream([[FMTID_SUMMARY, propertySet(summary)]])], ['/\u0005DocumentSummaryInformation', propertyStream(sets)]];
}

// ---------- Outlook .msg ([MS-OXMSG] 2.1–2.4) ----------
const PT = { LONG: 0x0003, STRING8: 0x001e, UNICODE: 0x001f, BINARY: 0x0102, OBJECT: 0x000d };

/** Property streams of one object: props = [[id, type, value]]; returns [[relative path, Buffer]] and the fixed entries. */
function msgProps(props, unicode) {
  const streams = [];
  const entries = [];
  for (const [id, type0, value] of props) {
    if (value === undefined) continue;
    const type = type0 === 'text' ? (unicode ? PT.UNICODE : PT.STRING8) : type0;
    const tag = ((id << 16) | type) >>> 0;
    if (type === PT.LONG) { entries.push(Buffer.concat([u32(tag), u32(6), u32(value), u32(0)])); continue; }
    const data = type === PT.UNICODE ? Buffer.from(`${value}\0`, 'utf16le') : type === PT.STRING8 ? Buffer.concat([cp932(value), Buffer.alloc(1)]) : value;
    streams.push([`__substg1.0_${tag.toString(16).toUpperCase().padStart(8, '0')}`, data]);
    entries.push(Buffer.concat([u32(tag), u32(6), u32(data.length), u32(0)]));
  }
  return { streams, entries };
}

/** Compressed RTF in its uncompressed form ([MS-OXRTFCP] 2.1.3.1: COMPTYPE "MELA", CRC 0). */
export function melaRtf(rtf) {
  return Buffer.concat([u32(rtf.length + 12), u32(rtf.length), u32(0x414c454d), u32(0), rtf]);
}

/**
 * m: {subject, body, rtf?, html?, from: {name, email}, to: [{name, email}], cc, bcc, attachments: [{name, bytes} | {message: m}],
 * unicode (default true), codepage}
 */
export function makeMsg(m, prefix = '', embedded = false) {
  const unicode = m.unicode !== false;
  const recipients = [...(m.to ?? []).map((r) => [r, 1]), ...(m.cc ?? []).map((r) => [r, 2]), ...(m.bcc ?? []).map((r) => [r, 3])];
  const top = msgProps([
    [0x001a, 'text', 'IPM.Note'], [0x0037, 'text', m.subject], [0x1000, 'text', m.body],
    [0x0c1a, 'text', m.from?.name], [0x0c1f, 'text', m.from?.email], [0x5d01, 'text', m.from?.email], [0x0c1e, 'text', m.from && 'SMTP'],
    [0x0e04, 'text', (m.to ?? []).map((r) => r.name).join('; ') || undefined],
    [0x1009, PT.BINARY, m.rtf && melaRtf(m.rtf)], [0x1013, PT.BINARY, m.html],
    [0x3ffd, PT.LONG, m.codepage ?? (unicode ? undefined : 932)], [0x3fde, PT.LONG, m.internetCodepage],
  ], unicode);
  const streams = top.streams.map(([p, d]) => [`${prefix}/${p}`, d]);
  recipients.forEach(([r, type], i) => {
    const dir = `${prefix}/__recip_version1.0_#${i.toString(16).toUpperCase().padStart(8, '0')}`;
    const p = msgProps([[0x3001, 'text', r.name], [0x3003, 'text', r.email], [0x39fe, 'text', r.email], [0x3002, 'text', 'SMTP'], [0x0c15, PT.LONG, type]], unicode);
    streams.push(...p.streams.map(([n, d]) => [`${dir}/${n}`, d]), [`${dir}/__properties_version1.0`, Buffer.concat([Buffer.alloc(8), ...p.entries])]);
  });
  const attachments = m.attachments ?? [];
  attachments.forEach((a, i) => {
    const dir = `${prefix}/__attach_version1.0_#${i.toString(16).toUpperCase().padStart(8, '0')}`;
    if (a.message) {
      const p = msgProps([[0x3705, PT.LONG, 5], [0x3001, 'text', a.message.subject]], unicode);
      streams.push(...p.streams.map(([n, d]) => [`${dir}/${n}`, d]), [`${dir}/__properties_version1.0`, Buffer.concat([Buffer.alloc(8), u32(0x3701000d), u32(6), u32(0xffffffff), u32(4), ...p.entries])]);
      streams.push(...makeMsg(a.message, `${dir}/__substg1.0_3701000D`, true));
      return;
    }
    const p = msgProps([[0x3707, 'text', a.name], [0x3704, 'text', a.shortName ?? a.name], [0x3001, 'text', a.name], [0x3701, PT.BINARY, a.bytes], [0x3705, PT.LONG, 1]], unicode);
    streams.push(...p.streams.map(([n, d]) => [`${dir}/${n}`, d]), [`${dir}/__properties_version1.0`, Buffer.concat([Buffer.alloc(8), ...p.entries])]);
  });
  const header = Buffer.concat([Buffer.alloc(8), u32(recipients.length), u32(attachments.length), u32(recipients.length), u32(attachments.length), ...(embedded ? [] : [Buffer.alloc(8)])]);
  streams.push([`${prefix}/__properties_version1.0`, Buffer.concat([header, ...top.entries])]);
  if (!embedded) {
    for (const n of ['00020102', '00030102', '00040102']) streams.push([`/__nameid_version1.0/__substg1.0_${n}`, Buffer.alloc(0)]);
    return makeOle(streams);
  }
  return streams;
}

// ---------- PowerPoint 97 .ppt ([MS-PPT]) ----------
const rec = (ver, instance, type, body) => Buffer.concat([u16((instance << 4) | ver), u16(type), u32(body.length), body]);
const container = (type, children, instance = 0) => rec(0xf, instance, type, Buffer.concat(children));
const textAtom = (text) => /^[\u0000-\u00ff]*$/.test(text) ? rec(0, 0, 0x0fa8, Buffer.from(text, 'latin1')) : rec(0, 0, 0x0fa0, Buffer.from(text, 'utf16le'));
const textHeader = (kind) => rec(0, 0, 0x0f9f, u32(kind));
const slidePersist = (persistId, slideId) => rec(0, 0, 0x03f3, Buffer.concat([u32(persistId), u32(0), u32(0), u32(slideId), u32(0)]));
/** A text box shape: OfficeArtSpContainer → OfficeArtClientTextbox → text atoms. */
const textBox = (text) => container(0xf004, [container(0xf00d, [textHeader(4), textAtom(text)])]);
const drawing = (texts) => container(0x040c, [container(0xf002, [container(0xf003, texts.map(textBox))])]);

/** p: {slides: [{title, body: [..], boxes: [..], notes: [..]}], footer, properties}; placeholder text in the slide list, boxes in drawings. */
export function makePpt(p) {
  const parts = [];
  let offset = 0;
  const persist = new Map();
  const add = (id, buf) => { if (id) persist.set(id, offset); parts.push(buf); offset += buf.length; };
  const slides = p.slides.map((s, i) => ({ ...s, persistId: 2 + i, slideId: 256 + i }));
  const notes = slides.filter((s) => s.notes?.length).map((s, i) => ({ ...s, notesPersistId: 2 + slides.length + i }));
  const slideList = container(0x0ff0, slides.flatMap((s) => [slidePersist(s.persistId, s.slideId),
    ...(s.title ? [textHeader(0), textAtom(s.title)] : []), ...(s.body?.length ? [textHeader(1), textAtom(s.body.join('\r'))] : [])]), 0);
  const notesList = notes.length ? [container(0x0ff0, notes.map((s) => slidePersist(s.notesPersistId, 0)), 2)] : [];
  const footer = p.footer ? [container(0x0fd9, [rec(0, 0, 0x0fda, u32(0x20)), rec(0, 2, 0x0fba, Buffer.from(p.footer, 'utf16le'))])] : [];
  add(1, container(0x03e8, [rec(0, 0, 0x03e9, Buffer.alloc(40)), slideList, ...notesList, ...footer]));
  for (const s of slides) add(s.persistId, container(0x03ee, [rec(0x2, 0, 0x03ef, Buffer.alloc(24)), drawing(s.boxes ?? [])]));
  for (const s of notes) add(s.notesPersistId, container(0x03f0, [rec(0x1, 0, 0x03f1, Buffer.concat([u32(s.slideId), u32(0)])), drawing(s.notes)]));
  const ids = [...persist.keys()].sort((a, b) => a - b);
  const dir = Buffer.concat([u32(((ids.length << 20) | ids[0]) >>> 0), ...ids.map((id) => u32(persist.get(id)))]);
  const dirOffset = offset;
  add(0, rec(0, 0, 0x1772, dir));
  const editOffset = offset;
  add(0, rec(0, 0, 0x0ff5, Buffer.concat([u32(0), u32(0), u32(0), u32(dirOffset), u32(1), u32(ids[ids.length - 1]), u16(0), u16(0)])));
  const user = Buffer.concat([u32(0x14), u32(0xe391c05f), u32(editOffset), u16(0), u16(0), u16(0x03f4), u16(3), u16(0)]);
  return makeOle([['/PowerPoint Document', Buffer.concat(parts)], ['/Current User', user], ...(p.properties ? propertyStreams(p.properties) : [])]);
}

// ---------- RTF ----------
/** Text → RTF body: ASCII as is, Japanese as cp932 `\'xx` bytes (ASCII trail bytes written plainly, as Word does) or `\uN`. */
export function rtfText(text, mode = 'cp932') {
  let out = '';
  for (const ch of text) {
    if (ch === '\n') { out += '\\par\n'; continue; }
    if (ch === '\t') { out += '\\tab '; continue; }
    if (ch === '\\' || ch === '{' || ch === '}') { out += `\\${ch}`; continue; }
    const code = ch.codePointAt(0);
    if (code < 0x80) { out += ch; continue; }
    const bytes = cp932(ch);
    const escaped = [...bytes].map((b, i) => (i === 1 && b >= 0x40 && b < 0x7f && b !== 0x5c && b !== 0x7b && b !== 0x7d ? String.fromCharCode(b) : `\\'${b.toString(16).padStart(2, '0')}`)).join('');
    out += mode === 'unicode' ? `\\u${code > 0x7fff ? code - 0x10000 : code}${escaped}` : escaped;
  }
  return out;
}

/** A whole RTF document: cp932 (`\ansicpg932`, a `\fcharset128` font) or Unicode with cp932 fallbacks (`\uc2`). */
export function makeRtf({ paragraphs, header, info, mode = 'cp932' }) {
  const infoGroup = info ? `{\\info${Object.entries(info).map(([k, v]) => `{\\${k} ${rtfText(v)}}`).join('')}}` : '';
  const head = header ? `{\\header\\pard ${rtfText(header, mode)}\\par}` : '';
  const body = paragraphs.map((p) => `\\pard\\plain\\f1 ${rtfText(p, mode)}\\par`).join('\n');
  return Buffer.from(`{\\rtf1\\ansi\\ansicpg932\\deff0${mode === 'unicode' ? '\\uc2' : ''}{\\fonttbl{\\f0\\froman\\fcharset0 Times New Roman;}{\\f1\\fnil\\fcharset128 ${rtfText('ＭＳ 明朝')};}}` +
    `{\\colortbl;\\red0\\green0\\blue0;}${infoGroup}{\\*\\generator jpii-fixtures;}\n${head}${body}\n}`, 'latin1');
}

// ---------- .xls / .xlsb through SheetJS ----------
/** sheets: {name: rows[][]}; comments: [{sheet, cell, author, text}]; props: {Title, Author, Company…}; custom: {name: value}. */
export function makeWorkbook({ sheets, comments = [], props, custom }, bookType) {
  const wb = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), name);
  for (const c of comments) {
    const ws = wb.Sheets[c.sheet];
    ws[c.cell] ??= { t: 's', v: '' };
    ws[c.cell].c = [{ a: c.author, t: c.text }];
  }
  if (props) wb.Props = props;
  if (custom) wb.Custprops = custom;
  return Buffer.from(XLSX.write(wb, { type: 'buffer', bookType, compression: true }));
}

// ---------- Excel 5.0/95 (BIFF5) with CODEPAGE 932: strings in cp932, as old Japanese exports wrote them ----------
const biffRecord = (type, body) => Buffer.concat([u16(type), u16(body.length), body]);
const biffBof = (dt) => biffRecord(0x0809, Buffer.concat([u16(0x0500), u16(dt), u16(0), u16(0)]));

/** sheets: {name: rows[][]} of strings and numbers → a `Book` stream ([MS-XLS] BIFF5 subset: LABEL and NUMBER cells). */
export function makeBiff5(sheets) {
  const names = Object.keys(sheets).map((n) => cp932(n));
  const substreams = Object.values(sheets).map((rows) => {
    const cells = rows.flatMap((row, r) => row.flatMap((v, c) => {
      if (v === undefined || v === '') return [];
      if (typeof v === 'number') { const d = Buffer.alloc(8); d.writeDoubleLE(v); return [biffRecord(0x0203, Buffer.concat([u16(r), u16(c), u16(15), d]))]; }
      const s = cp932(v);
      return [biffRecord(0x0204, Buffer.concat([u16(r), u16(c), u16(15), u16(s.length), s]))];
    }));
    return Buffer.concat([biffBof(0x10), ...cells, biffRecord(0x000a, Buffer.alloc(0))]);
  });
  const head = [biffBof(0x05), biffRecord(0x0042, u16(932))];
  const sheetsLen = names.reduce((sum, n) => sum + 4 + 7 + n.length, 0);
  let at = head.reduce((sum, b) => sum + b.length, 0) + sheetsLen + 4;
  const boundsheets = names.map((n, i) => {
    const rec = biffRecord(0x0085, Buffer.concat([u32(at), u16(0), Buffer.from([n.length]), n]));
    at += substreams[i].length;
    return rec;
  });
  return makeOle([['/Book', Buffer.concat([...head, ...boundsheets, biffRecord(0x000a, Buffer.alloc(0)), ...substreams])]]);
}
