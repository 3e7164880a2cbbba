/**
 * Minimal writers for the document-shape generator (make-heldout-corpus.js): docx and pptx parts (zipped with
 * make-office-fixtures.js's deterministic makeZip) and PDF pages with positioned text items.
 * PDF text is written the way Word's "save as PDF" writes Japanese: ASCII runs (digits, latin) in one font
 * and kanji/kana runs in another, each run placed on its own, so a reader sees separate text items.
 */
import { makeZip } from '../make-office-fixtures.js';
import { latin1, makePdf, ucs2Hex } from './pdf-objects.js';

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const rels = (list) => `${XML}<Relationships xmlns="${PKG}">${list.map(([id, type, target]) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`).join('')}</Relationships>`;
const types = (overrides) => `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.map(([p, t]) => `<Override PartName="${p}" ContentType="${t}"/>`).join('')}</Types>`;

// ---------------------------------------------------------------- docx
/** Body blocks: {p: text} paragraphs and {table: rows of cell texts, merge?: [[row, col, span]]}. */
export function docx(blocks) {
  const wp = (t) => `<w:p><w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r></w:p>`;
  const cell = (t, span) => `<w:tc>${span > 1 ? `<w:tcPr><w:gridSpan w:val="${span}"/></w:tcPr>` : ''}${String(t).split('\n').map(wp).join('')}</w:tc>`;
  const table = (rows) => `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr>${rows.map((r) => `<w:tr>${r.map((c) => (Array.isArray(c) ? cell(c[0], c[1]) : cell(c, 1))).join('')}</w:tr>`).join('')}</w:tbl>`;
  const body = blocks.map((b) => (b.table ? `${table(b.table)}${wp('')}` : wp(b.p))).join('');
  const WML = 'application/vnd.openxmlformats-officedocument.wordprocessingml';
  return makeZip([
    ['[Content_Types].xml', types([['/word/document.xml', `${WML}.document.main+xml`]])],
    ['_rels/.rels', rels([['rId1', 'officeDocument', 'word/document.xml']])],
    ['word/document.xml', `${XML}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="${REL}"><w:body>${body}<w:sectPr/></w:body></w:document>`],
  ]);
}

// ---------------------------------------------------------------- pptx
/** Slides: each a list of {text} boxes and {table: rows}. */
export function pptx(slides) {
  const A = `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:r="${REL}"`;
  const ap = (t) => `<a:p><a:r><a:rPr lang="ja-JP"/><a:t>${esc(t)}</a:t></a:r></a:p>`;
  const shape = (t, id) => `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="Text ${id}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/>${String(t).split('\n').map(ap).join('')}</p:txBody></p:sp>`;
  const tc = (t) => `<a:tc><a:txBody><a:bodyPr/>${ap(t)}</a:txBody></a:tc>`;
  const table = (rows, id) => `<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="${id}" name="Table ${id}"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr><p:xfrm/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl>${rows.map((r) => `<a:tr h="370840">${r.map(tc).join('')}</a:tr>`).join('')}</a:tbl></a:graphicData></a:graphic></p:graphicFrame>`;
  const PML = 'application/vnd.openxmlformats-officedocument.presentationml';
  const entries = [
    ['[Content_Types].xml', types([['/ppt/presentation.xml', `${PML}.presentation.main+xml`], ...slides.map((_, i) => [`/ppt/slides/slide${i + 1}.xml`, `${PML}.slide+xml`])])],
    ['_rels/.rels', rels([['rId1', 'officeDocument', 'ppt/presentation.xml']])],
    ['ppt/_rels/presentation.xml.rels', rels(slides.map((_, i) => [`rId${i + 2}`, 'slide', `slides/slide${i + 1}.xml`]))],
    ['ppt/presentation.xml', `${XML}<p:presentation ${A}><p:sldIdLst>${slides.map((_, i) => `<p:sldId id="${256 + i}" r:id="rId${i + 2}"/>`).join('')}</p:sldIdLst></p:presentation>`],
  ];
  slides.forEach((items, i) => {
    const tree = items.map((it, j) => (it.table ? table(it.table, j + 2) : shape(it.text, j + 2))).join('');
    entries.push([`ppt/slides/slide${i + 1}.xml`, `${XML}<p:sld ${A}><p:cSld><p:spTree>${tree}</p:spTree></p:cSld></p:sld>`]);
  });
  return makeZip(entries);
}

// ---------------------------------------------------------------- pdf
const pdfString = (s) => `(${s.replace(/[\\()]/g, '\\$&')})`;


/** ASCII runs and CJK runs of a string, in order. */
const runsOf = (text) => text.match(/[\x20-\x7e]+|[^\x20-\x7e]+/g) ?? [];

/**
 * Pages: lists of {x, y, text, size}. `gap` (points) is left between an ASCII run and a CJK run, as word
 * processors do when they switch fonts; readers then often put a space there.
 */
export function pdf(pages, gap = 1.5) {
  const fonts = '<< /Font << /F1 3 0 R /F2 4 0 R >> >>';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pages.map((_, i) => `${7 + i * 2} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /HeiseiKakuGo-W5 /Encoding /UniJIS-UCS2-H /DescendantFonts [5 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /HeiseiKakuGo-W5 /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 2 >> /FontDescriptor 6 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /HeiseiKakuGo-W5 /Flags 4 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 769 /StemV 69 >>',
  ];
  for (const items of pages) {
    const ops = [];
    for (const { x, y, text, size = 10.5 } of items) {
      let at = x;
      for (const run of runsOf(text)) {
        const ascii = /^[\x20-\x7e]/.test(run);
        ops.push(`BT /${ascii ? 'F1' : 'F2'} ${size} Tf 1 0 0 1 ${at.toFixed(2)} ${y} Tm ${ascii ? pdfString(run) : ucs2Hex(run)} Tj ET`);
        at += run.length * size * (ascii ? 0.556 : 1) + gap;
      }
    }
    const data = latin1(ops.join('\n'));
    const n = objects.length + 1;
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources ${fonts} /Contents ${n + 1} 0 R >>`);
    objects.push(Buffer.concat([latin1(`<< /Length ${data.length} >>\nstream\n`), data, latin1('\nendstream')]));
  }
  return makePdf(objects);
}
