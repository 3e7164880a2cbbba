/**
 * Tables of Word (`w:tbl`) and DrawingML (`a:tbl`, PowerPoint) XML as grids of cell texts, and the XML
 * outside them. Input: one part's XML. Output: pieces in document order, either loose XML or a table whose
 * rows hold each cell's text (its paragraphs joined by '\n', '' when empty; a cell spanning N grid columns
 * is followed by N−1 empty ones, so a column index is the same in every row).
 * Nested tables stay inside their outer cell's text. Never throws on odd XML.
 */
import { attr, paragraphTexts } from './xml-text.js';

export type XmlPiece = { kind: 'xml'; xml: string } | { kind: 'table'; rows: string[][]; paragraphs: number[][] };

/** Top-level `<p:tbl>…</p:tbl>` spans, nesting counted. */
function tableSpans(xml: string, prefix: 'w' | 'a'): [number, number][] {
  const re = new RegExp(`<(/?)${prefix}:tbl(?=[\\s>])[^>]*>`, 'g');
  const spans: [number, number][] = [];
  let depth = 0;
  let start = -1;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (!m[1]) {
      if (depth++ === 0) start = m.index;
    } else if (depth > 0 && --depth === 0) {
      spans.push([start, re.lastIndex]);
    }
  }
  return spans;
}

/** Children `<p:name>…</p:name>` of a span at nesting depth one (cells of nested tables are not rows here). */
function children(xml: string, tag: string): string[] {
  const re = new RegExp(`<(/?)${tag}(?=[\\s>/])[^>]*?(/?)>`, 'g');
  const out: string[] = [];
  let depth = 0;
  let start = -1;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[2]) {
      if (depth === 0) out.push('');
    } else if (!m[1]) {
      if (depth++ === 0) start = m.index;
    } else if (depth > 0 && --depth === 0) {
      out.push(xml.slice(start, re.lastIndex));
    }
  }
  return out;
}

function span(cellXml: string, prefix: 'w' | 'a'): number {
  const raw = prefix === 'w' ? /<w:gridSpan\b[^>]*>/.exec(cellXml)?.[0] : /^<a:tc\b[^>]*>/.exec(cellXml)?.[0];
  const n = Number(raw ? attr(raw, prefix === 'w' ? 'w:val' : 'gridSpan') : 1);
  return Number.isInteger(n) && n > 1 && n < 64 ? n : 1;
}

export function xmlPieces(xml: string, prefix: 'w' | 'a'): XmlPiece[] {
  const pieces: XmlPiece[] = [];
  let at = 0;
  for (const [from, to] of tableSpans(xml, prefix)) {
    if (from > at) pieces.push({ kind: 'xml', xml: xml.slice(at, from) });
    const rows: string[][] = [];
    const paragraphs: number[][] = [];
    for (const tr of children(xml.slice(from, to).replace(/^<[^>]*>/, ''), `${prefix}:tr`)) {
      const row: string[] = [];
      const counts: number[] = [];
      for (const tc of children(tr.replace(/^<[^>]*>/, ''), `${prefix}:tc`)) {
        const texts = paragraphTexts(tc, prefix).filter((t) => t.trim() !== '');
        row.push(texts.join('\n'));
        counts.push(texts.length);
        for (let k = span(tc, prefix); k > 1; k--) row.push(''), counts.push(0);
      }
      rows.push(row);
      paragraphs.push(counts);
    }
    pieces.push({ kind: 'table', rows, paragraphs });
    at = to;
  }
  if (at < xml.length) pieces.push({ kind: 'xml', xml: xml.slice(at) });
  return pieces;
}
