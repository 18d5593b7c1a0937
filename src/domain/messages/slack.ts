import { recipientsOf, resolveMentions, type ChannelMentions } from './mentions.js';
import type { NotificationMessage } from '../../ports.js';
import { EVENT_LABELS, bodyText, facts, gateLine, headline, links, plainText } from './content.js';
import { escapeSlack, truncate, truncateEscaped } from './text.js';

/**
 * Block Kit limits (https://api.slack.com/reference/block-kit/blocks): 50 blocks a message, a
 * header's plain_text 150 chars, a section's text 3000 chars, 10 fields of 2000 chars each, 10
 * context elements, button text 75 chars, URL 3000 chars. Top-level `text` is the notification and
 * screen-reader fallback; Slack truncates it past 40 000 chars and advises staying under 4000.
 */
export const SLACK_LIMITS = {
  blocks: 50,
  headerText: 150,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  contextElements: 10,
  buttonText: 75,
  url: 3000,
  fallbackText: 4000,
} as const;

export interface SlackPayload {
  text: string;
  blocks: Array<Record<string, unknown>>;
  /** Only legacy webhooks honour it; harmless for app webhooks. */
  channel?: string;
}

export interface SlackOptions {
  channel?: string;
  mentions?: ChannelMentions;
}

/**
 * Slack's own mention syntax (https://api.slack.com/reference/surfaces/formatting#mentioning-users):
 * `<@U…>` pings a user, `<!subteam^S…>` a user group, `<!here>` the channel. Names without an id
 * are escaped text: they ping no one, and cannot smuggle in a `<!everyone>`.
 */
export function slackMentionText(mentions: ChannelMentions | undefined): string {
  if (!mentions) return '';
  return [
    ...mentions.broadcasts.map((b) => `<!${b.slice(1)}>`),
    ...mentions.slack.users.map((u) => `<@${u}>`),
    ...mentions.slack.groups.map((g) => `<!subteam^${g}>`),
    ...mentions.unmapped.map(escapeSlack),
  ].join(' ');
}

export function renderSlack(message: NotificationMessage, options: SlackOptions = {}): SlackPayload {
  const blocks: Array<Record<string, unknown>> = [];
  blocks.push({
    type: 'header',
    text: { type: 'plain_text', text: truncate(headline(message), SLACK_LIMITS.headerText), emoji: true },
  });
  const mention = slackMentionText(options.mentions ?? resolveMentions(recipientsOf(message)));
  const body = [mention, escapeSlack(bodyText(message))].filter((t) => t.trim() !== '').join(' ');
  if (body.trim() !== '')
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: truncateEscaped(body, SLACK_LIMITS.sectionText) },
    });
  blocks.push({
    type: 'section',
    fields: facts(message)
      .slice(0, SLACK_LIMITS.fields)
      .map((f) => ({
        type: 'mrkdwn',
        text: truncateEscaped(`*${f.label}*\n${escapeSlack(f.value)}`, SLACK_LIMITS.fieldText),
      })),
  });
  if (message.gates && message.gates.length > 0) {
    const lines = message.gates.map((g) => `• ${escapeSlack(gateLine(g))}`);
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: truncateEscaped(`*Quality gates*\n${lines.join('\n')}`, SLACK_LIMITS.sectionText),
      },
    });
  }
  const ls = links(message).filter((l) => l.url.length <= SLACK_LIMITS.url);
  if (ls.length > 0) {
    blocks.push({
      type: 'actions',
      elements: ls.map((l, i) => ({
        type: 'button',
        text: { type: 'plain_text', text: truncate(l.label, SLACK_LIMITS.buttonText) },
        url: l.url,
        action_id: `dhash_link_${i}`,
      })),
    });
  }
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: truncateEscaped(
          `dhash-rollout · ${EVENT_LABELS[message.event]} · ${escapeSlack(message.environment)}`,
          SLACK_LIMITS.sectionText,
        ),
      },
    ],
  });
  // The top-level text is mrkdwn too (it is the push notification): escaped like the blocks, and
  // it carries the mentions, since a mention only in a block does not notify on every client.
  const fallback = [
    mention,
    escapeSlack(plainText({ ...message, mention: undefined, recipients: undefined })),
  ]
    .filter((t) => t !== '')
    .join('\n');
  const payload: SlackPayload = {
    text: truncateEscaped(fallback, SLACK_LIMITS.fallbackText),
    blocks: blocks.slice(0, SLACK_LIMITS.blocks),
  };
  if (options.channel) payload.channel = options.channel;
  return payload;
}
