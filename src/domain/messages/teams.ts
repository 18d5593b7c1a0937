import type { NotificationMessage } from '../../ports.js';
import { EVENT_LABELS, bodyText, facts, gateLine, headline, links } from './content.js';
import { truncate } from './text.js';

/**
 * Teams webhooks (Workflows and legacy connectors) take an Adaptive Card inside a message
 * wrapper: `{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive",
 * "content":{...}}]}`. Version 1.4 is what Teams renders in webhooks; the whole post must stay
 * under 28 KB, so the free text is capped well below that.
 */
export const TEAMS_LIMITS = { text: 8000, gateLines: 30 } as const;

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

export function renderTeams(message: NotificationMessage): TeamsPayload {
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
  if (message.mention)
    body.push({
      type: 'TextBlock',
      text: truncate(`Attention: ${message.mention}`, 200),
      weight: 'Bolder',
      wrap: true,
    });
  if (bodyText(message).trim() !== '')
    body.push({ type: 'TextBlock', text: truncate(bodyText(message), TEAMS_LIMITS.text), wrap: true });
  body.push({ type: 'FactSet', facts: facts(message).map((f) => ({ title: f.label, value: f.value })) });
  if (message.gates && message.gates.length > 0) {
    body.push({ type: 'TextBlock', text: 'Quality gates', weight: 'Bolder', wrap: true, spacing: 'Medium' });
    for (const g of message.gates.slice(0, TEAMS_LIMITS.gateLines))
      body.push({ type: 'TextBlock', text: gateLine(g), wrap: true, spacing: 'None' });
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
    msteams: { width: 'Full' },
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
