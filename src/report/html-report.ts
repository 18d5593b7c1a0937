import type { MonitorEvidence } from './evidence.js';
import { escapeXml, lineChartSvg, VERDICT_COLOURS } from './svg-chart.js';

/** The self-contained HTML report: a summary, one chart per gate, and the decision log. */
export function renderHtmlReport(ev: MonitorEvidence): string {
  const windowSeconds = ev.monitoring.window_minutes * 60;
  const charts = ev.gates.map((g) => {
    const points = ev.measurements
      .filter((m) => m.gate === g.gate)
      .map((m) => ({ x: m.offset_seconds, y: m.value, verdict: m.verdict }));
    const markers = ev.decisions
      .filter((d) => d.gates.includes(g.gate))
      .map((d) => ({ x: d.offset_seconds, label: d.kind }));
    const last = ev.measurements.filter((m) => m.gate === g.gate).at(-1);
    return `<section><div>${lineChartSvg({ title: `${g.gate} (${g.unit})`, unit: g.unit, threshold: g.threshold, windowSeconds, points, markers })}</div>
<p class="src"><code>${escapeXml(g.source)}</code></p>
<p>Breach when value &gt; ${g.threshold} ${escapeXml(g.unit)}${g.window_minutes !== null ? ` over ${g.window_minutes} min (min ${g.min_samples} samples)` : ''}; actions: ${escapeXml(g.actions.join(', ') || 'none')}. Last: ${last ? `<b style="color:${VERDICT_COLOURS[last.verdict]}">${last.verdict}</b> — ${escapeXml(last.reason)}` : 'not measured'}</p></section>`;
  });
  const decisions = ev.decisions.length
    ? `<table><tr><th>time</th><th>decision</th><th>gates</th><th>detail</th></tr>${ev.decisions.map((d) => `<tr><td>${escapeXml(d.at)}</td><td>${d.kind}</td><td>${escapeXml(d.gates.join(', '))}</td><td>${escapeXml(d.detail)}</td></tr>`).join('')}</table>`
    : '<p>No decisions: every gate stayed within its threshold.</p>';
  const notes = ev.notifications.length
    ? `<table><tr><th>time</th><th>event</th><th>level</th><th>delivered</th><th>detail</th></tr>${ev.notifications.map((n) => `<tr><td>${escapeXml(n.at)}</td><td>${n.event}</td><td>${n.level}</td><td>${n.delivered ? 'yes' : 'no'}</td><td>${escapeXml(n.detail)}</td></tr>`).join('')}</table>`
    : '<p>No notifications.</p>';
  const rb = ev.rollback
    ? `<h2>Rollback</h2><p>${ev.rollback.ok ? 'Completed and validated' : '<b>FAILED</b>'}: backup ${escapeXml(ev.rollback.backup ?? '(latest)')}${ev.rollback.validation ? `; validation: ${escapeXml(ev.rollback.validation.detail)}` : ''}${ev.rollback.error ? `; ${escapeXml(ev.rollback.error)}` : ''}</p>`
    : ev.rollback_command
      ? `<h2>Rollback needs confirmation</h2><pre>${escapeXml(ev.rollback_command)}</pre>`
      : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>dhash monitor ${escapeXml(ev.environment)} ${escapeXml(ev.started_at)}: ${ev.result}</title>
<style>body{font-family:system-ui,sans-serif;max-width:960px;margin:2em auto;padding:0 1em;color:#1f2328}table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #d0d7de;padding:3px 6px;text-align:left}section{margin:1.5em 0}.src code{font-size:12px;color:#57606a}</style></head>
<body><h1>dhash monitoring: ${escapeXml(ev.environment)} — ${ev.result.replace('_', ' ')}</h1>
<p>Deployment <code>${escapeXml(ev.deployment_id)}</code>${ev.version ? `, version <code>${escapeXml(ev.version)}</code>` : ''}; ${escapeXml(ev.started_at)} → ${escapeXml(ev.ended_at)}; ${ev.polls.length} polls; metrics from ${escapeXml(ev.metrics_source)}.${ev.failed_gates.length ? ` Gates in breach: <b>${escapeXml(ev.failed_gates.join(', '))}</b>.` : ''}</p>
<p>Points: <span style="color:${VERDICT_COLOURS.pass}">● pass</span> <span style="color:${VERDICT_COLOURS.warn}">● warn</span> <span style="color:${VERDICT_COLOURS.fail}">● fail</span> <span style="color:${VERDICT_COLOURS.inconclusive}">● inconclusive / no data</span>; dashed line: threshold; purple lines: decisions.</p>
${rb}
${charts.join('\n')}
<h2>Decisions</h2>${decisions}
<h2>Notifications</h2>${notes}
<p>Evidence: <code>${escapeXml(ev.files.evidence)}</code>; log: <code>${escapeXml(ev.files.log)}</code>.</p>
</body></html>
`;
}
