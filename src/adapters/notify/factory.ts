import type { NotificationVars } from '../../config/channel-settings.js';
import type { LoadedConfig } from '../../config/load.js';
import { DEFAULT_BACKOFF } from '../../domain/delivery/backoff.js';
import type { DeliveryPolicy } from '../../domain/delivery/policy.js';
import type { MentionMap } from '../../domain/messages/mentions.js';
import type { Clock } from '../../runtime/clock.js';
import { ConfigError } from '../../runtime/errors.js';
import type { Logger } from '../../runtime/logger.js';
import { Redactor } from '../../runtime/redact.js';
import type { ChannelName } from '../../config/channels.js';
import type { ChannelModule } from '../../domain/channels/channel-module.js';
import { channelModule } from '../../domain/channels/catalog.js';
import { senderFor } from './transports/transports.js';
import { NotificationDispatcher } from './dispatcher.js';
import { FallbackStore } from './fallback-store.js';
import type { ChannelSender } from './sender.js';
import type { ChannelSlot } from './channel-slot.js';

export type { ChannelSlot };

/**
 * What notifications need from a loaded config, gathered once. Tests and commands build it from a
 * LoadedConfig (notificationSetupOf); nothing below reads the config file's shape.
 */
export interface NotificationSetup {
  /** The config file, named in config errors. */
  source: string;
  channels: readonly ChannelName[];
  vars: NotificationVars;
  allowInsecureLoopback: boolean;
  policy: DeliveryPolicy;
  mentions: MentionMap;
  redactor: Redactor;
}

export interface NotifierDeps {
  clock: Clock;
  logger: Logger;
  /** Where notification_fallback.jsonl lives. */
  logDir: string;
  random?: () => number;
  /** Where `console` prints; default process.stdout. */
  stdout?: NodeJS.WritableStream;
  /** Where a message that can be neither delivered nor stored is printed whole; default process.stderr. */
  stderr?: NodeJS.WritableStream;
}

export function deliveryPolicyOf(config: LoadedConfig): DeliveryPolicy {
  const n = config.env.notifications;
  return {
    maxAttempts: n.max_attempts,
    attemptTimeoutMs: n.attempt_timeout_seconds * 1000,
    deadlineMs: n.deadline_seconds * 1000,
    maxRetryAfterMs: n.max_retry_after_seconds * 1000,
    backoff: DEFAULT_BACKOFF,
  };
}

export function notificationSetupOf(config: LoadedConfig): NotificationSetup {
  const n = config.env.notifications;
  return {
    source: config.source,
    channels: n.channels,
    vars: config.vars,
    allowInsecureLoopback: n.allow_insecure_loopback,
    policy: deliveryPolicyOf(config),
    mentions: n.mentions ?? {},
    redactor: config.redactor,
  };
}

/**
 * Builds one channel from its module. A missing or bad setting is described (naming the channel
 * and the variable, never a value) instead of thrown, so one broken channel never stops the others.
 */
export function buildChannel(
  name: ChannelName,
  setup: Pick<NotificationSetup, 'vars' | 'allowInsecureLoopback' | 'redactor'>,
  stdout: NodeJS.WritableStream = process.stdout,
): ChannelSlot {
  return buildChannelOf(channelModule(name), setup, stdout);
}

/** As buildChannel, from the module itself (any module of the catalog's shape). */
export function buildChannelOf(
  module: ChannelModule,
  setup: Pick<NotificationSetup, 'vars' | 'allowInsecureLoopback' | 'redactor'>,
  stdout: NodeJS.WritableStream = process.stdout,
): ChannelSlot {
  const name = module.name as ChannelName;
  const missing = module.variables.filter((v) => v.required && !setup.vars[v.name]).map((v) => v.name);
  if (missing.length > 0)
    return {
      name,
      module,
      target: `(${missing.join(', ')} not set)`,
      problem: `notifications.channels: "${name}" is enabled but ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not set (environment or .env.notifications)`,
    };
  const settings = module.settings(setup.vars, { allowInsecureLoopback: setup.allowInsecureLoopback });
  if (Array.isArray(settings))
    return {
      name,
      module,
      target: '(not configured)',
      problem: setup.redactor.text(`notifications.channels: "${name}": ${settings.join('; ')}`),
    };
  const sender = senderFor(module, settings, { stdout });
  return { name, module, sender, target: sender.target };
}

export function buildChannels(setup: NotificationSetup, stdout?: NodeJS.WritableStream): ChannelSlot[] {
  return setup.channels.map((name) => buildChannel(name, setup, stdout));
}

/**
 * For commands that send: every enabled channel must be buildable before the command starts, so a
 * missing variable is exit 2 naming the channel and the variable, not a silent gap later.
 */
export function assertChannelsReady(setup: NotificationSetup): void {
  const problems = buildChannels(setup).flatMap((slot) => ('problem' in slot ? [slot.problem] : []));
  if (problems.length > 0) throw new ConfigError(setup.source, problems);
}

/** As assertChannelsReady, from a loaded config. */
export function checkNotificationChannels(config: LoadedConfig): void {
  assertChannelsReady(notificationSetupOf(config));
}

export function createNotifierFromSetup(
  setup: NotificationSetup,
  deps: NotifierDeps,
): NotificationDispatcher {
  return new NotificationDispatcher({
    slots: buildChannels(setup, deps.stdout),
    policy: setup.policy,
    clock: deps.clock,
    logger: deps.logger,
    redactor: setup.redactor,
    fallback: new FallbackStore(deps.logDir),
    random: deps.random,
    mentions: setup.mentions,
    vars: setup.vars,
    stderr: deps.stderr,
  });
}

/** The environment's notifier. Never throws for a channel's settings: that channel's messages go to the fallback file. */
export function createNotifier(config: LoadedConfig, deps: NotifierDeps): NotificationDispatcher {
  return createNotifierFromSetup(notificationSetupOf(config), deps);
}

/** For replay: a sender for any channel that has its settings now, else the reason it has none. */
export function replaySenderResolver(
  setup: NotificationSetup,
  stdout?: NodeJS.WritableStream,
): (channel: ChannelName) => ChannelSender | { problem: string } {
  return (channel) => {
    const slot = buildChannel(channel, setup, stdout);
    return 'problem' in slot ? { problem: slot.problem } : slot.sender;
  };
}
