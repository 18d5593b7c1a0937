import type { GateEvaluation } from '../domain/gates/types.js';
import { formatValue } from './format.js';

/**
 * The quality gates of several runs side by side (the premerge's legs, one per environment and
 * OS): one row per gate, one column per leg, each cell the verdict's icon and word with the
 * value, in the same words as a single run's job summary, so the legs can be compared at a glance.
 */

export interface LegGates {
  /** `staging / Linux`. */
  label: string;
  /** The leg's one-shot probe of every gate; null when the leg did not probe. */
  gates: GateEvaluation[] | null;
}

const ICON: Record<string, string> = { pass: '✅', warn: '⚠️', fail: '❌', inconclusive: '❔' };

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** A leg's verdicts in words, worst first: failed gates, then alerts, then gates without data. */
export function legVerdict(gates: GateEvaluation[]): string {
  const words = { fail: 'failed', warn: 'alert', inconclusive: 'inconclusive' } as const;
  const parts: string[] = [];
  for (const v of ['fail', 'warn', 'inconclusive'] as const) {
    const hit = gates.filter((g) => g.verdict === v).map((g) => g.gate);
    if (hit.length) parts.push(`${ICON[v]} ${words[v]}: ${hit.join(', ')}`);
  }
  return parts.length ? parts.join(' · ') : `${ICON.pass} every gate passed`;
}

/** Markdown: a verdict line per leg, then the gates × legs table; '' when no leg probed. */
export function legsGateTableMarkdown(legs: LegGates[]): string {
  const probed = legs.filter(
    (l): l is LegGates & { gates: GateEvaluation[] } => l.gates !== null && l.gates.length > 0,
  );
  if (probed.length === 0) return '';
  // Each gate once, in order of first appearance, with its first evaluation (for the threshold).
  const firstEvaluation = new Map<string, GateEvaluation>();
  for (const g of probed.flatMap((l) => l.gates))
    if (!firstEvaluation.has(g.gate)) firstEvaluation.set(g.gate, g);
  const verdicts = probed.map((l) => `- **${cell(l.label)}**: ${cell(legVerdict(l.gates))}`);
  const head = `| gate | breach when | ${probed.map((l) => cell(l.label)).join(' | ')} |`;
  const rule = `| --- | --- | ${probed.map(() => '---').join(' | ')} |`;
  const rows = [...firstEvaluation].map(([gate, any]) => {
    const cells = probed.map((l) => {
      const g = l.gates.find((x) => x.gate === gate);
      return g ? `${ICON[g.verdict] ?? ''} ${g.verdict} ${cell(formatValue(g.value, g.unit))}` : '—';
    });
    return `| ${gate} | > ${cell(formatValue(any.threshold, any.unit))} | ${cells.join(' | ')} |`;
  });
  const legsWithout = legs.filter((l) => !probed.includes(l as LegGates & { gates: GateEvaluation[] }));
  const note = legsWithout.length
    ? `\n\n_Not probed: ${legsWithout.map((l) => cell(l.label)).join(', ')}._`
    : '';
  return `### Quality gates per leg (one probe each)\n\n${verdicts.join('\n')}\n\n${[head, rule, ...rows].join('\n')}${note}`;
}
