/**
 * The HTML report's inline style and script. The script reads the embedded JSON and draws the file table
 * one page at a time (100 rows), so a report of 100,000 files opens at once; sorting and filtering work on
 * the array in memory. Every value goes into the page as textContent, never as HTML.
 * Never: fetches, loads or sends anything (the page's Content-Security-Policy forbids it as well).
 */

export const PAGE_SIZE = 100;

export { STYLE } from './html-style.js';

export const SCRIPT = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('jpii-meta').textContent);
  // The first page (top files by risk, embedded plainly) until every file's record is unpacked.
  var files = JSON.parse(document.getElementById('jpii-first').textContent);
  var loaded = files.length >= data.total;
  var T = data.text, names = data.names, LEVELS = data.levels, PAGE = data.pageSize;
  var state = { q: '', type: -1, status: '', unlabelled: false, findings: false, changed: false, sort: 'k', dir: -1, page: 0 };
  var view = files;
  var selected = null;
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function appiBadges(r) {
    var out = [];
    if (!r.a) return out;
    if (r.a.ro) out.push(T.rosters);
    if (r.a.c.indexOf('special-care') >= 0) out.push(T.specialCare);
    if (r.a.c.indexOf('specific-personal-information') >= 0) out.push(T.specificPersonal);
    if (r.a.br) out.push(T.breachReportable);
    return out;
  }
  var KEYS = {
    p: function (r) { return r.p; }, f: function (r) { return r.f; }, s: function (r) { return r.s; },
    k: function (r) { return r.k; }, n: function (r) { return r.n; }, lb: function (r) { return r.l ? r.lb.join(',') || '~' : ''; },
    a: function (r) { return r.a ? (r.a.br ? 8 : 0) + (r.a.c.indexOf('specific-personal-information') >= 0 ? 4 : 0) + (r.a.c.indexOf('special-care') >= 0 ? 2 : 0) + r.a.ro : -1; }
  };
  function apply() {
    // Filters and sorting wait for every file (the controls are disabled until then).
    if (!loaded) return;
    var q = state.q.toLowerCase();
    view = files.filter(function (r) {
      if (q && r.p.toLowerCase().indexOf(q) < 0) return false;
      if (state.type >= 0 && r.t.indexOf(state.type) < 0) return false;
      if (state.status && r.s !== state.status) return false;
      if (state.unlabelled && !(r.n > 0 && !r.l)) return false;
      if (state.findings && !(r.n > 0)) return false;
      if (state.changed && !r.ch) return false;
      return true;
    });
    var key = KEYS[state.sort], dir = state.dir;
    view.sort(function (a, b) {
      var x = key(a), y = key(b);
      if (x < y) return -dir; if (x > y) return dir;
      if (state.sort !== 'n' && a.n !== b.n) return b.n - a.n;
      return a.p < b.p ? -1 : a.p > b.p ? 1 : 0;
    });
    state.page = 0;
    render();
  }
  function row(r) {
    var tr = el('tr');
    tr.tabIndex = 0;
    tr.appendChild(el('td', r.p, 'path'));
    tr.appendChild(el('td', r.f));
    tr.appendChild(el('td', T.statusNames[r.s] || r.s));
    tr.appendChild(el('td', r.k.toFixed(2), 'num'));
    tr.appendChild(el('td', r.n, 'num'));
    tr.appendChild(el('td', r.t.map(function (i) { return names[i]; }).join(', ')));
    tr.appendChild(el('td', r.lb.join(', ')));
    var a = el('td');
    appiBadges(r).forEach(function (b) { a.appendChild(el('span', b, 'badge hi')); });
    tr.appendChild(a);
    if (data.changes) {
      var c = el('td');
      if (r.ch) c.appendChild(el('span', T.changeNames[r.ch], r.ch === '-' ? 'badge' : 'badge hi'));
      tr.appendChild(c);
    }
    if (selected && r.p === selected.p) tr.className = 'sel';
    tr.addEventListener('click', function () { select(r); });
    tr.addEventListener('keydown', function (e) { if (e.key === 'Enter') select(r); });
    return tr;
  }
  var drawn = [];
  function render() {
    var from = state.page * PAGE, to = Math.min(view.length, from + PAGE);
    var page = view.slice(from, to);
    // The rows already drawn are kept when they are the same files (the embedded first page, once every
    // file is unpacked): no second layout of the table.
    var same = page.length === drawn.length && page.every(function (r, i) { return r.p === drawn[i].p; });
    if (!same || selected) {
      var rows = document.createDocumentFragment();
      page.forEach(function (r) { rows.appendChild(row(r)); });
      $('files-body').replaceChildren(rows);
      drawn = page;
    }
    $('files-count').textContent = !loaded ? T.loading(data.total) : view.length ? T.rows(from + 1, to, view.length) : T.noRows;
    $('prev').disabled = state.page === 0;
    $('next').disabled = !loaded || to >= view.length;
    document.querySelectorAll('#files th[data-sort]').forEach(function (th) {
      th.setAttribute('aria-sort', th.dataset.sort === state.sort ? (state.dir > 0 ? 'ascending' : 'descending') : 'none');
    });
  }
  function table(headers, rows) {
    var t = el('table'), h = el('tr');
    headers.forEach(function (x) { h.appendChild(el('th', x)); });
    var head = el('thead'); head.appendChild(h); t.appendChild(head);
    var b = el('tbody');
    rows.forEach(function (cells) { var tr = el('tr'); cells.forEach(function (c) { tr.appendChild(el('td', c)); }); b.appendChild(tr); });
    t.appendChild(b);
    return t;
  }
  // A file's findings, occurrences and notes are packed apart (script.jpii-details, data-from = first file's
  // index) and unpacked only when a file of that chunk is selected; the embedded first page carries its own.
  var detailChunks = {};
  function withDetails(r) {
    if (r.fs || r.i === undefined) return Promise.resolve(r);
    var node = null;
    document.querySelectorAll('script.jpii-details').forEach(function (n) { if (Number(n.dataset.from) <= r.i) node = n; });
    if (!node) return Promise.resolve(r);
    var from = Number(node.dataset.from);
    detailChunks[from] = detailChunks[from] || unpack(node);
    return detailChunks[from].then(function (list) {
      var x = list[r.i - from] || {};
      r.fs = x.fs || []; r.m = x.m || 0; r.oc = x.oc; r.no = x.no;
      return r;
    });
  }
  function select(r) {
    selected = r;
    render();
    drawDetail(r);
    if (!r.fs) withDetails(r).then(function () { if (selected === r) drawDetail(r); });
  }
  function drawDetail(r) {
    var d = $('detail');
    d.replaceChildren(el('h3', r.p));
    var facts = [T.format + ': ' + r.f, T.status + ': ' + (T.statusNames[r.s] || r.s), T.risk + ': ' + r.k.toFixed(2), T.labels + ': ' + (r.lb.join(', ') || T.nothing)];
    if (r.r) facts.push(T.reason + ': ' + r.r);
    d.appendChild(el('p', facts.join(' · ')));
    if (r.a) d.appendChild(el('p', T.appi + ': ' + r.a.c.map(function (c) { return T.categoryNames[c] || c; }).concat(r.a.sc).join(', ') + (appiBadges(r).length ? ' — ' + appiBadges(r).join(', ') : '')));
    (r.no || []).forEach(function (n) { d.appendChild(el('p', n, 'muted')); });
    if (r.oc && r.oc.length) {
      d.appendChild(el('h4', T.occurrences));
      d.appendChild(table([T.type, T.count, T.distinct, T.level, T.where], r.oc.map(function (o) { return [names[o[0]], o[1], o[2], LEVELS[o[3]], o[4]]; })));
    }
    if (!r.fs) {
      d.appendChild(el('p', '…', 'muted'));
      return;
    }
    if (r.fs.length) {
      d.appendChild(el('h4', T.listedFindings));
      d.appendChild(table([T.type, T.level, T.masked, T.location, ''], r.fs.map(function (f) { return [names[f[0]], LEVELS[f[1]], f[2], f[3], f[4] ? T.suppressed : '']; })));
    }
    if (r.m > 0) d.appendChild(el('p', T.moreFindings(r.m), 'muted'));
    d.setAttribute('data-file', r.p);
  }
  function unpack(node) {
    var text = node.textContent.trim(), bytes;
    if (typeof Uint8Array.fromBase64 === 'function') bytes = Uint8Array.fromBase64(text);
    else {
      var bin = atob(text);
      bytes = new Uint8Array(bin.length);
      for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    }
    return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text().then(JSON.parse);
  }
  T.rows = function (a, b, n) { return data.rowsFormat.replace('{from}', a).replace('{to}', b).replace('{of}', n); };
  T.moreFindings = function (n) { return data.moreFormat.replace('{n}', n); };
  T.loading = function (n) { return data.loadingFormat.replace('{of}', n); };
  var CONTROLS = ['f-q', 'f-type', 'f-status', 'f-unlabelled', 'f-findings', 'f-changed'];
  function enable(on) { CONTROLS.forEach(function (id) { if ($(id)) $(id).disabled = !on; }); }
  names.forEach(function (n, i) { var o = el('option', n); o.value = String(i); $('f-type').appendChild(o); });
  $('f-q').addEventListener('input', function (e) { state.q = e.target.value; apply(); });
  $('f-type').addEventListener('change', function (e) { state.type = Number(e.target.value); apply(); });
  $('f-status').addEventListener('change', function (e) { state.status = e.target.value; apply(); });
  $('f-unlabelled').addEventListener('change', function (e) { state.unlabelled = e.target.checked; apply(); });
  $('f-findings').addEventListener('change', function (e) { state.findings = e.target.checked; apply(); });
  if ($('f-changed')) $('f-changed').addEventListener('change', function (e) { state.changed = e.target.checked; apply(); });
  $('prev').addEventListener('click', function () { state.page--; render(); });
  $('next').addEventListener('click', function () { state.page++; render(); });
  document.querySelectorAll('#files th[data-sort]').forEach(function (th) {
    th.addEventListener('click', function () {
      if (!loaded) return;
      var k = th.dataset.sort;
      state.dir = state.sort === k ? -state.dir : (k === 'p' || k === 'f' || k === 's' ? 1 : -1);
      state.sort = k;
      apply();
    });
  });
  function mark(name) {
    document.body.setAttribute('data-' + name + '-at', String(Math.round(performance.now())));
    document.body.setAttribute('data-' + name, '1');
  }
  // First paint: the embedded first page, before the packed records are even parsed.
  enable(loaded);
  render();
  mark('first');
  if (loaded) return mark('ready');
  if (typeof DecompressionStream !== 'function') {
    $('files-count').textContent = data.oldBrowser;
    return;
  }
  function unpackAll() {
    // One chunk after another: Chromium unpacks 56 chunks (100,000 files) about twice as fast in sequence
    // as all at once.
    var nodes = Array.prototype.slice.call(document.querySelectorAll('script.jpii-files'));
    nodes.reduce(function (done, node) {
      return done.then(function (parts) { return unpack(node).then(function (part) { parts.push(part); return parts; }); });
    }, Promise.resolve([])).then(function (parts) {
      files = Array.prototype.concat.apply([], parts);
      files.forEach(function (r, i) { r.i = i; });
      loaded = true;
      enable(true);
      apply();
      mark('ready');
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', unpackAll);
  else unpackAll();
})();
`;
