import { z } from 'zod';
import { lazily } from '../domain/lazily.js';

/**
 * `notifications.mentions`: a name used in `recipients` (such as "@dhash-oncall") mapped to the
 * ids each platform pings with. Names without an entry are sent as plain text (and `validate`
 * warns), because a chat product cannot page a name it does not know.
 */
/** The schemas of `notifications.mentions`, built on first use (why: src/domain/lazily.ts). */
export const mentionsSchemas = lazily(() => {
  const slackId = z.string().regex(/^[UWS][A-Z0-9]{2,}$/, {
    error: 'expected a Slack user id (U… or W…) or user-group id (S…), e.g. "S0123ABC"',
  });
  const snowflake = z.string().regex(/^\d{5,25}$/, { error: 'expected a Discord id (digits only)' });

  const MentionTargetsSchema = z.strictObject({
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

  const MentionsSchema = z
    .record(
      z.string().regex(/^@?[\w.-]+$/, { error: 'expected a recipient name such as "@dhash-oncall"' }),
      MentionTargetsSchema,
    )
    .describe('Recipient names (as used in escalation recipients) mapped to native mentions per platform.');
  return { MentionTargetsSchema, MentionsSchema };
});
type MentionsSchemas = ReturnType<typeof mentionsSchemas>;
export type MentionTargets = z.infer<MentionsSchemas['MentionTargetsSchema']>;
export type MentionMap = z.infer<MentionsSchemas['MentionsSchema']>;

/** Broadcasts that every chat product understands without a mapping. */
const BROADCASTS = new Set(['@here', '@channel', '@everyone']);

/** `validate` warnings: recipient names that no platform can page. */
export function unmappedRecipientWarnings(
  levels: ReadonlyArray<{ recipients?: readonly string[]; mention?: string }>,
  map: MentionMap = {},
  path = 'notifications.escalation.escalation_levels',
): string[] {
  const known = (name: string): boolean => {
    const bare = name.replace(/^@/, '');
    return name in map || bare in map || `@${bare}` in map;
  };
  const warnings: string[] = [];
  levels.forEach((level, index) => {
    const names = level.recipients ?? (level.mention ? level.mention.split(/[\s,]+/) : []);
    for (const name of new Set(names.map((n) => n.trim()).filter(Boolean)))
      if (!BROADCASTS.has(name) && !known(name))
        warnings.push(
          `${path}[${index}].recipients: "${name}" has no entry in notifications.mentions; it is sent as plain text and pings no one`,
        );
  });
  return warnings;
}
