/**
 * The report page's stylesheet: light and dark palettes (prefers-color-scheme), a print layout,
 * and the narrow-screen arrangement (gate table as cards, the narrow variant of the large chart).
 * Every colour the charts use is a variable here, so one palette change restyles all of them.
 */
export const REPORT_CSS = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--muted:#59636e;--border:#d1d9e0;--plot:#f6f8fa;--grid:#e1e6eb;--series:#0969da;
--pass:#1a7f37;--warn:#9a6700;--fail:#cf222e;--inc:#59636e;--crit:#a40e26;--marker:#8250df;
--breach:rgba(207,34,46,.07);--window:rgba(9,105,218,.16);
--tone-ok:#1a7f37;--tone-warn:#9a6700;--tone-bad:#cf222e;--tone-critical:#a40e26;--tone-neutral:#59636e;
--tint-ok:#dafbe1;--tint-warn:#fff8c5;--tint-bad:#ffebe9;--tint-critical:#ffd8d3;--tint-neutral:#eaeef2}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--border:#3d444d;--plot:#151b23;--grid:#262c36;--series:#4493f8;
--pass:#3fb950;--warn:#d29922;--fail:#ff7b72;--inc:#9198a1;--crit:#ff7b72;--marker:#bc8cff;
--breach:rgba(248,81,73,.12);--window:rgba(68,147,248,.22);
--tone-ok:#238636;--tone-warn:#9e6a03;--tone-bad:#b62324;--tone-critical:#8e1519;--tone-neutral:#3d444d;
--tint-ok:#0f2a1a;--tint-warn:#2b2111;--tint-bad:#33181b;--tint-critical:#421418;--tint-neutral:#1c2128}}
*{box-sizing:border-box}
html{background:var(--bg);color:var(--fg)}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0 auto;max-width:1200px;padding:12px 16px 32px;overflow-wrap:anywhere}
h1{font-size:1.6rem;line-height:1.2;margin:0 0 .35rem;display:flex;align-items:center;gap:.5rem;flex-wrap:wrap}
h2{font-size:1.15rem;margin:1.4rem 0 .5rem}
h3{font-size:1rem;margin:0 0 .25rem;display:flex;gap:.4rem;align-items:baseline;flex-wrap:wrap}
code{font-size:.88em}
a{color:var(--series)}
.verdict{border:1px solid var(--border);border-left:8px solid var(--tone);background:var(--tint);border-radius:8px;padding:12px 16px;margin:0 0 1rem}
.tone-ok{--tone:var(--tone-ok);--tint:var(--tint-ok)}.tone-warn{--tone:var(--tone-warn);--tint:var(--tint-warn)}
.tone-bad{--tone:var(--tone-bad);--tint:var(--tint-bad)}.tone-critical{--tone:var(--tone-critical);--tint:var(--tint-critical)}
.tone-neutral{--tone:var(--tone-neutral);--tint:var(--tint-neutral)}
.badge{display:inline-flex;align-items:center;justify-content:center;min-width:1.6em;height:1.6em;border-radius:.3em;background:var(--tone);color:#fff;font-weight:700;padding:0 .25em}
.context{margin:0 0 .3rem;color:var(--muted);font-size:.9rem}
.sentence{margin:0 0 .6rem;font-size:1.05rem}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .9rem;margin:0}
.facts dt{font-weight:600}.facts dd{margin:0}
table{border-collapse:collapse;width:100%;font-size:.92rem}
caption{text-align:left;font-weight:600;padding:0 0 .3rem}
th,td{border-bottom:1px solid var(--border);padding:.35rem .5rem;text-align:left;vertical-align:top}
th{font-weight:600}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.st{font-weight:600;white-space:nowrap}
.st-failed,.v-fail{color:var(--fail)}.st-breached,.v-warn{color:var(--warn)}.st-passed,.v-pass{color:var(--pass)}
.st-inconclusive,.st-not-measured,.v-inconclusive{color:var(--inc)}
.deciding-tag{font-size:.8rem;font-weight:600;border:1px solid var(--tone-bad);color:var(--fail);border-radius:1em;padding:0 .5em}
figure{margin:0;border:1px solid var(--border);border-radius:8px;padding:10px 12px;break-inside:avoid;page-break-inside:avoid;min-width:0}
figcaption{font-size:.85rem;color:var(--muted);margin:.25rem 0 0}
.large{margin:0 0 1rem}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,320px),1fr));gap:12px}
svg.chart{display:block;width:100%;height:auto;overflow:hidden}
.chart-narrow{display:none}
.legend{display:flex;flex-wrap:wrap;gap:.2rem 1rem;font-size:.85rem;color:var(--muted);margin:0 0 .6rem;padding:0;list-style:none}
.legend svg.key{width:12px;height:12px;vertical-align:-1px;display:inline-block}
.chart text{fill:var(--fg);font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
.chart .tick{fill:var(--muted)}
.plot{fill:var(--plot);stroke:var(--border)}
.chart .gridline{stroke:var(--grid);stroke-width:1}
.axis{stroke:var(--muted)}
.breach-zone{fill:var(--breach)}
.eval-window{fill:var(--window)}
.threshold{stroke:var(--fail);stroke-width:1.5;stroke-dasharray:6 4}
.chart .threshold-label{fill:var(--fail)}
.series{fill:none;stroke:var(--series);stroke-width:1.6;stroke-linejoin:round}
.pt-pass{fill:var(--pass)}.pt-warn{fill:var(--warn)}.pt-fail{fill:var(--fail)}
.pt-inconclusive{fill:var(--bg);stroke:var(--inc);stroke-width:1.6}
.mk{stroke:var(--marker);stroke-width:1.5}
.mk-deploy,.mk-watch_start{stroke:var(--fg);stroke-width:1.5}
.mk-phase{stroke:var(--muted);stroke-dasharray:2 3}
.mk-alert,.mk-escalation{stroke:var(--warn);stroke-dasharray:5 3}
.mk-resolved{stroke:var(--pass);stroke-dasharray:5 3}
.mk-decision,.mk-rollback_start{stroke:var(--fail);stroke-width:2}
.mk-rollback_end{stroke:var(--pass);stroke-width:2}
.mk-end{stroke:var(--inc);stroke-width:2}
.mk-recheck{fill:var(--marker);stroke:none}
.chart .mk-label{font-weight:600}
.chart .mk-label-alert,.chart .mk-label-escalation{fill:var(--warn)}
.chart .mk-label-rollback_start,.chart .mk-label-decision{fill:var(--fail)}
.chart .mk-label-rollback_end,.chart .mk-label-resolved{fill:var(--pass)}
.chart .mk-label-phase{fill:var(--muted)}
details{margin:.8rem 0}summary{cursor:pointer;font-weight:600}
.files{font-size:.85rem;color:var(--muted)}
.card-status{display:none}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
@media (max-width:600px){
body{padding:8px 10px 24px;font-size:14px}
h1{font-size:1.35rem}
.verdict{padding:10px 12px;border-left-width:6px}
.facts{grid-template-columns:1fr}.facts dd{margin:0 0 .3rem}
.chart-wide{display:none}.chart-narrow{display:block}

}
table.timeline td:first-child{white-space:nowrap;font-variant-numeric:tabular-nums}
@media (max-width:820px){
table.gates thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0)}
table.gates{display:block;width:100%}
table.gates tbody{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,300px),1fr));gap:6px 8px}
table.gates tr{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:0 14px;border:1px solid var(--border);border-radius:6px;margin:0;padding:4px 8px}
table.gates th[scope=row]{grid-column:1/-1;border:0;padding:.1rem 0;display:flex;flex-wrap:wrap;justify-content:space-between;gap:.2rem .6rem}
table.gates th .card-status{display:inline-flex;gap:.3rem;align-items:center}
table.gates td{min-width:0;border:0;padding:.05rem 0;white-space:normal;text-align:right;display:flex;justify-content:space-between;gap:.4rem;font-size:.85rem}
table.gates td.status{display:none}
table.gates td::before{content:attr(data-label);color:var(--muted);white-space:nowrap}
}
@media print{
:root{--bg:#fff;--fg:#000;--muted:#444;--border:#999;--plot:#fff;--grid:#ddd;--series:#0969da;--pass:#1a7f37;--warn:#9a6700;--fail:#cf222e;--inc:#59636e;--marker:#8250df;--breach:rgba(207,34,46,.07);--window:rgba(9,105,218,.16);--tone-ok:#1a7f37;--tone-warn:#9a6700;--tone-bad:#cf222e;--tone-critical:#a40e26;--tone-neutral:#59636e;--tint-ok:#dafbe1;--tint-warn:#fff8c5;--tint-bad:#ffebe9;--tint-critical:#ffd8d3;--tint-neutral:#eaeef2}
body{max-width:none;padding:0;font-size:11pt}
.verdict,.badge,.pt,.breach-zone,.eval-window{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.chart-wide{display:block!important}.chart-narrow{display:none!important}
.grid{grid-template-columns:repeat(2,1fr)}
h2{break-after:avoid}
details{display:block}details>*{display:block}
}
`;
