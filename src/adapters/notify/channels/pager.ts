import { classifyStatus, type HttpAnswer } from '../../../domain/delivery/classify.js';
import type { AttemptOutcome } from '../../../domain/delivery/outcome.js';
import { EVENT_LABELS, gateLine, incidentKeyOf, links, plainText } from '../../../domain/messages/content.js';
import { recipientsOf } from '../../../domain/messages/mentions.js';
import { truncate } from '../../../domain/messages/text.js';
import type { NotificationEvent, NotificationMessage } from '../../../ports.js';
import { describeTarget } from '../../../runtime/http.js';
import { HttpChannelSender } from '../http-sender.js';
import { defineChannel } from './module.js';
import { CHANNEL_VARIABLES, PAGERDUTY_EVENTS_URL } from '../../../config/channels.js';
import { webhookUrlProblem } from '../webhook-url.js';
import { createHash } from 'node:crypto';

/** PagerDuty Events API v2 (https://developer.pagerduty.com/docs/events-api-v2/trigger-events/). */
export { PAGERDUTY_EVENTS_URL };
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
  // The routing key is a secret: it is added by the sender, never kept in a body that is logged,
  // printed by a dry-run or written to the fallback file.
  if (action === 'resolve') {
    const others = (message.resolves ?? []).map((key) => pagerDedupKey({ ...message, incidentKey: key }));
    // `also_resolve` is ours, not PagerDuty's: the sender posts one resolve event per key.
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

/** The seed's `pager`: pages the on-call through PagerDuty, and resolves the page on recovery. */
export const pager = defineChannel<PagerSettings, HttpAnswer>({
  name: 'pager',
  summary:
    'PagerDuty Events API v2: alerts and escalations trigger one incident per breach (dedup_key), recovery or a validated rollback resolves it.',
  variables: CHANNEL_VARIABLES.pager,
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
  classify: classifyPagerDuty,
  sender: (s) => {
    const http = new HttpChannelSender({ channel: 'pager', url: s.url, classify: classifyPagerDuty });
    return {
      channel: 'pager',
      target: http.target,
      // Each attempt sends every event of the message; resolving or re-triggering the same
      // dedup_key twice is harmless, so a retry after a partial success repeats them all.
      attempt: async (payload, context) => {
        const { also_resolve: others, ...event } = payload;
        const events = [
          event,
          ...(Array.isArray(others) ? (others as unknown[]) : []).map((key) => ({
            event_action: 'resolve',
            dedup_key: key,
          })),
        ];
        let outcome: AttemptOutcome = { kind: 'delivered' };
        for (const e of events) {
          outcome = await http.attempt({ routing_key: s.routingKey, ...e }, context);
          if (outcome.kind !== 'delivered') return outcome;
        }
        return outcome;
      },
    };
  },
});
