import type { GateName } from '../../config/schema.js';
import type { AlertEvent } from '../../domain/alerts/alert-tracker.js';
import { breachWords, headlineWords, recoveryWords } from '../../domain/gates/catalog/gate-words.js';
import type { GateEvaluation } from '../../domain/gates/types.js';
import type { GateFigure, NotificationMessage } from '../../ports.js';

export interface MessageContext {
  environment: string;
  deploymentId: string;
  version?: string;
  links?: NotificationMessage['links'];
}

export function figure(e: GateEvaluation): GateFigure {
  return {
    gate: e.gate,
    verdict: e.verdict,
    value: e.value,
    threshold: e.threshold,
    unit: e.unit,
    detail: e.reason,
  };
}

function minutes(ms: number): string {
  const m = ms / 60_000;
  return m < 1 ? `${Math.round(ms / 1000)} s` : `${m.toFixed(m < 10 ? 1 : 0)} min`;
}

/** The message for an alert-state event; one per event, never one per poll. */
export function alertMessage(event: AlertEvent, ctx: MessageContext): NotificationMessage {
  const e = event.evaluation;
  const common = {
    environment: ctx.environment,
    deploymentId: ctx.deploymentId,
    version: ctx.version,
    links: ctx.links,
    gates: [figure(e)],
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
export function breachKey(ctx: MessageContext, gate: GateName, startedAt: number): string {
  return `${ctx.deploymentId}:breach:${gate}:${startedAt}`;
}

/** One automatic rollback of a deployment: its start triggers a page, its validated end resolves it. */
export function rollbackIncidentKey(ctx: MessageContext): string {
  return `${ctx.deploymentId}:rollback`;
}

export function rollbackStartMessage(
  failing: GateEvaluation[],
  backup: string,
  ctx: MessageContext,
): NotificationMessage {
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
    gates: failing.map(figure),
  };
}

export function rollbackEndMessage(
  ok: boolean,
  detail: string,
  failing: GateName[],
  ctx: MessageContext,
): NotificationMessage {
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

export function confirmationMessage(
  failing: GateEvaluation[],
  command: string,
  ctx: MessageContext,
): NotificationMessage {
  return {
    event: 'monitoring_alert',
    level: 'critical',
    title: `dhash ${ctx.environment}: rollback needed (confirmation required)`,
    text: `Quality gate${failing.length > 1 ? 's' : ''} ${failing.map((f) => f.gate).join(', ')} failed: ${failing.map(breachWords).join(' ')} auto_rollback.confirmation_required is set, so nothing was rolled back. To roll back, run:\n${command}`,
    environment: ctx.environment,
    deploymentId: ctx.deploymentId,
    version: ctx.version,
    links: ctx.links,
    gates: failing.map(figure),
    dedupKey: `${ctx.deploymentId}:rollback_confirmation`,
  };
}

export function rollbackCommand(environment: string, backup: string | null): string {
  const quoted =
    backup === null ? 'latest' : /^[\w./:\\-]+$/.test(backup) ? backup : `"${backup.replace(/"/g, '\\"')}"`;
  return `dhash-rollout rollback --env ${environment} --backup ${quoted}`;
}

/** The metrics endpoint (or Prometheus) stopped answering while health passes, or came back. */
export function metricsOutageMessage(
  down: boolean,
  gates: GateName[],
  detail: string,
  ctx: MessageContext,
): NotificationMessage {
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
export function inconclusiveMessage(
  withoutVerdict: Array<{ gate: string; reason: string }>,
  ctx: MessageContext,
): NotificationMessage {
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
