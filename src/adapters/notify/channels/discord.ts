import { classifyDiscord, type HttpAnswer } from '../../../domain/delivery/classify.js';
import { renderDiscord } from '../../../domain/messages/discord.js';
import { describeTarget } from '../../../runtime/http.js';
import { HttpChannelSender, withDiscordWait } from '../http-sender.js';
import { defineChannel } from './module.js';
import { webhookUrl } from './webhook-settings.js';
import { CHANNEL_VARIABLES } from '../../../config/channels.js';

export interface DiscordSettings {
  url: string;
}

/** Discord webhook, one embed; only the mapped roles and users may ping. */
export const discord = defineChannel<DiscordSettings, HttpAnswer>({
  name: 'discord',
  summary:
    'Discord webhook: one embed; recipients become <@&role> and <@user> with allowed_mentions limited to them.',
  variables: CHANNEL_VARIABLES.discord,
  settings: (vars, context) => webhookUrl('DISCORD_WEBHOOK_URL', vars, context),
  target: (s) => describeTarget(s.url),
  render: (message, context) => ({
    ...renderDiscord(message, { timestamp: context.timestamp, mentions: context.mentions }),
  }),
  classify: classifyDiscord,
  // Discord only answers with the created message (and its errors) when asked to wait.
  sender: (s) =>
    new HttpChannelSender({ channel: 'discord', url: withDiscordWait(s.url), classify: classifyDiscord }),
});
