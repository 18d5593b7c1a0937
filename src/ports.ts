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
  /** Who to call out (escalation), as text; `recipients` is preferred. */
  mention?: string;
  /** Who to call out, by name (e.g. "@dhash-oncall"); notifications.mentions maps names to native ids. */
  recipients?: string[];
  /**
   * The incident this message belongs to (one gate breach, one rollback): its alert, escalations
   * and resolution share it, so a pager can trigger and later resolve the same incident.
   * Defaults to the dedup key.
   */
  incidentKey?: string;
  /** Other incidents this message closes (a validated rollback closes the breaches that caused it). */
  resolves?: string[];
  /**
   * Unique per occurrence (include the breach start or a sequence), identical on retry and replay.
   * Defaults to `${deploymentId}:${event}`; channels that support it use it to avoid double posts.
   */
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
  /** Neither delivered nor stored (the fallback file could not be written): printed whole on stderr. */
  printed?: boolean;
  /** Where it went, safe to print (scheme and host, or smtp://host:port). */
  target?: string;
  /** Clock milliseconds this channel took, retries and waits included. */
  elapsedMs?: number;
}

export interface DeliveryReport {
  deliveries: ChannelDelivery[];
  /** Every enabled channel delivered. */
  allDelivered: boolean;
  /** The message's dedup key (deployment id + event unless the message set one). */
  dedupKey?: string;
  /** The fallback file, when anything was written to it. */
  fallbackPath?: string;
  /** Some channel's message could be neither delivered nor stored, and was printed on stderr. */
  printed?: boolean;
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
  /** Refuse unless the backup's sha256 is this one (a pinned backup, restored exactly). */
  expectedSha256?: string;
  /** After the restore the live release must not be this one (the release that failed). */
  failedRelease?: string | null;
  /** False: the caller announces the rollback itself (the monitor), so this layer stays silent. */
  announce?: boolean;
}

/** Which backup a rollback would restore (RollbackRunner.plan). */
export type RollbackSelection =
  /** Exactly this file; with sha256, only if it still has that checksum. */
  | { kind: 'backup'; path: string; sha256?: string }
  /** The backup the last deploy of this environment took before it changed anything. */
  | { kind: 'latest-before-deploy' }
  /** The newest verified backup whose release differs from `watchedRelease`, made no later than `notAfterMs`. */
  | { kind: 'auto'; watchedRelease: string | null; notAfterMs: number };

export interface RollbackPlan {
  backup: string | null;
  detail: string;
  sha256?: string | null;
  /** The release the backup holds (its manifest's `release`). */
  release?: string | null;
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
  plan(environment: string, selection?: RollbackSelection): Promise<RollbackPlan>;
  /** The release live now, when the target can tell (what the monitor is watching). */
  liveRelease?(): Promise<string | null>;
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
  /** Starts the live release; resolves once it answers its health check, else throws why not. */
  start(): Promise<void>;
  restart(): Promise<void>;
  /** The release that was live before the current one, when the target can tell; a code-only
   * rollback goes there. */
  previousRelease(): Promise<string | null>;
  /** Code-only rollback: make the previous release live again and restart. Throws when there is
   * no previous release. */
  rollbackRelease(options?: {
    reason?: string;
    deploymentId?: string;
  }): Promise<{ from: string | null; to: string }>;
}

/** Health plus smoke checks of a running service (smoke issue); used after deploys and rollbacks. */
export interface ServiceValidator {
  validate(options?: { quick?: boolean; signal?: AbortSignal }): Promise<{ ok: boolean; detail: string }>;
}

/** A release bundle resolved on this host. */
export interface ReleaseBundle {
  /** The release id: release.json's "version". */
  id: string;
  /** The directory holding server.js, release.json, migrations/. */
  path: string;
}

/** What a deploy step tells the target about the rollout. */
export interface ReleaseContext {
  environment: string;
  deploymentId: string;
  backupPath?: string;
  signal?: AbortSignal;
}

/**
 * The deploy-time side of a target: stage a release, make it live, and put the previous one back.
 * Every target implements it; `createReleaseTargetFor` builds them.
 */
export interface ReleaseTarget extends DeployTarget {
  /** One line for plans and logs, e.g. "local /srv/dhash (supervisor)". */
  describe(): string;
  /** What activate/revert would run, for dry-run plans. */
  planSteps(bundle: ReleaseBundle, previous: string | null): string[];
  /** Puts the release where activate() can use it (local: releases/<id> plus the install step).
   * Returns how to undo exactly what it did. */
  stage(bundle: ReleaseBundle, context: ReleaseContext): Promise<{ undo(): Promise<void>; detail: string }>;
  /** Makes the staged release live and (re)starts the service. */
  activate(bundle: ReleaseBundle, context: ReleaseContext): Promise<void>;
  /** Puts `previous` back (or, when null, stops the service and clears the live release). */
  revert(previous: string | null, failed: string, context: ReleaseContext): Promise<void>;
  /** A reason the service cannot become healthy (it crashed), or null; checked while waiting. */
  serviceProblem(): Promise<string | null>;
  /** Removes releases beyond the kept number (never the live or previous one); returns removed ids. */
  prune(): Promise<string[]>;
}
