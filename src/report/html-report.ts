import type { MonitorEvidence } from './evidence.js';
import {
  clockTime,
  escapeXml,
  formatDuration,
  formatNumber,
  formatValue,
  formatWindow,
  utcDate,
} from './format.js';
import { REPORT_CSS } from './report-style.js';
import { gateChartSvg, LAYOUTS } from './svg-chart.js';
import { buildReportView, type GateStatus, type GateView, type ReportView } from './view-model.js';

/**
 * The self-contained HTML report (inline SVG and CSS, no scripts), ordered for the engineer who
 * reads it in ten seconds: the verdict and its numbers, the table of gates, the deciding gate's
 * chart large, the others as small multiples, then the timeline and the sources.
 */
export function renderHtmlReport(ev: MonitorEvidence): string {
  return renderReportPage(buildReportView(ev));
}

const e = escapeXml;

/** Status words with the shape the chart uses for the same verdict, so colour is never alone. */
export const STATUS_SYMBOL: Record<GateStatus, string> = {
  failed: '■',
  breached: '▲',
  inconclusive: '○',
  passed: '●',
  'not measured': '–',
};

export const STATUS_WORDS: Record<GateStatus, string> = {
  failed: 'failed',
  breached: 'alert',
  inconclusive: 'inconclusive',
  passed: 'passed',
  'not measured': 'not measured',
};

function releaseLine(view: ReportView): string {
  const { watched, before, liveAfter } = view.release;
  const w = watched ? `<code>${e(watched)}</code>` : 'the release';
  const b = before ? `<code>${e(before)}</code>` : null;
  switch (view.outcome.kind) {
    case 'rolled_back':
      return `${w} → rolled back${b ? ` to ${b}` : ''}; live now: ${liveAfter ? `<code>${e(liveAfter)}</code>` : 'the restored backup'}`;
    case 'rollback_failed':
      return `${w} → rollback <strong>failed</strong>; live release unknown${b ? ` (was ${b})` : ''}`;
    default:
      return `${w} live${b ? ` (before: ${b})` : ''}`;
  }
}

function verdictHeader(view: ReportView): string {
  const o = view.outcome;
  const facts: Array<[string, string]> = [];
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
      `${view.rollback.ok ? 'took' : '<strong>FAILED</strong> after'} ${formatDuration(view.rollback.durationMs)} (${clockTime(view.rollback.startedAt)}–${clockTime(view.rollback.endedAt)} UTC)${view.rollback.validation ? `; ${e(view.rollback.validation)}` : ''}${view.rollback.error ? `; ${e(view.rollback.error)}` : ''}`,
    ]);
  if (view.rollbackCommand)
    facts.push(['Roll back', `confirmation required: <code>${e(view.rollbackCommand)}</code>`]);
  facts.push([
    'Window',
    `${clockTime(view.startedAt)}–${clockTime(view.endedAt)} UTC, ${utcDate(view.startedAt)} · ${view.polls} of ${view.plannedPolls} polls · ${formatWindow(view.windowMinutes)} planned`,
  ]);
  return `<header class="verdict tone-${o.tone}">
<p class="context">dhash rollout report · environment <strong>${e(view.environment)}</strong> · deployment <code>${e(view.deploymentId)}</code></p>
<h1><span class="badge" aria-hidden="true">${o.symbol}</span><span>${e(o.words)}${view.release.watched ? `: ${e(view.release.watched)}` : ''}</span></h1>
<p class="sentence">${e(o.sentence)}</p>
<dl class="facts">${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>
</header>`;
}

function statusCell(g: GateView): string {
  return `<span class="st st-${g.status.replace(' ', '-')}"><span aria-hidden="true">${STATUS_SYMBOL[g.status]}</span> ${STATUS_WORDS[g.status]}</span>`;
}

function gateTable(view: ReportView): string {
  const rows = view.gates.map((g) => {
    const cells: Array<[string, string, boolean]> = [
      ['Last', g.last ? e(formatValue(g.last.value, g.unit)) : '—', true],
      ['Breach when', e(`> ${formatValue(g.threshold, g.unit)}`), true],
      ['Worst', g.worst ? e(formatValue(g.worst.value, g.unit)) : '—', true],
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

function legend(view: ReportView): string {
  const shape = (cls: string, d: string): string =>
    `<svg class="key" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">${d.replace('CLS', cls)}</svg>`;
  const items = [
    `${shape('pt pt-pass', '<circle class="CLS" cx="6" cy="6" r="3.6"/>')} pass`,
    `${shape('pt pt-warn', '<path class="CLS" d="M6,1.6 l4.4,8.4 h-8.8z"/>')} alert`,
    `${shape('pt pt-fail', '<rect class="CLS" x="2.4" y="2.4" width="7.2" height="7.2"/>')} fail`,
    `${shape('pt pt-inconclusive', '<circle class="CLS" cx="6" cy="6" r="3.2"/>')} inconclusive / no data`,
    `${shape('threshold', '<line class="CLS" x1="0" x2="12" y1="6" y2="6"/>')} threshold (breach zone above)`,
  ];
  if (view.deciding.some((d) => d.windowMinutes !== null) && view.decidedAt !== null)
    items.push(
      `${shape('eval-window', '<rect class="CLS" x="0" y="0" width="12" height="12"/>')} evaluation window at the decision`,
    );
  if (view.markers.some((m) => m.kind === 'recheck'))
    items.push(`${shape('mk-recheck', '<path class="CLS" d="M6,4 l-3.5,6 h7z"/>')} confirmation re-check`);
  items.push(
    `${shape('mk', '<line class="CLS" x1="6" x2="6" y1="0" y2="12"/>')} labelled moments (deploy, polling change, alerts, rollback)`,
  );
  return `<ul class="legend" aria-label="How to read the charts">${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
}

function caption(view: ReportView, g: GateView): string {
  const parts = [
    `unit ${e(g.unit)}`,
    `breach when &gt; ${e(formatValue(g.threshold, g.unit))}${g.windowMinutes !== null ? ` over ${formatWindow(g.windowMinutes)}` : ' (instant reading)'}`,
    g.worst
      ? `worst ${e(formatValue(g.worst.value, g.unit))} at ${clockTime(g.worst.at)}`
      : 'no value measured',
    `${g.pollsInBreach} of ${g.polls} polls in breach`,
  ];
  if (g.pollsInconclusive) parts.push(`${g.pollsInconclusive} inconclusive`);
  if (g.deciding && view.decidedAt !== null) parts.push(`decided at ${clockTime(view.decidedAt)}`);
  return parts.join(' · ');
}

function figure(view: ReportView, g: GateView, large: boolean): string {
  const id = `c-${g.gate.replace(/[^A-Za-z0-9_-]/g, '')}`;
  const heading = `<h3>${e(g.gate)} ${statusCell(g)}${g.deciding ? ' <span class="deciding-tag">deciding</span>' : ''}</h3>`;
  const body = large
    ? `<div class="chart-wide">${gateChartSvg({ view, gate: g, layout: LAYOUTS.wide, id: `${id}-w` })}</div><div class="chart-narrow">${gateChartSvg({ view, gate: g, layout: LAYOUTS.narrow, id: `${id}-n` })}</div>`
    : gateChartSvg({ view, gate: g, layout: LAYOUTS.small, id: `${id}-s` });
  return `<figure class="${large ? 'large' : 'small'}">${heading}${body}<figcaption>${caption(view, g)}</figcaption></figure>`;
}

function charts(view: ReportView): string {
  const large = view.gates.filter((g) => g.deciding || g.status === 'failed');
  const small = view.gates.filter((g) => !large.includes(g));
  const intro = `<p class="files">Clock time in UTC on ${utcDate(view.startedAt)}${utcDate(view.endedAt) !== utcDate(view.startedAt) ? ` to ${utcDate(view.endedAt)}` : ''}; every chart spans the same time.</p>`;
  const parts = [`<h2 id="charts">Gates over time</h2>`, intro, legend(view)];
  if (large.length) parts.push(...large.map((g) => figure(view, g, true)));
  if (small.length) {
    if (large.length) parts.push(`<h2>Other gates</h2>`);
    parts.push(`<div class="grid">${small.map((g) => figure(view, g, false)).join('')}</div>`);
  }
  return `<section aria-labelledby="charts">${parts.join('\n')}</section>`;
}

function timeline(view: ReportView): string {
  const rows: Array<{ at: number; what: string; detail: string }> = [];
  const rechecks = view.markers.filter((m) => m.kind === 'recheck');
  for (const m of view.markers)
    if (m.kind !== 'recheck') rows.push({ at: m.at, what: m.label, detail: m.detail });
  if (rechecks.length)
    rows.push({
      at: rechecks[0].at,
      what: `re-check${rechecks.length > 1 ? ` ×${rechecks.length}` : ''}`,
      detail: `${clockTime(rechecks[0].at)}–${clockTime(rechecks[rechecks.length - 1].at)}: ${rechecks[rechecks.length - 1].detail}`,
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

function sources(view: ReportView): string {
  return `<details><summary>Gate definitions and sources</summary>
<table><thead><tr><th scope="col">Gate</th><th scope="col">Breach when</th><th scope="col">Actions</th><th scope="col">Source</th></tr></thead><tbody>${view.gates
    .map(
      (g) =>
        `<tr><td>${e(g.gate)}</td><td>&gt; ${e(formatValue(g.threshold, g.unit))}${g.windowMinutes !== null ? ` over ${formatWindow(g.windowMinutes)}` : ''}${g.minSamples !== null ? `, at least ${formatNumber(g.minSamples)} samples` : ''}</td><td>${e(g.actions.join(', ') || 'none')}</td><td><code>${e(g.source)}</code></td></tr>`,
    )
    .join('')}</tbody></table></details>
<p class="files">Metrics from ${e(view.metricsSource)}. Evidence: <code>${e(view.files.evidence)}</code> · log: <code>${e(view.files.log)}</code></p>`;
}

export function renderReportPage(view: ReportView): string {
  const title = `${view.outcome.words}: ${view.release.watched ?? 'release'} on ${view.environment}, ${clockTime(view.startedAt)} UTC ${utcDate(view.startedAt)}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${e(title)} — dhash rollout</title>
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
