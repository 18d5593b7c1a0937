import {
  CHANNEL_VARIABLES,
  NOTIFICATION_VARIABLE_NAMES,
  SECRET_VARIABLE_NAMES,
  missingVariables,
  type ChannelName,
} from './channels.js';

/**
 * The notification variables, from the channel catalog's settings (channels.ts). They come from
 * the process environment or a `.env.notifications` file (the environment wins); secrets are redacted.
 */
export const NOTIFICATION_VARIABLES: readonly string[] = NOTIFICATION_VARIABLE_NAMES;
export type NotificationVariable = string;
export type NotificationVars = Partial<Record<string, string>>;

export const SECRET_VARIABLES: readonly string[] = SECRET_VARIABLE_NAMES;

/** What each channel cannot work without. */
export function requiredVariables(channel: ChannelName): string[] {
  return CHANNEL_VARIABLES[channel].filter((v) => v.required).map((v) => v.name);
}

/** One line per enabled channel that lacks a setting, naming the channel and the variable to set. */
export function missingChannelSettings(channels: readonly ChannelName[], vars: NotificationVars): string[] {
  const problems: string[] = [];
  for (const channel of channels) {
    const missing = missingVariables(channel, vars);
    if (missing.length > 0) {
      problems.push(
        `notifications.channels: "${channel}" is enabled but ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not set (environment or .env.notifications)`,
      );
    }
  }
  return problems;
}
