import type { NotificationMessage } from '../../ports.js';
import { EVENT_LABELS, bodyText, facts, gateLine, headline, links } from './content.js';
import { recipientsOf, resolveMentions, type ChannelMentions } from './mentions.js';
import { byteLength, truncate, truncateBytes } from './text.js';

/**
 * Teams webhooks (Workflows and legacy connectors) take an Adaptive Card inside a message
 * wrapper: `{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive",
 * "content":{...}}]}`. Version 1.4 is what Teams renders in webhooks. Teams limits a post to
 * 28 KB of UTF-8 (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/format-your-bot-messages),
 * counted in bytes, so the free text takes what the rest of the card leaves of that budget.
 */
export const TEAMS_LIMITS = { postBytes: 28 * 1024, text: 8000, gateLines: 30 } as const;

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

const LEVEL_STYLE = { info: 'good', warning: 'warning', error: 'attention', critical: 'attention' } as const;

export interface TeamsPayload {
  type: 'message';
  attachments: Array<{
    contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE;
    contentUrl: null;
    content: Record<string, unknown>;
  }>;
}

export interface TeamsOptions {
  mentions?: ChannelMentions;
}

/** `<at>name</at>` in a TextBlock plus an entity per user is how an Adaptive Card @mentions. */
function mentionEntities(mentions: ChannelMentions | undefined): {
  text: string;
  entities: Array<Record<string, unknown>>;
} {
  if (!mentions) return { text: '', entities: [] };
  const entities = mentions.teams.map((t) => ({
    type: 'mention',
    text: `<at>${t.name}</at>`,
    mentioned: { id: t.id, name: t.name },
  }));
  const text = [...entities.map((e) => e.text), ...mentions.broadcasts, ...mentions.unmapped].join(' ');
  return { text, entities };
}

export function renderTeams(message: NotificationMessage, options: TeamsOptions = {}): TeamsPayload {
  const text = truncate(bodyText(message), TEAMS_LIMITS.text);
  const full = renderTeamsWithText(message, options, text);
  const size = (p: TeamsPayload): number => byteLength(JSON.stringify(p));
  if (size(full) <= TEAMS_LIMITS.postBytes) return full;
  // Over the post limit: the free text gets what the rest of the card leaves, measured on the
  // JSON that is sent (escapes count), cut on a character boundary.
  let budget = TEAMS_LIMITS.postBytes - size(renderTeamsWithText(message, options, '')) - 128;
  let cut = truncateBytes(text, Math.max(0, budget));
  let payload = renderTeamsWithText(message, options, cut);
  while (cut !== '' && size(payload) > TEAMS_LIMITS.postBytes) {
    budget -= size(payload) - TEAMS_LIMITS.postBytes + 16;
    cut = truncateBytes(text, Math.max(0, budget));
    payload = renderTeamsWithText(message, options, cut);
  }
  return payload;
}

function renderTeamsWithText(
  message: NotificationMessage,
  options: TeamsOptions,
  text: string,
): TeamsPayload {
  const body: Array<Record<string, unknown>> = [
    {
      type: 'TextBlock',
      text: truncate(headline(message), 200),
      weight: 'Bolder',
      size: 'Large',
      wrap: true,
      color: LEVEL_STYLE[message.level],
    },
  ];
  const mention = mentionEntities(options.mentions ?? resolveMentions(recipientsOf(message)));
  if (mention.text !== '')
    body.push({ type: 'TextBlock', text: `Attention: ${mention.text}`, weight: 'Bolder', wrap: true });
  if (text.trim() !== '')
    body.push({ type: 'TextBlock', text: truncate(text, TEAMS_LIMITS.text), wrap: true });
  body.push({ type: 'FactSet', facts: facts(message).map((f) => ({ title: f.label, value: f.value })) });
  if (message.gates && message.gates.length > 0) {
    body.push({ type: 'TextBlock', text: 'Quality gates', weight: 'Bolder', wrap: true, spacing: 'Medium' });
    for (const g of message.gates.slice(0, TEAMS_LIMITS.gateLines))
      body.push({ type: 'TextBlock', text: truncate(gateLine(g), 500), wrap: true, spacing: 'None' });
  }
  body.push({
    type: 'TextBlock',
    text: `dhash-rollout · ${EVENT_LABELS[message.event]}`,
    isSubtle: true,
    size: 'Small',
    wrap: true,
  });
  const content: Record<string, unknown> = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    msteams: mention.entities.length > 0 ? { width: 'Full', entities: mention.entities } : { width: 'Full' },
    body,
  };
  const ls = links(message);
  if (ls.length > 0)
    content.actions = ls.map((l) => ({ type: 'Action.OpenUrl', title: l.label, url: l.url }));
  return {
    type: 'message',
    attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, contentUrl: null, content }],
  };
}
