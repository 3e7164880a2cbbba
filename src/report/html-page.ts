/**
 * The static parts of the HTML report: head (with a Content-Security-Policy that allows only the page's
 * own style and script, by hash), overview cards, charts, the riskiest folders and files, and the frame of
 * the file table that the script fills.
 * Input: the aggregate, the summary, the words. Output: HTML text, every scanned-file string escaped.
 * Never: links to or loads anything outside the file.
 */
import { createHash } from 'node:crypto';
import { APPI_CATEGORIES, type ScanSummary } from '../model.js';
import type { HtmlAggregate } from './html-aggregate.js';
import { SCRIPT, STYLE } from './html-client.js';
import { escapeHtml as h } from './html-escape.js';
import { barChart, shorten } from './html-svg.js';
import type { HtmlText } from './html-text.js';

const hash = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const CSP = `default-src 'none'; style-src ${hash(STYLE)}; script-src ${hash(SCRIPT)}; img-src data:; base-uri 'none'; form-action 'none'`;

export function head(t: HtmlText, lang: string, tool: string): string {
  return (
    `<!DOCTYPE html>\n<html lang="${lang}"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer">` +
    `<meta name="generator" content="${h(tool)}"><title>${h(t.title)}</title><style>${STYLE}</style></head>\n` +
    `<body><header><h1>${h(t.title)}</h1><p class="muted">${h(t.generated(tool))} ${h(t.maskedNote)}</p></header><main>\n`
  );
}

function card(key: string, label: string, value: number | undefined, alert = false): string {
  const shown = value === undefined ? '—' : value.toLocaleString('en-US');
  return `<div${alert && value ? ' class="alert"' : ''}><dt>${h(label)}</dt><dd data-k="${key}">${shown}</dd></div>`;
}

export function overview(t: HtmlText, s: ScanSummary, agg: HtmlAggregate): string {
  const appi = agg.appiFiles > 0;
  const cards = [
    card('files', t.filesConsidered, s.files),
    card('scanned', t.scanned, s.scanned),
    card('notExamined', t.notExamined, s.skipped + s.errors, true),
    card('withFindings', t.withFindings, agg.withFindings),
    card('unlabelledPersonal', t.unlabelledPersonal, agg.unlabelledPersonal, true),
    card('unlabelledSensitive', t.unlabelledSensitive, agg.unlabelledSensitive, true),
    card('rosters', t.rosters, appi ? agg.rosters : undefined, true),
    card('specialCare', t.specialCare, appi ? agg.specialCare : undefined, true),
    card('specificPersonal', t.specificPersonal, appi ? agg.specificPersonal : undefined, true),
    card('breachReportable', t.breachReportable, appi ? agg.breachReportable : undefined, true),
    card('findings', t.findings, s.findings),
    card('suppressed', t.suppressed, s.suppressed),
  ];
  const note = appi ? '' : `<p class="muted" id="no-appi">${h(t.noAppi)}</p>`;
  return `<section id="overview"><h2 elementtiming="overview">${h(t.overview)}</h2><dl class="cards">${cards.join('')}</dl>${note}${notExamined(t, agg)}</section>\n`;
}

/** Reasons listed one by one; the rest are one line (the file table filters by status). */
const REASONS_SHOWN = 12;

function notExamined(t: HtmlText, agg: HtmlAggregate): string {
  const reasons = agg.notExamined();
  if (reasons.length === 0 && agg.otherReasons === 0) return `<h3>${h(t.notExaminedWhy)}</h3><p class="muted">${h(t.noneNotExamined)}</p>`;
  const rest = reasons.slice(REASONS_SHOWN).reduce((n, [, k]) => n + k, agg.otherReasons);
  const rows = reasons.slice(0, REASONS_SHOWN).map(([reason, n]) => `<tr><td>${h(reason)}</td><td class="num">${n}</td></tr>`);
  if (rest > 0) rows.push(`<tr><td>…</td><td class="num">${rest}</td></tr>`);
  return `<h3>${h(t.notExaminedWhy)}</h3><table id="not-examined"><thead><tr><th>${h(t.reason)}</th><th class="num">${h(t.files)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

export function charts(t: HtmlText, s: ScanSummary, agg: HtmlAggregate, typeName: (id: string) => string): string {
  const folders = [...agg.folders.values()].filter((f) => f.findings > 0).sort((a, b) => b.findings - a.findings || (a.folder < b.folder ? -1 : 1)).slice(0, 12);
  const byFolder = barChart(t.byFolder, folders.map((f) => ({ label: f.folder, value: f.findings })), t.nothing);
  const types = Object.entries(s.byType).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  const byType = barChart(t.byType, types.map(([id, n]) => ({ label: typeName(id), value: n, title: id })), t.nothing);
  const cats = APPI_CATEGORIES.map((c) => ({ label: t.categoryNames[c] ?? c, value: agg.categories.get(c) ?? 0 })).filter((b) => b.value > 0);
  const byCategory = barChart(t.byCategory, cats, agg.appiFiles > 0 ? t.nothing : t.noAppi);
  return `<section id="charts" class="charts">${byFolder}${byType}${byCategory}</section>\n`;
}

export function riskiest(t: HtmlText, agg: HtmlAggregate): string {
  const folders = agg.riskiestFolders().map(
    (f) =>
      `<tr><td class="path" title="${h(f.folder)}">${h(shorten(f.folder, 90))}</td><td class="num">${f.files}</td><td class="num">${f.withFindings}</td>` +
      `<td class="num">${f.unlabelledPersonal}</td><td class="num">${f.findings}</td><td class="num">${f.maxRisk.toFixed(2)}</td></tr>`,
  );
  const files = agg.top.map(
    (f) => `<tr><td class="path">${h(f.path)}</td><td class="num">${f.risk.toFixed(2)}</td><td class="num">${f.findings}</td><td>${f.labelled ? '✓' : h(t.noLabel)}</td></tr>`,
  );
  const folderHead = `<tr><th>${h(t.folder)}</th><th class="num">${h(t.files)}</th><th class="num">${h(t.withFindings)}</th><th class="num">${h(t.unlabelledPersonal)}</th><th class="num">${h(t.findings)}</th><th class="num">${h(t.maxRisk)}</th></tr>`;
  const fileHead = `<tr><th>${h(t.path)}</th><th class="num">${h(t.risk)}</th><th class="num">${h(t.findings)}</th><th>${h(t.labels)}</th></tr>`;
  return (
    `<section class="cols"><div><h2>${h(t.riskiestFolders)}</h2><table id="risky-folders"><thead>${folderHead}</thead><tbody>${folders.join('')}</tbody></table></div>` +
    `<div><h2>${h(t.riskiestFiles)}</h2><table id="risky-files"><thead>${fileHead}</thead><tbody>${files.join('')}</tbody></table></div></section>\n`
  );
}

/** `changes`: the report is compared with a previous one (a change column and filter). */
export function fileTable(t: HtmlText, changes = false): string {
  const th = (key: string, label: string, num = false): string => `<th data-sort="${key}"${num ? ' class="num"' : ''}>${h(label)}</th>`;
  const statuses = ['scanned', 'skipped', 'error'].map((s) => `<option value="${s}">${h(t.statusNames[s] ?? s)}</option>`).join('');
  return (
    `<section><h2>${h(t.allFiles)}</h2><div class="tools"><input type="search" id="f-q" placeholder="${h(t.filter)}" aria-label="${h(t.filter)}">` +
    `<select id="f-type" aria-label="${h(t.type)}"><option value="-1">${h(t.anyType)}</option></select>` +
    `<select id="f-status" aria-label="${h(t.status)}"><option value="">${h(t.anyStatus)}</option>${statuses}</select>` +
    `<label><input type="checkbox" id="f-unlabelled"> ${h(t.onlyUnlabelled)}</label><label><input type="checkbox" id="f-findings"> ${h(t.onlyFindings)}</label>` +
    (changes ? `<label><input type="checkbox" id="f-changed"> ${h(t.onlyChanged)}</label>` : '') +
    `</div>` +
    `<div class="pager"><button type="button" id="prev">${h(t.prev)}</button><span id="files-count"></span><button type="button" id="next">${h(t.next)}</button></div>` +
    `<table id="files"><thead><tr>${th('p', t.path)}${th('f', t.format)}${th('s', t.status)}${th('k', t.risk, true)}${th('n', t.findings, true)}<th>${h(t.type)}</th>${th('lb', t.labels)}${th('a', t.appi)}${changes ? `<th>${h(t.change)}</th>` : ''}</tr></thead><tbody id="files-body"></tbody></table>` +
    `<div id="detail"><p class="muted">${h(t.clickRow)}</p></div></section>\n`
  );
}
