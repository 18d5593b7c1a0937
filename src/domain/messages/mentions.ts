import type { NotificationMessage } from '../../ports.js';

import type { MentionMap, MentionTargets } from '../../config/mentions-schema.js';

export type { MentionMap, MentionTargets };

/** Broadcast names every chat product understands without a mapping. */
const BROADCAST = new Set(['@here', '@channel', '@everyone']);

/** A message's recipients resolved once for every channel. */
export interface ChannelMentions {
  /** The names as written, in order. */
  names: string[];
  /** Names with no mapping (sent as text); broadcasts are not in here. */
  unmapped: string[];
  /** @here / @channel / @everyone, as written. */
  broadcasts: string[];
  slack: { users: string[]; groups: string[] };
  discord: { roles: string[]; users: string[] };
  teams: Array<{ id: string; name: string }>;
  email: string[];
}

export const NO_MENTIONS: ChannelMentions = {
  names: [],
  unmapped: [],
  broadcasts: [],
  slack: { users: [], groups: [] },
  discord: { roles: [], users: [] },
  teams: [],
  email: [],
};

/** `recipients`, else `mention` split on spaces and commas. */
export function recipientsOf(message: Pick<NotificationMessage, 'recipients' | 'mention'>): string[] {
  const list = message.recipients ?? (message.mention ? message.mention.split(/[\s,]+/) : []);
  return [...new Set(list.map((r) => r.trim()).filter(Boolean))];
}

function lookup(map: Partial<MentionMap>, name: string): MentionTargets | undefined {
  const bare = name.replace(/^@/, '');
  return map[name] ?? map[bare] ?? map[`@${bare}`];
}

const unique = (values: string[]): string[] => [...new Set(values)];

export function resolveMentions(recipients: readonly string[], map: MentionMap = {}): ChannelMentions {
  const out: ChannelMentions = structuredClone(NO_MENTIONS);
  for (const name of recipients) {
    out.names.push(name);
    if (BROADCAST.has(name)) {
      out.broadcasts.push(name);
      continue;
    }
    const targets = lookup(map, name);
    if (!targets) {
      out.unmapped.push(name);
      continue;
    }
    for (const id of targets.slack ?? []) (id.startsWith('S') ? out.slack.groups : out.slack.users).push(id);
    out.discord.roles.push(...(targets.discord?.roles ?? []));
    out.discord.users.push(...(targets.discord?.users ?? []));
    for (const t of targets.teams ?? []) if (!out.teams.some((x) => x.id === t.id)) out.teams.push(t);
    out.email.push(...(targets.email ?? []));
  }
  out.slack = { users: unique(out.slack.users), groups: unique(out.slack.groups) };
  out.discord = { roles: unique(out.discord.roles), users: unique(out.discord.users) };
  out.email = unique(out.email);
  return out;
}
