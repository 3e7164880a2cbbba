/**
 * The HTML report's "since the previous report" section (--previous): cards with the counts of new, gone and
 * changed files and of files that newly hold personal data or no longer do, findings before and now, and
 * short lists of the new files with personal data and of the gone files.
 * Input: the tally (html-changes.ts), the gone files, the words. Output: HTML, every path escaped.
 * Never: shows a finding's value.
 */
import type { ChangeTally } from './html-changes.js';
import { escapeHtml as h } from './html-escape.js';
import type { HtmlText } from './html-text.js';

function card(key: string, label: string, value: number, alert = false): string {
  return `<div${alert && value ? ' class="alert"' : ''}><dt>${h(label)}</dt><dd data-c="${key}">${value.toLocaleString('en-US')}</dd></div>`;
}

function list(id: string, title: string, rows: readonly { path: string; n: number }[], t: HtmlText): string {
  if (rows.length === 0) return '';
  const body = rows.map((r) => `<tr><td class="path">${h(r.path)}</td><td class="num">${r.n}</td></tr>`).join('');
  return `<div><h3>${h(title)}</h3><table id="${id}"><thead><tr><th>${h(t.path)}</th><th class="num">${h(t.findings)}</th></tr></thead><tbody>${body}</tbody></table></div>`;
}

export function changesSection(t: HtmlText, tally: ChangeTally, gone: readonly { path: string; n: number }[], previousName: string, findingsNow: number): string {
  const c = tally.counts;
  const cards = [
    card('newFiles', t.newFiles, c.newFiles),
    card('goneFiles', t.goneFiles, c.goneFiles),
    card('more', t.moreFindings2, c.more, true),
    card('fewer', t.fewerFindings, c.fewer),
    card('newlyPersonal', t.newlyPersonal, c.newlyPersonal, true),
    card('noLongerPersonal', t.noLongerPersonal, c.noLongerPersonal),
    card('findingsBefore', t.findingsBefore, c.previousFindings),
    card('findingsNow', t.findings, findingsNow),
  ];
  return (
    `<section id="changes"><h2>${h(t.changes)}</h2><p class="muted">${h(t.comparedWith(previousName, c.previousFiles))}</p>` +
    `<dl class="cards">${cards.join('')}</dl><div class="cols">${list('new-personal', t.newPersonalFiles, tally.newPersonal, t)}${list('gone-files', t.goneFilesList, gone, t)}</div></section>\n`
  );
}
