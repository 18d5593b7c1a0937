/**
 * The contracts between use-cases that land in different issues. The monitor calls rollback and
 * notification code only through these, so each side can be built and tested on its own.
 * Change them additively and keep every implementation honest: a port reports what happened,
 * never what was hoped.
 */
import type { GateName } from './config/schema.js';

export const NOTIFICATION_EVENTS = [
  'deployment_start',
  'deployment_success',
  'deployment_failure',
  'rollback_start',
  'rollback_success',
  'rollback_failure',
  'monitoring_alert',
  'gate_resolved',
  'escalation',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

export const NOTIFICATION_LEVELS = ['info', 'warning', 'error', 'critical'] as const;
export type NotificationLevel = (typeof NOTIFICATION_LEVELS)[number];

/** A gate's value against its threshold, as shown in messages and summaries. */
export interface GateFigure {
  gate: GateName;
  verdict: 'pass' | 'warn' | 'fail' | 'inconclusive';
  value: number | null;
  threshold: number;
  unit: string;
  detail?: string;
}

export interface NotificationMessage {
  event: NotificationEvent;
  level: NotificationLevel;
  title: string;
  text: string;
  environment: string;
  deploymentId: string;
  version?: string;
  gates?: GateFigure[];
  links?: { run?: string; logs?: string; report?: string };
  /** Who to call out (escalation). */
  mention?: string;
  /** Defaults to `${deploymentId}:${event}`; channels that support it use it to avoid double posts. */
  dedupKey?: string;
  /** Restrict to these channels (escalation levels); default every enabled channel. */
  channels?: string[];
}

export interface ChannelDelivery {
  channel: string;
  delivered: boolean;
  attempts: number;
  error?: string;
  /** True when the message was appended to the fallback file instead. */
  fellBack: boolean;
}

export interface DeliveryReport {
  deliveries: ChannelDelivery[];
  /** Every enabled channel delivered. */
  allDelivered: boolean;
}

export interface Notifier {
  send(message: NotificationMessage, signal?: AbortSignal): Promise<DeliveryReport>;
}

export interface RollbackRequest {
  environment: string;
  /** A backup file path, or "latest" (newest verified backup), or "previous-release" (code only). */
  backup: string;
  reason: string;
  deploymentId: string;
  skipValidation?: boolean;
  signal?: AbortSignal;
}

export interface RollbackOutcome {
  ok: boolean;
  /** The backup (or release) restored. */
  restored?: string;
  fromRelease?: string | null;
  toRelease?: string | null;
  validation?: { ok: boolean; detail: string };
  error?: string;
}

export interface RollbackRunner {
  /** Which backup or release a rollback would use now, without doing it (dry-run plans). */
  plan(environment: string): Promise<{ backup: string | null; detail: string }>;
  rollback(request: RollbackRequest): Promise<RollbackOutcome>;
}

/** What a deploy target reports about the service it runs. */
export interface TargetStatus {
  running: boolean;
  /** The live release id, when the target can tell. */
  release: string | null;
  pid?: number;
  detail: string;
}

/**
 * Where the service runs (`local` on this host, or `command`: user scripts driving kubectl, helm,
 * ssh...). Implemented in src/adapters/targets/ (deploy issue); backup, rollback and monitor use
 * only this port. Extend it additively.
 */
export interface DeployTarget {
  readonly kind: 'local' | 'command';
  /** For `local`: the directory holding releases/, current, shared/; backup paths are relative
   * to it. Null for `command` targets, whose files are not on this host. */
  readonly root: string | null;
  currentRelease(): Promise<string | null>;
  status(): Promise<TargetStatus>;
  stop(): Promise<void>;
  start(): Promise<void>;
  restart(): Promise<void>;
}

/** Health plus smoke checks of a running service (smoke issue); used after deploys and rollbacks. */
export interface ServiceValidator {
  validate(options?: { quick?: boolean; signal?: AbortSignal }): Promise<{ ok: boolean; detail: string }>;
}
