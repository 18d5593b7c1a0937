import type { ChannelName } from './schema.js';

/**
 * The seed's notification variables. They come from the process environment or a
 * `.env.notifications` file (the environment wins) and are secrets where marked.
 */
export const NOTIFICATION_VARIABLES = [
  'SLACK_WEBHOOK_URL',
  'SLACK_CHANNEL',
  'TEAMS_WEBHOOK_URL',
  'DISCORD_WEBHOOK_URL',
  'GENERIC_WEBHOOK_URL',
  'EMAIL_FROM',
  'EMAIL_TO',
  'SMTP_HOST',
  'SMTP_PORT',
  'SMTP_USER',
  'SMTP_PASS',
  'SMTP_SECURE',
] as const;
export type NotificationVariable = (typeof NOTIFICATION_VARIABLES)[number];
export type NotificationVars = Partial<Record<NotificationVariable, string>>;

export const SECRET_VARIABLES: readonly NotificationVariable[] = [
  'SLACK_WEBHOOK_URL',
  'TEAMS_WEBHOOK_URL',
  'DISCORD_WEBHOOK_URL',
  'GENERIC_WEBHOOK_URL',
  'SMTP_PASS',
];

/** What each channel cannot work without. */
export const REQUIRED_VARIABLES: Record<ChannelName, readonly NotificationVariable[]> = {
  slack: ['SLACK_WEBHOOK_URL'],
  teams: ['TEAMS_WEBHOOK_URL'],
  discord: ['DISCORD_WEBHOOK_URL'],
  webhook: ['GENERIC_WEBHOOK_URL'],
  email: ['EMAIL_FROM', 'EMAIL_TO', 'SMTP_HOST'],
};

/** One line per enabled channel that lacks a setting, naming the variable to set. */
export function missingChannelSettings(channels: readonly ChannelName[], vars: NotificationVars): string[] {
  const problems: string[] = [];
  for (const channel of channels) {
    const missing = REQUIRED_VARIABLES[channel].filter((v) => !vars[v]);
    if (missing.length > 0) {
      problems.push(
        `notifications.channels: "${channel}" is enabled but ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not set (environment or .env.notifications)`,
      );
    }
  }
  return problems;
}
