import type { GateEvaluation } from '../domain/gates/types.js';
import type { MonitorEvidence } from './evidence.js';
import { clockTime, formatDuration, formatNumber, formatValue, formatWindow, utcDate } from './format.js';
import { valueTicks } from './scales.js';
import { buildReportView, type GateStatus, type GateView, type ReportView } from './view-model.js';

/**
 * The report's story in GitHub-flavoured Markdown for the job summary: the verdict and its
 * numbers, the table of gates, and the deciding gate's series as a Mermaid `xychart-beta`. It
 * renders the same view as the HTML report, so both always agree.
 */

const VERDICT_ICON: Record<string, string> = { pass: '✅', warn: '⚠️', fail: '❌', inconclusive: '❔' };
export const STATUS_ICON: Record<GateStatus, string> = {
  failed: '❌',
  breached: '⚠️',
  inconclusive: '❔',
  passed: '✅',
  'not measured': '➖',
};

function cell(v: string | number | boolean | null | undefined): string {
  return String(v ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ');
}

const code = (text: string): string => `\`${text.replace(/`/g, "'")}\``;

/** The gate table of a dry-run probe (one reading per gate, no series). */
export function gateTableMarkdown(gates: GateEvaluation[]): string {
  const rows = gates.map(
    (g) =>
      `| ${g.gate} | ${VERDICT_ICON[g.verdict] ?? ''} ${g.verdict} | ${cell(formatValue(g.value, g.unit))} | > ${cell(formatValue(g.threshold, g.unit))} | ${cell(g.reason)} |`,
  );
  return [
    '| gate | verdict | value | breach when | reason |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** `↩️ **Rolled back**: 3.0.0 → 2.0.0 on demo`. */
export function verdictLine(view: ReportView): string {
  const { watched, before, liveAfter } = view.release;
  const o = view.outcome;
  const release =
    o.kind === 'rolled_back'
      ? `${watched ? code(watched) : 'the release'} → ${liveAfter ? `${code(liveAfter)} live again` : 'the backup restored'}`
      : o.kind === 'rollback_failed'
        ? `${watched ? code(watched) : 'the release'}, live release unknown${before ? ` (was ${code(before)})` : ''}`
        : `${watched ? code(watched) : 'the release'}${before ? ` (before: ${code(before)})` : ''}`;
  return `${o.emoji} **${o.words}**: ${release} on ${code(view.environment)}`;
}

/** The facts under the verdict, one bullet each: deciding gate(s), detection, rollback, window. */
export function verdictFacts(view: ReportView): string[] {
  const facts: string[] = [view.outcome.sentence];
  for (const d of view.deciding) facts.push(`Deciding gate ${code(d.gate)}: ${d.summary}`);
  if (view.decidedAt !== null && view.detectionMs !== null)
    facts.push(
      `Detected ${formatDuration(view.detectionMs)} after ${view.deployKnown ? 'deploy' : 'monitoring started'} (${clockTime(view.decidedAt)} UTC)`,
    );
  if (view.rollback)
    facts.push(
      `Rollback ${view.rollback.ok ? 'took' : '**FAILED** after'} ${formatDuration(view.rollback.durationMs)}${view.rollback.validation ? `; ${view.rollback.validation}` : ''}${view.rollback.error ? `; ${view.rollback.error}` : ''}`,
    );
  if (view.rollbackCommand) facts.push(`Rollback needs confirmation: ${code(view.rollbackCommand)}`);
  facts.push(
    `Window ${clockTime(view.startedAt)}–${clockTime(view.endedAt)} UTC ${utcDate(view.startedAt)} · ${view.polls} of ${view.plannedPolls} polls · deployment ${code(view.deploymentId)}`,
  );
  return facts;
}

/** Every gate of the run: status, last, threshold, worst, polls in breach, inconclusive polls. */
export function gateViewTableMarkdown(view: ReportView): string {
  const rows = view.gates.map((g) => {
    const value = (p: GateView['last']): string => (p ? cell(formatValue(p.value, g.unit)) : '—');
    return `| ${g.deciding ? `**${g.gate}**` : g.gate} | ${STATUS_ICON[g.status]} ${g.status}${g.deciding ? ' (deciding)' : ''} | ${value(g.last)} | > ${cell(formatValue(g.threshold, g.unit))}${g.windowMinutes !== null ? ` over ${formatWindow(g.windowMinutes)}` : ''} | ${value(g.worst)} | ${g.pollsInBreach}/${g.polls} | ${g.pollsInconclusive}/${g.polls} |`;
  });
  return [
    '| gate | status | last | breach when | worst | polls in breach | inconclusive polls |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** Keeps at most `max` points, always the first, the last and the worst. */
function thin<T extends { value: number | null }>(points: T[], max: number): T[] {
  if (points.length <= max) return points;
  let worst = 0;
  points.forEach((p, i) => {
    if ((p.value ?? -Infinity) > (points[worst].value ?? -Infinity)) worst = i;
  });
  const keep = new Set<number>([0, points.length - 1, worst]);
  const step = (points.length - 1) / (max - 1);
  for (let i = 0; keep.size < max && i < max; i++) keep.add(Math.round(i * step));
  return points.filter((_, i) => keep.has(i));
}

/**
 * The focus gate's series as a Mermaid xychart: its readings (x: UTC clock time) and the
 * threshold as a second, flat line. Readings without a value cannot be drawn by Mermaid; the
 * note under the chart counts them.
 */
export function mermaidGateChart(view: ReportView, gate: GateView | null = view.focus): string {
  if (!gate) return '';
  const valued = thin(
    gate.points.filter((p) => p.value !== null && (gate.gate === 'health' || p.kind === 'poll')),
    40,
  );
  if (valued.length === 0) return `_${gate.gate}: no value was measured in the window._`;
  const { top } = valueTicks(Math.max(gate.threshold * 1.25, ...valued.map((p) => p.value! * 1.08)), 5);
  const unit = gate.unit.replace(/"/g, "'");
  const role = gate.deciding
    ? 'deciding gate'
    : view.deciding.length === 0
      ? 'gate nearest its threshold'
      : 'gate';
  const noData = gate.points.filter((p) => p.value === null).length;
  const breaches = gate.points.filter((p) => p.verdict === 'warn' || p.verdict === 'fail');
  const description = `_${gate.gate} (${role}) over time, UTC ${utcDate(valued[0].at)}: first line its value in ${gate.unit}, second line the threshold ${formatValue(gate.threshold, gate.unit)}. ${breaches.length ? `In breach ${breaches.length}× from ${clockTime(breaches[0].at)}, worst ${formatValue(gate.worst?.value ?? null, gate.unit)}.` : `Never in breach; worst ${formatValue(gate.worst?.value ?? null, gate.unit)}.`}${noData ? ` ${noData} reading(s) without data are not drawn.` : ''}_`;
  return [
    description,
    '',
    '```mermaid',
    'xychart-beta',
    `    title "${gate.gate} (${unit}) - threshold ${formatNumber(gate.threshold)}"`,
    `    x-axis "UTC" [${valued.map((p) => `"${clockTime(p.at)}"`).join(', ')}]`,
    `    y-axis "${unit}" 0 --> ${top}`,
    `    line [${valued.map((p) => Number(p.value!.toFixed(3))).join(', ')}]`,
    `    line [${valued.map(() => gate.threshold).join(', ')}]`,
    '```',
  ].join('\n');
}

/** The whole job summary section of one monitoring run, from its evidence. */
export function monitorSummaryMarkdown(ev: MonitorEvidence, options: { heading?: string } = {}): string {
  const view = buildReportView(ev);
  const heading = options.heading ?? '##';
  return [
    `${heading} ${verdictLine(view)}`,
    verdictFacts(view)
      .map((f) => `- ${f}`)
      .join('\n'),
    gateViewTableMarkdown(view),
    mermaidGateChart(view),
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** Kept for callers of the first version: the deciding gate's chart of an evidence file. */
export function mermaidChart(ev: MonitorEvidence): string {
  return mermaidGateChart(buildReportView(ev));
}
