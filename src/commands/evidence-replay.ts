import { readFileSync } from 'node:fs';
import { MonitorDecider, type Decision, type DecisionKind } from '../domain/gates/decider.js';
import { samplesFromInputs, valueFromInputs } from '../domain/gates/inputs.js';
import type { JudgedRule } from '../domain/gates/judge.js';
import type { Measurement, NoDataPolicy } from '../domain/gates/types.js';
import { EVIDENCE_SCHEMA, type MonitorEvidence } from '../report/evidence.js';
import { UsageError } from '../runtime/errors.js';

/**
 * `evidence replay <file>`: recomputes every value of a monitor evidence file from its raw inputs,
 * re-judges every reading with the same decision code the monitor ran (failure limits, health
 * streaks, alert state, escalations, the rollback decision) and the config recorded in the file,
 * and compares each value, verdict, reason, decision and the run's result with what was recorded.
 * Any difference is reported; a file that replays identically proves its decisions.
 */
export interface ReplayResult {
  file: string;
  ok: boolean;
  readings: number;
  decisions: number;
  result: string;
  differences: string[];
}

/** Decisions that follow from the readings alone (outages and skipped rollbacks depend on more). */
const REPLAYED_KINDS = new Set<DecisionKind>([
  'alert',
  'resolved',
  'escalation',
  'rollback',
  'rollback_needs_confirmation',
  'rollback_disabled',
]);

function sameNumber(a: number | null | undefined, b: number | null | undefined): boolean {
  const x = a ?? null;
  const y = b ?? null;
  if (x === null || y === null) return x === y;
  return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
}

export function readEvidence(path: string): MonitorEvidence {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`<file>: cannot read ${path} as JSON: ${(error as Error).message}`);
  }
  const schema = typeof doc === 'object' && doc !== null ? (doc as { schema?: unknown }).schema : undefined;
  if (schema !== EVIDENCE_SCHEMA)
    throw new UsageError(
      `<file>: ${path} is not a monitor evidence file of schema "${EVIDENCE_SCHEMA}" (schema: ${JSON.stringify(schema)})`,
    );
  return doc as MonitorEvidence;
}

type RecordedReading = MonitorEvidence['measurements'][number];
type ReplayStep = ReturnType<MonitorDecider['metric']>;

export function replayEvidence(doc: MonitorEvidence, file = '(evidence)'): ReplayResult {
  const differences: string[] = [];
  const decider = deciderFor(doc);
  const replayed: Decision[] = [];
  doc.measurements.forEach((m, index) => {
    const where = `reading ${index + 1} (${m.gate} at ${m.at})`;
    const step = replayReading(decider, m, where, differences);
    if (!step) return;
    compareReading(step, m, where, differences);
    replayed.push(...step.decisions);
  });
  const recorded = doc.decisions.filter((d) => REPLAYED_KINDS.has(d.kind));
  compareDecisions(
    recorded,
    replayed.filter((d) => REPLAYED_KINDS.has(d.kind)),
    differences,
  );
  const result = compareOutcome(doc, decider, differences);
  return {
    file,
    ok: differences.length === 0,
    readings: doc.measurements.length,
    decisions: recorded.length,
    result,
    differences,
  };
}

/** A decider with the gates, auto_rollback and escalation recorded in the file. */
function deciderFor(doc: MonitorEvidence): MonitorDecider {
  const rules: JudgedRule[] = doc.gates.map((g) => ({
    gate: g.gate,
    threshold: g.threshold,
    unit: g.unit,
    actions: g.actions as JudgedRule['actions'],
    windowMs: g.window_minutes !== null ? g.window_minutes * 60_000 : undefined,
    minSamples: g.min_samples ?? undefined,
    noData: g.no_data as NoDataPolicy,
    checkIntervalMs: g.check_interval_seconds !== null ? g.check_interval_seconds * 1000 : undefined,
    failureLimit: g.failure_limit ?? undefined,
    inconclusiveLimit: g.inconclusive_limit ?? undefined,
  }));
  return new MonitorDecider({
    rules,
    autoRollback: {
      enabled: doc.auto_rollback.enabled,
      confirmationRequired: doc.auto_rollback.confirmation_required,
    },
    escalation: doc.escalation,
  });
}

/** Feeds one recorded reading to the decider (a metric's value recomputed from its inputs first);
 * null for a health reading without the check's answer. */
function replayReading(
  decider: MonitorDecider,
  m: RecordedReading,
  where: string,
  differences: string[],
): ReplayStep | null {
  const at = Date.parse(m.at);
  if (m.kind === 'health') {
    if (!m.health) {
      differences.push(`${where}: a health reading without the check's answer`);
      return null;
    }
    return decider.health(
      {
        at: Date.parse(m.measured_at),
        ok: m.health.ok,
        detail: m.health.detail,
        attempts: m.health.attempts,
      },
      m.source,
      at,
    );
  }
  const value = m.inputs ? valueFromInputs(m.inputs) : null;
  const samples = m.inputs ? samplesFromInputs(m.inputs) : null;
  if (!sameNumber(value, m.value))
    differences.push(`${where}: value ${m.value} recorded, ${value} recomputed from its inputs`);
  if (!sameNumber(samples, m.samples))
    differences.push(`${where}: ${m.samples} samples recorded, ${samples} recomputed from its inputs`);
  const measurement: Measurement = {
    gate: m.gate,
    at: Date.parse(m.measured_at),
    value,
    samples,
    source: m.source,
    detail: m.detail,
    error: m.error,
    inputs: m.inputs,
  };
  return decider.metric(measurement, at);
}

/** The replayed verdict, reason, failure count and confirming state against the recorded ones. */
function compareReading(step: ReplayStep, m: RecordedReading, where: string, differences: string[]): void {
  const e = step.evaluation;
  if (e.verdict !== m.verdict)
    differences.push(`${where}: verdict ${m.verdict} recorded, ${e.verdict} replayed`);
  else if (e.reason !== m.reason)
    differences.push(`${where}: reason "${m.reason}" recorded, "${e.reason}" replayed`);
  if (m.kind === 'health' && !sameNumber(e.value, m.value))
    differences.push(`${where}: ${m.value} consecutive failures recorded, ${e.value} replayed`);
  if ((e.confirming ?? null) !== (m.confirming ?? null))
    differences.push(`${where}: confirming ${m.confirming ?? '-'} recorded, ${e.confirming ?? '-'} replayed`);
}

/** The recorded decisions against the replayed ones, one by one. */
function compareDecisions(
  recorded: MonitorEvidence['decisions'],
  replayedKept: Decision[],
  differences: string[],
): void {
  const count = Math.max(recorded.length, replayedKept.length);
  for (let i = 0; i < count; i++) {
    const r = recorded.at(i);
    const p = replayedKept.at(i);
    const show = (d: { kind: string; gates: string[]; at: string | number } | undefined): string =>
      d
        ? `${d.kind} [${d.gates.join(', ')}] at ${typeof d.at === 'number' ? new Date(d.at).toISOString() : d.at}`
        : '(none)';
    if (
      !r ||
      !p ||
      r.kind !== p.kind ||
      r.gates.join() !== p.gates.join() ||
      Date.parse(r.at) !== p.at ||
      r.detail !== p.detail
    )
      differences.push(`decision ${i + 1}: ${show(r)} recorded, ${show(p)} replayed`);
  }
}

/** The run's result and its gates without a verdict, replayed against the recorded ones. */
function compareOutcome(doc: MonitorEvidence, decider: MonitorDecider, differences: string[]): string {
  const confirmationSent = doc.decisions.some((d) => d.kind === 'rollback_needs_confirmation');
  const { result, withoutVerdict } = decider.outcome({
    rollbackOk: doc.rollback ? doc.rollback.ok : undefined,
    interrupted: doc.interrupted != null,
    preempted: doc.preempted != null,
    confirmationSent,
  });
  if (result !== doc.result) differences.push(`result ${doc.result} recorded, ${result} replayed`);
  const gatesWithout = (list: Array<{ gate: string }>): string => list.map((g) => g.gate).join(', ');
  if (gatesWithout(withoutVerdict) !== gatesWithout(doc.without_verdict))
    differences.push(
      `gates without a verdict: [${gatesWithout(doc.without_verdict)}] recorded, [${gatesWithout(withoutVerdict)}] replayed`,
    );
  return result;
}
