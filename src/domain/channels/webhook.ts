import { z } from 'zod';
import { classifyGenericWebhook } from '../delivery/classify.js';
import { renderGeneric } from '../messages/webhook.js';
import { lazily } from '../lazily.js';
import { defineChannel } from './channel-module.js';
import { settingText } from './setting-text.js';
import { describeTarget, webhookUrl, webhookUrlVariable } from './webhook-url.js';

const settingsSchema = lazily(() =>
  z.strictObject({
    url: settingText().optional().describe('Generic JSON webhook URL (a secret): "${GENERIC_WEBHOOK_URL}".'),
  }),
);

/** Any JSON receiver: a documented, versioned body and an Idempotency-Key header. */
export const webhook = defineChannel({
  name: 'webhook',
  transport: 'http',
  summary: 'Generic JSON webhook (dhash-rollout.notification/v1) with an Idempotency-Key header.',
  get settingsSchema() {
    return settingsSchema();
  },
  variables: [webhookUrlVariable('GENERIC_WEBHOOK_URL', 'webhook-url', 'Generic JSON webhook URL', ['url'])],
  settings: (vars, context) => webhookUrl('GENERIC_WEBHOOK_URL', vars, context),
  target: (s) => describeTarget(s.url),
  render: (message, context) => ({ ...renderGeneric(message, { timestamp: context.timestamp }) }),
  // Receivers that keep the key can drop a repeat of the same message.
  requests: (s, payload, c) => [{ url: s.url, headers: { 'idempotency-key': c.dedupKey }, json: payload }],
  classify: classifyGenericWebhook,
});
