/**
 * The HTML report's inline style (allowed by its hash in the page's Content-Security-Policy).
 * Never: loads a font, an image or anything else from outside the page.
 */
export const STYLE = String.raw`
:root{--fg:#1c2833;--muted:#5d6d7e;--line:#d5d8dc;--bg:#fff;--alt:#f4f6f7;--hi:#c0392b;--ok:#1e8449;font-family:system-ui,-apple-system,"Segoe UI","Hiragino Sans","Noto Sans CJK JP","Yu Gothic",sans-serif}
body{margin:0;color:var(--fg);background:var(--bg);font-size:14px}
header{padding:16px 24px;border-bottom:1px solid var(--line)}
h1{font-size:20px;margin:0 0 4px}h2{font-size:17px;margin:24px 0 8px}h3{font-size:15px;margin:12px 0 6px;word-break:break-all}
main{padding:0 24px 48px}.muted{color:var(--muted)}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:8px;margin:0}
.cards div{border:1px solid var(--line);border-radius:6px;padding:8px 10px}
.cards dt{font-size:12px;color:var(--muted)}.cards dd{margin:2px 0 0;font-size:22px;font-weight:600}
.cards .alert dd{color:var(--hi)}
.charts{display:flex;flex-wrap:wrap;gap:16px}.chart{margin:0}.chart figcaption{font-weight:600;margin-bottom:4px}
.chart svg{font-size:12px;fill:var(--fg);max-width:100%;height:auto}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
th{background:var(--alt)}#files th{position:sticky;top:0}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td.path{word-break:break-all;max-width:44em}
#files th[data-sort]{cursor:pointer;user-select:none}#files th[aria-sort=ascending]::after{content:" ▲"}#files th[aria-sort=descending]::after{content:" ▼"}
#files tbody tr{cursor:pointer}#files tbody tr:hover,#files tbody tr.sel{background:#eaf2f8}
.tools{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:8px 0}
.tools input[type=search]{min-width:18em;padding:4px}
.pager{display:flex;gap:8px;align-items:center;margin:8px 0}
.badge{display:inline-block;border-radius:3px;padding:0 4px;margin-right:3px;font-size:12px;background:var(--alt);border:1px solid var(--line)}
.badge.hi{background:#fdedec;border-color:#f5b7b1}
#detail{border:1px solid var(--line);border-radius:6px;padding:8px 12px;margin-top:12px}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:16px}@media (max-width:900px){.cols{grid-template-columns:1fr}}
`;
