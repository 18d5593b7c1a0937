import type { GateEvaluation } from '../domain/gates/types.js';
import type { MonitorEvidence } from './evidence.js';

const ICON: Record<string, string> = { pass: '✅', warn: '⚠️', fail: '❌', inconclusive: '❔' };

function cell(v: unknown): string {
  return String(v ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ');
}

function num(v: number | null): string {
  if (v === null) return '—';
  return Math.abs(v) >= 100 || Number.isInteger(v) ? v.toFixed(0) : v.toFixed(2);
}

/** The gate table of the job summary. */
export function gateTableMarkdown(gates: GateEvaluation[]): string {
  const rows = gates.map(
    (g) =>
      `| ${g.gate} | ${ICON[g.verdict] ?? ''} ${g.verdict} | ${num(g.value)} | ${num(g.threshold)} ${cell(g.unit)} | ${cell(g.reason)} |`,
  );
  return ['| gate | verdict | value | threshold | reason |', '| --- | --- | --- | --- | --- |', ...rows].join(
    '\n',
  );
}

/**
 * A Mermaid xychart of every gate's value as a percentage of its threshold per poll (100 = at
 * the threshold), so one picture shows which gate came near or crossed its line and when.
 */
export function mermaidChart(ev: MonitorEvidence): string {
  const polls = ev.polls.map((p) => (Date.parse(p) - Date.parse(ev.started_at)) / 1000);
  if (polls.length === 0) return '';
  const step = Math.max(1, Math.ceil(polls.length / 40));
  const picked = polls.filter((_, i) => i % step === 0 || i === polls.length - 1);
  const lines: string[] = [];
  const names: string[] = [];
  for (const g of ev.gates) {
    const series = ev.measurements.filter((m) => m.gate === g.gate && m.kind === 'poll');
    if (series.length === 0) continue;
    const values = picked.map((t) => {
      const m = series.filter((s) => s.offset_seconds <= t + 0.05).at(-1);
      return m && m.value !== null && g.threshold > 0 ? Math.round((100 * m.value) / g.threshold) : 0;
    });
    lines.push(`    line [${values.join(', ')}]`);
    names.push(g.gate);
  }
  const max = Math.max(150, ...lines.flatMap((l) => (l.match(/-?\d+/g) ?? []).map(Number)));
  return [
    '```mermaid',
    'xychart-beta',
    `    title "Gate value as % of threshold (lines in order: ${names.join(', ')}; 100 = threshold)"`,
    `    x-axis "minutes" [${picked.map((t) => (t / 60).toFixed(1)).join(', ')}]`,
    `    y-axis "% of threshold" 0 --> ${max}`,
    `    line [${picked.map(() => 100).join(', ')}]`,
    ...lines,
    '```',
  ].join('\n');
}
