import { classifySlack, type HttpAnswer } from '../../../domain/delivery/classify.js';
import { renderSlack } from '../../../domain/messages/slack.js';
import { describeTarget } from '../../../runtime/http.js';
import { HttpChannelSender } from '../http-sender.js';
import { defineChannel } from './module.js';
import { webhookUrl } from './webhook-settings.js';
import { CHANNEL_VARIABLES } from '../../../config/channels.js';

export interface SlackSettings {
  url: string;
}

/** Slack incoming webhook, Block Kit body, Slack-native mentions. */
export const slack = defineChannel<SlackSettings, HttpAnswer>({
  name: 'slack',
  summary: 'Slack incoming webhook: Block Kit message; recipients become <@U…> and <!subteam^S…> mentions.',
  variables: CHANNEL_VARIABLES.slack,
  settings: (vars, context) => webhookUrl('SLACK_WEBHOOK_URL', vars, context),
  target: (s) => describeTarget(s.url),
  render: (message, context) => ({
    ...renderSlack(message, { channel: context.vars.SLACK_CHANNEL, mentions: context.mentions }),
  }),
  classify: classifySlack,
  sender: (s) => new HttpChannelSender({ channel: 'slack', url: s.url, classify: classifySlack }),
});
