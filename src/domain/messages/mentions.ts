import { z } from 'zod';
import type { NotificationMessage } from '../../ports.js';

/**
 * `notifications.mentions`: a name used in `recipients` (such as "@dhash-oncall") mapped to the
 * ids each platform pings with. Names without an entry are sent as plain text (and `validate`
 * warns), because a chat product cannot page a name it does not know.
 */
const slackId = z.string().regex(/^[UWS][A-Z0-9]{2,}$/, {
  error: 'expected a Slack user id (U… or W…) or user-group id (S…), e.g. "S0123ABC"',
});
const snowflake = z.string().regex(/^\d{5,25}$/, { error: 'expected a Discord id (digits only)' });

export const MentionTargetsSchema = z.strictObject({
  slack: z.array(slackId).optional().describe('Slack user ids (U…, W…) and user-group ids (S…).'),
  discord: z
    .strictObject({
      roles: z.array(snowflake).optional(),
      users: z.array(snowflake).optional(),
    })
    .optional()
    .describe('Discord role and user ids; only these may ping.'),
  teams: z
    .array(
      z.strictObject({
        id: z.string().min(1, { error: 'expected the Teams user id (AAD object id or UPN)' }),
        name: z.string().min(1, { error: 'expected the display name shown in the mention' }),
      }),
    )
    .optional()
    .describe('Teams users to @mention in the Adaptive Card.'),
  email: z
    .array(z.string().regex(/^[^\s@<>,;]+@[^\s@<>,;]+$/, { error: 'expected an e-mail address' }))
    .optional()
    .describe('Addresses added to the e-mail recipients of a message naming this recipient.'),
});
export type MentionTargets = z.infer<typeof MentionTargetsSchema>;

export const MentionsSchema = z
  .record(
    z.string().regex(/^@?[\w.-]+$/, { error: 'expected a recipient name such as "@dhash-oncall"' }),
    MentionTargetsSchema,
  )
  .describe('Recipient names (as used in escalation recipients) mapped to native mentions per platform.');
export type MentionMap = z.infer<typeof MentionsSchema>;

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

function lookup(map: MentionMap, name: string): MentionTargets | undefined {
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

/** `validate` warnings: recipient names that no platform can page. */
export function unmappedRecipientWarnings(
  levels: ReadonlyArray<{ recipients?: readonly string[]; mention?: string }>,
  map: MentionMap = {},
  path = 'notifications.escalation.escalation_levels',
): string[] {
  const warnings: string[] = [];
  levels.forEach((level, index) => {
    const names = recipientsOf({
      recipients: level.recipients ? [...level.recipients] : undefined,
      mention: level.mention,
    });
    for (const name of resolveMentions(names, map).unmapped)
      warnings.push(
        `${path}[${index}].recipients: "${name}" has no entry in notifications.mentions; it is sent as plain text and pings no one`,
      );
  });
  return warnings;
}
