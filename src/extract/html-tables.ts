/**
 * html-tables: the data tables of an HTML body as grids of cell HTML, and the HTML around them.
 * A data table is a leaf `<table>` (one with no table inside): e-mail layouts nest tables for placement, and
 * only the innermost ones hold rows of fields. Outer tables stay in the surrounding HTML, read as text.
 * Rows start at `<tr`, cells at `<td`/`<th` (end tags may be omitted, as HTML allows); a cell spanning N
 * columns (`colspan`) is followed by N−1 empty ones, so a column index is the same in every row.
 * Linear in the length of the HTML (indexOf and one pass of a tag regex), whatever the nesting; never throws.
 */

export type HtmlPiece = { kind: 'html'; html: string } | { kind: 'table'; rows: string[][] };

const TABLE_TAG = /<(\/?)table\b[^<>]*>/gi;

/** Spans [start, end) of tables that contain no other table. */
function leafTables(html: string): [number, number][] {
  const spans: [number, number][] = [];
  const open: { start: number; leaf: boolean }[] = [];
  TABLE_TAG.lastIndex = 0;
  for (let m = TABLE_TAG.exec(html); m; m = TABLE_TAG.exec(html)) {
    if (!m[1]) {
      const parent = open[open.length - 1];
      if (parent) parent.leaf = false;
      open.push({ start: m.index, leaf: true });
    } else {
      const table = open.pop();
      if (table?.leaf) spans.push([table.start, TABLE_TAG.lastIndex]);
    }
  }
  return spans;
}

const COLSPAN = /\bcolspan\s*=\s*["']?(\d+)/i;

/** Pieces of `html` split at each start tag matching `tag` (the text before the first one is dropped). */
function splitAt(html: string, tag: RegExp): string[] {
  const starts = [...html.matchAll(tag)].map((m) => m.index);
  return starts.map((start, i) => html.slice(start, starts[i + 1] ?? html.length));
}

function rowsOf(tableHtml: string): string[][] {
  return splitAt(tableHtml, /<tr\b[^<>]*>/gi).map((tr) => {
    const row: string[] = [];
    for (const cell of splitAt(tr, /<t[dh]\b[^<>]*>/gi)) {
      const open = /^<[^<>]*>/.exec(cell)?.[0] ?? '';
      row.push(cell.slice(open.length).replace(/<\/(t[dh]|tr|tbody|thead|tfoot|table)\s*>[\s\S]*$/i, ''));
      const span = Number(COLSPAN.exec(open)?.[1] ?? 1);
      for (let k = Math.min(span, 64); k > 1; k--) row.push('');
    }
    return row;
  });
}

export function htmlPieces(html: string): HtmlPiece[] {
  const pieces: HtmlPiece[] = [];
  let at = 0;
  for (const [from, to] of leafTables(html)) {
    if (from > at) pieces.push({ kind: 'html', html: html.slice(at, from) });
    pieces.push({ kind: 'table', rows: rowsOf(html.slice(from, to)) });
    at = to;
  }
  if (at < html.length) pieces.push({ kind: 'html', html: html.slice(at) });
  return pieces;
}
