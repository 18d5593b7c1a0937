import type { NotificationVariable, NotificationVars } from '../../config/channel-settings.js';
import { missingChannelSettings } from '../../config/channel-settings.js';
import type { LoadedConfig } from '../../config/load.js';
import type { ChannelName } from '../../config/schema.js';
import { DEFAULT_BACKOFF } from '../../domain/delivery/backoff.js';
import {
  classifyDiscord,
  classifyGenericWebhook,
  classifySlack,
  classifyTeams,
} from '../../domain/delivery/classify.js';
import type { DeliveryPolicy } from '../../domain/delivery/policy.js';
import type { Clock } from '../../runtime/clock.js';
import { ConfigError } from '../../runtime/errors.js';
import type { Logger } from '../../runtime/logger.js';
import { NotificationDispatcher } from './dispatcher.js';
import { EmailSender, type SmtpSettings } from './email-sender.js';
import { FallbackStore } from './fallback-store.js';
import { HttpChannelSender, withDiscordWait } from './http-sender.js';
import type { ChannelSender } from './sender.js';
import { webhookUrlProblem } from './webhook-url.js';

export interface NotifierDeps {
  clock: Clock;
  logger: Logger;
  /** Where notification_fallback.jsonl lives. */
  logDir: string;
  random?: () => number;
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

/**
 * Builds one sender per channel the environment enables. A channel without its settings, or with
 * a webhook that is not https, is a config error here (exit 2) — the problem names the variable,
 * never its value — so a command fails before it starts rather than losing messages later.
 */
export function buildSenders(
  config: LoadedConfig,
  channels: readonly ChannelName[] = config.env.notifications.channels,
): ChannelSender[] {
  const vars = config.vars;
  const problems = missingChannelSettings(channels, vars);
  const senders: ChannelSender[] = [];
  const allowLoopback = config.env.notifications.allow_insecure_loopback;
  const webhook = (variable: NotificationVariable): string | null => {
    const value = vars[variable]!;
    const problem = webhookUrlProblem(variable, value, allowLoopback);
    if (problem) {
      problems.push(problem);
      return null;
    }
    return value;
  };
  for (const channel of channels) {
    if (problems.some((p) => p.includes(`"${channel}"`))) continue;
    switch (channel) {
      case 'slack': {
        const url = webhook('SLACK_WEBHOOK_URL');
        if (url) senders.push(new HttpChannelSender({ channel, url, classify: classifySlack }));
        break;
      }
      case 'teams': {
        const url = webhook('TEAMS_WEBHOOK_URL');
        if (url) senders.push(new HttpChannelSender({ channel, url, classify: classifyTeams }));
        break;
      }
      case 'discord': {
        const url = webhook('DISCORD_WEBHOOK_URL');
        if (url)
          senders.push(
            new HttpChannelSender({ channel, url: withDiscordWait(url), classify: classifyDiscord }),
          );
        break;
      }
      case 'webhook': {
        const url = webhook('GENERIC_WEBHOOK_URL');
        // Receivers that keep the key can drop a repeat of the same message.
        if (url)
          senders.push(
            new HttpChannelSender({
              channel,
              url,
              classify: classifyGenericWebhook,
              headers: (c) => ({ 'idempotency-key': c.dedupKey }),
            }),
          );
        break;
      }
      case 'email': {
        const smtp = smtpSettings(vars, problems);
        if (smtp) senders.push(new EmailSender(smtp));
        break;
      }
    }
  }
  if (problems.length > 0)
    throw new ConfigError(
      config.source,
      problems.map((p) => config.redactor.text(p)),
    );
  return senders;
}

export function smtpSettings(vars: NotificationVars, problems: string[]): SmtpSettings | null {
  const secureText = (vars.SMTP_SECURE ?? 'false').trim().toLowerCase();
  if (!['true', 'false', '1', '0', 'yes', 'no'].includes(secureText)) {
    problems.push(`SMTP_SECURE: expected true or false, got "${vars.SMTP_SECURE}"`);
    return null;
  }
  const secure = ['true', '1', 'yes'].includes(secureText);
  const port = vars.SMTP_PORT === undefined ? (secure ? 465 : 587) : Number(vars.SMTP_PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    problems.push(`SMTP_PORT: expected a port number between 1 and 65535, got "${vars.SMTP_PORT}"`);
    return null;
  }
  const to = (vars.EMAIL_TO ?? '')
    .split(/[,;]/)
    .map((a) => a.trim())
    .filter(Boolean);
  if (to.length === 0) {
    problems.push('EMAIL_TO: expected at least one address (comma-separated)');
    return null;
  }
  if (vars.SMTP_PASS && !vars.SMTP_USER) {
    problems.push('SMTP_USER: SMTP_PASS is set but SMTP_USER is not');
    return null;
  }
  return {
    host: vars.SMTP_HOST!,
    port,
    secure,
    user: vars.SMTP_USER,
    pass: vars.SMTP_PASS,
    from: vars.EMAIL_FROM!,
    to,
  };
}

export function createNotifier(config: LoadedConfig, deps: NotifierDeps): NotificationDispatcher {
  return new NotificationDispatcher({
    senders: buildSenders(config),
    policy: deliveryPolicyOf(config),
    clock: deps.clock,
    logger: deps.logger,
    redactor: config.redactor,
    fallback: new FallbackStore(deps.logDir),
    random: deps.random,
    slackChannel: config.vars.SLACK_CHANNEL,
  });
}

/** For replay: a sender for any channel that has its settings now, else the reason it has none. */
export function replaySenderResolver(
  config: LoadedConfig,
): (channel: ChannelName) => ChannelSender | { problem: string } {
  return (channel) => {
    try {
      const [sender] = buildSenders(config, [channel]);
      return sender ?? { problem: `channel "${channel}" has no sender` };
    } catch (error) {
      if (error instanceof ConfigError) return { problem: error.problems.join('; ') };
      throw error;
    }
  };
}
