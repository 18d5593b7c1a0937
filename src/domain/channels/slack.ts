import { z } from 'zod';
import { classifySlack } from '../delivery/classify.js';
import { renderSlack } from '../messages/slack.js';
import { lazily } from '../lazily.js';
import { defineChannel } from './channel-module.js';
import { settingText } from './setting-text.js';
import { describeTarget, plainVariable, webhookUrl, webhookUrlVariable } from './webhook-url.js';

const settingsSchema = lazily(() =>
  z.strictObject({
    webhook_url: settingText()
      .optional()
      .describe('Incoming-webhook URL (a secret): "${SLACK_WEBHOOK_URL}".'),
    url: settingText().optional().describe('Same as webhook_url (the seed wrote "url").'),
    channel: settingText().optional().describe('e.g. "#dhash-alerts" (SLACK_CHANNEL).'),
    username: settingText().optional(),
  }),
);

/** Slack incoming webhook, Block Kit body, Slack-native mentions. */
export const slack = defineChannel({
  name: 'slack',
  transport: 'http',
  summary: 'Slack incoming webhook: Block Kit message; recipients become <@U…> and <!subteam^S…> mentions.',
  get settingsSchema() {
    return settingsSchema();
  },
  variables: [
    webhookUrlVariable('SLACK_WEBHOOK_URL', 'slack-webhook-url', 'Slack incoming webhook URL'),
    plainVariable(
      'SLACK_CHANNEL',
      'slack-channel',
      false,
      'Channel override (honoured by legacy webhooks only)',
      ['channel'],
    ),
  ],
  settings: (vars, context) => webhookUrl('SLACK_WEBHOOK_URL', vars, context),
  target: (s) => describeTarget(s.url),
  render: (message, context) => ({
    ...renderSlack(message, { channel: context.vars.SLACK_CHANNEL, mentions: context.mentions }),
  }),
  requests: (s, payload) => [{ url: s.url, json: payload }],
  classify: classifySlack,
});
