/**
 * html-body: an HTML body (e-mail) as segments: each data table's cells with their structure (header cells
 * of the column, the label cell beside or above: office/table-cells.ts, as for Word tables), and the HTML
 * around the tables as one text segment (html-text.ts), so a `<th>` label keeps naming its `<td>` value.
 * Input: the HTML, the origin to give every segment. Output: segments, text first then table cells.
 * Never renders, never fetches.
 */
import type { Location, Segment } from '../model.js';
import { htmlPieces } from './html-tables.js';
import { dropInvisible, htmlToText } from './html-text.js';
import { tableCells } from './office/table-cells.js';

export function htmlSegments(html: string, origin: Location): Segment[] {
  // Tables inside comments (Outlook conditionals) or scripts are not message text.
  const pieces = htmlPieces(dropInvisible(html));
  const around = htmlToText(pieces.map((p) => (p.kind === 'html' ? p.html : '<br>')).join(''));
  const out: Segment[] = around.trim() ? [{ text: around, origin }] : [];
  let table = 0;
  for (const piece of pieces) {
    if (piece.kind !== 'table') continue;
    const rows = piece.rows.map((row) => row.map((cell) => htmlToText(cell)));
    table++;
    tableCells(rows, table, (_row, _col, text, cell) => out.push({ text, origin: { ...origin }, cell }));
  }
  return out;
}
