import { createHash } from 'node:crypto';
import { z } from 'zod';
import { classifyStatus, type HttpAnswer } from '../delivery/classify.js';
import type { AttemptOutcome } from '../delivery/outcome.js';
import { EVENT_LABELS, gateLine, incidentKeyOf, links, plainText } from '../messages/content.js';
import { recipientsOf } from '../messages/mentions.js';
import { truncate } from '../messages/text.js';
import type { NotificationEvent, NotificationMessage } from '../../ports.js';
import { lazily } from '../lazily.js';
import { defineChannel } from './channel-module.js';
import { settingText } from './setting-text.js';
import { describeTarget, plainVariable, webhookUrlProblem } from './webhook-url.js';

/** PagerDuty Events API v2 (https://developer.pagerduty.com/docs/events-api-v2/trigger-events/). */
export const PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';
/** summary is cut at 1024 characters by PagerDuty; dedup_key may be at most 255. */
export const PAGER_LIMITS = { summary: 1024, dedupKey: 255 } as const;

export interface PagerSettings {
  url: string;
  routingKey: string;
}

/**
 * Which events page and which close the page. A breach's alert and escalations trigger its
 * incident; its recovery resolves it. A rollback triggers its own incident and a validated
 * rollback resolves it. Announcements that need nobody (a deployment started) do not page.
 */
const ACTION: Record<NotificationEvent, 'trigger' | 'resolve' | null> = {
  deployment_start: null,
  deployment_success: null,
  deployment_failure: 'trigger',
  rollback_start: 'trigger',
  rollback_success: 'resolve',
  rollback_failure: 'trigger',
  monitoring_alert: 'trigger',
  gate_resolved: 'resolve',
  escalation: 'trigger',
};

/** PagerDuty keeps 255 characters of a dedup key; a longer one is replaced by its digest, stably. */
export function pagerDedupKey(message: NotificationMessage): string {
  const key = incidentKeyOf(message);
  if (key.length <= PAGER_LIMITS.dedupKey) return key;
  return `dhash:${createHash('sha256').update(key).digest('hex')}`;
}

export function renderPager(message: NotificationMessage, timestamp: string): Record<string, unknown> | null {
  const action = ACTION[message.event];
  if (action === null) return null;
  const dedup_key = pagerDedupKey(message);
  // The routing key is a secret: it is added to each request when it is sent, never kept in a
  // body that is logged, printed by a dry-run or written to the fallback file.
  if (action === 'resolve') {
    const others = (message.resolves ?? []).map((key) => pagerDedupKey({ ...message, incidentKey: key }));
    // `also_resolve` is ours, not PagerDuty's: one resolve event is posted per key.
    return others.length > 0
      ? { event_action: 'resolve', dedup_key, also_resolve: others }
      : { event_action: 'resolve', dedup_key };
  }
  const ls = links(message);
  const body: Record<string, unknown> = {
    event_action: 'trigger',
    dedup_key,
    payload: {
      summary: truncate(message.title, PAGER_LIMITS.summary),
      source: `dhash-${message.environment}`,
      severity: message.level,
      timestamp,
      component: 'dhash',
      group: message.environment,
      class: EVENT_LABELS[message.event],
      custom_details: {
        text: plainText(message),
        deployment_id: message.deploymentId,
        ...(message.version ? { version: message.version } : {}),
        ...(message.gates ? { gates: message.gates.map(gateLine) } : {}),
        ...(recipientsOf(message).length > 0 ? { recipients: recipientsOf(message) } : {}),
      },
    },
    client: 'dhash-rollout',
  };
  if (message.links?.run) body.client_url = message.links.run;
  if (ls.length > 0) body.links = ls.map((l) => ({ href: l.url, text: l.label }));
  return body;
}

/** 202 is accepted; 400 is a bad event (retrying cannot help); 429 and 5xx are retried. */
export function classifyPagerDuty(answer: HttpAnswer, nowMs: number): AttemptOutcome {
  if (answer.status === 202) return { kind: 'delivered', detail: 'HTTP 202 accepted' };
  if (answer.status >= 200 && answer.status < 300)
    return { kind: 'permanent', error: `HTTP ${answer.status}: expected 202 from the Events API` };
  return classifyStatus(answer, nowMs);
}

const settingsSchema = lazily(() =>
  z
    .strictObject({
      routing_key_env: z
        .string()
        .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'expected the NAME of an environment variable' })
        .default('PAGERDUTY_ROUTING_KEY')
        .describe(
          'Environment variable holding the PagerDuty Events API v2 routing key. Default PAGERDUTY_ROUTING_KEY.',
        ),
      routing_key: settingText()
        .optional()
        .describe('The routing key itself, written as "${VAR}" (a secret).'),
      url: settingText()
        .optional()
        .describe('Events API endpoint. Default https://events.pagerduty.com/v2/enqueue.'),
      service: settingText().optional().describe('Free text naming the paged service.'),
    })
    .describe('The seed\'s "pager" channel (PagerDuty Events API v2).'),
);

/** The seed's `pager`: pages the on-call through PagerDuty, and resolves the page on recovery. */
export const pager = defineChannel({
  name: 'pager',
  transport: 'http',
  summary:
    'PagerDuty Events API v2: alerts and escalations trigger one incident per breach (dedup_key), recovery or a validated rollback resolves it.',
  get settingsSchema() {
    return settingsSchema();
  },
  variables: [
    {
      name: 'PAGERDUTY_ROUTING_KEY',
      input: 'pagerduty-routing-key',
      secret: true,
      required: true,
      description: 'PagerDuty Events API v2 integration (routing) key',
      settingKeys: ['routing_key'],
      variableNameKey: 'routing_key_env',
    },
    plainVariable(
      'PAGERDUTY_EVENTS_URL',
      'pagerduty-events-url',
      false,
      `Events API endpoint (default ${PAGERDUTY_EVENTS_URL}; EU accounts: https://events.eu.pagerduty.com/v2/enqueue)`,
      ['url'],
    ),
  ],
  settings: (vars, context) => {
    const routingKey = vars.PAGERDUTY_ROUTING_KEY;
    if (!routingKey) return ['PAGERDUTY_ROUTING_KEY is not set'];
    if (!/^[A-Za-z0-9]{32}$/.test(routingKey))
      return [
        'PAGERDUTY_ROUTING_KEY: expected the 32-character integration key of an Events API v2 integration',
      ];
    const url = vars.PAGERDUTY_EVENTS_URL || PAGERDUTY_EVENTS_URL;
    const problem = webhookUrlProblem('PAGERDUTY_EVENTS_URL', url, context.allowInsecureLoopback);
    return problem ? [problem] : { url, routingKey };
  },
  target: (s) => describeTarget(s.url),
  render: (message, context) => renderPager(message, context.timestamp),
  // Each attempt sends every event of the message; resolving or re-triggering the same dedup_key
  // twice is harmless, so a retry after a partial success repeats them all.
  requests: (s, payload) => {
    const { also_resolve: others, ...event } = payload;
    const keys = Array.isArray(others) ? others : [];
    return [event, ...keys.map((key: unknown) => ({ event_action: 'resolve', dedup_key: key }))].map((e) => ({
      url: s.url,
      json: { routing_key: s.routingKey, ...e },
    }));
  },
  classify: classifyPagerDuty,
});
