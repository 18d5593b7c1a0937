import type { ChannelName } from '../../config/schema.js';
import type { NotificationMessage } from '../../ports.js';
import { renderDiscord } from './discord.js';
import { renderEmail } from './email.js';
import { renderSlack } from './slack.js';
import { renderTeams } from './teams.js';
import { renderGeneric } from './webhook.js';

export interface RenderContext {
  /** ISO time of the message (Discord and the generic webhook show it). */
  timestamp?: string;
  /** SLACK_CHANNEL, when set. */
  slackChannel?: string;
}

/** The body each channel is sent, as JSON-able data; also what a dry-run prints and the fallback keeps. */
export function renderFor(
  channel: ChannelName,
  message: NotificationMessage,
  context: RenderContext = {},
): Record<string, unknown> {
  switch (channel) {
    case 'slack':
      return { ...renderSlack(message, { channel: context.slackChannel }) };
    case 'teams':
      return { ...renderTeams(message) };
    case 'discord':
      return { ...renderDiscord(message, { timestamp: context.timestamp }) };
    case 'email':
      return { ...renderEmail(message) };
    case 'webhook':
      return { ...renderGeneric(message, { timestamp: context.timestamp }) };
  }
}
