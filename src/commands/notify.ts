import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { LoadedConfig } from '../config/load.js';
import type { ChannelName } from '../config/channels.js';
import type { ReplayProgress, ReplayReport } from '../adapters/notify/replay.js';
import { githubRunUrl } from '../domain/messages/compose.js';
import { dedupKeyOf } from '../domain/messages/content.js';
import { ExitCode } from '../runtime/exit-codes.js';
import {
  NOTIFICATION_EVENTS,
  NOTIFICATION_LEVELS,
  type DeliveryReport,
  type NotificationEvent,
  type NotificationLevel,
  type NotificationMessage,
  type Notifier,
} from '../ports.js';
import type { Clock } from '../runtime/clock.js';
import { newDeploymentId } from '../runtime/deployment-id.js';
import { UsageError } from '../runtime/errors.js';
import { JsonFileSink, JsonLinesLogger, type LogSink, type Logger } from '../runtime/logger.js';
import { truncate } from '../domain/messages/text.js';
import { logFileName } from '../runtime/log-file-name.js';

/** The environment's channels: sends a message, or renders what each channel would receive (redacted). */
export interface RenderingNotifier extends Notifier {
  render(message: NotificationMessage): Array<RenderedChannel & { problem?: string }>;
}

/** Re-sends the fallback file's undelivered lines, within one overall deadline. */
export interface FallbackReplayer {
  replay(flags: ReplayFlags): Promise<ReplayReport>;
}

/** Built by the composition root (src/wiring/notify.ts): the use-case only knows these ports. */
export interface NotifyDeps {
  config: LoadedConfig;
  clock: Clock;
  logger: Logger;
  /** The process environment (GitHub run variables for links and deployment ids). */
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  notifier: RenderingNotifier;
  replayer: FallbackReplayer;
}

export interface RenderedChannel {
  channel: ChannelName;
  /** Scheme and host, or why there is none. Never a path or token. */
  target: string;
  /** null: this channel has nothing to send for this message (a pager for an announcement). */
  payload: Record<string, unknown> | null;
}

/** A dry run says what each channel would receive; a real send says what each channel did. */
export type NotifyResult = NotifyResultCommon &
  (
    | { dryRun: true; /** What each channel would receive (redacted). */ rendered: RenderedChannel[] }
    | { dryRun: false; /** What each channel did. */ report: DeliveryReport }
  );

interface NotifyResultCommon {
  message: NotificationMessage;
  dedupKey: string;
  channels: ChannelName[];
  warnings: string[];
  /**
   * 0 every enabled channel delivered (or dry-run), 1 something went to the fallback file,
   * 5 something could not be stored either and was printed on stderr.
   */
  exitCode: 0 | 1 | 5;
}

/** What the exit code says about a message: delivered, stored for replay, or only printed. */
export function exitCodeForDelivery(report: DeliveryReport): 0 | 1 | 5 {
  if (report.allDelivered) return ExitCode.ok;
  return report.deliveries.some((d) => !d.delivered && !d.fellBack)
    ? ExitCode.notificationPrinted
    : ExitCode.failed;
}

export function parseLevel(value: string | undefined, flag: string): NotificationLevel {
  const level = (value ?? 'info').trim().toLowerCase();
  if (!(NOTIFICATION_LEVELS as readonly string[]).includes(level))
    throw new UsageError(`${flag}: expected one of ${NOTIFICATION_LEVELS.join(', ')}, got "${value}"`);
  return level as NotificationLevel;
}

export function parseEvent(value: string | undefined, flag: string): NotificationEvent {
  const event = (value ?? '').trim();
  if (!(NOTIFICATION_EVENTS as readonly string[]).includes(event)) {
    throw new UsageError(
      `${flag}: expected one of ${NOTIFICATION_EVENTS.join(', ')}, got ${value === undefined || value === '' ? 'nothing' : `"${value}"`}`,
    );
  }
  return event as NotificationEvent;
}

/** Deployment id: given, else DHASH_DEPLOYMENT_ID, else derived from the GitHub run or stamped. */
export function deploymentIdFor(
  given: string | undefined,
  deps: Pick<NotifyDeps, 'config' | 'clock' | 'env'>,
): string {
  return (
    given?.trim() ||
    deps.env.DHASH_DEPLOYMENT_ID ||
    newDeploymentId(deps.config.envName, deps.clock.now(), deps.env)
  );
}

export function runLinks(env: NodeJS.ProcessEnv, logsUrl?: string): NotificationMessage['links'] {
  const links: NonNullable<NotificationMessage['links']> = {};
  const run = githubRunUrl(env);
  if (run) links.run = run;
  if (logsUrl) {
    if (!/^https?:\/\//.test(logsUrl))
      throw new UsageError(`--logs-url: expected an http(s) URL, got "${logsUrl}"`);
    links.logs = logsUrl;
  }
  return links;
}

/**
 * Sends (or, in a dry-run, renders) one message to the environment's channels. Sending needs
 * every enabled channel's settings — a missing one is a config error before anything is sent.
 */
export async function deliverMessage(
  message: NotificationMessage,
  dryRun: boolean,
  deps: NotifyDeps,
): Promise<NotifyResult> {
  const { config } = deps;
  const channels = config.env.notifications.channels;
  const warnings: string[] = [];
  if (channels.length === 0)
    warnings.push(
      `no notification channels are enabled for "${config.envName}" (notifications.channels is empty); nothing is sent`,
    );
  const base = {
    message: config.redactor.value(message),
    dedupKey: dedupKeyOf(message),
    channels: [...channels],
  };
  const { notifier } = deps;
  if (dryRun) {
    const rendered = notifier.render(message);
    for (const r of rendered) if (r.problem) warnings.push(r.problem);
    deps.logger.info('notification dry-run: rendered, not sent', { channels, dedup_key: base.dedupKey });
    return {
      ...base,
      dryRun: true,
      rendered: rendered.map(({ channel, target, payload }) => ({ channel, target, payload })),
      warnings,
      exitCode: 0,
    };
  }
  const report = await notifier.send(message, deps.signal);
  return { ...base, dryRun: false, report, warnings, exitCode: exitCodeForDelivery(report) };
}

export interface NotifyOptions {
  level: NotificationLevel;
  text: string;
  title?: string;
  event?: NotificationEvent;
  deploymentId?: string;
  version?: string;
  logsUrl?: string;
  dryRun: boolean;
}

/** `notify`: an operator's message to the environment's channels. */
export async function notifyCommand(options: NotifyOptions, deps: NotifyDeps): Promise<NotifyResult> {
  const text = options.text.trim();
  if (text === '') throw new UsageError('--message: expected the text to send, got nothing');
  const deploymentId = deploymentIdFor(options.deploymentId, deps);
  const event = options.event ?? (options.level === 'info' ? 'gate_resolved' : 'monitoring_alert');
  const message: NotificationMessage = {
    event,
    level: options.level,
    title: options.title?.trim() || firstLine(text),
    text,
    environment: deps.config.envName,
    deploymentId,
    // Two different operator messages in one run must not share a key; the same one re-sent should.
    dedupKey: `${deploymentId}:${event}:${createHash('sha256').update(`${options.level}\n${text}`).digest('hex').slice(0, 12)}`,
  };
  if (options.version) message.version = options.version;
  const links = runLinks(deps.env, options.logsUrl);
  if (links && Object.keys(links).length > 0) message.links = links;
  return deliverMessage(message, options.dryRun, deps);
}

function firstLine(text: string): string {
  return truncate(text.split('\n')[0].trim(), 120);
}

export interface ReplayFlags {
  /** Whole-replay deadline in ms (default 3 minutes). */
  deadlineMs?: number;
  /** Dedup keys or line ids to give up on. */
  drop?: string[];
  /** Give up on lines recorded longer ago than this (ms). */
  olderThanMs?: number;
  onProgress?: (progress: ReplayProgress) => void;
}

/** `notify --replay`: re-sends what the fallback file holds and no replay has delivered. */
export async function replayCommand(
  deps: Pick<NotifyDeps, 'replayer'>,
  flags: ReplayFlags = {},
): Promise<ReplayReport & { exitCode: 0 | 1 }> {
  const report = await deps.replayer.replay(flags);
  return { ...report, exitCode: report.pending > 0 ? 1 : 0 };
}

/** "90s", "15m", "24h", "7d" (or a bare number of seconds) in ms, for --deadline and --older-than. */
export function parseDuration(value: string, flag: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/.exec(value.trim());
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
  // The unit group is optional: undefined when only a number was given.
  const ms = m ? Number(m[1]) * unit[(m[2] as keyof typeof unit | undefined) ?? 's'] : NaN;
  if (!Number.isFinite(ms) || ms <= 0 || ms > 365 * 86_400_000)
    throw new UsageError(
      `${flag}: expected a duration such as 90s, 15m, 24h or 7d (at most 365d), got "${value}"`,
    );
  return ms;
}

/** `monitor_logs/notify_<env>_<YYYYMMDD_HHMMSS>.log`: JSON lines, redacted by the config's redactor. */
export function openNotifyLog(
  config: LoadedConfig,
  clock: Clock,
  logDir: string,
  extraSinks: LogSink[] = [],
  stderr: NodeJS.WritableStream = process.stderr,
): { logger: Logger; path: string } {
  const path = join(logDir, logFileName('notify', config.envName, clock.now()));
  // A log that cannot be written is said once on stderr; it never stops the message.
  const file = new JsonFileSink(path, (line) => stderr.write(line));
  return {
    logger: new JsonLinesLogger(clock, [file, ...extraSinks], config.redactor, {
      environment: config.envName,
    }),
    path,
  };
}
