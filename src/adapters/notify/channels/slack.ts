import { classifySlack, type HttpAnswer } from '../../../domain/delivery/classify.js';
import { renderSlack } from '../../../domain/messages/slack.js';
import { describeTarget } from '../../../runtime/http.js';
import { HttpChannelSender } from '../http-sender.js';
import { defineChannel } from './module.js';
import { webhookUrl, webhookVariable } from './webhook-settings.js';

export interface SlackSettings {
  url: string;
}

/** Slack incoming webhook, Block Kit body, Slack-native mentions. */
export const slack = defineChannel<SlackSettings, HttpAnswer>({
  name: 'slack',
  summary: 'Slack incoming webhook: Block Kit message; recipients become <@U…> and <!subteam^S…> mentions.',
  variables: [
    webhookVariable('SLACK_WEBHOOK_URL', 'slack-webhook-url', 'Slack incoming webhook URL'),
    {
      name: 'SLACK_CHANNEL',
      input: 'slack-channel',
      secret: false,
      required: false,
      description: 'Channel override (honoured by legacy webhooks only)',
    },
  ],
  settings: (vars, context) => webhookUrl('SLACK_WEBHOOK_URL', vars, context),
  target: (s) => describeTarget(s.url),
  render: (message, context) => ({
    ...renderSlack(message, { channel: context.vars.SLACK_CHANNEL, mentions: context.mentions }),
  }),
  classify: classifySlack,
  sender: (s) => new HttpChannelSender({ channel: 'slack', url: s.url, classify: classifySlack }),
});
