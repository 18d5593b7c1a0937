import type { NotificationMessage } from '../../ports.js';
import { recipientsOf, resolveMentions, type ChannelMentions } from './mentions.js';
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
  /**
   * Exactly the roles and users the recipients map to may ping
   * (https://discord.com/developers/docs/resources/message#allowed-mentions-object); text that
   * happens to contain @everyone or an id never does.
   */
  allowed_mentions: { parse: string[]; roles?: string[]; users?: string[] };
}

export interface DiscordOptions {
  /** ISO timestamp shown in the embed. */
  timestamp?: string;
  mentions?: ChannelMentions;
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
  const m = options.mentions ?? resolveMentions(recipientsOf(message));
  if (m.names.length > 0) {
    const content = [
      ...m.discord.roles.map((r) => `<@&${r}>`),
      ...m.discord.users.map((u) => `<@${u}>`),
      ...m.broadcasts.map((b) => (b === '@channel' ? '@here' : b)),
      // Names without an id are shown, escaped so Discord cannot read them as a mention.
      ...m.unmapped.map((n) => n.replace(/@/g, '@\u200b')),
    ].join(' ');
    if (content !== '') payload.content = truncate(content, DISCORD_LIMITS.content);
    payload.allowed_mentions = {
      parse: m.broadcasts.length > 0 ? ['everyone'] : [],
      roles: m.discord.roles,
      users: m.discord.users,
    };
  }
  return payload;
}
