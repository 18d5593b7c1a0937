import type { MonitorEvidence } from './evidence.js';
import { formatDuration, formatValue, formatWindow } from './format.js';

/**
 * What the report shows, derived once from the evidence file: the verdict in words, the deciding
 * gates with the numbers behind them, each gate's series and summary, and the moments worth
 * marking on a chart. The HTML page, its charts and the job summary all render this, so they
 * cannot tell different stories; a field the evidence gains later is read here and nowhere else.
 */

export type ResultKind =
  | 'passed'
  | 'alerted'
  | 'rolled_back'
  | 'rollback_failed'
  | 'inconclusive'
  | 'interrupted'
  | 'preempted'
  | 'unknown';

/** Colour family of a verdict; the words and the symbol carry the same meaning without colour. */
export type Tone = 'ok' | 'warn' | 'bad' | 'critical' | 'neutral';

export interface OutcomeView {
  kind: ResultKind;
  /** The result as the evidence spells it. */
  raw: string;
  /** `Rolled back`. */
  words: string;
  /** A symbol that says the same without colour. */
  symbol: string;
  /** The same as an emoji, for Markdown. */
  emoji: string;
  tone: Tone;
  /** One sentence: what happened and what is live now. */
  sentence: string;
}

export type PointVerdict = 'pass' | 'warn' | 'fail' | 'inconclusive';

export interface PointView {
  at: number;
  value: number | null;
  verdict: PointVerdict;
  /** `poll`, `health` (between polls) or a later kind such as a confirmation re-check. */
  kind: string;
  samples: number | null;
  reason: string;
}

/** A reading that has a value. */
export type ValuedPoint = PointView & { value: number };

const hasValue = (p: PointView): p is ValuedPoint => p.value !== null;

/** How a gate ended, for the table: worst first. */
export type GateStatus = 'failed' | 'breached' | 'inconclusive' | 'passed' | 'not measured';

export interface GateView {
  gate: string;
  unit: string;
  threshold: number;
  actions: string[];
  windowMinutes: number | null;
  minSamples: number | null;
  source: string;
  points: PointView[];
  status: GateStatus;
  /** Decided the result (rolled back, alerted, or left it inconclusive). */
  deciding: boolean;
  last: PointView | null;
  worst: ValuedPoint | null;
  /** Readings at scheduled polls and their confirmation re-checks (health: every check). */
  polls: number;
  pollsInBreach: number;
  pollsInconclusive: number;
  firstBreachAt: number | null;
}

export type MarkerKind =
  | 'deploy'
  | 'watch_start'
  | 'phase'
  | 'alert'
  | 'escalation'
  | 'resolved'
  | 'recheck'
  | 'decision'
  | 'rollback_start'
  | 'rollback_end'
  | 'end';

export interface MarkerView {
  at: number;
  kind: MarkerKind;
  label: string;
  /** The gates it concerns; empty: every gate. */
  gates: string[];
  detail: string;
}

export interface DecidingView {
  gate: string;
  value: number | null;
  unit: string;
  threshold: number;
  windowMinutes: number | null;
  samples: number | null;
  minSamples: number | null;
  at: number | null;
  reason: string;
  /** `4,875 ms > 2,000 ms (P95 over 30 s, 42 samples, at least 20 needed)`. */
  summary: string;
}

export interface RollbackView {
  startedAt: number;
  endedAt: number;
  durationMs: number;
  ok: boolean;
  backup: string | null;
  validation: string | null;
  error: string | null;
}

export interface ReportView {
  outcome: OutcomeView;
  environment: string;
  deploymentId: string;
  release: { watched: string | null; before: string | null; liveAfter: string | null };
  startedAt: number;
  endedAt: number;
  /** When the release went live, if the evidence knows; else the start of monitoring. */
  deployedAt: number;
  deployKnown: boolean;
  /** The moment the monitor took the deciding decision (rollback, alert), if any. */
  decidedAt: number | null;
  /** From deploy to the decision. */
  detectionMs: number | null;
  rollback: RollbackView | null;
  rollbackCommand: string | null;
  deciding: DecidingView[];
  /** Deciding gates first, then breached, then inconclusive, then the rest in config order. */
  gates: GateView[];
  /** The gate the job summary charts: the deciding one, or else the one nearest its threshold. */
  focus: GateView | null;
  markers: MarkerView[];
  decisions: Array<{ at: number; kind: string; gates: string[]; detail: string }>;
  notifications: Array<{ at: number; event: string; level: string; delivered: boolean; detail: string }>;
  polls: number;
  plannedPolls: number;
  windowMinutes: number;
  metricsSource: string;
  files: { log: string; evidence: string; report: string };
}

const OUTCOMES: Record<ResultKind, Omit<OutcomeView, 'raw' | 'sentence' | 'kind'>> = {
  passed: { words: 'Passed', symbol: '✓', emoji: '✅', tone: 'ok' },
  alerted: { words: 'Passed with alerts', symbol: '!', emoji: '⚠️', tone: 'warn' },
  rolled_back: { words: 'Rolled back', symbol: '↩', emoji: '↩️', tone: 'bad' },
  rollback_failed: { words: 'Rollback FAILED', symbol: '✕', emoji: '🛑', tone: 'critical' },
  inconclusive: { words: 'Inconclusive', symbol: '?', emoji: '❔', tone: 'neutral' },
  interrupted: { words: 'Interrupted', symbol: '■', emoji: '⏹️', tone: 'neutral' },
  preempted: { words: 'Preempted', symbol: '■', emoji: '⏭️', tone: 'neutral' },
  unknown: { words: 'Unknown result', symbol: '?', emoji: '❔', tone: 'neutral' },
};

function resultKind(raw: string): ResultKind {
  return raw in OUTCOMES ? (raw as ResultKind) : 'unknown';
}

function toVerdict(v: string): PointVerdict {
  return v === 'pass' || v === 'warn' || v === 'fail' ? v : 'inconclusive';
}

const isBreach = (v: PointVerdict): boolean => v === 'warn' || v === 'fail';

const ms = (iso: string | null | undefined): number | null => {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : null;
};

function gateView(g: MonitorEvidence['gates'][number], ev: MonitorEvidence, deciding: Set<string>): GateView {
  const points: PointView[] = ev.measurements
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
  let worst: ValuedPoint | null = null;
  for (const p of points) if (hasValue(p) && (worst === null || p.value > worst.value)) worst = p;
  const anyFail = points.some((p) => p.verdict === 'fail');
  const anyWarn = points.some((p) => p.verdict === 'warn');
  const last = points.at(-1) ?? null;
  const status: GateStatus =
    points.length === 0
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

const STATUS_ORDER: Record<GateStatus, number> = {
  failed: 0,
  breached: 1,
  inconclusive: 2,
  passed: 3,
  'not measured': 4,
};

function decidingSummary(d: Omit<DecidingView, 'summary'>): string {
  const over =
    d.value === null
      ? `no data (threshold ${formatValue(d.threshold, d.unit)})`
      : `${formatValue(d.value, d.unit)} ${d.value > d.threshold ? '>' : '≤'} ${formatValue(d.threshold, d.unit)}`;
  const facts: string[] = [];
  facts.push(d.windowMinutes !== null ? `over ${formatWindow(d.windowMinutes)}` : 'instant reading');
  if (d.samples !== null)
    facts.push(
      `${Math.floor(d.samples)} samples${d.minSamples !== null ? `, at least ${d.minSamples} needed` : ''}`,
    );
  return `${over} (${facts.join(', ')})`;
}

/**
 * The deciding gates: those the monitor named; an inconclusive run without names is decided by
 * the gates that ended without data.
 */
function decidingGateNames(ev: MonitorEvidence, kind: ResultKind): string[] {
  let decidingNames: string[] = [...ev.failed_gates];
  // Files before v2 lack without_verdict: read it defensively.
  const withoutVerdict = (ev.without_verdict as MonitorEvidence['without_verdict'] | undefined) ?? [];
  if (decidingNames.length === 0 && kind === 'inconclusive' && withoutVerdict.length > 0)
    decidingNames = withoutVerdict.map((w) => w.gate);
  if (decidingNames.length === 0 && kind === 'inconclusive') {
    decidingNames = ev.gates
      .map((g) => g.gate as string)
      .filter((g) => {
        const last = ev.measurements.filter((m) => m.gate === g).at(-1);
        return last?.verdict === 'inconclusive';
      });
  }
  return decidingNames;
}

/** Gate views: deciding first, then by status, then in the config's order. */
function sortedGateViews(ev: MonitorEvidence, decidingSet: Set<string>): GateView[] {
  const configOrder = new Map(ev.gates.map((g, i) => [g.gate as string, i]));
  return ev.gates
    .map((g) => gateView(g, ev, decidingSet))
    .sort(
      (a, b) =>
        Number(b.deciding) - Number(a.deciding) ||
        STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
        // every gate view comes from ev.gates, so both are in the map
        (configOrder.get(a.gate) ?? 0) - (configOrder.get(b.gate) ?? 0),
    );
}

function decidingViews(gates: GateView[], decidedAt: number | null, kind: ResultKind): DecidingView[] {
  return gates
    .filter((g) => g.deciding)
    .map((g) => {
      // The reading the decision rests on: the last breach up to the decision (its poll round
      // may be stamped a moment before its readings), else the last reading before it.
      const at = decidedAt ?? g.firstBreachAt;
      const upTo = at !== null ? g.points.filter((p) => p.at <= at + 2_000) : g.points;
      const point =
        upTo.filter((p) => isBreach(p.verdict)).at(-1) ??
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

function rollbackView(ev: MonitorEvidence): RollbackView | null {
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
function releaseView(ev: MonitorEvidence, kind: ResultKind): ReportView['release'] {
  const watched = ev.version ?? null;
  const rollbackTarget = (ev.rollback_target as MonitorEvidence['rollback_target'] | undefined) ?? null;
  const before = ev.previous_version ?? rollbackTarget?.release ?? null;
  const liveAfter =
    kind === 'rolled_back' ? before : kind === 'rollback_failed' ? null : kind === 'unknown' ? null : watched;
  return { watched, before, liveAfter };
}

/** The deciding gate, else the one whose worst reading came closest to (or went furthest past) its threshold. */
function focusGate(gates: GateView[]): GateView | null {
  const byWorstRatio = gates
    .flatMap((g) => (g.worst && g.threshold > 0 ? [{ g, ratio: g.worst.value / g.threshold }] : []))
    .sort((a, b) => b.ratio - a.ratio);
  return gates.find((g) => g.deciding) ?? byWorstRatio.at(0)?.g ?? null;
}

/** The view of one monitoring run. Pure: the same evidence always gives the same view. */
export function buildReportView(ev: MonitorEvidence): ReportView {
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
  const decidingDecision =
    decisions.find((d) => /^rollback/.test(d.kind)) ??
    (kind === 'alerted' || kind === 'inconclusive'
      ? decisions.find((d) => d.kind === 'alert' || (d.kind as string) === 'inconclusive')
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

function outcomeSentence(
  kind: ResultKind,
  c: {
    watched: string | null;
    before: string | null;
    environment: string;
    deciding: string[];
    breached: string[];
    rollback: RollbackView | null;
    interrupted: { signal: string; at: string } | null;
  },
): string {
  const release = c.watched ? `Release ${c.watched}` : 'The release';
  const gates = (names: string[]): string => names.join(', ');
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

interface MarkerContext {
  deployedAt: number;
  deployKnown: boolean;
  startedAt: number;
  endedAt: number;
  kind: ResultKind;
  rollback: RollbackView | null;
  watched: string | null;
}

/** The deploy (or watch start), the watch start when later, and the change of poll interval. */
function startMarkers(ev: MonitorEvidence, c: MarkerContext): MarkerView[] {
  const markers: MarkerView[] = [];
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
      label: `polls ${formatDuration(p.initial_interval_seconds * 1000)} → ${formatDuration(p.normal_interval_seconds * 1000)}`,
      gates: [],
      detail: `polling every ${formatDuration(p.normal_interval_seconds * 1000)} from here (every ${formatDuration(p.initial_interval_seconds * 1000)} before)`,
    });
  return markers;
}

function decisionMarkers(ev: MonitorEvidence, c: MarkerContext): MarkerView[] {
  const markers: MarkerView[] = [];
  for (const d of ev.decisions) {
    const at = Date.parse(d.at);
    if (d.kind === 'alert' || d.kind === 'escalation' || d.kind === 'resolved')
      markers.push({ at, kind: d.kind, label: d.kind, gates: d.gates, detail: d.detail });
    else if (d.kind === 'rollback' && c.rollback) continue;
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
function recheckMarkers(ev: MonitorEvidence): MarkerView[] {
  const markers: MarkerView[] = [];
  const previous = new Map<string, string>();
  for (const m of ev.measurements) {
    const before = previous.get(m.gate);
    previous.set(m.gate, m.verdict);
    const explicit = /confirm|recheck|re-check/.test(m.kind);
    const breachNearby =
      before === 'warn' || before === 'fail' || m.verdict === 'warn' || m.verdict === 'fail';
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
function endMarkers(c: MarkerContext): MarkerView[] {
  const markers: MarkerView[] = [];
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
function buildMarkers(ev: MonitorEvidence, c: MarkerContext): MarkerView[] {
  const markers = [
    ...startMarkers(ev, c),
    ...decisionMarkers(ev, c),
    ...recheckMarkers(ev),
    ...endMarkers(c),
  ];
  return markers.sort((a, b) => a.at - b.at);
}
