import type { GateFigure, NotificationEvent, NotificationLevel, NotificationMessage } from '../../ports.js';
import { recipientsOf } from './mentions.js';

/**
 * What every channel shows, decided once: headline, facts, gate lines and links. Each renderer
 * only lays this out the way its product looks good.
 */
export const EVENT_LABELS: Record<NotificationEvent, string> = {
  deployment_start: 'Deployment started',
  deployment_success: 'Deployment succeeded',
  deployment_failure: 'Deployment failed',
  rollback_start: 'Rollback started',
  rollback_success: 'Rollback succeeded',
  rollback_failure: 'Rollback failed',
  monitoring_alert: 'Monitoring alert',
  gate_resolved: 'Gate resolved',
  escalation: 'Escalation',
};

export const LEVEL_EMOJI: Record<NotificationLevel, string> = {
  info: 'ℹ️',
  warning: '⚠️',
  error: '❌',
  critical: '🚨',
};

/** Hex colours per level (green, amber, red, dark red). */
export const LEVEL_COLOR: Record<NotificationLevel, number> = {
  info: 0x2eb67d,
  warning: 0xecb22e,
  error: 0xe01e5a,
  critical: 0x8b0000,
};

export const VERDICT_MARK: Record<GateFigure['verdict'], string> = {
  pass: '✅',
  warn: '⚠️',
  fail: '❌',
  inconclusive: '❔',
};

export function dedupKeyOf(message: NotificationMessage): string {
  return message.dedupKey ?? `${message.deploymentId}:${message.event}`;
}

/** The incident a message belongs to: its own dedup key unless it is part of a breach or rollback. */
export function incidentKeyOf(message: NotificationMessage): string {
  return message.incidentKey ?? dedupKeyOf(message);
}

/** The body text, or '' when it only repeats the title (an operator's one-line message). */
export function bodyText(message: NotificationMessage): string {
  return message.text.trim() === message.title.trim() ? '' : message.text;
}

export function headline(message: NotificationMessage): string {
  return `${LEVEL_EMOJI[message.level]} ${message.title}`;
}

export interface Fact {
  label: string;
  value: string;
}

export function facts(message: NotificationMessage): Fact[] {
  const list: Fact[] = [
    { label: 'Environment', value: message.environment },
    { label: 'Event', value: EVENT_LABELS[message.event] },
    { label: 'Level', value: message.level },
  ];
  if (message.version) list.push({ label: 'Version', value: message.version });
  list.push({ label: 'Deployment', value: message.deploymentId });
  return list;
}

function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toFixed(3)));
}

function withUnit(value: number, unit: string): string {
  if (unit === '%') return `${formatNumber(value)}%`;
  return unit ? `${formatNumber(value)} ${unit}` : formatNumber(value);
}

/** "❌ p95_hash_time: 2450 ms (threshold 2000 ms)". */
export function gateLine(gate: GateFigure): string {
  const value = gate.value === null ? 'no data' : withUnit(gate.value, gate.unit);
  const detail = gate.detail ? ` — ${gate.detail}` : '';
  return `${VERDICT_MARK[gate.verdict]} ${gate.gate}: ${value} (threshold ${withUnit(gate.threshold, gate.unit)})${detail}`;
}

export interface Link {
  label: string;
  url: string;
}

export function links(message: NotificationMessage): Link[] {
  const out: Link[] = [];
  if (message.links?.run) out.push({ label: 'Workflow run', url: message.links.run });
  if (message.links?.logs) out.push({ label: 'Logs', url: message.links.logs });
  if (message.links?.report) out.push({ label: 'Report', url: message.links.report });
  return out.filter((l) => /^https?:\/\//.test(l.url));
}

/** The recipients' names as one line ('' when none). */
export function recipientsLine(message: NotificationMessage): string {
  return recipientsOf(message).join(' ');
}

/** The whole message as plain text: the e-mail body and every channel's fallback text. */
export function plainText(message: NotificationMessage): string {
  const lines = [message.title, ''];
  if (bodyText(message)) lines.push(bodyText(message), '');
  if (recipientsLine(message)) lines.push(`Attention: ${recipientsLine(message)}`, '');
  for (const f of facts(message)) lines.push(`${f.label}: ${f.value}`);
  if (message.gates && message.gates.length > 0) {
    lines.push('', 'Quality gates:');
    for (const g of message.gates) lines.push(`  ${gateLine(g)}`);
  }
  const ls = links(message);
  if (ls.length > 0) {
    lines.push('');
    for (const l of ls) lines.push(`${l.label}: ${l.url}`);
  }
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
