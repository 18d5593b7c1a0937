import { classifyGenericWebhook, type HttpAnswer } from '../../../domain/delivery/classify.js';
import { renderGeneric } from '../../../domain/messages/webhook.js';
import { describeTarget } from '../../../runtime/http.js';
import { HttpChannelSender } from '../http-sender.js';
import { defineChannel } from './module.js';
import { webhookUrl } from './webhook-settings.js';
import { CHANNEL_VARIABLES } from '../../../config/channels.js';

export interface GenericWebhookSettings {
  url: string;
}

/** Any JSON receiver: a documented, versioned body and an Idempotency-Key header. */
export const webhook = defineChannel<GenericWebhookSettings, HttpAnswer>({
  name: 'webhook',
  summary: 'Generic JSON webhook (dhash-rollout.notification/v1) with an Idempotency-Key header.',
  variables: CHANNEL_VARIABLES.webhook,
  settings: (vars, context) => webhookUrl('GENERIC_WEBHOOK_URL', vars, context),
  target: (s) => describeTarget(s.url),
  render: (message, context) => ({ ...renderGeneric(message, { timestamp: context.timestamp }) }),
  classify: classifyGenericWebhook,
  // Receivers that keep the key can drop a repeat of the same message.
  sender: (s) =>
    new HttpChannelSender({
      channel: 'webhook',
      url: s.url,
      classify: classifyGenericWebhook,
      headers: (c) => ({ 'idempotency-key': c.dedupKey }),
    }),
});
