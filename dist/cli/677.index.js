"use strict";
(function (__dhashImportMetaUrl) {
return { id: 677, ids: [677], modules: {

/***/ 215:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  EG: () => (/* reexport */ renderPlan),
  aU: () => (/* binding */ runMonitor),
  bh: () => (/* reexport */ ports/* tryPort */.b)
});

// UNUSED EXPORTS: monitorFiles

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/domain/bounds.ts
var bounds = __webpack_require__(8591);
// EXTERNAL MODULE: ./src/domain/gates/catalog/catalog.ts + 8 modules
var catalog = __webpack_require__(303);
;// CONCATENATED MODULE: ./src/domain/gates/rules.ts

const GATE_UNITS = Object.fromEntries(Object.values(catalog/* GATE_CATALOG */.UW).map((g) => [g.name, g.unit]));
/** The enabled gates of an environment, in catalog order. */
function gateRules(gates) {
    const rules = [];
    if (gates.health) {
        const h = gates.health;
        rules.push({
            gate: 'health',
            threshold: h.consecutive_failures,
            unit: GATE_UNITS.health,
            actions: h.actions,
            noData: 'fail',
            checkIntervalMs: h.check_interval_seconds * 1000,
        });
    }
    for (const name of catalog/* METRIC_GATE_NAMES */.SZ) {
        const gate = gates[name];
        if (!gate)
            continue;
        rules.push({
            gate: name,
            threshold: gate.threshold,
            unit: GATE_UNITS[name],
            actions: gate.actions,
            windowMs: gate.evaluation_window_minutes !== undefined ? gate.evaluation_window_minutes * 60_000 : undefined,
            minSamples: gate.min_sample_size,
            noData: gate.no_data,
            checkIntervalMs: gate.check_interval_seconds !== undefined ? gate.check_interval_seconds * 1000 : undefined,
            failureLimit: gate.failure_limit,
            inconclusiveLimit: gate.inconclusive_limit,
        });
    }
    return rules;
}

// EXTERNAL MODULE: ./src/domain/gates/evaluate.ts + 1 modules
var evaluate = __webpack_require__(9249);
// EXTERNAL MODULE: ./src/domain/gates/health.ts
var health = __webpack_require__(9413);
// EXTERNAL MODULE: ./src/domain/gates/types.ts
var types = __webpack_require__(9142);
;// CONCATENATED MODULE: ./src/domain/schedule/poll-schedule.ts
function pollOffsets(input) {
    const offsets = [];
    let t = 0;
    while (t < input.windowMs) {
        offsets.push(t);
        const step = t < input.initialMs ? input.initialIntervalMs : input.normalIntervalMs;
        // Land exactly on the phase change, so "5 minutes at 30 s" ends at 5:00 whatever the step.
        let next = t + step;
        if (t < input.initialMs && next > input.initialMs)
            next = input.initialMs;
        t = next;
    }
    offsets.push(input.windowMs);
    return offsets;
}
function pollPlanFrom(monitoring, windowMinutes) {
    const windowMs = (windowMinutes ?? monitoring.window_minutes) * 60_000;
    return {
        windowMs,
        initialMs: Math.min(monitoring.poll_intervals.initial_minutes * 60_000, windowMs),
        initialIntervalMs: monitoring.poll_intervals.initial_interval_seconds * 1000,
        normalIntervalMs: monitoring.poll_intervals.normal_interval_seconds * 1000,
    };
}
/** Whether a gate with a check interval is due at `now`, allowing 5% for timer drift. */
function isGateDue(checkIntervalMs, lastMeasuredAt, now) {
    if (checkIntervalMs === undefined || lastMeasuredAt === undefined)
        return true;
    return now - lastMeasuredAt >= checkIntervalMs * 0.95;
}
/**
 * The next time health is checked: every `confirmIntervalMs` between polls, so a service that
 * goes down is noticed within one confirm interval in any polling phase, and the following
 * checks confirm it. Poll times check health too; the earlier of the two wins.
 */
function nextHealthCheckAt(lastCheckAt, confirmIntervalMs, nextPollAt) {
    const next = lastCheckAt + confirmIntervalMs;
    return nextPollAt === undefined ? next : Math.min(next, nextPollAt);
}

// EXTERNAL MODULE: ./src/report/evidence.ts
var report_evidence = __webpack_require__(3877);
;// CONCATENATED MODULE: ./src/report/format.ts
/**
 * How the report writes numbers, clock times and durations: one place, so the HTML page, the
 * chart labels and the job summary say the same thing the same way.
 */
/** A value for people: thousands grouped, at most two decimals, fewer as it grows. */
function formatNumber(value) {
    if (!Number.isFinite(value))
        return String(value);
    const abs = Math.abs(value);
    const digits = abs >= 100 || Number.isInteger(value) ? 0 : abs >= 10 ? 1 : 2;
    return value.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: digits });
}
/** A value with its unit: `4,875 ms`, `3.45%`, `32 items`. */
function formatValue(value, unit) {
    if (value === null)
        return 'no data';
    const n = formatNumber(value);
    return unit === '%' ? `${n}%` : unit ? `${n} ${unit}` : n;
}
/** `23:45:55` (UTC). */
function clockTime(ms) {
    return new Date(ms).toISOString().slice(11, 19);
}
/** `2026-11-28` (UTC). */
function utcDate(ms) {
    return new Date(ms).toISOString().slice(0, 10);
}
/** `23:45:55 UTC, 2026-11-28`: a moment named once with its date. */
function clockTimeWithDate(ms) {
    return `${clockTime(ms)} UTC, ${utcDate(ms)}`;
}
/** `6.7 s`, `42 s`, `2 min 5 s`, `1 h 3 min`. */
function formatDuration(ms) {
    const s = Math.max(0, ms) / 1000;
    if (s < 10)
        return `${(Math.round(s * 10) / 10).toString()} s`;
    if (s < 60)
        return `${Math.round(s)} s`;
    const totalSeconds = Math.round(s);
    const minutes = Math.floor(totalSeconds / 60);
    if (minutes < 60) {
        const rest = totalSeconds % 60;
        return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
    }
    const hours = Math.floor(minutes / 60);
    const restMinutes = minutes % 60;
    return restMinutes ? `${hours} h ${restMinutes} min` : `${hours} h`;
}
/** A window length given in minutes: `30 s`, `5 min`. */
function formatWindow(minutes) {
    return formatDuration(minutes * 60_000);
}
function escapeXml(text) {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
}

;// CONCATENATED MODULE: ./src/report/report-style.ts
/**
 * The report page's stylesheet: light and dark palettes (prefers-color-scheme), a print layout,
 * and the narrow-screen arrangement (gate table as cards, the narrow variant of the large chart).
 * Every colour the charts use is a variable here, so one palette change restyles all of them.
 */
const REPORT_CSS = `
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

;// CONCATENATED MODULE: ./src/report/scales.ts
/**
 * Axis arithmetic for the charts: round value ticks that include zero, and clock-time ticks on
 * whole seconds, minutes or hours so the labels read like a clock.
 */
/** A round step (1, 2, 2.5, 5 \u00d7 10\u207f) giving at most `maxTicks` intervals up to `max`. */
function valueTicks(max, maxTicks = 4) {
    const target = max > 0 ? max : 1;
    const raw = target / maxTicks;
    const magnitude = 10 ** Math.floor(Math.log10(raw));
    // raw < 10 \u00d7 magnitude, so the last candidate always qualifies.
    const step = [1, 2, 2.5, 5].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
    const top = Math.ceil(target / step - 1e-9) * step;
    const ticks = [];
    for (let v = 0; v <= top + step / 2; v += step)
        ticks.push(Math.round(v / step) * step);
    return { top, ticks };
}
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const TIME_STEPS = [
    1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400,
].map((s) => s * SECOND);
/** Clock ticks (epoch ms) inside [from, to], on multiples of a round step, at most `maxTicks`. */
function timeTicks(from, to, maxTicks) {
    const span = Math.max(to - from, SECOND);
    // At most maxTicks ticks: a span of n steps can hold n + 1 of them.
    const step = TIME_STEPS.find((s) => Math.floor(span / s) + 1 <= maxTicks) ?? TIME_STEPS[TIME_STEPS.length - 1];
    const ticks = [];
    for (let t = Math.ceil(from / step) * step; t <= to; t += step)
        ticks.push(t);
    return { step, ticks };
}
/** `23:45:10` for steps under a minute, `23:45` otherwise (UTC). */
function tickLabel(t, step) {
    const iso = new Date(t).toISOString();
    return step < MINUTE ? iso.slice(11, 19) : iso.slice(11, 16);
}

;// CONCATENATED MODULE: ./src/report/svg-chart.ts


const LAYOUTS = {
    wide: { name: 'wide', width: 880, height: 300, font: 13, maxTimeTicks: 8, maxValueTicks: 4 },
    narrow: { name: 'narrow', width: 360, height: 270, font: 13, maxTimeTicks: 3, maxValueTicks: 4 },
    small: { name: 'small', width: 380, height: 210, font: 12, maxTimeTicks: 3, maxValueTicks: 3 },
};
/** Approximate advance width of a label (sans-serif averages about 0.55 em; 0.6 keeps a margin). */
const textWidth = (text, font) => text.length * font * 0.6;
const SHAPE_SIZE = 3.6;
/** A point's mark: circle pass, triangle warn, square fail, hollow circle inconclusive. */
function pointMark(p, x, y) {
    const r = SHAPE_SIZE;
    const cls = `pt pt-${p.verdict}`;
    switch (p.verdict) {
        case 'warn':
            return `<path class="${cls}" d="M${x.toFixed(1)},${(y - r - 0.8).toFixed(1)} l${r + 0.8},${(2 * r).toFixed(1)} h-${(2 * r + 1.6).toFixed(1)}z"/>`;
        case 'fail':
            return `<rect class="${cls}" x="${(x - r).toFixed(1)}" y="${(y - r).toFixed(1)}" width="${2 * r}" height="${2 * r}"/>`;
        case 'inconclusive':
            return `<circle class="${cls}" cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r - 0.6}"/>`;
        default:
            return `<circle class="${cls}" cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r - 0.4}"/>`;
    }
}
/** The markers a gate's chart shows: every run-wide moment, and those of this gate. */
function markersFor(view, gate) {
    return view.markers.filter((m) => m.gates.length === 0 || m.gates.includes(gate.gate));
}
/** The time span every chart of a run shares, padded so no point sits on an axis. */
function timeDomain(view) {
    const times = [
        view.deployedAt,
        view.startedAt,
        view.endedAt,
        ...view.markers.map((m) => m.at),
        ...view.gates.flatMap((g) => g.points.map((p) => p.at)),
    ];
    const from = Math.min(...times);
    const to = Math.max(...times);
    const pad = Math.max((to - from) * 0.03, 500);
    return { from: from - pad, to: to + pad };
}
/** Puts marker labels in lanes above the plot, left to right, so none overlaps another. */
function placeLabels(groups, font, left, right, maxLanes) {
    const lanes = [];
    const placed = [];
    for (const g of groups) {
        const w = textWidth(g.text, font);
        const startFits = g.x + 3 + w <= right;
        const from = startFits ? g.x + 3 : g.x - 3 - w;
        if (from < left - 2)
            continue;
        const to = from + w;
        let lane = lanes.findIndex((spans) => spans.every(([a, b]) => to + 6 <= a || from >= b + 6));
        if (lane === -1) {
            if (lanes.length >= maxLanes)
                continue;
            lanes.push([]);
            lane = lanes.length - 1;
        }
        lanes[lane].push([from, to]);
        placed.push({
            text: g.text,
            x: startFits ? g.x + 3 : g.x - 3,
            anchor: startFits ? 'start' : 'end',
            lane,
            kind: g.kind,
        });
    }
    return placed;
}
/** The title and description a screen reader announces for a gate's chart. */
function chartText(view, gate) {
    const threshold = formatValue(gate.threshold, gate.unit);
    const title = `${gate.gate}: ${gate.status}${gate.deciding ? ' (deciding gate)' : ''}, threshold ${threshold}`;
    const parts = [];
    parts.push(`${gate.gate} over time from ${clockTime(gate.points[0]?.at ?? view.startedAt)} to ${clockTime(gate.points.at(-1)?.at ?? view.endedAt)} UTC; a breach is a value above ${threshold}${gate.windowMinutes !== null ? ` over ${formatWindow(gate.windowMinutes)}` : ''}.`);
    const breaches = gate.points.filter((p) => p.verdict === 'warn' || p.verdict === 'fail');
    if (breaches.length > 0) {
        parts.push(`In breach ${breaches.length} time${breaches.length === 1 ? '' : 's'}, first at ${clockTime(breaches[0].at)} UTC with ${formatValue(breaches[0].value, gate.unit)}.`);
    }
    else {
        parts.push('Never in breach.');
    }
    if (gate.worst)
        parts.push(`Worst ${formatValue(gate.worst.value, gate.unit)} at ${clockTime(gate.worst.at)} UTC.`);
    if (gate.pollsInconclusive > 0)
        parts.push(`${gate.pollsInconclusive} of ${gate.polls} polls inconclusive (too little or no data).`);
    const decision = view.deciding.find((d) => d.gate === gate.gate);
    if (decision && view.decidedAt !== null)
        parts.push(`Decided at ${clockTime(view.decidedAt)} UTC: ${view.outcome.words.toLowerCase()}.`);
    if (view.rollback && gate.deciding)
        parts.push(`Rollback ran ${clockTime(view.rollback.startedAt)} to ${clockTime(view.rollback.endedAt)} UTC and ${view.rollback.ok ? 'completed' : 'FAILED'}.`);
    return { title, desc: parts.join(' ') };
}
// eslint-disable-next-line max-lines-per-function -- one SVG chart drawn top to bottom
function gateChartSvg(input) {
    const { view, gate, layout } = input;
    const { width: W, height: H, font } = layout;
    const domain = timeDomain(view);
    const values = gate.points.map((p) => p.value).filter((v) => v !== null);
    const { top: yTop, ticks: yTicks } = valueTicks(Math.max(gate.threshold * 1.25, ...values.map((v) => v * 1.08), 1e-9), layout.maxValueTicks);
    const hasNoData = gate.points.some((p) => p.value === null);
    const yLabelWidth = Math.max(...yTicks.map((t) => textWidth(formatNumber(t), font)), hasNoData ? textWidth('no data', font) : 0);
    const left = Math.ceil(yLabelWidth + 10);
    const right = W - 10;
    const sx = (t) => left + ((t - domain.from) / (domain.to - domain.from)) * (right - left);
    const markers = markersFor(view, gate);
    // Labels: one per moment (markers within a few units share one label); re-checks are ticks only.
    const groups = [];
    for (const m of markers) {
        if (m.kind === 'recheck')
            continue;
        const x = sx(m.at);
        const near = groups.find((g) => Math.abs(g.x - x) < 4);
        if (near) {
            if (!near.text.split(' \u00b7 ').includes(m.label))
                near.text = `${near.text} \u00b7 ${m.label}`;
        }
        else
            groups.push({ x, text: m.label, kind: m.kind });
    }
    const laneHeight = font + 4;
    const labels = placeLabels(groups, font, 2, W - 2, 3);
    const lanes = labels.length ? Math.max(...labels.map((l) => l.lane)) + 1 : 0;
    const top = 6 + lanes * laneHeight + (lanes ? 2 : 0);
    // The "no data" row sits under the plot, clear of the y axis's "0" (whose glyphs reach about
    // 0.6 em below the plot's bottom) and above the clock labels.
    const noDataBand = hasNoData ? Math.ceil(font * 1.7) + 4 : 0;
    const noDataBaseline = (b) => b + noDataBand - 2;
    // The clock labels row: tall enough that the y axis's "0" never touches a clock label.
    const bottom = H - Math.ceil(font * 1.7) - 6 - noDataBand;
    const sy = (v) => bottom - (v / yTop) * (bottom - top);
    const out = [];
    const { title, desc } = chartText(view, gate);
    out.push(`<svg class="chart chart-${layout.name}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${input.id}-t ${input.id}-d" font-size="${font}">`, `<title id="${input.id}-t">${escapeXml(title)}</title><desc id="${input.id}-d">${escapeXml(desc)}</desc>`, `<rect class="plot" x="${left}" y="${top}" width="${right - left}" height="${bottom - top}"/>`);
    // Breach zone above the threshold.
    const yThreshold = sy(gate.threshold);
    out.push(`<rect class="breach-zone" x="${left}" y="${top}" width="${right - left}" height="${(yThreshold - top).toFixed(1)}"/>`);
    // Evaluation window at the decision.
    if (gate.deciding && view.decidedAt !== null && gate.windowMinutes !== null) {
        const x1 = Math.max(left, sx(view.decidedAt - gate.windowMinutes * 60_000));
        const x2 = sx(view.decidedAt);
        out.push(`<rect class="eval-window" x="${x1.toFixed(1)}" y="${top}" width="${Math.max(1, x2 - x1).toFixed(1)}" height="${bottom - top}"/>`);
    }
    for (const t of yTicks) {
        const y = sy(t);
        out.push(`<line class="gridline" x1="${left}" x2="${right}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}"/>`);
        out.push(`<text class="tick" x="${left - 5}" y="${(y + font * 0.35).toFixed(1)}" text-anchor="end">${formatNumber(t)}</text>`);
    }
    // As many clock labels as fit side by side with a gap, never more than the layout allows.
    const fit = Math.max(2, Math.floor((right - left) / (textWidth('00:00:00', font) + 16)));
    const { step, ticks } = timeTicks(domain.from, domain.to, Math.min(layout.maxTimeTicks, fit));
    for (const t of ticks) {
        const x = sx(t);
        const label = tickLabel(t, step);
        const half = textWidth(label, font) / 2;
        const cx = Math.min(Math.max(x, half + 1), W - half - 1);
        out.push(`<line class="axis" x1="${x.toFixed(1)}" x2="${x.toFixed(1)}" y1="${bottom}" y2="${bottom + 4}"/>`);
        out.push(`<text class="tick" x="${cx.toFixed(1)}" y="${H - 4}" text-anchor="middle">${label}</text>`);
    }
    if (hasNoData)
        out.push(`<text class="tick nodata" x="${left - 5}" y="${noDataBaseline(bottom).toFixed(1)}" text-anchor="end">no data</text>`);
    // Threshold line and its label, inside the plot on the side away from the data's end.
    out.push(`<line class="threshold" x1="${left}" x2="${right}" y1="${yThreshold.toFixed(1)}" y2="${yThreshold.toFixed(1)}"/>`);
    const thresholdLabel = `threshold ${formatValue(gate.threshold, gate.unit)}`;
    const labelAbove = yThreshold - top > font + 4;
    out.push(`<text class="threshold-label" x="${left + 4}" y="${(labelAbove ? yThreshold - 4 : yThreshold + font + 2).toFixed(1)}">${escapeXml(thresholdLabel)}</text>`);
    // Marker lines (re-checks as short ticks on the axis), then their labels.
    for (const m of markers) {
        const x = sx(m.at).toFixed(1);
        if (m.kind === 'recheck') {
            out.push(`<path class="mk mk-recheck" d="M${x},${bottom} l-3.5,6 h7z"><title>${escapeXml(`re-check at ${clockTime(m.at)}: ${m.detail}`)}</title></path>`);
            continue;
        }
        out.push(`<line class="mk mk-${m.kind}" x1="${x}" x2="${x}" y1="${top}" y2="${bottom}"/>`);
    }
    for (const l of labels)
        out.push(`<text class="mk-label mk-label-${l.kind}" x="${l.x.toFixed(1)}" y="${(6 + l.lane * laneHeight + font).toFixed(1)}" text-anchor="${l.anchor}">${escapeXml(l.text)}</text>`);
    // The series: a line through the values, broken where there is no data.
    const segments = [];
    let pen = false;
    for (const p of gate.points) {
        if (p.value === null) {
            pen = false;
            continue;
        }
        segments.push(`${pen ? 'L' : 'M'}${sx(p.at).toFixed(1)},${sy(Math.min(p.value, yTop)).toFixed(1)}`);
        pen = true;
    }
    if (segments.length)
        out.push(`<path class="series" d="${segments.join(' ')}"/>`);
    for (const p of gate.points) {
        const y = p.value === null ? noDataBaseline(bottom) - font * 0.35 : sy(Math.min(p.value, yTop));
        out.push(pointMark(p, sx(p.at), y));
    }
    out.push('</svg>');
    return out.join('');
}

;// CONCATENATED MODULE: ./src/report/view-model.ts

const hasValue = (p) => p.value !== null;
const OUTCOMES = {
    passed: { words: 'Passed', symbol: '\u2713', emoji: '\u2705', tone: 'ok' },
    alerted: { words: 'Passed with alerts', symbol: '!', emoji: '\u26a0\ufe0f', tone: 'warn' },
    rolled_back: { words: 'Rolled back', symbol: '\u21a9', emoji: '\u21a9\ufe0f', tone: 'bad' },
    rollback_failed: { words: 'Rollback FAILED', symbol: '\u2715', emoji: '\ud83d\uded1', tone: 'critical' },
    inconclusive: { words: 'Inconclusive', symbol: '?', emoji: '\u2754', tone: 'neutral' },
    interrupted: { words: 'Interrupted', symbol: '\u25a0', emoji: '\u23f9\ufe0f', tone: 'neutral' },
    preempted: { words: 'Preempted', symbol: '\u25a0', emoji: '\u23ed\ufe0f', tone: 'neutral' },
    unknown: { words: 'Unknown result', symbol: '?', emoji: '\u2754', tone: 'neutral' },
};
function resultKind(raw) {
    return raw in OUTCOMES ? raw : 'unknown';
}
function toVerdict(v) {
    return v === 'pass' || v === 'warn' || v === 'fail' ? v : 'inconclusive';
}
const isBreach = (v) => v === 'warn' || v === 'fail';
const ms = (iso) => {
    if (!iso)
        return null;
    const t = Date.parse(iso);
    return Number.isFinite(t) ? t : null;
};
function gateView(g, ev, deciding) {
    const points = ev.measurements
        .filter((m) => m.gate === g.gate)
        .map((m) => ({
        at: Date.parse(m.at),
        value: m.value !== null && Number.isFinite(m.value) ? m.value : null,
        verdict: toVerdict(m.verdict),
        kind: m.kind,
        samples: m.samples ?? null,
        reason: m.reason,
    }))
        .sort((a, b) => a.at - b.at);
    // Polls are the scheduled readings and their confirmation re-checks (a re-check can be the
    // reading that decides). Health has its own loop (no poll readings): its checks count.
    const scheduled = points.filter((p) => p.kind === 'poll' || p.kind === 'recheck');
    const polled = scheduled.some((p) => p.kind === 'poll') ? scheduled : points;
    let worst = null;
    for (const p of points)
        if (hasValue(p) && (worst === null || p.value > worst.value))
            worst = p;
    const anyFail = points.some((p) => p.verdict === 'fail');
    const anyWarn = points.some((p) => p.verdict === 'warn');
    const last = points.at(-1) ?? null;
    const status = points.length === 0
        ? 'not measured'
        : anyFail
            ? 'failed'
            : anyWarn
                ? 'breached'
                : last?.verdict === 'inconclusive' || points.every((p) => p.verdict === 'inconclusive')
                    ? 'inconclusive'
                    : 'passed';
    return {
        gate: g.gate,
        unit: g.unit,
        threshold: g.threshold,
        actions: g.actions,
        windowMinutes: g.window_minutes,
        minSamples: g.min_samples,
        source: g.source,
        points,
        status,
        deciding: deciding.has(g.gate),
        last,
        worst,
        polls: polled.length,
        pollsInBreach: polled.filter((p) => isBreach(p.verdict)).length,
        pollsInconclusive: polled.filter((p) => p.verdict === 'inconclusive').length,
        firstBreachAt: points.find((p) => isBreach(p.verdict))?.at ?? null,
    };
}
const STATUS_ORDER = {
    failed: 0,
    breached: 1,
    inconclusive: 2,
    passed: 3,
    'not measured': 4,
};
function decidingSummary(d) {
    const over = d.value === null
        ? `no data (threshold ${formatValue(d.threshold, d.unit)})`
        : `${formatValue(d.value, d.unit)} ${d.value > d.threshold ? '>' : '\u2264'} ${formatValue(d.threshold, d.unit)}`;
    const facts = [];
    facts.push(d.windowMinutes !== null ? `over ${formatWindow(d.windowMinutes)}` : 'instant reading');
    if (d.samples !== null)
        facts.push(`${Math.floor(d.samples)} samples${d.minSamples !== null ? `, at least ${d.minSamples} needed` : ''}`);
    return `${over} (${facts.join(', ')})`;
}
/**
 * The deciding gates: those the monitor named; an inconclusive run without names is decided by
 * the gates that ended without data.
 */
function decidingGateNames(ev, kind) {
    let decidingNames = [...ev.failed_gates];
    // Files before v2 lack without_verdict: read it defensively.
    const withoutVerdict = ev.without_verdict ?? [];
    if (decidingNames.length === 0 && kind === 'inconclusive' && withoutVerdict.length > 0)
        decidingNames = withoutVerdict.map((w) => w.gate);
    if (decidingNames.length === 0 && kind === 'inconclusive') {
        decidingNames = ev.gates
            .map((g) => g.gate)
            .filter((g) => {
            const last = ev.measurements.filter((m) => m.gate === g).at(-1);
            return last?.verdict === 'inconclusive';
        });
    }
    return decidingNames;
}
/** Gate views: deciding first, then by status, then in the config's order. */
function sortedGateViews(ev, decidingSet) {
    const configOrder = new Map(ev.gates.map((g, i) => [g.gate, i]));
    return ev.gates
        .map((g) => gateView(g, ev, decidingSet))
        .sort((a, b) => Number(b.deciding) - Number(a.deciding) ||
        STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
        // every gate view comes from ev.gates, so both are in the map
        (configOrder.get(a.gate) ?? 0) - (configOrder.get(b.gate) ?? 0));
}
function decidingViews(gates, decidedAt, kind) {
    return gates
        .filter((g) => g.deciding)
        .map((g) => {
        // The reading the decision rests on: the last breach up to the decision (its poll round
        // may be stamped a moment before its readings), else the last reading before it.
        const at = decidedAt ?? g.firstBreachAt;
        const upTo = at !== null ? g.points.filter((p) => p.at <= at + 2_000) : g.points;
        const point = upTo.filter((p) => isBreach(p.verdict)).at(-1) ??
            upTo.filter((p) => kind !== 'inconclusive' || p.verdict === 'inconclusive').at(-1) ??
            g.last;
        const base = {
            gate: g.gate,
            value: point?.value ?? null,
            unit: g.unit,
            threshold: g.threshold,
            windowMinutes: g.windowMinutes,
            samples: point?.samples ?? null,
            minSamples: g.minSamples,
            at: point?.at ?? null,
            reason: point?.reason ?? 'not measured',
        };
        return { ...base, summary: decidingSummary(base) };
    });
}
function rollbackView(ev) {
    const rb = ev.rollback;
    return rb
        ? {
            startedAt: Date.parse(rb.started_at),
            endedAt: Date.parse(rb.ended_at),
            durationMs: Date.parse(rb.ended_at) - Date.parse(rb.started_at),
            ok: rb.ok,
            backup: rb.backup ?? null,
            validation: rb.validation?.detail ?? null,
            error: rb.error ?? null,
        }
        : null;
}
/** Which release was watched, which was live before it, and which is live after the run. */
function releaseView(ev, kind) {
    const watched = ev.version ?? null;
    const rollbackTarget = ev.rollback_target ?? null;
    const before = ev.previous_version ?? rollbackTarget?.release ?? null;
    const liveAfter = kind === 'rolled_back' ? before : kind === 'rollback_failed' ? null : kind === 'unknown' ? null : watched;
    return { watched, before, liveAfter };
}
/** The deciding gate, else the one whose worst reading came closest to (or went furthest past) its threshold. */
function focusGate(gates) {
    const byWorstRatio = gates
        .flatMap((g) => (g.worst && g.threshold > 0 ? [{ g, ratio: g.worst.value / g.threshold }] : []))
        .sort((a, b) => b.ratio - a.ratio);
    return gates.find((g) => g.deciding) ?? byWorstRatio.at(0)?.g ?? null;
}
/** The view of one monitoring run. Pure: the same evidence always gives the same view. */
function buildReportView(ev) {
    const kind = resultKind(ev.result);
    const startedAt = Date.parse(ev.started_at);
    const endedAt = Date.parse(ev.ended_at);
    const deployedRaw = ms(ev.deployed_at);
    const deployedAt = deployedRaw ?? startedAt;
    const decisions = ev.decisions.map((d) => ({
        at: Date.parse(d.at),
        kind: d.kind,
        gates: d.gates,
        detail: d.detail,
    }));
    const decidingDecision = decisions.find((d) => /^rollback/.test(d.kind)) ??
        (kind === 'alerted' || kind === 'inconclusive'
            ? decisions.find((d) => d.kind === 'alert' || d.kind === 'inconclusive')
            : undefined);
    const decidedAt = decidingDecision?.at ?? null;
    const gates = sortedGateViews(ev, new Set(decidingGateNames(ev, kind)));
    const deciding = decidingViews(gates, decidedAt, kind);
    const rollback = rollbackView(ev);
    const release = releaseView(ev, kind);
    const { watched, before } = release;
    const markers = buildMarkers(ev, {
        deployedAt,
        deployKnown: deployedRaw !== null,
        startedAt,
        endedAt,
        kind,
        rollback,
        watched,
    });
    return {
        outcome: {
            kind,
            raw: ev.result,
            ...OUTCOMES[kind],
            sentence: outcomeSentence(kind, {
                interrupted: ev.interrupted ?? null,
                watched,
                before,
                environment: ev.environment,
                deciding: deciding.map((d) => d.gate),
                rollback,
                breached: gates.filter((g) => g.status === 'breached' || g.status === 'failed').map((g) => g.gate),
            }),
        },
        environment: ev.environment,
        deploymentId: ev.deployment_id,
        release,
        startedAt,
        endedAt,
        deployedAt,
        deployKnown: deployedRaw !== null,
        decidedAt,
        detectionMs: decidedAt !== null ? decidedAt - deployedAt : null,
        rollback,
        rollbackCommand: ev.rollback_command,
        deciding,
        gates,
        focus: focusGate(gates),
        markers,
        decisions,
        notifications: ev.notifications.map((n) => ({
            at: Date.parse(n.at),
            event: n.event,
            level: n.level,
            delivered: n.delivered,
            detail: n.detail,
        })),
        polls: ev.polls.length,
        plannedPolls: ev.planned_polls.length,
        windowMinutes: ev.monitoring.window_minutes,
        metricsSource: ev.metrics_source,
        files: ev.files,
    };
}
function outcomeSentence(kind, c) {
    const release = c.watched ? `Release ${c.watched}` : 'The release';
    const gates = (names) => names.join(', ');
    switch (kind) {
        case 'passed':
            return `${release} passed every quality gate and stays live on ${c.environment}.`;
        case 'alerted':
            return `${release} stays live on ${c.environment}; alert-only gate${c.breached.length === 1 ? '' : 's'} ${gates(c.breached)} breached.`;
        case 'rolled_back':
            return `${release} failed ${gates(c.deciding) || 'a quality gate'} and was rolled back${c.before ? `; ${c.before} is live again` : ''}.`;
        case 'rollback_failed':
            return `${release} failed ${gates(c.deciding) || 'a quality gate'} and the rollback did NOT complete${c.rollback?.error ? `: ${c.rollback.error}` : ''}. Check what is live now.`;
        case 'inconclusive':
            return `${release} could not be judged: ${gates(c.deciding) || 'gates'} had too little data. It is not a pass.`;
        case 'interrupted':
            return `Monitoring of ${c.watched ?? 'the release'} was interrupted${c.interrupted ? ` by ${c.interrupted.signal}` : ''} before the window ended; no verdict, and ${c.watched ?? 'the release'} is still live.`;
        case 'preempted':
            return `Monitoring of ${c.watched ?? 'the release'} was preempted by another operation before the window ended; no verdict.`;
        default:
            return `The monitor recorded an unknown result.`;
    }
}
/** The deploy (or watch start), the watch start when later, and the change of poll interval. */
function startMarkers(ev, c) {
    const markers = [];
    markers.push({
        at: c.deployedAt,
        kind: 'deploy',
        label: c.deployKnown ? `deploy${c.watched ? ` ${c.watched}` : ''}` : 'watch start',
        gates: [],
        detail: c.deployKnown
            ? `${c.watched ?? 'the release'} went live`
            : 'monitoring started (the deploy just before)',
    });
    if (c.deployKnown && c.startedAt - c.deployedAt >= 1000)
        markers.push({
            at: c.startedAt,
            kind: 'watch_start',
            label: 'watch',
            gates: [],
            detail: 'monitoring started',
        });
    const p = ev.monitoring.poll_intervals;
    const phaseAt = c.startedAt + p.initial_minutes * 60_000;
    if (p.initial_interval_seconds !== p.normal_interval_seconds && phaseAt < c.endedAt)
        markers.push({
            at: phaseAt,
            kind: 'phase',
            label: `polls ${formatDuration(p.initial_interval_seconds * 1000)} \u2192 ${formatDuration(p.normal_interval_seconds * 1000)}`,
            gates: [],
            detail: `polling every ${formatDuration(p.normal_interval_seconds * 1000)} from here (every ${formatDuration(p.initial_interval_seconds * 1000)} before)`,
        });
    return markers;
}
function decisionMarkers(ev, c) {
    const markers = [];
    for (const d of ev.decisions) {
        const at = Date.parse(d.at);
        if (d.kind === 'alert' || d.kind === 'escalation' || d.kind === 'resolved')
            markers.push({ at, kind: d.kind, label: d.kind, gates: d.gates, detail: d.detail });
        else if (d.kind === 'rollback' && c.rollback)
            continue;
        else
            markers.push({
                at,
                kind: 'decision',
                label: d.kind.replace(/_/g, ' '),
                gates: d.gates,
                detail: d.detail,
            });
    }
    return markers;
}
/** Confirmation re-checks: readings between polls that follow or are a breach of the same gate. */
function recheckMarkers(ev) {
    const markers = [];
    const previous = new Map();
    for (const m of ev.measurements) {
        const before = previous.get(m.gate);
        previous.set(m.gate, m.verdict);
        const explicit = /confirm|recheck|re-check/.test(m.kind);
        const breachNearby = before === 'warn' || before === 'fail' || m.verdict === 'warn' || m.verdict === 'fail';
        if (explicit || (m.kind !== 'poll' && breachNearby))
            markers.push({
                at: Date.parse(m.at),
                kind: 'recheck',
                label: 're-check',
                gates: [m.gate],
                detail: `${m.gate}: ${m.reason}`,
            });
    }
    return markers;
}
/** The rollback's start and end, and the end of an interrupted or preempted watch. */
function endMarkers(c) {
    const markers = [];
    if (c.rollback) {
        markers.push({
            at: c.rollback.startedAt,
            kind: 'rollback_start',
            label: 'rollback',
            gates: [],
            detail: `rollback started${c.rollback.backup ? ` from ${c.rollback.backup}` : ''}`,
        });
        markers.push({
            at: c.rollback.endedAt,
            kind: 'rollback_end',
            label: c.rollback.ok ? 'rolled back' : 'rollback failed',
            gates: [],
            detail: c.rollback.ok
                ? `rollback done${c.rollback.validation ? `: ${c.rollback.validation}` : ''}`
                : `rollback failed${c.rollback.error ? `: ${c.rollback.error}` : ''}`,
        });
    }
    if (c.kind === 'interrupted' || c.kind === 'preempted')
        markers.push({ at: c.endedAt, kind: 'end', label: c.kind, gates: [], detail: `monitoring ${c.kind}` });
    return markers;
}
/** The chart's markers in time order (a stable sort: same-time markers keep the order above). */
function buildMarkers(ev, c) {
    const markers = [
        ...startMarkers(ev, c),
        ...decisionMarkers(ev, c),
        ...recheckMarkers(ev),
        ...endMarkers(c),
    ];
    return markers.sort((a, b) => a.at - b.at);
}

;// CONCATENATED MODULE: ./src/report/html-report.ts




/**
 * The self-contained HTML report (inline SVG and CSS, no scripts), ordered for the engineer who
 * reads it in ten seconds: the verdict and its numbers, the table of gates, the deciding gate's
 * chart large, the others as small multiples, then the timeline and the sources.
 */
function renderHtmlReport(ev) {
    return renderReportPage(buildReportView(ev));
}
const e = escapeXml;
/** Status words with the shape the chart uses for the same verdict, so colour is never alone. */
const STATUS_SYMBOL = {
    failed: '\u25a0',
    breached: '\u25b2',
    inconclusive: '\u25cb',
    passed: '\u25cf',
    'not measured': '\u2013',
};
const STATUS_WORDS = {
    failed: 'failed',
    breached: 'alert',
    inconclusive: 'inconclusive',
    passed: 'passed',
    'not measured': 'not measured',
};
function releaseLine(view) {
    const { watched, before, liveAfter } = view.release;
    const w = watched ? `<code>${e(watched)}</code>` : 'the release';
    const b = before ? `<code>${e(before)}</code>` : null;
    switch (view.outcome.kind) {
        case 'rolled_back':
            return `${w} \u2192 rolled back${b ? ` to ${b}` : ''}; live now: ${liveAfter ? `<code>${e(liveAfter)}</code>` : 'the restored backup'}`;
        case 'rollback_failed':
            return `${w} \u2192 rollback <strong>failed</strong>; live release unknown${b ? ` (was ${b})` : ''}`;
        default:
            return `${w} live${b ? ` (before: ${b})` : ''}`;
    }
}
function verdictHeader(view) {
    const o = view.outcome;
    const facts = [];
    facts.push(['Release', releaseLine(view)]);
    for (const d of view.deciding)
        facts.push([
            view.deciding.length > 1 ? `Gate ${e(d.gate)}` : 'Deciding gate',
            `<strong>${e(d.gate)}</strong> ${e(d.summary)}`,
        ]);
    if (view.decidedAt !== null && view.detectionMs !== null)
        facts.push([
            'Detected',
            `${formatDuration(view.detectionMs)} after ${view.deployKnown ? 'deploy' : 'monitoring started'} (${clockTime(view.decidedAt)} UTC)`,
        ]);
    if (view.rollback)
        facts.push([
            'Rollback',
            `${view.rollback.ok ? 'took' : '<strong>FAILED</strong> after'} ${formatDuration(view.rollback.durationMs)} (${clockTime(view.rollback.startedAt)}\u2013${clockTime(view.rollback.endedAt)} UTC)${view.rollback.validation ? `; ${e(view.rollback.validation)}` : ''}${view.rollback.error ? `; ${e(view.rollback.error)}` : ''}`,
        ]);
    if (view.rollbackCommand)
        facts.push(['Roll back', `confirmation required: <code>${e(view.rollbackCommand)}</code>`]);
    facts.push([
        'Window',
        `${clockTime(view.startedAt)}\u2013${clockTime(view.endedAt)} UTC, ${utcDate(view.startedAt)} \u00b7 ${view.polls} of ${view.plannedPolls} polls \u00b7 ${formatWindow(view.windowMinutes)} planned`,
    ]);
    return `<header class="verdict tone-${o.tone}">
<p class="context">dhash rollout report \u00b7 environment <strong>${e(view.environment)}</strong> \u00b7 deployment <code>${e(view.deploymentId)}</code></p>
<h1><span class="badge" aria-hidden="true">${o.symbol}</span><span>${e(o.words)}${view.release.watched ? `: ${e(view.release.watched)}` : ''}</span></h1>
<p class="sentence">${e(o.sentence)}</p>
<dl class="facts">${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>
</header>`;
}
function statusCell(g) {
    return `<span class="st st-${g.status.replace(' ', '-')}"><span aria-hidden="true">${STATUS_SYMBOL[g.status]}</span> ${STATUS_WORDS[g.status]}</span>`;
}
function gateTable(view) {
    const rows = view.gates.map((g) => {
        const cells = [
            ['Last', g.last ? e(formatValue(g.last.value, g.unit)) : '\u2014', true],
            ['Breach when', e(`> ${formatValue(g.threshold, g.unit)}`), true],
            ['Worst', g.worst ? e(formatValue(g.worst.value, g.unit)) : '\u2014', true],
            ['In breach', `${g.pollsInBreach} / ${g.polls}`, true],
            ['Inconclusive', `${g.pollsInconclusive} / ${g.polls}`, true],
        ];
        const status = `${statusCell(g)}${g.deciding ? ' <span class="deciding-tag">deciding</span>' : ''}`;
        // The status is repeated in the row header for the narrow-screen card layout (one shows).
        return `<tr><th scope="row"><span>${e(g.gate)}</span><span class="card-status">${status}</span></th><td class="status" data-label="Status">${status}</td>${cells.map(([label, v, num]) => `<td data-label="${label}"${num ? ' class="num"' : ''}>${v}</td>`).join('')}</tr>`;
    });
    return `<h2 id="gates">All quality gates</h2><table class="gates" aria-labelledby="gates">
<thead><tr><th scope="col">Gate</th><th scope="col">Status</th><th scope="col">Last</th><th scope="col">Breach when</th><th scope="col">Worst</th><th scope="col">Polls in breach</th><th scope="col">Inconclusive polls</th></tr></thead>
<tbody>${rows.join('')}</tbody></table>`;
}
function legend(view) {
    const shape = (cls, d) => `<svg class="key" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">${d.replace('CLS', cls)}</svg>`;
    const items = [
        `${shape('pt pt-pass', '<circle class="CLS" cx="6" cy="6" r="3.6"/>')} pass`,
        `${shape('pt pt-warn', '<path class="CLS" d="M6,1.6 l4.4,8.4 h-8.8z"/>')} alert`,
        `${shape('pt pt-fail', '<rect class="CLS" x="2.4" y="2.4" width="7.2" height="7.2"/>')} fail`,
        `${shape('pt pt-inconclusive', '<circle class="CLS" cx="6" cy="6" r="3.2"/>')} inconclusive / no data`,
        `${shape('threshold', '<line class="CLS" x1="0" x2="12" y1="6" y2="6"/>')} threshold (breach zone above)`,
    ];
    if (view.deciding.some((d) => d.windowMinutes !== null) && view.decidedAt !== null)
        items.push(`${shape('eval-window', '<rect class="CLS" x="0" y="0" width="12" height="12"/>')} evaluation window at the decision`);
    if (view.markers.some((m) => m.kind === 'recheck'))
        items.push(`${shape('mk-recheck', '<path class="CLS" d="M6,4 l-3.5,6 h7z"/>')} confirmation re-check`);
    items.push(`${shape('mk', '<line class="CLS" x1="6" x2="6" y1="0" y2="12"/>')} labelled moments (deploy, polling change, alerts, rollback)`);
    return `<ul class="legend" aria-label="How to read the charts">${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
}
function caption(view, g) {
    const parts = [
        `unit ${e(g.unit)}`,
        `breach when &gt; ${e(formatValue(g.threshold, g.unit))}${g.windowMinutes !== null ? ` over ${formatWindow(g.windowMinutes)}` : ' (instant reading)'}`,
        g.worst
            ? `worst ${e(formatValue(g.worst.value, g.unit))} at ${clockTime(g.worst.at)}`
            : 'no value measured',
        `${g.pollsInBreach} of ${g.polls} polls in breach`,
    ];
    if (g.pollsInconclusive)
        parts.push(`${g.pollsInconclusive} inconclusive`);
    if (g.deciding && view.decidedAt !== null)
        parts.push(`decided at ${clockTime(view.decidedAt)}`);
    return parts.join(' \u00b7 ');
}
function figure(view, g, large) {
    const id = `c-${g.gate.replace(/[^A-Za-z0-9_-]/g, '')}`;
    const heading = `<h3>${e(g.gate)} ${statusCell(g)}${g.deciding ? ' <span class="deciding-tag">deciding</span>' : ''}</h3>`;
    const body = large
        ? `<div class="chart-wide">${gateChartSvg({ view, gate: g, layout: LAYOUTS.wide, id: `${id}-w` })}</div><div class="chart-narrow">${gateChartSvg({ view, gate: g, layout: LAYOUTS.narrow, id: `${id}-n` })}</div>`
        : gateChartSvg({ view, gate: g, layout: LAYOUTS.small, id: `${id}-s` });
    return `<figure class="${large ? 'large' : 'small'}">${heading}${body}<figcaption>${caption(view, g)}</figcaption></figure>`;
}
function charts(view) {
    const large = view.gates.filter((g) => g.deciding || g.status === 'failed');
    const small = view.gates.filter((g) => !large.includes(g));
    const intro = `<p class="files">Clock time in UTC on ${utcDate(view.startedAt)}${utcDate(view.endedAt) !== utcDate(view.startedAt) ? ` to ${utcDate(view.endedAt)}` : ''}; every chart spans the same time.</p>`;
    const parts = [`<h2 id="charts">Gates over time</h2>`, intro, legend(view)];
    if (large.length)
        parts.push(...large.map((g) => figure(view, g, true)));
    if (small.length) {
        if (large.length)
            parts.push(`<h2>Other gates</h2>`);
        parts.push(`<div class="grid">${small.map((g) => figure(view, g, false)).join('')}</div>`);
    }
    return `<section aria-labelledby="charts">${parts.join('\n')}</section>`;
}
function timeline(view) {
    const rows = [];
    const rechecks = view.markers.filter((m) => m.kind === 'recheck');
    for (const m of view.markers)
        if (m.kind !== 'recheck')
            rows.push({ at: m.at, what: m.label, detail: m.detail });
    if (rechecks.length)
        rows.push({
            at: rechecks[0].at,
            what: `re-check${rechecks.length > 1 ? ` \u00d7${rechecks.length}` : ''}`,
            detail: `${clockTime(rechecks[0].at)}\u2013${clockTime(rechecks[rechecks.length - 1].at)}: ${rechecks[rechecks.length - 1].detail}`,
        });
    for (const n of view.notifications)
        rows.push({
            at: n.at,
            what: `notify ${n.event}`,
            detail: `${n.level}; ${n.delivered ? 'delivered' : 'NOT delivered'}: ${n.detail}`,
        });
    rows.sort((a, b) => a.at - b.at);
    return `<section aria-labelledby="timeline"><h2 id="timeline">Timeline</h2>
<table class="timeline"><thead><tr><th scope="col">UTC</th><th scope="col">What</th><th scope="col">Detail</th></tr></thead><tbody>${rows
        .map((r) => `<tr><td>${clockTime(r.at)}</td><td>${e(r.what)}</td><td>${e(r.detail)}</td></tr>`)
        .join('')}</tbody></table></section>`;
}
function sources(view) {
    return `<details><summary>Gate definitions and sources</summary>
<table><thead><tr><th scope="col">Gate</th><th scope="col">Breach when</th><th scope="col">Actions</th><th scope="col">Source</th></tr></thead><tbody>${view.gates
        .map((g) => `<tr><td>${e(g.gate)}</td><td>&gt; ${e(formatValue(g.threshold, g.unit))}${g.windowMinutes !== null ? ` over ${formatWindow(g.windowMinutes)}` : ''}${g.minSamples !== null ? `, at least ${formatNumber(g.minSamples)} samples` : ''}</td><td>${e(g.actions.join(', ') || 'none')}</td><td><code>${e(g.source)}</code></td></tr>`)
        .join('')}</tbody></table></details>
<p class="files">Metrics from ${e(view.metricsSource)}. Evidence: <code>${e(view.files.evidence)}</code> \u00b7 log: <code>${e(view.files.log)}</code></p>`;
}
function renderReportPage(view) {
    const title = `${view.outcome.words}: ${view.release.watched ?? 'release'} on ${view.environment}, ${clockTime(view.startedAt)} UTC ${utcDate(view.startedAt)}`;
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${e(title)} \u2014 dhash rollout</title>
<style>${REPORT_CSS}</style></head>
<body><main>
${verdictHeader(view)}
${gateTable(view)}
${charts(view)}
${timeline(view)}
${sources(view)}
</main></body></html>
`;
}

// EXTERNAL MODULE: ./src/runtime/deployment-id.ts
var deployment_id = __webpack_require__(5291);
// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
// EXTERNAL MODULE: ./src/runtime/exit-codes.ts
var exit_codes = __webpack_require__(8313);
// EXTERNAL MODULE: ./src/runtime/interrupt.ts
var interrupt = __webpack_require__(3731);
// EXTERNAL MODULE: ./src/runtime/logger.ts
var runtime_logger = __webpack_require__(8118);
// EXTERNAL MODULE: ./src/runtime/file-lock.ts
var file_lock = __webpack_require__(482);
// EXTERNAL MODULE: ./src/runtime/preemption.ts
var preemption = __webpack_require__(7317);
// EXTERNAL MODULE: ./src/runtime/log-file-name.ts
var log_file_name = __webpack_require__(6933);
// EXTERNAL MODULE: ./src/runtime/atomic-file.ts
var atomic_file = __webpack_require__(9034);
;// CONCATENATED MODULE: ./src/commands/monitor/notify.ts

/**
 * Sends through the Notifier port and records what really happened. A notifier that is not
 * available, or that throws, never stops the monitor: the message is logged with the reason.
 */
async function sendNotification(notifier, unavailable, message, deps) {
    const at = deps.clock.now();
    const base = { at, event: message.event, level: message.level, title: message.title };
    if (!notifier) {
        deps.logger.warn(`Notification not sent (${unavailable ?? 'no notifier'}): ${message.title}`, {
            event: message.event,
            text: message.text,
        });
        deps.evidence.notifications.push({
            ...base,
            delivered: false,
            detail: `not sent: ${unavailable ?? 'no notifier'}`,
        });
        return false;
    }
    try {
        const report = await notifier.send(message, deps.signal);
        const detail = report.deliveries
            .map((d) => `${d.channel}: ${d.delivered ? 'delivered' : d.fellBack ? `fallback file (${d.error ?? 'failed'})` : `failed (${d.error ?? 'unknown'})`}`)
            .join('; ') || 'no channels';
        deps.logger[report.allDelivered ? 'info' : 'warn'](`Notification ${message.event}: ${report.allDelivered ? 'delivered' : 'not delivered everywhere'}`, {
            title: message.title,
            deliveries: report.deliveries,
        });
        deps.evidence.notifications.push({ ...base, delivered: report.allDelivered, detail });
        return report.allDelivered;
    }
    catch (error) {
        deps.logger.error(`Notification ${message.event} failed: ${(0,errors/* messageOf */.bD)(error)}`, { title: message.title });
        deps.evidence.notifications.push({ ...base, delivered: false, detail: `error: ${(0,errors/* messageOf */.bD)(error)}` });
        return false;
    }
}

;// CONCATENATED MODULE: ./src/commands/monitor/announcer.ts

/**
 * The monitor's one announcer. Messages go out in the background: the poll loop and the
 * rollback never wait for a channel (a hung webhook cannot delay a poll or the start of a
 * rollback). Before the process exits, `drain` awaits what is still being delivered, up to the
 * notification deadline, and records what did not finish.
 */
class Announcer {
    notifier;
    unavailable;
    deps;
    pending = new Set();
    constructor(notifier, unavailable, deps) {
        this.notifier = notifier;
        this.unavailable = unavailable;
        this.deps = deps;
    }
    announce(message) {
        const delivery = sendNotification(this.notifier, this.unavailable, message, this.deps).catch(() => false);
        this.pending.add(delivery);
        void delivery.finally(() => this.pending.delete(delivery));
    }
    get inFlight() {
        return this.pending.size;
    }
    /** Waits for every delivery still under way, at most `deadlineMs`. */
    async drain(deadlineMs) {
        if (this.pending.size === 0)
            return;
        const stop = new AbortController();
        const all = Promise.allSettled([...this.pending]);
        const timedOut = await Promise.race([
            all.then(() => false),
            this.deps.clock.sleep(deadlineMs, stop.signal).then(() => true, () => false),
        ]);
        stop.abort();
        if (timedOut && this.pending.size > 0) {
            this.deps.logger.warn(`${this.pending.size} notification(s) still being delivered after ${Math.round(deadlineMs / 1000)} s; exiting without them (channel fallbacks keep what they could not send)`);
            this.deps.evidence.undeliveredAtExit = this.pending.size;
        }
    }
}

;// CONCATENATED MODULE: ./src/commands/monitor/evidence.ts
/** Everything the monitor saw and did, kept for the evidence file and the report. */
class EvidenceLog {
    polls = [];
    evaluations = [];
    decisions = [];
    notifications = [];
    rollback;
    rollbackCommand;
    rollbackTarget;
    interrupted;
    preempted;
    withoutVerdict = [];
    undeliveredAtExit;
}

// EXTERNAL MODULE: ./src/domain/gates/catalog/quantity.ts
var quantity = __webpack_require__(8902);
;// CONCATENATED MODULE: ./src/domain/gates/catalog/gate-words.ts


/** The module's sentence for a breach of this gate. */
function breachWords(reading) {
    return catalog/* GATE_CATALOG */.UW[reading.gate].wording.breach(reading);
}
/** The module's sentence for the recovery of this gate. */
function recoveryWords(reading) {
    return catalog/* GATE_CATALOG */.UW[reading.gate].wording.recovery(reading);
}
/** For a headline: the module's label, the value and the threshold in its unit ("memory usage 91% (limit 85%)"). */
function headlineWords(reading) {
    const g = catalog/* GATE_CATALOG */.UW[reading.gate];
    return `${g.label} ${(0,quantity/* quantity */.a)(reading.value, g.unit)} (limit ${(0,quantity/* quantity */.a)(reading.threshold, g.unit)})`;
}

;// CONCATENATED MODULE: ./src/commands/monitor/messages.ts

function messages_figure(e) {
    return {
        gate: e.gate,
        verdict: e.verdict,
        value: e.value,
        threshold: e.threshold,
        unit: e.unit,
        detail: e.reason,
    };
}
function minutes(ms) {
    const m = ms / 60_000;
    return m < 1 ? `${Math.round(ms / 1000)} s` : `${m.toFixed(m < 10 ? 1 : 0)} min`;
}
/** The message for an alert-state event; one per event, never one per poll. */
function alertMessage(event, ctx) {
    const e = event.evaluation;
    const common = {
        environment: ctx.environment,
        deploymentId: ctx.deploymentId,
        version: ctx.version,
        links: ctx.links,
        gates: [messages_figure(e)],
    };
    if (event.kind === 'alert') {
        // The breach's alert, escalations and resolution share its incident key (one pager incident per breach).
        return {
            incidentKey: breachKey(ctx, event.gate, e.at),
            ...common,
            event: 'monitoring_alert',
            level: e.verdict === 'fail' ? 'error' : 'warning',
            title: `dhash ${ctx.environment}: quality gate ${event.gate} breached: ${headlineWords(e)}`,
            text: `${breachWords(e)} Verdict: ${e.reason}. Source: ${e.source}.`,
            dedupKey: `${ctx.deploymentId}:monitoring_alert:${event.gate}:${e.at}`,
        };
    }
    if (event.kind === 'resolved') {
        return {
            incidentKey: breachKey(ctx, event.gate, e.at - event.breachedForMs),
            ...common,
            event: 'gate_resolved',
            level: 'info',
            title: `dhash ${ctx.environment}: quality gate ${event.gate} recovered: ${headlineWords(e)}`,
            text: `${recoveryWords(e)} It was in breach for ${minutes(event.breachedForMs)}.`,
            dedupKey: `${ctx.deploymentId}:gate_resolved:${event.gate}:${e.at}`,
        };
    }
    return {
        ...common,
        event: 'escalation',
        level: 'critical',
        title: `dhash ${ctx.environment}: ${event.gate} still breached after ${event.after_minutes} min (escalation ${event.level})`,
        text: `${breachWords(e)} Verdict: ${e.reason}.${event.mention ? ` ${event.mention}, please look.` : ''}`,
        mention: event.mention,
        ...(event.recipients ? { recipients: event.recipients } : {}),
        channels: event.channels,
        incidentKey: breachKey(ctx, event.gate, event.breachStartedAt),
        // Unique per breach and level; the same on a retry or a replay.
        dedupKey: `${ctx.deploymentId}:escalation:${event.gate}:${event.breachStartedAt}:${event.level}`,
    };
}
/** One breach of one gate: where it began identifies it. */
function breachKey(ctx, gate, startedAt) {
    return `${ctx.deploymentId}:breach:${gate}:${startedAt}`;
}
/** One automatic rollback of a deployment: its start triggers a page, its validated end resolves it. */
function rollbackIncidentKey(ctx) {
    return `${ctx.deploymentId}:rollback`;
}
function rollbackStartMessage(failing, backup, ctx) {
    return {
        event: 'rollback_start',
        level: 'critical',
        incidentKey: rollbackIncidentKey(ctx),
        title: `dhash ${ctx.environment}: automatic rollback started`,
        text: `Quality gate${failing.length > 1 ? 's' : ''} ${failing.map((f) => f.gate).join(', ')} failed: ${failing.map(breachWords).join(' ')} Rolling back to ${backup}.`,
        environment: ctx.environment,
        deploymentId: ctx.deploymentId,
        version: ctx.version,
        links: ctx.links,
        gates: failing.map(messages_figure),
    };
}
function rollbackEndMessage(ok, detail, failing, ctx) {
    return {
        event: ok ? 'rollback_success' : 'rollback_failure',
        incidentKey: rollbackIncidentKey(ctx),
        level: ok ? 'warning' : 'critical',
        title: ok
            ? `dhash ${ctx.environment}: rolled back and validated`
            : `dhash ${ctx.environment}: ROLLBACK FAILED`,
        text: ok
            ? `Rolled back after ${failing.join(', ')} failed. ${detail}`
            : `Rollback after ${failing.join(', ')} failed: ${detail}. Manual action needed.`,
        environment: ctx.environment,
        deploymentId: ctx.deploymentId,
        version: ctx.version,
        links: ctx.links,
    };
}
function confirmationMessage(failing, command, ctx) {
    return {
        event: 'monitoring_alert',
        level: 'critical',
        title: `dhash ${ctx.environment}: rollback needed (confirmation required)`,
        text: `Quality gate${failing.length > 1 ? 's' : ''} ${failing.map((f) => f.gate).join(', ')} failed: ${failing.map(breachWords).join(' ')} auto_rollback.confirmation_required is set, so nothing was rolled back. To roll back, run:\n${command}`,
        environment: ctx.environment,
        deploymentId: ctx.deploymentId,
        version: ctx.version,
        links: ctx.links,
        gates: failing.map(messages_figure),
        dedupKey: `${ctx.deploymentId}:rollback_confirmation`,
    };
}
function rollbackCommand(environment, backup) {
    const quoted = backup === null ? 'latest' : /^[\w./:\\-]+$/.test(backup) ? backup : `"${backup.replace(/"/g, '\\"')}"`;
    return `dhash-rollout rollback --env ${environment} --backup ${quoted}`;
}
/** The metrics endpoint (or Prometheus) stopped answering while health passes, or came back. */
function metricsOutageMessage(down, gates, detail, ctx) {
    return {
        event: down ? 'monitoring_alert' : 'gate_resolved',
        level: down ? 'error' : 'info',
        title: down
            ? `dhash ${ctx.environment}: metrics unavailable, ${gates.length} gate(s) cannot be judged`
            : `dhash ${ctx.environment}: metrics available again`,
        text: down
            ? `${detail}. The gates ${gates.join(', ')} have no data: this window cannot pass while it lasts.`
            : `${detail}.`,
        environment: ctx.environment,
        deploymentId: ctx.deploymentId,
        version: ctx.version,
        links: ctx.links,
        dedupKey: `${ctx.deploymentId}:metrics_${down ? 'unavailable' : 'restored'}`,
    };
}
/** The window ended without a verdict for some gates: not a pass. */
function inconclusiveMessage(withoutVerdict, ctx) {
    return {
        event: 'monitoring_alert',
        level: 'error',
        title: `dhash ${ctx.environment}: monitoring INCONCLUSIVE, no verdict for ${withoutVerdict.map((g) => g.gate).join(', ')}`,
        text: `The monitoring window ended without enough data to judge ${withoutVerdict.map((g) => `${g.gate} (${g.reason})`).join('; ')}. This is not a pass: check the metrics pipeline and decide by hand.`,
        environment: ctx.environment,
        deploymentId: ctx.deploymentId,
        version: ctx.version,
        links: ctx.links,
        dedupKey: `${ctx.deploymentId}:monitoring_inconclusive`,
    };
}

;// CONCATENATED MODULE: ./src/commands/monitor/settings.ts


const DEFAULT_FAILURE_LIMIT = 2;
/** Reads an optional key a newer config shape may carry, without typing the whole shape here. */
function optionalNumber(source, key) {
    const value = source?.[key];
    return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}
function gateSection(env, gate) {
    const section = env.quality_gates[gate];
    if (!section)
        return undefined;
    // The seed's shape keeps the numbers under `threshold: {...}`; look there too.
    const threshold = section.threshold;
    return threshold && typeof threshold === 'object' ? { ...section, ...threshold } : section;
}
function monitorSettings(env, rules, poll) {
    const gates = env.quality_gates;
    // The gate is "health" in the seed's shape, "health_check" before it.
    const healthSection = gates.health ?? gateSection(env, 'health_check');
    const healthRule = rules.find((r) => (0,types/* isHealthGate */.I)(r.gate));
    let health = null;
    if (healthRule) {
        const merged = { ...healthSection, ...healthSection?.threshold };
        const confirmS = optionalNumber(merged, 'confirm_interval_seconds') ?? 10;
        health = {
            intervalMs: (optionalNumber(merged, 'check_interval_seconds') ?? confirmS) * 1000,
            confirmIntervalMs: confirmS * 1000,
            timeoutMs: (optionalNumber(merged, 'timeout_seconds') ?? env.service.request_timeout_seconds) * 1000,
            consecutiveFailures: healthRule.threshold,
        };
    }
    const plannedPolls = pollOffsets(poll).length;
    const limits = {};
    for (const rule of rules) {
        if ((0,types/* isHealthGate */.I)(rule.gate))
            continue;
        const section = gateSection(env, rule.gate);
        // The config's normalized model puts the limits on the rule; older shapes keep them in the section.
        const fromRule = rule;
        limits[rule.gate] = {
            failureLimit: Math.max(1, Math.round(fromRule.failureLimit ?? optionalNumber(section, 'failure_limit') ?? DEFAULT_FAILURE_LIMIT)),
            inconclusiveLimit: Math.round(fromRule.inconclusiveLimit ??
                optionalNumber(section, 'inconclusive_limit') ??
                Math.max(1, Math.floor(plannedPolls / 2))),
        };
    }
    const shortestPollMs = Math.min(poll.initialIntervalMs, poll.normalIntervalMs);
    const recheckMs = health?.confirmIntervalMs ?? 10_000;
    return {
        health,
        limits,
        recheckMs: Math.min(recheckMs, shortestPollMs / 2),
        metricTimeoutMs: Math.max(200, Math.min(env.service.request_timeout_seconds * 1000, Math.floor(shortestPollMs * 0.8))),
        autoRollback: {
            enabled: env.auto_rollback.enabled,
            confirmationRequired: env.auto_rollback.confirmation_required,
            timeoutMinutes: env.auto_rollback.rollback_timeout_minutes,
        },
    };
}
/**
 * Worst-case time from a service going down (hung or refusing) to the health gate's breach:
 * it dies just after a check passed; the next check starts one interval later and fails at its
 * deadline at the latest; then `consecutiveFailures` re-checks follow, each starting a confirm
 * interval after the previous one started (or when it ended, if that is later), the last one
 * failing at its deadline. The same in every polling phase, because health has its own timer.
 */
function worstCaseDetectionMs(health) {
    return (health.intervalMs +
        health.consecutiveFailures * Math.max(health.confirmIntervalMs, health.timeoutMs) +
        health.timeoutMs);
}

;// CONCATENATED MODULE: ./src/commands/monitor/plan.ts



function buildPlan(config, rules, source, poll, settings, backup, notifier) {
    const env = config.env;
    const health = settings.health;
    const offsets = pollOffsets(poll);
    const initialPolls = offsets.filter((o) => o < poll.initialMs).length;
    const phases = [
        `${initialPolls} polls every ${poll.initialIntervalMs / 1000} s for the first ${poll.initialMs / 60_000} min`,
        `then every ${poll.normalIntervalMs / 1000} s until ${poll.windowMs / 60_000} min (${offsets.length - initialPolls} more polls, the last at the end of the window)`,
    ];
    return {
        environment: config.envName,
        configSource: config.source,
        metricsSource: source.kind === 'prometheus' && env.metrics_source.type === 'prometheus'
            ? `prometheus (${env.metrics_source.url})`
            : `scrape (${env.service.base_url})`,
        windowMinutes: poll.windowMs / 60_000,
        pollOffsetsSeconds: offsets.map((o) => o / 1000),
        phases,
        health: health
            ? {
                url: source.healthUrl,
                intervalSeconds: health.intervalMs / 1000,
                confirmIntervalSeconds: health.confirmIntervalMs / 1000,
                consecutiveFailures: health.consecutiveFailures,
                timeoutSeconds: health.timeoutMs / 1000,
                worstCaseDetectionSeconds: worstCaseDetectionMs(health) / 1000,
                worstCaseFormula: `check interval ${health.intervalMs / 1000} s + ${health.consecutiveFailures} confirmation re-checks \u00d7 max(confirm interval ${health.confirmIntervalMs / 1000} s, timeout ${health.timeoutMs / 1000} s) + timeout ${health.timeoutMs / 1000} s of the last check`,
            }
            : null,
        recheckSeconds: settings.recheckMs / 1000,
        metricTimeoutSeconds: settings.metricTimeoutMs / 1000,
        gates: rules.map((r) => ({
            gate: r.gate,
            threshold: r.threshold,
            unit: r.unit,
            actions: r.actions,
            verdictOnBreach: r.actions.includes('auto_rollback') ? 'fail' : 'warn',
            windowMinutes: r.windowMs !== undefined ? r.windowMs / 60_000 : undefined,
            minSamples: r.minSamples,
            checkIntervalSeconds: r.checkIntervalMs !== undefined ? r.checkIntervalMs / 1000 : undefined,
            noData: (0,types/* isHealthGate */.I)(r.gate) ? 'a failed check' : r.noData,
            source: source.describe(r),
            failureLimit: settings.limits[r.gate]?.failureLimit,
            inconclusiveLimit: settings.limits[r.gate]?.inconclusiveLimit,
        })),
        autoRollback: {
            enabled: env.auto_rollback.enabled,
            confirmationRequired: env.auto_rollback.confirmation_required,
            timeoutMinutes: env.auto_rollback.rollback_timeout_minutes,
            backup: backup.backup,
            backupSha256: backup.sha256,
            backupRelease: backup.release,
            backupDetail: backup.detail,
        },
        notifications: {
            channels: env.notifications.channels,
            available: notifier.available,
            detail: notifier.detail,
            escalation: env.notifications.escalation.enabled
                ? env.notifications.escalation.levels.map((l) => `after ${l.after_minutes} min${l.mention ? ` ${l.mention}` : ''}${l.channels ? ` via ${l.channels.join(', ')}` : ''}`)
                : [],
        },
    };
}
/** The plan as the CLI prints it. */
function renderPlan(plan) {
    const lines = [
        `Monitoring plan for "${plan.environment}" (config: ${plan.configSource})`,
        `  metrics: ${plan.metricsSource}`,
        `  window: ${plan.windowMinutes} min; ${plan.pollOffsetsSeconds.length} polls: ${plan.phases.join(', ')}`,
        `  poll times (s): ${plan.pollOffsetsSeconds.join(', ')}`,
    ];
    if (plan.health) {
        const h = plan.health;
        lines.push(`  health (own timer, every phase): GET ${h.url} every ${h.intervalSeconds} s, every ${h.confirmIntervalSeconds} s while confirming a failure (deadline ${h.timeoutSeconds} s per check, a refused connection retried once inside it); breach after more than ${h.consecutiveFailures} consecutive failed checks`, `  worst-case detection of a hung or refusing service: ${h.worstCaseDetectionSeconds} s = ${h.worstCaseFormula}`);
    }
    lines.push(`  metric requests: all of a poll at once, deadline ${plan.metricTimeoutSeconds} s each; a first breached reading is re-checked after ${plan.recheckSeconds} s`);
    lines.push('  gates:');
    for (const g of plan.gates) {
        const window = g.windowMinutes !== undefined ? ` over ${g.windowMinutes} min (min ${g.minSamples} samples)` : '';
        const every = g.checkIntervalSeconds !== undefined ? `, checked every ${g.checkIntervalSeconds} s` : '';
        const cmp = (0,types/* isHealthGate */.I)(g.gate)
            ? `> ${g.threshold} consecutive failed checks`
            : `> ${g.threshold}${g.unit === '%' ? '%' : ` ${g.unit}`}${window}`;
        const limits = g.failureLimit !== undefined
            ? `; acts after ${g.failureLimit} breached reading(s) in a row; no verdict after ${g.inconclusiveLimit} readings in a row without data (or more than half)`
            : '';
        lines.push(`    - ${g.gate}: breach when ${cmp}${every} \u2192 ${g.verdictOnBreach} [${g.actions.join(', ') || 'no action'}]; no data: ${g.noData}${limits}`);
        lines.push(`        ${g.source}`);
    }
    const ar = plan.autoRollback;
    lines.push(`  auto rollback: ${ar.enabled ? (ar.confirmationRequired ? 'enabled, needs confirmation (the rollback command is printed, nothing is rolled back)' : 'enabled') : 'disabled (fail verdicts alert only)'}; timeout ${ar.timeoutMinutes} min`, `  rollback would restore: ${ar.backup ?? '(none)'}${ar.backupSha256 ? ` sha256 ${ar.backupSha256}` : ''}${ar.backupRelease ? ` (release ${ar.backupRelease})` : ''} \u2014 ${ar.backupDetail}`, `  notifications: ${plan.notifications.channels.join(', ') || '(no channels)'} \u2014 ${plan.notifications.detail}`);
    if (plan.notifications.escalation.length)
        lines.push(`  escalation: ${plan.notifications.escalation.join('; ')}`);
    return lines.join('\n');
}

// EXTERNAL MODULE: ./src/domain/gates/decider.ts + 2 modules
var decider = __webpack_require__(2777);
;// CONCATENATED MODULE: ./src/commands/monitor/clock-timeout.ts
/** An AbortSignal that fires after `ms` on the injected clock (so virtual time can expire it). */
function clockTimeout(clock, ms, parent, reason = `timed out after ${ms} ms`) {
    const controller = new AbortController();
    const stop = new AbortController();
    clock.sleep(ms, stop.signal).then(() => {
        controller.abort(new Error(reason));
    }, () => undefined);
    const onParent = () => {
        controller.abort(parent?.reason);
    };
    parent?.addEventListener('abort', onParent, { once: true });
    return {
        signal: controller.signal,
        cancel: () => {
            stop.abort();
            parent?.removeEventListener('abort', onParent);
        },
    };
}

;// CONCATENATED MODULE: ./src/commands/monitor/rollback.ts



/** The critical log line and the start notification (sent in the background). */
function announceRollbackStart(run) {
    const { ctx, failing, gates, backup } = run;
    const { target } = ctx;
    ctx.logger.critical(`Automatic rollback: ${gates.join(', ')} failed; restoring ${backup ?? '(no backup)'}${target.sha256 ? ` (sha256 ${target.sha256})` : ''}, release ${target.release ?? 'unknown'}`, { gates, backup, sha256: target.sha256, release: target.release, selection: target.detail });
    ctx.announcer.announce(rollbackStartMessage(failing, backup ? `${backup} (release ${target.release ?? 'unknown'})` : '(no backup)', ctx.messages));
}
/** The outcome: logged, announced (resolving the paged breaches when it succeeded), and recorded. */
function finishRollback(run, record) {
    const { ctx, gates } = run;
    const full = { startedAt: run.startedAt, endedAt: ctx.clock.now(), sha256: ctx.target.sha256, ...record };
    const detail = record.ok
        ? `Restored ${record.restored ?? record.backup ?? 'the backup'} (release ${record.liveRelease ?? 'unknown'} live); ${record.validation?.detail ?? ''}`.trim()
        : (record.error ?? 'unknown error');
    if (record.ok)
        ctx.logger.warn(`Rollback completed and validated: ${detail}`, { rollback: full });
    else
        ctx.logger.critical(`Rollback FAILED: ${detail}`, { rollback: full });
    ctx.announcer.announce({
        ...rollbackEndMessage(record.ok, detail, gates, ctx.messages),
        ...(record.ok && ctx.openBreaches?.length
            ? { resolves: ctx.openBreaches.map((b) => breachKey(ctx.messages, b.gate, b.since)) }
            : {}),
    });
    return full;
}
/** The runner and the backup it must restore, or why the rollback is not possible. */
function rollbackPrerequisites(run) {
    const { ports, target } = run.ctx;
    const runner = ports.rollback.port;
    if (!runner)
        return { impossible: `rollback is not possible: ${ports.rollback.unavailable ?? 'no rollback runner'}` };
    if (!run.backup)
        return { impossible: `rollback is not possible: no backup to restore (${target.detail})` };
    return { runner, backup: run.backup };
}
/** Restores the chosen backup, checks the live release, validates: within the deadline's signal. */
async function restoreAndCheck(run, runner, backup, signal) {
    const { ctx, gates } = run;
    const { ports, target } = ctx;
    const validator = ports.validator.port;
    const outcome = await runner.rollback({
        environment: ctx.messages.environment,
        backup,
        expectedSha256: target.sha256 ?? undefined,
        failedRelease: ctx.watchedRelease,
        announce: false,
        reason: `quality gate${gates.length > 1 ? 's' : ''} ${gates.join(', ')} failed`,
        deploymentId: ctx.messages.deploymentId,
        // The monitor validates itself below when it has a validator; otherwise the runner does.
        skipValidation: validator !== null,
        signal,
    });
    signal.throwIfAborted();
    const liveRelease = outcome.toRelease ?? (await runner.liveRelease?.().catch(() => null)) ?? null;
    if (!outcome.ok)
        return finishRollback(run, {
            ok: false,
            backup,
            restored: outcome.restored,
            liveRelease,
            error: outcome.error ?? 'the rollback reported failure',
        });
    // The restore must have put the backup's release back, and the failed one must be gone.
    const wrongRelease = (target.release !== null && liveRelease !== null && liveRelease !== target.release) ||
        (ctx.watchedRelease !== null && liveRelease === ctx.watchedRelease);
    if (wrongRelease)
        return finishRollback(run, {
            ok: false,
            backup,
            restored: outcome.restored,
            liveRelease,
            error: `restored ${backup} but release ${liveRelease} is live (expected ${target.release ?? "the backup's release"}${ctx.watchedRelease ? `, not ${ctx.watchedRelease}` : ''})`,
        });
    let validation = outcome.validation;
    if (validator)
        validation = await validator.validate({ signal });
    if (!validation)
        validation = { ok: false, detail: `not validated: ${ports.validator.unavailable ?? 'no validator'}` };
    signal.throwIfAborted();
    return finishRollback(run, {
        ok: validation.ok,
        backup,
        restored: outcome.restored,
        liveRelease,
        validation,
        error: validation.ok
            ? undefined
            : `restored ${outcome.restored ?? backup} but validation failed: ${validation.detail}`,
    });
}
/**
 * The automatic rollback, in the order the runbook gives: a critical notification (sent in the
 * background, so the restore starts at once), the restore of exactly the backup chosen when the
 * watch began, a check that the live release is the backup's, a validation, and the outcome
 * notification \u2014 all inside rollback_timeout_minutes. The monitor is the one layer that
 * announces it; the rollback use-case is asked to stay silent.
 *
 * A signal (SIGINT/SIGTERM) does not abort a rollback under way: the restore completes or is
 * left to its journal, never half-done by us.
 */
async function runAutomaticRollback(failing, ctx) {
    const run = {
        ctx,
        failing,
        gates: failing.map((f) => f.gate),
        startedAt: ctx.clock.now(),
        backup: ctx.target.backup,
    };
    announceRollbackStart(run);
    const ready = rollbackPrerequisites(run);
    if ('impossible' in ready)
        return finishRollback(run, { ok: false, backup: run.backup, error: ready.impossible });
    const timeoutMs = ctx.timeoutMinutes * 60_000;
    const deadline = clockTimeout(ctx.clock, timeoutMs, undefined, `rollback did not finish within rollback_timeout_minutes (${ctx.timeoutMinutes} min)`);
    try {
        return await restoreAndCheck(run, ready.runner, ready.backup, deadline.signal);
    }
    catch (error) {
        const message = deadline.signal.aborted ? (0,errors/* messageOf */.bD)(deadline.signal.reason) : (0,errors/* messageOf */.bD)(error);
        return finishRollback(run, { ok: false, backup: run.backup, error: message });
    }
    finally {
        deadline.cancel();
    }
}

;// CONCATENATED MODULE: ./src/commands/monitor/watch.ts






/** How often a running monitor looks for a manual rollback's request to stop. */
const PREEMPTION_CHECK_MS = 5_000;
/** Passes go to the file only (DEBUG); anything else is worth a line on the console too. */
function levelFor(e) {
    if (e.verdict === 'fail')
        return 'ERROR';
    if (e.verdict === 'warn')
        return 'WARN';
    if (e.verdict === 'inconclusive')
        return (0,types/* isHealthGate */.I)(e.gate) || e.confirming ? 'WARN' : 'INFO';
    return 'DEBUG';
}
/** Sleeps until `at` on the clock; false when the signal stopped the wait. */
async function sleepUntil(clock, at, signal) {
    const wait = at - clock.now();
    if (signal.aborted)
        return false;
    if (wait <= 0)
        return true;
    try {
        await clock.sleep(wait, signal);
        return true;
    }
    catch {
        return false;
    }
}
/**
 * The monitoring loops. Health runs on its own timer (every check interval, and every confirm
 * interval while a failure is being confirmed), never behind a metric request. Metric gates are
 * measured at the poll times, all requests of a poll at once with a deadline below the poll
 * interval, so polls keep their schedule; a first breached reading is re-checked after the
 * re-check delay instead of waiting for the next poll. Every reading goes through one
 * MonitorDecider, whose steps are the evidence. Notifications go out in the background.
 */
async function watch(ctx) {
    const run = new WatchRun(ctx);
    await run.runLoops();
    return run.finish();
}
/** One watch's shared state: the decider, the stop signal, and what the loops have seen so far. */
class WatchRun {
    ctx;
    metricRules;
    decider;
    stop = new AbortController();
    loopSignal;
    endAt;
    decided = { failing: null };
    confirmationSent = false;
    lastProgressLog;
    outageStreak = 0;
    outageAlerted = false;
    pendingRechecks = [];
    constructor(ctx) {
        this.ctx = ctx;
        const { rules, settings } = ctx;
        this.metricRules = rules.filter((r) => !(0,types/* isHealthGate */.I)(r.gate));
        this.decider = new decider/* MonitorDecider */.z({
            rules: rules.map((r) => ({ ...r, ...settings.limits[r.gate] })),
            autoRollback: settings.autoRollback,
            escalation: ctx.escalation,
        });
        const signals = [this.stop.signal, ...(ctx.signal ? [ctx.signal] : [])];
        this.loopSignal = AbortSignal.any(signals);
        this.endAt = ctx.pollTimes[ctx.pollTimes.length - 1] ?? ctx.startedAt;
        this.lastProgressLog = ctx.startedAt;
    }
    // A call, so a check after an await reads the current value (the compiler would keep the
    // narrowing of the loop condition across it).
    rollbackDecided() {
        return this.decided.failing !== null;
    }
    /** Health and polls until the window is over (or a rollback, a signal or a preemption stops them). */
    async runLoops() {
        await Promise.all([
            Promise.all([this.healthLoop(), this.pollLoop()]).finally(() => {
                this.stop.abort(new Error('window over'));
            }),
            this.preemptLoop(),
        ]);
    }
    /** Records one step of the decider: evidence, log line, alerts, and what it asks to be done. */
    record(step, kind, scheduledAt, measuredAt, extra) {
        const { ctx } = this;
        const { evidence, logger } = ctx;
        const e = step.evaluation;
        evidence.evaluations.push({ ...e, kind, scheduledAt, measuredAt, ...extra });
        logger.log(levelFor(e), `Quality gate ${e.gate}: ${e.verdict}`, {
            gate: e.gate,
            verdict: e.verdict,
            value: e.value,
            threshold: e.threshold,
            unit: e.unit,
            samples: e.samples,
            reason: e.reason,
            source: e.source,
            ...(e.confirming ? { confirming: e.confirming } : {}),
            ...(extra.warnings ? { warnings: extra.warnings } : {}),
        });
        evidence.decisions.push(...step.decisions);
        for (const event of step.events)
            ctx.announcer.announce(alertMessage(event, ctx.messages));
        const failing = step.act?.failing ?? [];
        if (step.act?.kind === 'confirm')
            this.askForConfirmation(failing);
        if (step.act?.kind === 'rollback') {
            this.decided.failing = failing;
            this.stop.abort(new Error('rollback decided'));
        }
        if (step.decisions.some((d) => d.kind === 'rollback_disabled'))
            logger.warn(`Gate ${failing.map((f) => f.gate).join(', ') || e.gate} failed; auto_rollback is disabled for ${ctx.messages.environment}, so this is an alert only`);
        this.progress();
    }
    /** A rollback that needs confirmation: log and announce the command an operator should run. */
    askForConfirmation(failing) {
        const { ctx } = this;
        this.confirmationSent = true;
        const command = rollbackCommand(ctx.messages.environment, ctx.rollbackTarget.backup);
        ctx.evidence.rollbackCommand = command;
        ctx.logger.critical(`Rollback needed, confirmation required. Run: ${command}`, {
            gates: failing.map((f) => f.gate),
            command,
        });
        ctx.announcer.announce(confirmationMessage(failing, command, ctx.messages));
    }
    progress() {
        const { ctx } = this;
        const now = ctx.clock.now();
        const snapshot = {
            elapsedMs: now - ctx.startedAt,
            remainingMs: Math.max(0, this.endAt - now),
            polls: ctx.evidence.polls.length,
            gates: ctx.rules.map((r) => {
                const e = this.decider.latest.get(r.gate);
                return { gate: r.gate, verdict: e?.verdict ?? 'pending', value: e?.value ?? null, unit: r.unit };
            }),
        };
        ctx.onProgress?.(snapshot);
        if (now - this.lastProgressLog >= ctx.progressEveryMs) {
            this.lastProgressLog = now;
            ctx.logger.info(`Progress: ${Math.ceil(snapshot.remainingMs / 60_000)} min left; ${snapshot.gates.map((g) => `${g.gate} ${g.verdict}`).join(', ')}`, { progress: snapshot });
        }
    }
    judgeMeasurements(measurements, kind, scheduledAt, measuredAt) {
        const at = this.ctx.clock.now();
        const recheck = [];
        for (const m of measurements) {
            if (this.decided.failing)
                break;
            const step = this.decider.metric(m, at);
            this.record(step, kind, scheduledAt, measuredAt, {
                inputs: m.inputs,
                error: m.error,
                detail: m.detail,
                warnings: m.warnings,
            });
            if (m.warnings)
                for (const w of m.warnings)
                    this.ctx.logger.warn(`Metrics of ${m.gate}: ${w}`);
            if (step.evaluation.confirming)
                recheck.push(m.gate);
        }
        return recheck;
    }
    /** A metric endpoint failing while health passes is announced after two polls in a row. */
    watchOutage(measurements, at) {
        const { evidence, logger, announcer, messages } = this.ctx;
        const errors = [
            ...new Set(measurements.flatMap((m) => (m.error !== undefined && m.value === null ? [m.error] : []))),
        ];
        if (errors.length > 0) {
            this.outageStreak++;
            if (this.outageStreak >= 2 && !this.outageAlerted) {
                this.outageAlerted = true;
                const gates = measurements.filter((m) => m.error).map((m) => m.gate);
                const detail = `${this.outageStreak} polls in a row without metrics: ${errors.join('; ')}`;
                evidence.decisions.push({ at, kind: 'metrics_unavailable', gates, detail });
                logger.error(`Metrics unavailable: ${detail}`, { gates });
                announcer.announce(metricsOutageMessage(true, gates, detail, messages));
            }
        }
        else {
            if (this.outageAlerted) {
                const detail = `metrics are answering again after ${this.outageStreak} polls without`;
                evidence.decisions.push({ at, kind: 'metrics_restored', gates: [], detail });
                logger.info(`Metrics restored: ${detail}`);
                announcer.announce(metricsOutageMessage(false, [], detail, messages));
            }
            this.outageStreak = 0;
            this.outageAlerted = false;
        }
    }
    async healthLoop() {
        const { ctx, loopSignal } = this;
        const { clock, source } = ctx;
        const health = ctx.settings.health;
        if (!health)
            return;
        let next = ctx.startedAt;
        while (next <= this.endAt && !loopSignal.aborted && !this.decided.failing) {
            if (!(await sleepUntil(clock, next, loopSignal)))
                return;
            const started = clock.now();
            let check;
            try {
                check = await source.checkHealth(loopSignal);
            }
            catch {
                return; // stopped
            }
            if (this.rollbackDecided() || ctx.signal?.aborted)
                return;
            const step = this.decider.health(check, `GET ${source.healthUrl}`, clock.now());
            this.record(step, 'health', next, started, {
                health: { ok: check.ok, detail: check.detail, attempts: check.attempts },
            });
            // Keep the cadence from the start of the check, not its end; re-check fast while failing.
            next = started + (check.ok ? health.intervalMs : health.confirmIntervalMs);
            if (next < clock.now())
                next = clock.now();
        }
    }
    async measure(gates, scheduledAt, kind) {
        const { ctx } = this;
        const measuredAt = ctx.clock.now();
        let measurements;
        try {
            measurements = await ctx.source.measure(gates, {
                now: measuredAt,
                startedAt: ctx.startedAt,
                signal: this.loopSignal,
                timeoutMs: ctx.settings.metricTimeoutMs,
            });
        }
        catch {
            return null; // stopped
        }
        if (ctx.signal?.aborted)
            return null;
        const recheck = this.judgeMeasurements(measurements, kind, scheduledAt, measuredAt);
        this.pendingRechecks = recheck;
        return measurements;
    }
    async pollLoop() {
        const { ctx, loopSignal, metricRules } = this;
        const { clock, evidence } = ctx;
        const lastMeasured = new Map();
        for (let i = 0; i < ctx.pollTimes.length; i++) {
            const scheduled = ctx.pollTimes[i] ?? this.endAt;
            if (!(await sleepUntil(clock, scheduled, loopSignal)))
                return;
            const started = clock.now();
            evidence.polls.push({ scheduledAt: scheduled, startedAt: started });
            const due = metricRules.filter((r) => isGateDue(r.checkIntervalMs, lastMeasured.get(r.gate), started));
            if (due.length === 0)
                continue;
            for (const r of due)
                lastMeasured.set(r.gate, started);
            const measurements = await this.measure(due, scheduled, 'poll');
            if (!measurements)
                return;
            this.watchOutage(measurements, clock.now());
            if (!(await this.recheckBefore(ctx.pollTimes[i + 1] ?? this.endAt)))
                return;
            this.pendingRechecks = [];
        }
    }
    /** Confirmation re-checks of first breached readings, while there is time before the next poll;
     * false when the watch was stopped. */
    async recheckBefore(nextPoll) {
        const { ctx, loopSignal, metricRules } = this;
        const { clock, settings } = ctx;
        while (this.pendingRechecks.length > 0 && !this.decided.failing) {
            const at = clock.now() + settings.recheckMs;
            if (at + settings.metricTimeoutMs > nextPoll)
                break;
            const gates = metricRules.filter((r) => this.pendingRechecks.includes(r.gate));
            if (!(await sleepUntil(clock, at, loopSignal)))
                return false;
            if (!(await this.measure(gates, at, 'recheck')))
                return false;
        }
        return true;
    }
    async preemptLoop() {
        const { ctx, loopSignal } = this;
        const { clock, evidence, logger } = ctx;
        if (!ctx.preemption)
            return;
        while (await sleepUntil(clock, clock.now() + PREEMPTION_CHECK_MS, loopSignal)) {
            const request = ctx.preemption();
            if (!request)
                continue;
            evidence.preempted = {
                reason: request.reason,
                by: `pid ${request.pid} on ${request.host}`,
                requestedAt: request.at,
                at: clock.now(),
            };
            evidence.decisions.push({
                at: clock.now(),
                kind: 'preempted',
                gates: [],
                detail: `a manual rollback took over (${request.reason}); monitoring stopped, nothing rolled back by the monitor`,
            });
            logger.warn(`Monitoring preempted by a manual rollback (${request.reason}): stopping the watch`, {
                preempted: evidence.preempted,
            });
            this.stop.abort(new Error('preempted'));
            return;
        }
    }
    /** After the loops: notes an interruption, and runs (or, when interrupted, only names) a decided rollback. */
    async finish() {
        const { ctx } = this;
        const { clock, logger, evidence } = ctx;
        const interruption = (0,interrupt/* interruptionOf */.nS)(ctx.signal);
        const interrupted = !!ctx.signal?.aborted;
        if (interrupted) {
            const name = interruption?.signalName ?? 'abort';
            evidence.interrupted = { signal: name, at: clock.now() };
            logger.warn(`Monitoring interrupted by ${name}: writing the evidence and the report`, { signal: name });
        }
        const outcome = {
            decider: this.decider,
            rollbackGates: [],
            confirmationSent: this.confirmationSent,
            interrupted,
            preempted: !!evidence.preempted,
            polls: evidence.polls.length,
        };
        const failing = this.decided.failing;
        if (!failing)
            return outcome;
        // A rollback decided in the same instant as a preemption: the operator's rollback wins.
        if (evidence.preempted)
            return outcome;
        outcome.rollbackGates = failing.map((f) => f.gate);
        if (interrupted) {
            this.noteRollbackNotStarted(outcome.rollbackGates);
            return outcome;
        }
        outcome.rollback = await runAutomaticRollback(failing, {
            clock,
            logger,
            ports: ctx.ports,
            announcer: ctx.announcer,
            messages: ctx.messages,
            timeoutMinutes: ctx.settings.autoRollback.timeoutMinutes,
            target: ctx.rollbackTarget,
            watchedRelease: ctx.watchedRelease,
            openBreaches: this.decider.openBreaches(),
        });
        evidence.rollback = outcome.rollback;
        return outcome;
    }
    /** The signal came first: no rollback starts after it. Say what an operator should run. */
    noteRollbackNotStarted(gates) {
        const { ctx } = this;
        const command = rollbackCommand(ctx.messages.environment, ctx.rollbackTarget.backup);
        ctx.evidence.rollbackCommand = command;
        ctx.evidence.decisions.push({
            at: ctx.clock.now(),
            kind: 'rollback_not_started',
            gates,
            detail: `interrupted before the rollback started; to roll back run: ${command}`,
        });
        ctx.logger.critical(`Rollback was decided but not started (interrupted). Run: ${command}`);
    }
}

// EXTERNAL MODULE: ./src/commands/monitor/ports.ts
var ports = __webpack_require__(811);
;// CONCATENATED MODULE: ./src/commands/monitor.ts


























const EXIT_CODES = {
    preempted: exit_codes/* ExitCode */.y.preempted,
    passed: exit_codes/* ExitCode */.y.ok,
    alerted: exit_codes/* ExitCode */.y.alerted,
    inconclusive: exit_codes/* ExitCode */.y.inconclusive,
    rolled_back: exit_codes/* ExitCode */.y.rolledBack,
    rollback_failed: exit_codes/* ExitCode */.y.rollbackFailed,
    dry_run: exit_codes/* ExitCode */.y.ok,
};
const NO_PORTS = {
    notifier: { port: null, unavailable: 'no notifier was given' },
    rollback: { port: null, unavailable: 'no rollback runner was given' },
    validator: { port: null, unavailable: 'no validator was given' },
};
/** File names of one run: the log, and next to it the evidence and the report. */
function monitorFiles(logDir, environment, startedAt) {
    const base = (0,external_node_path_.join)(logDir, (0,log_file_name/* logFileName */.E)('dhash', environment, startedAt).replace(/\.log$/, ''));
    return { log: `${base}.log`, evidence: `${base}.evidence.json`, report: `${base}.report.html` };
}
/** The backup a rollback of this run would restore, chosen once, when the watch begins. */
async function chooseRollbackTarget(ports, environment, selection) {
    const runner = ports.rollback.port;
    if (!runner)
        return {
            backup: null,
            sha256: null,
            release: null,
            detail: `unknown: ${ports.rollback.unavailable ?? 'no rollback runner'}`,
        };
    try {
        const plan = await runner.plan(environment, selection);
        return {
            backup: plan.backup,
            sha256: plan.sha256 ?? (selection.kind === 'backup' ? (selection.sha256 ?? null) : null),
            release: plan.release ?? null,
            detail: plan.detail,
        };
    }
    catch (error) {
        return {
            backup: null,
            sha256: null,
            release: null,
            detail: `could not be determined: ${(0,errors/* messageOf */.bD)(error)}`,
        };
    }
}
/**
 * `monitor`: watch a fresh deployment for the configured window, judge the quality gates, alert
 * on breaches and roll back on a failing auto_rollback gate. Dry-run prints the plan (and with
 * `probe` one real measurement) and never notifies or rolls back.
 */
async function runMonitor(options, deps) {
    const run = openRun(options, deps);
    const choice = await chooseRollback(run);
    if (options.dryRun)
        return dryRun(run, choice.rollbackTarget);
    const pollTimes = pollOffsets(run.poll).map((o) => run.startedAt + o);
    announceStart(run, pollTimes, choice);
    return watchHoldingLock(run, pollTimes, choice);
}
/** Checks the window, then builds the run's files, logger, rules, metric source and ports. */
function openRun(options, deps) {
    const { config } = options;
    const { clock } = deps;
    // Front ends parse the option (src/options/values.ts); a caller in code gets the same bound.
    const windowProblem = options.windowMinutes === undefined ? null : (0,bounds/* windowMinutesProblem */.n3)(options.windowMinutes);
    if (windowProblem)
        throw new errors/* UsageError */.eb(`window-minutes: ${windowProblem}, got ${options.windowMinutes}`);
    const startedAt = clock.now();
    const files = monitorFiles(options.logDir, config.envName, startedAt);
    const deploymentId = options.deploymentId ?? (0,deployment_id/* newDeploymentId */.X)(config.envName, startedAt, deps.env ?? {});
    const logger = new runtime_logger/* JsonLinesLogger */.Qk(clock, [new runtime_logger/* JsonFileSink */.m7(files.log), ...(deps.sinks ?? [])], config.redactor, {
        environment: config.envName,
        deployment_id: deploymentId,
    });
    const rules = gateRules(config.env.quality_gates);
    const poll = pollPlanFrom(config.env.monitoring, options.windowMinutes);
    const settings = monitorSettings(config.env, rules, poll);
    const source = deps.metrics(config.env, rules, clock);
    const ports = deps.ports?.(logger) ?? NO_PORTS;
    const messages = {
        environment: config.envName,
        deploymentId,
        version: options.version,
        links: { run: options.runUrl, logs: files.log, report: options.dryRun ? undefined : files.report },
    };
    const base = {
        environment: config.envName,
        deploymentId,
        dryRun: !!options.dryRun,
        logPath: files.log,
        startedAt: new Date(startedAt).toISOString(),
    };
    return {
        options,
        deps,
        config,
        clock,
        startedAt,
        files,
        deploymentId,
        logger,
        rules,
        poll,
        settings,
        source,
        ports,
        messages,
        base,
    };
}
/** The release being watched (given, or asked of the rollback runner) and the backup a rollback would restore. */
async function chooseRollback(run) {
    const { options, ports } = run;
    const watchedRelease = options.version ??
        (ports.rollback.port?.liveRelease ? await ports.rollback.port.liveRelease().catch(() => null) : null);
    const selection = options.rollbackTo ?? {
        kind: 'auto',
        watchedRelease,
        notAfterMs: run.startedAt,
    };
    const rollbackTarget = await chooseRollbackTarget(ports, run.config.envName, selection);
    return { watchedRelease, rollbackTarget };
}
/** Dry run: logs the plan (and with `probe` one real measurement); nothing is notified or rolled back. */
async function dryRun(run, rollbackTarget) {
    const { config, rules, source, poll, settings, ports, logger, options, clock } = run;
    const notifier = ports.notifier.port
        ? { available: true, detail: 'dry-run: messages are rendered into the log, not sent' }
        : { available: false, detail: `not available: ${ports.notifier.unavailable}` };
    const plan = buildPlan(config, rules, source, poll, settings, rollbackTarget, notifier);
    logger.debug('Dry run: monitoring plan', { plan });
    let probe;
    if (options.probe)
        probe = await probeOnce(rules, source, clock, run.startedAt, run.deps.signal);
    for (const e of probe ?? [])
        logger.info(`Quality gate ${e.gate}: ${e.verdict}`, {
            probe: true,
            value: e.value,
            threshold: e.threshold,
            reason: e.reason,
            source: e.source,
        });
    return {
        ...run.base,
        result: 'dry_run',
        exitCode: exit_codes/* ExitCode */.y.ok,
        failedGates: [],
        evidencePath: null,
        reportPath: null,
        endedAt: new Date(clock.now()).toISOString(),
        polls: 0,
        gates: probe ?? [],
        decisions: [],
        plan,
        probe,
        rollbackTarget,
    };
}
/** Logs what will be watched, and warns about each port that is not available. */
function announceStart(run, pollTimes, choice) {
    const { config, poll, source, rules, settings, logger, ports } = run;
    const { rollbackTarget, watchedRelease } = choice;
    logger.info(`Monitoring ${config.envName} for ${poll.windowMs / 60_000} min (${pollTimes.length} polls, source ${source.kind}); a rollback would restore ${rollbackTarget.backup ?? '(none)'}`, {
        gates: rules.map((r) => ({
            gate: r.gate,
            threshold: r.threshold,
            unit: r.unit,
            actions: r.actions,
            source: source.describe(r),
            ...settings.limits[r.gate],
        })),
        health: settings.health,
        auto_rollback: config.env.auto_rollback,
        rollback_target: rollbackTarget,
        watched_release: watchedRelease,
    });
    for (const [name, slot] of Object.entries(ports)) {
        if (!slot.port)
            logger.warn(`${name} not available: ${slot.unavailable}`);
    }
}
/** Holds the monitor lock (when there is a state dir) while watching and recording the outcome. */
async function watchHoldingLock(run, pollTimes, choice) {
    const { config, logger, deploymentId, startedAt } = run;
    const evidence = new EvidenceLog();
    evidence.rollbackTarget = choice.rollbackTarget;
    const stateDir = run.options.stateDir;
    const monitorLock = stateDir
        ? (0,preemption/* holdMonitorLock */.fH)(stateDir, config.envName, `monitor ${deploymentId}`, new Date(startedAt))
        : null;
    if (monitorLock?.otherMonitor)
        logger.warn(`Another monitor is watching ${config.envName}: ${(0,file_lock/* describeOwner */.$S)(monitorLock.otherMonitor)}`);
    try {
        const announcer = new Announcer(run.ports.notifier.port, run.ports.notifier.unavailable, {
            clock: run.clock,
            logger,
            evidence,
        });
        const outcome = await watch(watchInput(run, pollTimes, choice, evidence, announcer));
        return await recordOutcome(run, pollTimes, choice, evidence, announcer, outcome);
    }
    finally {
        monitorLock?.release();
    }
}
/** Everything the watch loop needs from this run. */
function watchInput(run, pollTimes, choice, evidence, announcer) {
    const { config, deps, startedAt } = run;
    const stateDir = run.options.stateDir;
    return {
        rules: run.rules,
        settings: run.settings,
        escalation: config.env.notifications.escalation,
        progressEveryMs: config.env.monitoring.progress_log_seconds * 1000,
        source: run.source,
        clock: run.clock,
        logger: run.logger,
        evidence,
        ports: run.ports,
        announcer,
        messages: run.messages,
        pollTimes,
        startedAt,
        rollbackTarget: choice.rollbackTarget,
        watchedRelease: choice.watchedRelease,
        onProgress: deps.onProgress,
        preemption: stateDir ? () => (0,preemption/* pendingPreemption */.pH)(stateDir, config.envName, startedAt) : undefined,
        signal: deps.signal,
    };
}
/** Judges the watch's outcome, announces an inconclusive one, drains deliveries, writes the evidence and report. */
async function recordOutcome(run, pollTimes, choice, evidence, announcer, outcome) {
    const { config, logger, files } = run;
    const { result, withoutVerdict } = outcome.decider.outcome({
        rollbackOk: outcome.rollback?.ok,
        interrupted: outcome.interrupted,
        preempted: outcome.preempted,
        confirmationSent: outcome.confirmationSent,
    });
    evidence.withoutVerdict = withoutVerdict;
    const failedGates = result === 'inconclusive'
        ? withoutVerdict.map((g) => g.gate)
        : outcome.rollback || outcome.rollbackGates.length
            ? outcome.rollbackGates
            : [...outcome.decider.breached];
    if (result === 'inconclusive') {
        logger.error(`Monitoring INCONCLUSIVE: no verdict for ${withoutVerdict.map((g) => `${g.gate} (${g.reason})`).join('; ')}`, { without_verdict: withoutVerdict });
        announcer.announce(inconclusiveMessage(withoutVerdict, run.messages));
    }
    // Deliveries still under way get their deadline now, before the records are written.
    await announcer.drain(config.env.notifications.deadline_seconds * 1000);
    const endedAt = run.clock.now();
    writeEvidenceAndReport(run, pollTimes, choice, evidence, { result, failedGates, endedAt });
    logger.log(finishLevel(result), `Monitoring finished: ${result}`, {
        result,
        failed_gates: failedGates,
        evidence: files.evidence,
        report: files.report,
    });
    return {
        ...run.base,
        result,
        exitCode: exitCodeOf(result, run.deps.signal),
        failedGates,
        evidencePath: files.evidence,
        reportPath: files.report,
        endedAt: new Date(endedAt).toISOString(),
        polls: outcome.polls,
        gates: [...outcome.decider.latest.values()],
        decisions: evidence.decisions,
        rollback: outcome.rollback,
        rollbackTarget: choice.rollbackTarget,
        withoutVerdict,
        rollbackCommand: evidence.rollbackCommand,
    };
}
/** Writes the run's evidence (redacted) and the HTML report rendered from it. */
function writeEvidenceAndReport(run, pollTimes, choice, evidence, end) {
    const { config, options, rules, settings, source, files } = run;
    const evidenceDoc = (0,report_evidence/* buildEvidence */.K)({
        config,
        deploymentId: run.deploymentId,
        version: options.version,
        previousVersion: options.previousVersion,
        deployedAt: options.deployedAt,
        watchedRelease: choice.watchedRelease,
        sourceKind: source.kind,
        rules: rules.map((r) => ({ ...r, ...settings.limits[r.gate], source: source.describe(r) })),
        settings,
        startedAt: run.startedAt,
        endedAt: end.endedAt,
        plannedPolls: pollTimes,
        result: end.result,
        failedGates: end.failedGates,
        evidence,
        files,
    });
    const redacted = config.redactor.value(evidenceDoc);
    (0,atomic_file/* writeFileAtomic */.Z)(files.evidence, Buffer.from(`${JSON.stringify(redacted, null, 2)}\n`));
    (0,atomic_file/* writeFileAtomic */.Z)(files.report, Buffer.from(renderHtmlReport(redacted)));
}
/** The log level of the "Monitoring finished" line. */
function finishLevel(result) {
    return result === 'passed'
        ? 'INFO'
        : result === 'alerted' || result === 'rolled_back' || result === 'interrupted' || result === 'preempted'
            ? 'WARN'
            : result === 'inconclusive'
                ? 'ERROR'
                : 'CRITICAL';
}
/** The exit code of a finished watch; an interrupted one exits with its signal's code. */
function exitCodeOf(result, signal) {
    const interruption = (0,interrupt/* interruptionOf */.nS)(signal);
    return result === 'interrupted'
        ? interruption
            ? (0,interrupt/* interruptExitCode */.tY)(interruption.signalName)
            : exit_codes/* ExitCode */.y.interruptedSigterm
        : EXIT_CODES[result];
}
/** One real measurement of every gate, for `--dry-run --probe`. Nothing is stored or sent. */
async function probeOnce(rules, source, clock, startedAt, signal) {
    const out = [];
    const healthRule = rules.find((r) => (0,types/* isHealthGate */.I)(r.gate));
    if (healthRule)
        out.push(new health/* HealthTracker */.J(healthRule).record(await source.checkHealth(signal), `GET ${source.healthUrl}`));
    const metricRules = rules.filter((r) => !(0,types/* isHealthGate */.I)(r.gate));
    const measurements = await source.measure(metricRules, { now: clock.now(), startedAt, signal });
    for (const m of measurements) {
        const rule = metricRules.find((r) => r.gate === m.gate);
        if (!rule)
            throw new Error(`the metric source measured ${m.gate}, which it was not asked for`);
        out.push((0,evaluate/* evaluateMeasurement */.Y)(rule, m));
    }
    return out;
}


/***/ }),

/***/ 4620:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ portsFrom),
/* harmony export */   o: () => (/* binding */ progressLine)
/* harmony export */ });
/* harmony import */ var _ports_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(811);

/** Builds each port, keeping "not available in this build yet" as a reason instead of an error. */
function portsFrom(factories, config, runtime) {
    return (logger) => {
        const deps = { ...runtime, logger };
        return {
            notifier: (0,_ports_js__WEBPACK_IMPORTED_MODULE_0__/* .tryPort */ .b)(() => factories.createNotifierFor(config, deps)),
            rollback: (0,_ports_js__WEBPACK_IMPORTED_MODULE_0__/* .tryPort */ .b)(() => factories.createRollbackRunnerFor(config, deps)),
            validator: (0,_ports_js__WEBPACK_IMPORTED_MODULE_0__/* .tryPort */ .b)(() => factories.createValidatorFor(config, deps)),
        };
    };
}
function shortValue(v, unit) {
    if (v === null)
        return '';
    const n = Math.abs(v) >= 100 || Number.isInteger(v) ? v.toFixed(0) : v.toFixed(1);
    return unit === '%' ? ` ${n}%` : unit === 'ms' ? ` ${n}ms` : ` ${n}`;
}
/** The one-line progress a TTY shows: time left and each gate's state. */
function progressLine(p) {
    const left = Math.ceil(p.remainingMs / 1000);
    const mm = Math.floor(left / 60);
    const ss = String(left % 60).padStart(2, '0');
    const mark = { pass: '\u2714', warn: '\u26a0', fail: '\u2716', inconclusive: '?', pending: '\u2026' };
    return `monitor ${mm}:${ss} left \u00b7 poll ${p.polls} \u00b7 ${p.gates.map((g) => `${g.gate} ${mark[g.verdict] ?? ''}${shortValue(g.value, g.unit)}`).join(' \u00b7 ')}`;
}


/***/ }),

/***/ 811:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ tryPort)
/* harmony export */ });
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9541);

/**
 * Builds a port with a factory that may not be available in this build (or may fail for a bad
 * setting): the monitor still watches and says plainly what it cannot do.
 */
function tryPort(factory) {
    try {
        return { port: factory() };
    }
    catch (error) {
        return { port: null, unavailable: (0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .bD)(error) };
    }
}


/***/ }),

/***/ 5291:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ newDeploymentId)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _domain_time_file_stamp_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6002);


/**
 * One id per rollout, shared by logs, notifications, evidence and outputs. In GitHub Actions it is
 * derived from the run, so re-runs of the same attempt agree; elsewhere it is stamped and salted.
 */
function newDeploymentId(environment, nowMs, env = process.env) {
    if (env.GITHUB_RUN_ID)
        return `gh-${env.GITHUB_RUN_ID}-${env.GITHUB_RUN_ATTEMPT ?? '1'}-${environment}`;
    return `${environment}-${(0,_domain_time_file_stamp_js__WEBPACK_IMPORTED_MODULE_1__/* .fileStamp */ .a)(nowMs)}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(3).toString('hex')}`;
}


/***/ }),

/***/ 4487:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  p8: () => (/* binding */ metricSources),
  Br: () => (/* binding */ monitorPorts),
  ok: () => (/* binding */ monitorPortsFor)
});

// EXTERNAL MODULE: ./src/commands/monitor/front-end.ts
var front_end = __webpack_require__(4620);
// EXTERNAL MODULE: ./src/runtime/http.ts
var http = __webpack_require__(1670);
;// CONCATENATED MODULE: ./src/adapters/metrics/http-get.ts

const httpGet = async (url, options) => {
    const res = await (0,http/* httpRequest */.aj)({
        url,
        timeoutMs: options.timeoutMs,
        connectTimeoutMs: Math.min(options.timeoutMs, 5_000),
        signal: options.signal,
        maxBodyBytes: options.maxBodyBytes,
        headers: { accept: 'application/json, text/plain;version=0.0.4;q=0.9, */*;q=0.5' },
    });
    return { status: res.status, body: res.text(), elapsedMs: res.elapsedMs };
};
/** A short description of a failed request, for verdict reasons. */
function describeFailure(error) {
    if (error instanceof http/* HttpError */.j$) {
        if (error.kind === 'timeout')
            return 'timeout';
        if (error.kind === 'connect')
            return /ECONNREFUSED/.test(error.message) ? 'connection refused' : 'cannot connect';
        return error.kind;
    }
    return error instanceof Error ? error.message : String(error);
}

// EXTERNAL MODULE: ./src/runtime/clock.ts
var runtime_clock = __webpack_require__(9842);
;// CONCATENATED MODULE: ./src/adapters/metrics/health-probe.ts


/** Judges one /health answer by the metrics contract: 2xx and JSON `status: "ok"`. */
function judgeHealthAnswer(status, body) {
    if (status < 200 || status > 299)
        return { ok: false, detail: `HTTP ${status}` };
    let parsed;
    try {
        parsed = JSON.parse(body);
    }
    catch {
        return { ok: false, detail: 'HTTP 200 with a body that is not JSON' };
    }
    const state = parsed?.status;
    if (state !== 'ok')
        return { ok: false, detail: `status "${String(state)}"` };
    return { ok: true, detail: 'status "ok"' };
}
/**
 * One health check: a GET of the health URL, and, if it fails fast (a dropped or refused
 * connection), one more attempt a moment later; a single dropped connection says nothing about
 * the service. Both attempts share one deadline of `timeoutMs`, so a hung service costs one
 * timeout per check, never two: that is what keeps the worst-case detection time bounded.
 */
async function checkHealth(get, clock, url, timeoutMs, retryDelayMs, signal) {
    const at = clock.now();
    const started = performance.now();
    let detail = '';
    let budget = timeoutMs;
    for (let attempt = 1; attempt <= 2; attempt++) {
        try {
            const res = await (0,runtime_clock/* whileHolding */.FQ)(clock, () => get(url, { timeoutMs: budget, signal, maxBodyBytes: 1024 * 1024 }));
            const judged = judgeHealthAnswer(res.status, res.body);
            if (judged.ok)
                return {
                    at,
                    ok: true,
                    detail: attempt === 1 ? judged.detail : `${judged.detail} on retry (first: ${detail})`,
                    attempts: attempt,
                };
            detail = attempt === 1 ? judged.detail : `${judged.detail} (first: ${detail})`;
        }
        catch (error) {
            if (signal?.aborted)
                throw error;
            detail = attempt === 1 ? describeFailure(error) : `${describeFailure(error)} (first: ${detail})`;
        }
        if (attempt === 1) {
            budget = Math.floor(timeoutMs - (performance.now() - started) - retryDelayMs);
            if (budget < 100)
                return { at, ok: false, detail, attempts: 1 };
            await clock.sleep(retryDelayMs, signal);
        }
    }
    return { at, ok: false, detail, attempts: 2 };
}

// EXTERNAL MODULE: ./src/domain/gates/catalog/catalog.ts + 8 modules
var catalog = __webpack_require__(303);
;// CONCATENATED MODULE: ./src/adapters/metrics/prometheus-queries.ts

function selector(base, extra) {
    const parts = [base.trim(), extra].filter((p) => !!p && p.length > 0);
    return parts.length ? `{${parts.join(',')}}` : '';
}
function rangeLabel(seconds) {
    return `${Math.max(1, Math.round(seconds))}s`;
}
function defaultQueries(gate, sel, rangeSeconds) {
    return catalog/* GATE_CATALOG */.UW[gate].promql((extra) => selector(sel, extra), rangeLabel(rangeSeconds));
}

;// CONCATENATED MODULE: ./src/adapters/metrics/prometheus-source.ts




/** Windows never reach back past monitoring start (older data is the previous release's), but
 * are at least this long so a fresh run still spans a few scrapes. */
const MIN_RANGE_SECONDS = 60;
/**
 * Gate values from PromQL instant queries (`GET /api/v1/query`). An empty result is "no data",
 * judged by the gate's no-data policy; a vector of several series (an override that does not
 * aggregate) is judged by its worst member.
 */
class PrometheusSource {
    options;
    kind = 'prometheus';
    healthUrl;
    apiUrl;
    constructor(options) {
        this.options = options;
        this.healthUrl = options.service.base_url.replace(/\/+$/, '') + options.service.health_path;
        this.apiUrl = `${options.url.replace(/\/+$/, '')}/api/v1/query`;
    }
    checkHealth(signal) {
        const { get, clock, healthTimeoutMs, healthRetryDelayMs } = this.options;
        return checkHealth(get, clock, this.healthUrl, healthTimeoutMs, healthRetryDelayMs, signal);
    }
    queriesFor(rule, rangeSeconds) {
        const override = this.options.overrides[rule.gate];
        if (override)
            return { value: override };
        return defaultQueries(rule.gate, this.options.selector, rangeSeconds);
    }
    describe(rule) {
        if (rule.gate === 'health')
            return `GET ${this.healthUrl}`;
        const q = this.queriesFor(rule, (rule.windowMs ?? 0) / 1000);
        return q ? `${q.value}  (Prometheus ${this.options.url})` : '(no query)';
    }
    async measure(rules, context) {
        return Promise.all(rules
            .filter((r) => r.gate !== 'health')
            .map(async (rule) => {
            const elapsedSeconds = (context.now - context.startedAt) / 1000;
            const range = rule.windowMs === undefined
                ? 0
                : Math.min(rule.windowMs / 1000, Math.max(elapsedSeconds, MIN_RANGE_SECONDS));
            const queries = this.queriesFor(rule, range);
            const base = { gate: rule.gate, at: context.now };
            if (!queries)
                return {
                    ...base,
                    value: null,
                    samples: null,
                    source: '(no query)',
                    error: 'no query for this gate',
                };
            // Both queries are evaluated at one instant (`time=`), so the value and its sample
            // count describe the same window.
            const time = context.now / 1000;
            const [value, samples] = await Promise.all([
                this.query(queries.value, time, context),
                queries.samples ? this.query(queries.samples, time, context) : undefined,
            ]);
            const source = queries.samples ? `${queries.value}  [samples: ${queries.samples}]` : queries.value;
            if ('error' in value)
                return { ...base, value: null, samples: null, source, error: value.error };
            const sampleCount = samples && !('error' in samples) ? (samples.value ?? 0) : null;
            return {
                ...base,
                value: value.value,
                samples: sampleCount,
                source,
                error: value.value === null ? value.why : undefined,
                detail: value.series > 1 ? `worst of ${value.series} series` : undefined,
                inputs: {
                    kind: 'promql',
                    query: queries.value,
                    time,
                    value: value.value,
                    series: value.series,
                    samplesQuery: queries.samples,
                    samples: queries.samples ? sampleCount : undefined,
                },
            };
        }));
    }
    async query(promql, time, context) {
        const { signal } = context;
        const url = `${this.apiUrl}?query=${encodeURIComponent(promql)}&time=${time.toFixed(3)}`;
        try {
            const res = await (0,runtime_clock/* whileHolding */.FQ)(this.options.clock, () => this.options.get(url, {
                timeoutMs: Math.min(this.options.service.request_timeout_seconds * 1000, context.timeoutMs ?? Infinity),
                signal,
                maxBodyBytes: 16 * 1024 * 1024,
            }));
            let parsed;
            try {
                parsed = JSON.parse(res.body);
            }
            catch {
                return { error: `Prometheus answered HTTP ${res.status} with a body that is not JSON` };
            }
            if (res.status !== 200 || parsed.status !== 'success') {
                return {
                    error: `Prometheus: ${parsed.errorType ?? `HTTP ${res.status}`}: ${parsed.error ?? 'query failed'}`,
                };
            }
            return readResult(parsed.data);
        }
        catch (error) {
            if (signal?.aborted)
                throw error;
            return { error: `Prometheus: ${describeFailure(error)}` };
        }
    }
}
function readResult(data) {
    if (!data)
        return { error: 'Prometheus answered without data' };
    // NaN and \u00b1Inf are no data: a NaN counter or a division by zero is not a value to judge.
    if (data.resultType === 'scalar') {
        const raw = data.result[1];
        const v = Number(raw);
        return Number.isFinite(v)
            ? { value: v, series: 1 }
            : { value: null, series: 1, why: `the query answered ${raw}: no data` };
    }
    if (data.resultType !== 'vector')
        return { error: `expected an instant vector, got a ${data.resultType}` };
    const raw = data.result.map((s) => s.value[1]);
    const values = raw.map(Number).filter((v) => Number.isFinite(v));
    if (raw.length === 0)
        return { value: null, series: 0, why: 'the query returned no series' };
    if (values.length === 0)
        return { value: null, series: raw.length, why: `the query answered ${raw.join(', ')}: no data` };
    return { value: Math.max(...values), series: values.length };
}

// EXTERNAL MODULE: ./src/domain/metrics/exposition.ts
var exposition = __webpack_require__(6654);
// EXTERNAL MODULE: ./src/domain/metrics/metric-names.ts
var metric_names = __webpack_require__(7361);
;// CONCATENATED MODULE: ./src/domain/metrics/series-history.ts
function seriesKey(name, labels) {
    const keys = Object.keys(labels).sort();
    let key = name;
    for (const k of keys)
        key += `\u0000${k}\u0001${labels[k]}`;
    return key;
}
/**
 * The scraped history of the series the gates read, so a windowed gate can take increases over
 * (now - window, now] the way a Prometheus range selector would. Points older than the longest
 * window are dropped, so memory stays bounded over an hour of polling.
 */
class SeriesHistory {
    retainMs;
    series = new Map();
    byName = new Map();
    constructor(retainMs) {
        this.retainMs = retainMs;
    }
    /**
     * Appends one scrape. A series that appears twice in one scrape keeps its first sample, as
     * Prometheus does (it rejects the second as a duplicate sample for the same timestamp); the
     * duplicates are returned so the caller can report them.
     */
    record(atMs, samples) {
        const seen = new Set();
        const duplicates = [];
        for (const s of samples) {
            const key = seriesKey(s.name, s.labels);
            if (seen.has(key)) {
                duplicates.push(`${s.name}{${Object.entries(s.labels)
                    .map(([k, v]) => `${k}="${v}"`)
                    .join(',')}}`);
                continue;
            }
            seen.add(key);
            let series = this.series.get(key);
            if (!series) {
                series = { name: s.name, labels: s.labels, points: [] };
                this.series.set(key, series);
                const list = this.byName.get(s.name) ?? [];
                list.push(series);
                this.byName.set(s.name, list);
            }
            series.points.push({ t: atMs, v: s.value });
        }
        this.prune(atMs - this.retainMs);
        return duplicates;
    }
    select(name, match = () => true) {
        return (this.byName.get(name) ?? []).filter((s) => match(s.labels));
    }
    get seriesCount() {
        return this.series.size;
    }
    prune(beforeMs) {
        for (const s of this.series.values()) {
            let drop = 0;
            while (drop < s.points.length && s.points[drop].t < beforeMs)
                drop++;
            if (drop > 0)
                s.points.splice(0, drop);
        }
    }
}

;// CONCATENATED MODULE: ./src/adapters/metrics/scrape-source.ts







/** Gates computed from /metrics, by their catalog module. */
const fromMetrics = (gate) => catalog/* GATE_CATALOG */.UW[gate].scrape.from === 'metrics';
/**
 * The default source: GET /health, /metrics and the queue status of one service URL. Windowed
 * gates come from the history of /metrics scrapes, so they need two scrapes inside their window
 * before they have a value (until then they are inconclusive, never failed).
 */
class ScrapeSource {
    options;
    kind = 'scrape';
    healthUrl;
    metricsUrl;
    queueUrl;
    history;
    constructor(options) {
        this.options = options;
        const base = options.service.base_url.replace(/\/+$/, '');
        this.healthUrl = base + options.service.health_path;
        this.metricsUrl = base + options.service.metrics_path;
        this.queueUrl = base + options.service.queue_status_path;
        this.history = new SeriesHistory(options.retainMs);
    }
    checkHealth(signal) {
        const { get, clock, healthTimeoutMs, healthRetryDelayMs } = this.options;
        return checkHealth(get, clock, this.healthUrl, healthTimeoutMs, healthRetryDelayMs, signal);
    }
    describe(rule) {
        const from = catalog/* GATE_CATALOG */.UW[rule.gate].scrape.from;
        if (from === 'health')
            return `GET ${this.healthUrl}`;
        if (from === 'queue_status')
            return `GET ${this.queueUrl} \u2192 queue_length`;
        const at = { now: 0, startedAt: 0 };
        const empty = new SeriesHistory(0);
        return `${this.valueFor(rule, empty, [], at).source} (from GET ${this.metricsUrl})`;
    }
    async measure(rules, context) {
        const metricRules = rules.filter((r) => fromMetrics(r.gate));
        const queueRule = rules.find((r) => catalog/* GATE_CATALOG */.UW[r.gate].scrape.from === 'queue_status');
        // /metrics and the queue status are asked at once, each with its own deadline.
        const [scraped, queue] = await Promise.all([
            metricRules.length > 0 ? this.scrapeMetrics(context) : undefined,
            queueRule ? this.measureQueue(queueRule, context) : undefined,
        ]);
        const out = [];
        for (const rule of metricRules) {
            if (!scraped || 'error' in scraped) {
                out.push({
                    gate: rule.gate,
                    at: context.now,
                    value: null,
                    samples: null,
                    source: this.describe(rule),
                    error: scraped?.error ?? 'not scraped',
                });
                continue;
            }
            const v = this.valueFor(rule, this.history, scraped.samples, context);
            out.push({
                gate: rule.gate,
                at: context.now,
                value: v.value,
                samples: v.samples,
                source: v.source,
                detail: v.detail,
                inputs: v.inputs,
                warnings: scraped.duplicates.length
                    ? [
                        `the scrape carried ${scraped.duplicates.length} duplicate series (kept the first sample of each, as Prometheus does): ${scraped.duplicates.slice(0, 5).join(', ')}${scraped.duplicates.length > 5 ? ', \u2026' : ''}`,
                    ]
                    : undefined,
            });
        }
        if (queue)
            out.push(queue);
        return out;
    }
    timeoutMs(context) {
        return Math.min(this.options.service.request_timeout_seconds * 1000, context.timeoutMs ?? Infinity);
    }
    async scrapeMetrics(context) {
        try {
            const res = await (0,runtime_clock/* whileHolding */.FQ)(this.options.clock, () => this.options.get(this.metricsUrl, {
                timeoutMs: this.timeoutMs(context),
                signal: context.signal,
                maxBodyBytes: 256 * 1024 * 1024,
            }));
            if (res.status !== 200)
                return { error: `GET ${this.options.service.metrics_path}: HTTP ${res.status}` };
            const { samples } = (0,exposition/* parseExposition */.gw)(res.body, { families: catalog/* SCRAPED_FAMILIES */.oN });
            const duplicates = this.history.record(context.now, samples);
            return { samples, duplicates };
        }
        catch (error) {
            if (context.signal?.aborted)
                throw error;
            return { error: `GET ${this.options.service.metrics_path}: ${describeFailure(error)}` };
        }
    }
    valueFor(rule, history, latest, context) {
        // History starts with the first scrape of this run, so a window never reaches back into the
        // previous release's data.
        const windowMs = rule.windowMs ?? 0;
        const reading = catalog/* GATE_CATALOG */.UW[rule.gate].scrape;
        if (reading.from !== 'metrics')
            return { value: null, samples: null, source: rule.gate };
        return reading.compute(history, latest, context.now, windowMs);
    }
    async measureQueue(rule, context) {
        const source = `GET ${this.queueUrl} \u2192 queue_length`;
        const base = { gate: rule.gate, at: context.now, samples: null, source };
        try {
            const res = await (0,runtime_clock/* whileHolding */.FQ)(this.options.clock, () => this.options.get(this.queueUrl, {
                timeoutMs: this.timeoutMs(context),
                signal: context.signal,
                maxBodyBytes: 1024 * 1024,
            }));
            if (res.status !== 200)
                return { ...base, value: null, error: `HTTP ${res.status}` };
            const length = JSON.parse(res.body).queue_length;
            if (typeof length !== 'number' || !Number.isFinite(length))
                return { ...base, value: null, error: 'queue_length missing or not a number' };
            return {
                ...base,
                value: length,
                detail: `${length} items waiting for review`,
                inputs: { kind: 'gauge', value: length },
            };
        }
        catch (error) {
            if (context.signal?.aborted)
                throw error;
            return {
                ...base,
                value: null,
                error: error instanceof SyntaxError ? 'queue status is not JSON' : describeFailure(error),
            };
        }
    }
}


;// CONCATENATED MODULE: ./src/adapters/metrics/create-source.ts



/** Builds the metric source an environment's `metrics_source` names. */
function createMetricSource(env, rules, clock, get = httpGet) {
    const health = env.quality_gates.health;
    const confirmMs = (health?.confirm_interval_seconds ?? 10) * 1000;
    const common = {
        service: env.service,
        healthTimeoutMs: (health?.timeout_seconds ?? env.service.request_timeout_seconds) * 1000,
        // Retry a failed health request once, well inside the confirm interval.
        healthRetryDelayMs: Math.min(1000, confirmMs / 4),
        clock,
        get,
    };
    if (env.metrics_source.type === 'prometheus') {
        return new PrometheusSource({
            ...common,
            url: env.metrics_source.url,
            selector: env.metrics_source.selector,
            overrides: env.metrics_source.queries,
        });
    }
    const retainMs = Math.max(0, ...rules.map((r) => r.windowMs ?? 0)) + 60_000;
    return new ScrapeSource({ ...common, retainMs });
}

// EXTERNAL MODULE: ./src/wiring/index.ts + 6 modules
var wiring = __webpack_require__(7488);
// EXTERNAL MODULE: ./src/wiring/notify.ts + 1 modules
var notify = __webpack_require__(7786);
;// CONCATENATED MODULE: ./src/wiring/monitor-ports.ts




/**
 * The metric source the environment's `metrics_source` names (Prometheus, or scraping /metrics),
 * over real HTTP unless a simulation hands in its own `get`.
 */
function metricSources(get) {
    return (env, rules, clock) => createMetricSource(env, rules, clock, get);
}
/**
 * The monitor's ports (notifier, rollback runner, validator), built once the monitor's logger
 * exists; the one place they are assembled (monitor, rollout, and the dry-run of every step).
 */
function monitorPorts(config, runtime) {
    return (0,front_end/* portsFrom */.B)({ createNotifierFor: wiring/* createNotifierFor */.Qm, createRollbackRunnerFor: wiring/* createRollbackRunnerFor */.Q4, createValidatorFor: wiring/* createValidatorFor */.Sm }, config, runtime);
}
/**
 * The monitor's ports for the `monitor` command of both front ends. A watch that
 * sends (not a dry-run plan) first checks every enabled channel: a missing variable is exit 2
 * naming the channel and the variable before the watch starts.
 */
function monitorPortsFor(config, runtime, dryRun) {
    (0,notify/* checkChannelsBeforeSending */.AE)(config, dryRun);
    return monitorPorts(config, runtime);
}


/***/ })

} };
})
