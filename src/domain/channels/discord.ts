import { z } from 'zod';
import { classifyDiscord } from '../delivery/classify.js';
import { renderDiscord } from '../messages/discord.js';
import { lazily } from '../lazily.js';
import { defineChannel } from './channel-module.js';
import { settingText } from './setting-text.js';
import { describeTarget, webhookUrl, webhookUrlVariable } from './webhook-url.js';

/** Discord only answers with the created message (and its errors) when asked to wait. */
export function withDiscordWait(url: string): string {
  const u = new URL(url);
  u.searchParams.set('wait', 'true');
  return u.toString();
}

const settingsSchema = lazily(() =>
  z.strictObject({
    webhook_url: settingText().optional().describe('Webhook URL, a secret: "${DISCORD_WEBHOOK_URL}".'),
    url: settingText().optional().describe('Same as webhook_url.'),
    username: settingText().optional(),
  }),
);

/** Discord webhook, one embed; only the mapped roles and users may ping. */
export const discord = defineChannel({
  name: 'discord',
  transport: 'http',
  summary:
    'Discord webhook: one embed; recipients become <@&role> and <@user> with allowed_mentions limited to them.',
  get settingsSchema() {
    return settingsSchema();
  },
  variables: [webhookUrlVariable('DISCORD_WEBHOOK_URL', 'discord-webhook-url', 'Discord webhook URL')],
  settings: (vars, context) => webhookUrl('DISCORD_WEBHOOK_URL', vars, context),
  target: (s) => describeTarget(s.url),
  render: (message, context) => ({
    ...renderDiscord(message, { timestamp: context.timestamp, mentions: context.mentions }),
  }),
  requests: (s, payload) => [{ url: withDiscordWait(s.url), json: payload }],
  classify: classifyDiscord,
});
