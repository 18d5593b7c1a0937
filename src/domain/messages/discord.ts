import type { NotificationMessage } from '../../ports.js';
import { EVENT_LABELS, LEVEL_COLOR, bodyText, facts, gateLine, headline, links } from './content.js';
import { length, truncate } from './text.js';

/**
 * Discord embed limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits):
 * title 256, description 4096, 25 fields with name 256 and value 1024, footer 2048, author 256,
 * and 6000 characters across all of a message's embeds; `content` 2000.
 */
export const DISCORD_LIMITS = {
  content: 2000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embedTotal: 6000,
} as const;

export interface DiscordEmbed {
  title: string;
  description?: string;
  color: number;
  fields: Array<{ name: string; value: string; inline?: boolean }>;
  footer: { text: string };
  timestamp?: string;
  url?: string;
}

export interface DiscordPayload {
  username: string;
  content?: string;
  embeds: DiscordEmbed[];
  /** Only what `mention` names may ping; text that happens to contain @everyone never does. */
  allowed_mentions: { parse: string[] };
}

export interface DiscordOptions {
  /** ISO timestamp shown in the embed. */
  timestamp?: string;
}

export function renderDiscord(message: NotificationMessage, options: DiscordOptions = {}): DiscordPayload {
  const fields: DiscordEmbed['fields'] = facts(message).map((f) => ({
    name: f.label,
    value: truncate(f.value, DISCORD_LIMITS.fieldValue),
    inline: true,
  }));
  if (message.gates && message.gates.length > 0) {
    fields.push({
      name: 'Quality gates',
      value: truncate(message.gates.map(gateLine).join('\n'), DISCORD_LIMITS.fieldValue),
      inline: false,
    });
  }
  const ls = links(message);
  if (ls.length > 0)
    fields.push({
      name: 'Links',
      value: truncate(ls.map((l) => `[${l.label}](${l.url})`).join(' · '), DISCORD_LIMITS.fieldValue),
      inline: false,
    });
  const embed: DiscordEmbed = {
    title: truncate(headline(message), DISCORD_LIMITS.title),
    color: LEVEL_COLOR[message.level],
    fields: fields.slice(0, DISCORD_LIMITS.fields),
    footer: { text: truncate(`dhash-rollout · ${EVENT_LABELS[message.event]}`, DISCORD_LIMITS.footer) },
  };
  if (options.timestamp) embed.timestamp = options.timestamp;
  if (ls[0]) embed.url = ls[0].url;
  // The description takes whatever the 6000-character budget leaves after everything else.
  const used =
    length(embed.title) +
    length(embed.footer.text) +
    embed.fields.reduce((n, f) => n + length(f.name) + length(f.value), 0);
  const budget = Math.min(DISCORD_LIMITS.description, DISCORD_LIMITS.embedTotal - used);
  if (bodyText(message).trim() !== '' && budget > 0) embed.description = truncate(bodyText(message), budget);
  const payload: DiscordPayload = {
    username: 'dhash-rollout',
    embeds: [embed],
    allowed_mentions: { parse: [] },
  };
  if (message.mention) {
    payload.content = truncate(message.mention, DISCORD_LIMITS.content);
    // What `mention` names is meant to ping (escalation); nothing in the text or title is.
    const parse: string[] = [];
    if (/<@&\d+>/.test(message.mention)) parse.push('roles');
    if (/<@!?\d+>/.test(message.mention)) parse.push('users');
    if (/@(here|everyone)\b/.test(message.mention)) parse.push('everyone');
    payload.allowed_mentions = { parse };
  }
  return payload;
}
