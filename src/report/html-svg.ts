/**
 * Inline SVG charts for the HTML report: horizontal bars, drawn on the server side so the page needs no
 * chart library and shows them even with scripts off.
 * Input: labelled values. Output: an <svg> element as text, every label escaped.
 * Never: loads anything (no fonts, no images, no links).
 */
import { escapeHtml } from './html-escape.js';

export interface Bar {
  label: string;
  value: number;
  /** Shown in a tooltip (full path of a shortened label). */
  title?: string;
}

const ROW = 22;
const LABEL_W = 230;
const BAR_W = 300;
const PALETTE = ['#c0392b', '#d35400', '#b7950b', '#1e8449', '#2471a3', '#7d3c98', '#5d6d7e'];

/** Middle of a long label cut out, so both the top folder and the file's own folder stay readable. */
export function shorten(label: string, max = 34): string {
  const chars = [...label];
  if (chars.length <= max) return label;
  const half = Math.floor((max - 1) / 2);
  return `${chars.slice(0, half).join('')}…${chars.slice(chars.length - half).join('')}`;
}

export function barChart(title: string, bars: readonly Bar[], emptyText: string): string {
  const head = `<figure class="chart"><figcaption>${escapeHtml(title)}</figcaption>`;
  if (bars.length === 0) return `${head}<p class="muted">${escapeHtml(emptyText)}</p></figure>`;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = bars.length * ROW + 4;
  const rows = bars.map((b, i) => {
    const y = i * ROW + 2;
    const w = Math.max(1, Math.round((b.value / max) * BAR_W));
    const colour = PALETTE[i % PALETTE.length];
    return (
      `<g><title>${escapeHtml(b.title ?? b.label)}: ${b.value}</title>` +
      `<text x="${LABEL_W - 6}" y="${y + 15}" text-anchor="end">${escapeHtml(shorten(b.label))}</text>` +
      `<rect x="${LABEL_W}" y="${y + 3}" width="${w}" height="${ROW - 6}" fill="${colour}"></rect>` +
      `<text x="${LABEL_W + w + 6}" y="${y + 15}">${b.value.toLocaleString('en-US')}</text></g>`
    );
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${LABEL_W + BAR_W + 90} ${height}" width="${LABEL_W + BAR_W + 90}" height="${height}">${rows.join('')}</svg>`;
  return `${head}${svg}</figure>`;
}
